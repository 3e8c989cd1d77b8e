"""Benchmark of lagebild.relate on synthetic stores (not a test: run by hand, record in RESULTS.md).

    .venv/bin/python bench/relate_bench.py [--events 1000000] [--mentions 100000] [--dir /tmp]

1. Timeline/network/story: a store with N synthetic *merged* events (written straight into
   ``merged_events``: the queries read only that table). Countries are drawn Zipf-like, so the
   busiest dyad holds tens of thousands of events, like USA-RUS would. Targets: one dyad's
   timeline < 100 ms.
2. Merging: a store with M synthetic raw events in M/10 articles (written straight into
   ``articles``/``sentences``/``events``), about half of them repeats of an earlier event in other
   words and other outlets. Target: ``merge(store, full=True)`` < 60 s; also an incremental merge
   after 1% more articles.

Prints one Markdown section with medians; paste it into bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild.models import PLOVER_TYPES  # noqa: E402
from lagebild.relate import merge, network, story, timeline  # noqa: E402
from lagebild.store import Store  # noqa: E402
from lagebild.store.relations import refresh_dyad_months  # noqa: E402

COUNTRIES = [
    "USA",
    "RUS",
    "CHN",
    "UKR",
    "DEU",
    "FRA",
    "GBR",
    "ISR",
    "IRN",
    "TUR",
    "VEN",
    "PRK",
    "KOR",
    "JPN",
    "IND",
    "PAK",
    "SYR",
    "IRQ",
    "SAU",
    "EGY",
    "POL",
    "ITA",
    "ESP",
    "BRA",
    "MEX",
    "CUB",
    "CAN",
    "AUS",
    "NLD",
    "BEL",
    "AUT",
    "CHE",
    "SWE",
    "NOR",
    "FIN",
    "DNK",
    "HUN",
    "SRB",
    "BIH",
    "GRC",
    "ROU",
    "BGR",
    "LBN",
    "JOR",
    "QAT",
    "ARE",
    "AFG",
    "NGA",
    "ZAF",
    "ETH",
    "KEN",
    "SDN",
    "LBY",
    "MLI",
    "COL",
    "ARG",
    "CHL",
    "EU",
    "NATO",
    "UN",
]
WORDS = (
    "Regierung Präsident Minister Abkommen Gespräche Truppen Grenze Sanktionen Vertrag Hilfe Waffen "
    "Lieferung Angriff Verhandlungen Gipfel Kritik Vorwurf Drohung Armee Botschafter Partnerschaft "
    "Erklärung Treffen Besuch Telefonat Unterstützung Forderung Protest Manöver Rakete Drohne Hafen "
    "Flughafen Hauptstadt Parlament Wahlen Opposition Polizei Gericht Urteil Handel Zölle Energie Gas "
    "Pipeline Kredit Milliarden Waffenstillstand Rückzug Gefangene Austausch Delegation Kommission"
).split()
OUTLETS = [f"outlet{i}" for i in range(40)]


def _zipf_country(rng: random.Random) -> str:
    # Weight 1/rank: the first countries dominate, as in real news.
    return rng.choices(COUNTRIES, weights=[1 / (i + 1) for i in range(len(COUNTRIES))])[0]


def _pair(rng: random.Random) -> tuple[str, str]:
    a = _zipf_country(rng)
    b = _zipf_country(rng)
    while b == a:
        b = _zipf_country(rng)
    return a, b


def _median_ms(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def build_merged_store(path: Path, n: int, seed: int = 1) -> Store:
    rng = random.Random(seed)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    store = Store(path)
    start = date(2015, 1, 1)
    rows = []
    with store.conn:
        for i in range(n):
            a, b = _pair(rng)
            etype = rng.choice(PLOVER_TYPES)
            day = (start + timedelta(days=rng.randrange(3650))).isoformat()
            precision = rng.random()
            when = day if precision < 0.8 else day[:7]
            rows.append(
                (
                    f"{i:016x}",
                    "|".join(sorted((a, b))),
                    etype,
                    None,
                    0,
                    a,
                    None,
                    a,
                    b,
                    None,
                    b,
                    when,
                    "day" if len(when) == 10 else "month",
                    when,
                    "text",
                    "asserted" if rng.random() < 0.7 else "reported",
                    None,
                    f"{a} {rng.choice(WORDS)} {b} {rng.choice(WORDS)}",
                    1,
                    1,
                    1,
                    0.5,
                    day,
                    day,
                )
            )
            if len(rows) == 50_000:
                store.conn.executemany(f"INSERT INTO merged_events VALUES ({','.join('?' * 24)})", rows)
                rows = []
        if rows:
            store.conn.executemany(f"INSERT INTO merged_events VALUES ({','.join('?' * 24)})", rows)
    with store.conn:
        blocks = [r[0] for r in store.conn.execute("SELECT DISTINCT block FROM merged_events")]
        refresh_dyad_months(store, blocks)
    store.conn.execute("ANALYZE")
    return store


def _sentence(rng: random.Random, topic: list[str], a: str, b: str) -> str:
    words = topic + rng.sample(WORDS, 4)
    rng.shuffle(words)
    return f"{a} und {b}: " + " ".join(words) + "."


def build_raw_store(
    path: Path, n_events: int, seed: int = 2, start_article: int = 0, store: Store | None = None
) -> Store:
    rng = random.Random(seed)
    if store is None:
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        store = Store(path)
    # Real-world events that articles report; about half of the raw events repeat one of them.
    world = []
    for _ in range(max(1, n_events // 2)):
        a, b = _pair(rng)
        day = date(2023, 1, 1) + timedelta(days=rng.randrange(730))
        world.append((a, b, rng.choice(PLOVER_TYPES), day, rng.sample(WORDS, 5)))
    n_articles = max(1, n_events // 10)
    with store.conn:
        for k in range(start_article, start_article + n_articles):
            aid = f"art{k:08d}"
            published_day = date(2023, 1, 1) + timedelta(days=rng.randrange(740))
            body_parts = []
            events = []
            for j in range(10):
                a, b, etype, day, topic = rng.choice(world)
                r = rng.random()
                when = day.isoformat() if r < 0.6 else (day.isoformat()[:7] if r < 0.75 else None)
                text = _sentence(rng, topic, a, b)
                offset = sum(len(p) + 1 for p in body_parts)
                body_parts.append(text)
                events.append(
                    (
                        aid,
                        j,
                        etype,
                        a,
                        a,
                        b,
                        b,
                        when,
                        None if when is None else ("day" if len(when) == 10 else "month"),
                        "asserted",
                        text,
                        offset,
                        offset + len(text),
                        0.5,
                    )
                )
            body = "\n".join(body_parts)
            store.conn.execute(
                "INSERT INTO articles(id, doc, source, title, published, outlet, body) "
                "VALUES (?,?,?,?,?,?,?)",
                (aid, aid, "bench", None, published_day.isoformat(), rng.choice(OUTLETS), body),
            )
            store.conn.executemany(
                'INSERT INTO sentences(article_id, idx, start, "end") VALUES (?,?,?,?)',
                [(aid, e[1], e[11], e[12]) for e in events],
            )
            store.conn.executemany(
                "INSERT INTO events(article_id, idx, type, source_name, source_country, target_name, "
                'target_country, date, date_precision, modality, sentence, start, "end", confidence) '
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                events,
            )
    return store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--events", type=int, default=1_000_000, help="synthetic merged events for the query benchmark"
    )
    ap.add_argument(
        "--mentions", type=int, default=100_000, help="synthetic raw events for the merge benchmark"
    )
    ap.add_argument("--dir", type=Path, default=Path("/tmp"), help="where the benchmark databases go")
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    out: list[str] = []

    t0 = time.perf_counter()
    store = build_merged_store(args.dir / "relate_bench_merged.db", args.events)
    build_s = time.perf_counter() - t0
    busiest = store.conn.execute(
        "SELECT source_country, target_country, count(*) FROM merged_events "
        "GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1"
    ).fetchone()
    a, b, _ = busiest
    n_dyad = store.conn.execute(
        "SELECT count(*) FROM merged_events WHERE (source_country=? AND target_country=?) OR "
        "(source_country=? AND target_country=?)",
        (a, b, b, a),
    ).fetchone()[0]
    out.append(
        f"- store: {args.events:,} merged events (built in {build_s:.0f} s); "
        f"busiest dyad {a}-{b}: {n_dyad:,} events"
    )
    for by in ("month", "week", "day"):
        ms, res = _median_ms(lambda by=by: timeline(store, a, b, by=by), args.runs)
        out.append(f"- `timeline({a}, {b}, by={by})`: median **{ms:.1f} ms** ({len(res):,} buckets)")  # type: ignore[arg-type]
    ms, res = _median_ms(lambda: timeline(store, a, b, by="day", since="2024-01-01"), args.runs)
    out.append(
        f"- `timeline({a}, {b}, by=day, since=2024-01-01)` (last year): median **{ms:.1f} ms** "
        f"({len(res):,} buckets)"  # type: ignore[arg-type]
    )
    ms, res = _median_ms(lambda: timeline(store, "NOR", "MLI", by="month"), args.runs)
    out.append(f"- `timeline(NOR, MLI, by=month)` (a rare dyad): median **{ms:.1f} ms**")
    ms, res = _median_ms(lambda: network(store, since="2024-01-01"), 3)
    out.append(f"- `network(since=2024-01-01)`: median {ms:.0f} ms (scans all events of the period)")
    store.close()

    t0 = time.perf_counter()
    raw = build_raw_store(args.dir / "relate_bench_raw.db", args.mentions)
    build_s = time.perf_counter() - t0
    times = []
    report = None
    for _ in range(3):
        t1 = time.perf_counter()
        report = merge(raw, full=True)
        times.append(time.perf_counter() - t1)
    assert report is not None
    out.append(
        f"- merge: {report.events:,} raw events in {args.mentions // 10:,} articles "
        f"(built in {build_s:.0f} s) -> {report.merged:,} merged events; "
        f"`merge(full=True)` median **{statistics.median(times):.1f} s** (3 runs)"
    )
    build_raw_store(
        args.dir / "relate_bench_raw.db", args.mentions // 100, seed=3, start_article=10_000_000, store=raw
    )
    t1 = time.perf_counter()
    report = merge(raw)
    out.append(
        f"- incremental `merge()` after {args.mentions // 1000:,} more articles: "
        f"{time.perf_counter() - t1:.1f} s "
        f"({report.blocks:,} blocks recomputed)"
    )
    ms, res = _median_ms(lambda: story(raw, "USA", "RUS"), 5)
    out.append(
        f"- `story(USA, RUS)` on the merged store: median {ms:.0f} ms ({len(res):,} items with sources)"
    )  # type: ignore[arg-type]
    raw.close()

    header = (
        f"## relate ({date.today().isoformat()}, Python {platform.python_version()}, "
        f"{platform.machine()}, 2 shared cores)"
    )
    print("\n".join([header, "", *out, ""]))


if __name__ == "__main__":
    main()
