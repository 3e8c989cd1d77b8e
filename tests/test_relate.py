"""Merging, dyads and storylines on small hand-built Documents that resemble the seeds."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from lagebild.models import ActorRef, Document, Event, Sentence, content_id
from lagebild.relate import QueryError, merge, network, pending, sparkline, story, timeline, too_coarse
from lagebild.relate._data import merge_types, type_weight, weights
from lagebild.relate.dyads import period_of
from lagebild.relate.merge import date_score, jaccard, tokens
from lagebild.store import Store

RUS = ActorRef("Russland", "Q159", "RUS")
PUTIN = ActorRef("Putin", "Q7747", "RUS", "GOV")
VEN = ActorRef("Venezuela", "Q717", "VEN")
MADURO = ActorRef("Maduro", "Q57413", "VEN", "GOV")
USA = ActorRef("US-Regierung", "Q30", "USA", "GOV")


@dataclass(frozen=True)
class Ev:
    """An event to put on one sentence of a hand-built article."""

    type: str
    source: ActorRef | None
    target: ActorRef | None
    date: str | None = None
    modality: str = "asserted"
    attributed_to: str | None = None
    mode: str | None = None
    confidence: float = 0.5


@dataclass(frozen=True)
class Line:
    text: str
    events: Sequence[Ev] = field(default_factory=tuple)


def make_doc(name: str, lines: Sequence[Line], published: str | None, outlet: str | None) -> Document:
    """A Document whose body is the lines (one sentence each) with events on them."""
    body = ""
    sentences: list[Sentence] = []
    events: list[Event] = []
    for line in lines:
        start = len(body)
        body += line.text
        end = len(body)
        body += "\n"
        sentences.append(Sentence(start, end, line.text))
        for ev in line.events:
            precision = None if ev.date is None else {4: "year", 7: "month"}.get(len(ev.date), "day")
            events.append(
                Event(
                    type=ev.type,
                    source=ev.source,
                    target=ev.target,
                    modality=ev.modality,  # type: ignore[arg-type]
                    sentence=line.text,
                    start=start,
                    end=end,
                    mode=ev.mode,
                    date=ev.date,
                    date_precision=precision,  # type: ignore[arg-type]
                    attributed_to=ev.attributed_to,
                    confidence=ev.confidence,
                )
            )
    title = lines[0].text
    return Document(
        id=content_id(title, body),
        doc=name,
        source=name,
        body=body,
        title=title,
        published=published,
        outlet=outlet,
        language="de",
        sentences=tuple(sentences),
        events=tuple(events),
    )


# The partnership article: headline, lead and body all report one signing; plus an older
# agreement in May (different date: a different event) and an undated accusation.
PARTNERSHIP = make_doc(
    "partnership.txt",
    [
        Line("Putin besiegelt Partnerschaft mit Venezuela", [Ev("AGREE", PUTIN, VEN, "2025-10-27")]),
        Line(
            "Russland und Venezuela haben eine strategische Partnerschaft geschlossen.",
            [Ev("AGREE", RUS, VEN, "2025-10-27", mode="sign")],
        ),
        Line(
            "Putin unterzeichnete die Vereinbarung und setzte das Abkommen damit in Kraft, meldete TASS.",
            [Ev("AGREE", PUTIN, VEN, "2025-10-27", "reported", "TASS", "sign")],
        ),
        Line(
            "Beide Länder hatten sich beim Besuch Maduros "
            "im Mai in Moskau auf eine Partnerschaft verständigt.",
            [Ev("AGREE", VEN, RUS, "2025-05")],
        ),
        Line(
            "Die US-Regierung wirft Maduro vor, direkt in den Drogenhandel verwickelt zu sein.",
            [Ev("ACCUSE", USA, MADURO)],
        ),
    ],
    published="2025-10-28T09:12:00",
    outlet="ORF",
)

# Another outlet reports the same signing, coded as a compatible type in the other direction.
SIGNING_ELSEWHERE = make_doc(
    "signing.txt",
    [
        Line("Venezuela und Russland unterzeichnen Abkommen über strategische Partnerschaft"),
        Line(
            "Venezuela und Russland haben am Montag "
            "ein Abkommen über strategische Partnerschaft unterzeichnet.",
            [Ev("COOPERATE", VEN, RUS, "2025-10-27", mode="sign")],
        ),
    ],
    published="2025-10-28",
    outlet="Der Standard",
)

PHONE_CALL = make_doc(
    "phone.txt",
    [
        Line("Putin sichert Maduro Unterstützung zu"),
        Line(
            "Der russische Präsident hat mit dem venezolanischen Staatschef Nicolás Maduro telefoniert.",
            [Ev("CONSULT", PUTIN, MADURO, "2025-12-11", mode="phone")],
        ),
        Line(
            "Putin habe Maduro seine Unterstützung zugesichert, teilte der Kreml mit.",
            [Ev("SUPPORT", PUTIN, MADURO, "2025-12-11", "reported", "Kreml")],
        ),
        Line(
            "Von militärischer Hilfe Russlands war keine Rede.",
            [Ev("AID", RUS, VEN, None, "negated")],
        ),
    ],
    published="2025-12-12T08:00:00",
    outlet="Tagesspiegel",
)

SUPPORT_ELSEWHERE = make_doc(
    "support.txt",
    [
        Line(
            "Kremlchef Putin hat Venezuelas Präsident Maduro "
            "in einem Telefonat seine Unterstützung zugesichert.",
            [Ev("SUPPORT", PUTIN, MADURO, "2025-12-11", confidence=0.6)],
        ),
    ],
    published="2025-12-12",
    outlet="ORF",  # same outlet as PARTNERSHIP, a different source than Tagesspiegel
)

# No date anywhere: text or publication. Must come last in a storyline.
OFFICIALS_ACCUSE = make_doc(
    "officials.txt",
    [
        Line(
            "Venezolanische Beamte werfen Russland vor, die versprochenen Lieferungen zurückzuhalten.",
            [Ev("ACCUSE", VEN, RUS)],
        ),
    ],
    published=None,
    outlet=None,
)

ALL_DOCS = (PARTNERSHIP, SIGNING_ELSEWHERE, PHONE_CALL, SUPPORT_ELSEWHERE, OFFICIALS_ACCUSE)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "relate.db")
    s.write_many((d, None, None) for d in ALL_DOCS)
    merge(s)
    return s


def _merged(store: Store) -> list[tuple[str, str | None, int, int, int]]:
    sql = (
        "SELECT type, date, n_mentions, n_articles, n_sources FROM merged_events "
        "ORDER BY coalesce(day, 'z'), type, date"
    )
    return [tuple(r) for r in store.conn.execute(sql)]


# --- data files ---------------------------------------------------------------------------


def test_every_plover_type_has_a_weight_quad_and_cameo_root() -> None:
    table = weights()
    assert type_weight("ASSAULT").weight == -9.0 and type_weight("ASSAULT").quad == 4
    assert type_weight("AID").quad == 2 and type_weight("AID").cameo_root == "07"
    assert type_weight("CONSULT", "phone").weight < type_weight("CONSULT", "visit").weight
    assert type_weight("CONSULT", "unknown-mode") == table[("CONSULT", None)]
    cooperative = {t for (t, m), w in table.items() if m is None and w.weight > 0}
    assert cooperative == {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}


def test_symmetric_and_compatible_types() -> None:
    kinds = merge_types()
    assert kinds.symmetric == {"CONSULT", "AGREE", "COOPERATE"}
    assert kinds.relation("AGREE", "COOPERATE") == kinds.relation("COOPERATE", "AGREE") == 0.8
    assert kinds.relation("AGREE", "ASSAULT") == 0.0


# --- pure helpers -------------------------------------------------------------------------


def test_date_score_is_precision_aware() -> None:
    assert date_score("2025-12-11", "2025-12-11") == 1.0
    assert date_score("2025-12-11", "2025-12-12") == 0.5
    assert date_score("2025-12-11", "2025-12-14") == 0.0
    assert date_score("2025-12", "2025-12-11") == date_score("2025-12-11", "2025-12") == 0.7
    assert date_score("2025-11", "2025-12-11") == 0.0
    assert date_score("2025", "2025-12-11") == 0.4
    assert date_score("2024", "2025-12") == 0.0


def test_evidence_similarity_ignores_function_words_and_inflection() -> None:
    a = tokens("Putin hat Maduro seine Unterstützung zugesichert")
    b = tokens("Putin sicherte Maduro die Unterstützung Russlands zu")
    assert {"putin", "maduro", "unters"} <= a & b
    assert jaccard(a, b) > 0.4
    assert jaccard(a, tokens("Die Ölpreise steigen weiter")) == 0.0
    assert jaccard(frozenset(), a) == 0.0


# --- merging -----------------------------------------------------------------------------


def test_title_lead_body_and_other_outlet_merge_into_one_signing(store: Store) -> None:
    rows = store.conn.execute(
        "SELECT id, type, date, n_mentions, n_articles, n_sources, modality, confidence, symmetric "
        "FROM merged_events WHERE date = '2025-10-27'"
    ).fetchall()
    assert len(rows) == 1
    mid, etype, date, n_mentions, n_articles, n_sources, modality, confidence, symmetric = rows[0]
    assert etype == "AGREE"  # 3 AGREE mentions outvote 1 COOPERATE
    assert (n_mentions, n_articles, n_sources) == (4, 2, 2)
    assert modality == "asserted" and symmetric == 1
    assert confidence == pytest.approx(0.75)  # two sources at 0.5 each
    mentions = store.conn.execute(
        "SELECT article_id, sentence_index, outlet, modality, attributed_to FROM event_mentions "
        "WHERE merged_id = ? ORDER BY article_id, sentence_index",
        (mid,),
    ).fetchall()
    expected = sorted(
        [
            (PARTNERSHIP.id, 0, "ORF", "asserted", None),
            (PARTNERSHIP.id, 1, "ORF", "asserted", None),
            (PARTNERSHIP.id, 2, "ORF", "reported", "TASS"),
            (SIGNING_ELSEWHERE.id, 1, "Der Standard", "asserted", None),
        ]
    )
    assert [tuple(m) for m in mentions] == expected


def test_whole_fixture_merges_to_the_expected_events(store: Store) -> None:
    assert store.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 11
    assert store.conn.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == 11
    assert _merged(store) == [
        ("AGREE", "2025-05", 1, 1, 1),  # an earlier agreement: another month, another event
        ("AGREE", "2025-10-27", 4, 2, 2),
        ("ACCUSE", None, 1, 1, 1),  # US accusation, placed by publication day 2025-10-28
        ("CONSULT", "2025-12-11", 1, 1, 1),
        ("SUPPORT", "2025-12-11", 2, 2, 2),  # Tagesspiegel + ORF
        ("AID", None, 1, 1, 1),  # the denial stays its own (negated) event
        ("ACCUSE", None, 1, 1, 1),  # no date at all
    ]


def test_merge_ids_are_deterministic_and_rerun_changes_nothing(store: Store, tmp_path: Path) -> None:
    ids = sorted(r[0] for r in store.conn.execute("SELECT id FROM merged_events"))
    report = merge(store)
    assert report.blocks == 0 and report.merged == 0
    other = Store(tmp_path / "other.db")
    other.write_many((d, None, None) for d in reversed(ALL_DOCS))
    merge(other)
    assert sorted(r[0] for r in other.conn.execute("SELECT id FROM merged_events")) == ids


def test_incremental_merge_equals_full_merge(tmp_path: Path) -> None:
    inc = Store(tmp_path / "inc.db")
    inc.write(PARTNERSHIP)
    merge(inc)
    inc.write_many((d, None, None) for d in ALL_DOCS[1:])
    report = merge(inc)
    # RUS|VEN|2025 and RUS|VEN|- (undated, unpublished) gained events; USA|VEN|2025 is left alone.
    assert report.blocks == 2
    full = Store(tmp_path / "full.db")
    full.write_many((d, None, None) for d in ALL_DOCS)
    merge(full, full=True)
    assert _merged(inc) == _merged(full)
    # Deleting an article shrinks its events; the next merge notices without new events.
    assert pending(inc) == 0
    inc.delete_article(SIGNING_ELSEWHERE.id)
    assert pending(inc) == 1
    merge(inc)
    assert pending(inc) == 0
    signing = inc.conn.execute(
        "SELECT n_mentions, n_sources FROM merged_events WHERE date='2025-10-27'"
    ).fetchone()
    assert tuple(signing) == (3, 1)


def test_events_without_resolved_actors_still_merge_by_name(tmp_path: Path) -> None:
    nobody = make_doc(
        "nobody.txt",
        [
            Line(
                "Demonstranten protestierten vor dem Parlament.",
                [Ev("PROTEST", ActorRef("Demonstranten", None, None), None)],
            ),
            Line(
                "Die Demonstranten protestierten erneut.",
                [Ev("PROTEST", ActorRef("demonstranten", None, None), None)],
            ),
            Line("Unbekannte griffen an.", [Ev("ASSAULT", None, None, "2025-11-02")]),
        ],
        "2025-11-03",
        None,
    )
    s = Store(tmp_path / "nobody.db")
    assert pending(s) == 0 and merge(s).merged == 0  # an empty store merges to nothing
    s.write(nobody)
    merge(s)
    assert sorted(_merged(s)) == [("ASSAULT", "2025-11-02", 1, 1, 1), ("PROTEST", None, 2, 1, 1)]
    assert network(s) == []  # no pair of resolved actors


def _pair_store(tmp_path: Path, first: Document, second: Document) -> Store:
    s = Store(tmp_path / f"{first.doc}-{second.doc}.db")
    s.write_many([(first, None, None), (second, None, None)])
    merge(s)
    return s


def test_different_days_and_negation_do_not_merge(tmp_path: Path) -> None:
    a = make_doc(
        "a",
        [Line("Die USA versenkten ein Schnellboot.", [Ev("ASSAULT", USA, VEN, "2025-11-02")])],
        "2025-11-03",
        "A",
    )
    b = make_doc(
        "b",
        [Line("Die USA versenkten erneut ein Schnellboot.", [Ev("ASSAULT", USA, VEN, "2025-11-09")])],
        "2025-11-10",
        "B",
    )
    assert len(_merged(_pair_store(tmp_path, a, b))) == 2
    c = make_doc(
        "c",
        [Line("Russland schickte Militärexperten.", [Ev("AID", RUS, VEN, "2025-11-02")])],
        "2025-11-03",
        "A",
    )
    d = make_doc(
        "d",
        [Line("Russland schickte keine Militärexperten.", [Ev("AID", RUS, VEN, "2025-11-02", "negated")])],
        "2025-11-03",
        "B",
    )
    assert len(_merged(_pair_store(tmp_path, c, d))) == 2


def test_direction_matters_for_asymmetric_types_only(tmp_path: Path) -> None:
    a = make_doc(
        "a",
        [Line("Venezuela wirft den USA Aggression vor.", [Ev("ACCUSE", VEN, USA, "2025-11-02")])],
        "2025-11-02",
        "A",
    )
    b = make_doc(
        "b",
        [Line("Die USA werfen Venezuela Drogenhandel vor.", [Ev("ACCUSE", USA, VEN, "2025-11-02")])],
        "2025-11-02",
        "B",
    )
    assert len(_merged(_pair_store(tmp_path, a, b))) == 2
    c = make_doc(
        "c",
        [Line("Trump und Maduro telefonierten.", [Ev("CONSULT", USA, MADURO, "2025-11-02")])],
        "2025-11-02",
        "A",
    )
    d = make_doc(
        "d",
        [Line("Maduro und Trump sprachen am Telefon.", [Ev("CONSULT", MADURO, USA, "2025-11-02")])],
        "2025-11-02",
        "B",
    )
    assert len(_merged(_pair_store(tmp_path, c, d))) == 1


def test_undated_events_merge_across_articles_only_with_strong_similarity(tmp_path: Path) -> None:
    text = "Die US-Regierung wirft Maduro vor, direkt in den Drogenhandel verwickelt zu sein."
    a = make_doc("a", [Line(text, [Ev("ACCUSE", USA, MADURO)])], "2025-11-02", "A")
    b = make_doc("b", [Line(text + " Das bestreitet er.", [Ev("ACCUSE", USA, MADURO)])], "2025-11-04", "B")
    assert _merged(_pair_store(tmp_path, a, b)) == [("ACCUSE", None, 2, 2, 2)]
    c = make_doc(
        "c", [Line("Washington kritisiert Caracas scharf.", [Ev("ACCUSE", USA, VEN)])], "2025-11-04", "C"
    )
    assert len(_merged(_pair_store(tmp_path, a, c))) == 2
    # Without any date or publication date, strong similarity alone merges.
    f = make_doc("f", [Line(text + " Alt.", [Ev("ACCUSE", USA, MADURO)])], None, "F")
    g = make_doc("g", [Line(text + " Auch alt.", [Ev("ACCUSE", USA, MADURO)])], None, "G")
    assert _merged(_pair_store(tmp_path, f, g)) == [("ACCUSE", None, 2, 2, 2)]
    # Same words, but reported two months apart: not the same event.
    e = make_doc("e", [Line(text + " Neu.", [Ev("ACCUSE", USA, MADURO)])], "2026-01-10", "E")
    assert len(_merged(_pair_store(tmp_path, a, e))) == 2


def test_month_date_merges_with_a_day_in_it_when_evidence_is_similar(tmp_path: Path) -> None:
    a = make_doc(
        "a",
        [
            Line(
                "Russland und Nordkorea unterzeichneten einen Beistandspakt.",
                [Ev("AGREE", RUS, ActorRef("Nordkorea", None, "PRK"), "2025-06-19")],
            )
        ],
        "2025-06-20",
        "A",
    )
    b = make_doc(
        "b",
        [
            Line(
                "Im Juni unterzeichneten Nordkorea und Russland einen Beistandspakt.",
                [Ev("AGREE", ActorRef("Nordkorea", None, "PRK"), RUS, "2025-06")],
            )
        ],
        "2025-07-01",
        "B",
    )
    s = _pair_store(tmp_path, a, b)
    assert _merged(s) == [("AGREE", "2025-06-19", 2, 2, 2)]


# --- stories ------------------------------------------------------------------------------


def test_story_reads_in_date_order_with_undated_items_placed_sensibly(store: Store) -> None:
    items = story(store, "rus", "VEN")
    assert [(i.type, i.when, i.when_source) for i in items] == [
        ("AGREE", "2025-05", "text"),
        ("AGREE", "2025-10-27", "text"),
        ("CONSULT", "2025-12-11", "text"),
        ("SUPPORT", "2025-12-11", "text"),
        ("AID", "2025-12-12", "published"),
        ("ACCUSE", None, None),
    ]
    signing = items[1]
    assert signing.n_sources == 2
    assert sorted(s.outlet or "" for s in signing.sources) == ["Der Standard", "ORF", "ORF", "ORF"]
    assert any(s.attributed_to == "TASS" and s.modality == "reported" for s in signing.sources)
    support = items[3]
    # One outlet states it, the other attributes it to the Kremlin: the event is asserted, and
    # the attribution stays visible on its mention.
    assert support.modality == "asserted"
    assert any(s.modality == "reported" and s.attributed_to == "Kreml" for s in support.sources)
    assert {s.doc for s in support.sources} == {"phone.txt", "support.txt"}
    assert items[4].modality == "negated"
    assert [i.type for i in story(store, "RUS", "VEN", modalities=("asserted", "reported"))] == [
        "AGREE",
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "ACCUSE",
    ]


def test_story_of_unrelated_pair_is_empty(store: Store) -> None:
    assert story(store, "CHN", "VEN") == []


# --- dyads --------------------------------------------------------------------------------


def test_period_labels() -> None:
    assert period_of("2025-12-11", "day") == "2025-12-11"
    assert period_of("2025-12-11", "week") == "2025-W50"
    assert period_of("2025-12-11", "month") == "2025-12"
    assert period_of("2025-12", "day") is None
    assert period_of("2025-12", "year") == period_of("2025", "year") == "2025"
    with pytest.raises(QueryError, match="by must be"):
        period_of("2025-12-11", "decade")


def test_monthly_timeline_counts_merged_factual_events(store: Store) -> None:
    buckets = timeline(store, "RUS", "VEN", by="month")
    assert [(b.period, b.n_events) for b in buckets] == [("2025-05", 1), ("2025-10", 1), ("2025-12", 2)]
    dec = buckets[-1]
    assert dec.counts == {"CONSULT": 1, "SUPPORT": 1}  # the negated AID is not counted
    assert dec.quad == {"verbal_cooperation": 2}
    assert dec.score == pytest.approx(
        (type_weight("CONSULT", "phone").weight + type_weight("SUPPORT").weight) / 2
    )
    assert dec.n_sources == 3
    assert (dec.n_ab, dec.n_ba) == (2, 0)
    may = timeline(store, "VEN", "RUS")[0]
    assert (may.period, may.n_ab, may.n_ba) == ("2025-05", 1, 0)  # stored VEN -> RUS
    filled = timeline(store, "RUS", "VEN", by="month", fill=True)
    assert [b.period for b in filled][:3] == ["2025-05", "2025-06", "2025-07"] and len(filled) == 8
    assert filled[1].n_events == 0


def test_daily_timeline_leaves_out_month_only_events_and_says_so(store: Store) -> None:
    days = timeline(store, "RUS", "VEN", by="day")
    assert [b.period for b in days] == ["2025-10-27", "2025-12-11"]
    assert too_coarse(store, "RUS", "VEN", "day") == 2  # the May agreement, the undated accusation
    assert timeline(store, "RUS", "VEN", by="week")[-1].period == "2025-W50"
    assert [(b.period, b.n_events) for b in timeline(store, "RUS", "VEN", by="year")] == [("2025", 4)]
    assert too_coarse(store, "RUS", "VEN", "month") == 1


def test_bad_level_is_a_typed_error(store: Store) -> None:
    with pytest.raises(QueryError, match="level must be"):
        timeline(store, "RUS", "VEN", level="galaxy")


def test_timeline_range(store: Store) -> None:
    assert [b.period for b in timeline(store, "RUS", "VEN", since="2025-10-01")] == ["2025-10", "2025-12"]
    assert [b.period for b in timeline(store, "RUS", "VEN", until="2025-10")] == ["2025-05", "2025-10"]
    days = timeline(store, "RUS", "VEN", by="day", since="2025-12-01", until="2025-12-11")
    assert [(b.period, b.n_events) for b in days] == [("2025-12-11", 2)]


def test_directed_timeline(store: Store) -> None:
    rus_to_ven = timeline(store, "RUS", "VEN", directed=True)
    assert [b.period for b in rus_to_ven] == ["2025-10", "2025-12"]
    assert all(b.n_ba == 0 for b in rus_to_ven)
    assert [b.period for b in timeline(store, "VEN", "RUS", directed=True)] == ["2025-05"]


def test_network_lists_pairs_busiest_first(store: Store) -> None:
    rel = network(store)
    assert [(r.a, r.b, r.n_events) for r in rel] == [("RUS", "VEN", 5), ("USA", "VEN", 1)]
    rus_ven = rel[0]
    assert rus_ven.counts == {"ACCUSE": 1, "AGREE": 2, "CONSULT": 1, "SUPPORT": 1}
    assert rus_ven.first == "2025-05" and rus_ven.last == "2025-12"
    assert network(store, since="2025-05-15")[0].first == "2025-10"  # a day: read from the events
    assert rel[1].score == type_weight("ACCUSE").weight
    assert network(store, since="2025-11-01") == [network(store, since="2025-11-01")[0]]
    assert network(store, limit=1)[0].b == "VEN"


def test_sparkline() -> None:
    assert sparkline([]) == ""
    assert sparkline([0, 0]) == "▁▁"
    assert sparkline([0, 1, 2, 7]) == "▁▂▃█"
    assert sparkline([-9.0, 0.0, 4.5]) == "▁▆█"
    assert len(sparkline([1.0] * 5)) == 5


# --- the seeds, with the gold events as extractor output ----------------------------------------

SHARED_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


def _naive_sentences(body: str) -> list[tuple[int, int]]:
    """Line and full-stop boundaries: enough to number the sentences of a seed page."""
    spans, start = [], 0
    for m in re.finditer(r"\n+|(?<=[.!?])\s+", body):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(body):
        spans.append((start, len(body)))
    return spans


def _gold_documents() -> list[Document]:
    if not (SHARED_GOLD / "seed_events.jsonl").exists() or not SEEDS.is_dir():
        pytest.skip("gold annotations (../shared/gold) or examples/seeds not available")
    meta = {d["doc"]: d for d in map(json.loads, (SHARED_GOLD / "seed_docs.jsonl").read_text().splitlines())}
    gold: dict[str, list[dict[str, object]]] = {}
    for line in (SHARED_GOLD / "seed_events.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        if not g.get("negative"):
            gold.setdefault(g["doc"], []).append(g)
    docs = []
    for name, info in sorted(meta.items()):
        body = (SEEDS / name).read_text(encoding="utf-8")
        spans = _naive_sentences(body)
        events = []
        for g in gold.get(name, []):
            at = body.find(str(g["quote"]))
            assert at >= 0, g["quote"]
            start, end = next((s, e) for s, e in spans if s <= at < e)

            def ref(code: object) -> ActorRef | None:
                return ActorRef(str(code), None, str(code)) if code else None

            date = g["date"]
            events.append(
                Event(
                    type=str(g["type"]),
                    source=ref(g["source"]),
                    target=ref(g["target"]),
                    modality=g["modality"],  # type: ignore[arg-type]
                    sentence=body[start:end],
                    start=start,
                    end=end,
                    mode=g.get("mode"),  # type: ignore[arg-type]
                    date=date,  # type: ignore[arg-type]
                    date_precision=None if not date else {4: "year", 7: "month"}.get(len(str(date)), "day"),  # type: ignore[arg-type]
                    attributed_to=g.get("attributed_to"),  # type: ignore[arg-type]
                )
            )
        docs.append(
            Document(
                id=content_id(info.get("title"), body),
                doc=name,
                source=name,
                body=body,
                title=info.get("title"),
                published=info.get("published"),
                outlet=info.get("outlet"),
                sentences=tuple(Sentence(s, e, body[s:e]) for s, e in spans),
                events=tuple(events),
            )
        )
    return docs


@pytest.fixture
def gold_store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "gold.db")
    s.write_many((d, None, None) for d in _gold_documents())
    merge(s)
    return s


def test_gold_seed_events_merge_into_fewer_real_events(gold_store: Store) -> None:
    n_raw = gold_store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    n_merged = gold_store.conn.execute("SELECT count(*) FROM merged_events").fetchone()[0]
    assert n_raw == 64 and n_merged <= 0.75 * n_raw
    # The five accusations of Venezuela's officials in one article are one event.
    (accuse,) = gold_store.conn.execute(
        "SELECT n_mentions, n_articles FROM merged_events WHERE type='ACCUSE' AND source_country='VEN' "
        "AND target_country='RUS'"
    ).fetchall()
    assert tuple(accuse) == (5, 1)


def test_gold_seed_story_russia_venezuela(gold_store: Store) -> None:
    items = story(gold_store, "RUS", "VEN")
    order = [(i.type, i.when) for i in items]
    signing = order.index(("AGREE", "2025-10-27"))
    support = order.index(("SUPPORT", "2025-12-11"))
    assert order[0][1] == "2025-05"
    assert signing < support
    assert items[signing].n_sources == 1 and len(items[signing].sources) >= 2  # title + body of one page
    # The headline "Putin besiegelt Partnerschaft" (SUPPORT) is the signing's title mention.
    assert not any(i.type == "SUPPORT" and i.when == "2025-10-27" for i in items)
    undated = [i for i in items if i.when is None]
    assert items[-len(undated) :] == undated
    accuse = next(i for i in undated if i.type == "ACCUSE")
    assert (accuse.source, accuse.target, len(accuse.sources)) == ("VEN", "RUS", 5)
    assert undated.index(accuse) > 0  # after the earlier article's undated item, before its own later ones


# --- the seeds through the real pipeline (needs the trained NER model) ---------------------------


def test_seeds_pipeline_story_reads_from_signing_to_accusation(tmp_path: Path) -> None:
    from lagebild.config import Settings
    from lagebild.nlp.ner import model_path
    from lagebild.runner import run

    if not (model_path() / "config.cfg").exists():
        pytest.skip("no trained NER model (lagebild train ner, or LAGEBILD_NER_MODEL)")
    if not SEEDS.is_dir():
        pytest.skip("examples/seeds not available")
    s = Store(tmp_path / "seeds.db")
    run([str(SEEDS)], s, Settings())
    merge(s)
    n_raw = s.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    n_merged = s.conn.execute("SELECT count(*) FROM merged_events").fetchone()[0]
    assert 0 < n_merged < n_raw
    items = story(s, "RUS", "VEN")
    dated = [(i.type, i.when) for i in items if i.when_source == "text"]
    assert ("AGREE", "2025-10-27") in dated
    signing = dated.index(("AGREE", "2025-10-27"))
    later = [t for t, w in dated[signing + 1 :] if w and w.startswith("2025-12-11")]
    assert "SUPPORT" in later  # Putin assures Maduro of his support, after the signing
    assert len(items[[i.when for i in items].index("2025-10-27")].sources) >= 2  # title/lead + body
    undated = [i for i in items if i.when is None]
    assert any(i.type == "ACCUSE" and i.source == "VEN" for i in undated)
    assert items[-len(undated) :] == undated


def test_syndicated_copies_count_as_one_source(tmp_path: Path) -> None:
    text = "Putin hat Maduro in einem Telefonat seine Unterstützung zugesichert, meldet die Agentur."
    copies = [
        make_doc(
            f"copy{i}.txt",
            [Line(text + " " * i, [Ev("SUPPORT", PUTIN, MADURO, "2025-12-11")])],
            "2025-12-12",
            o,
        )
        for i, o in enumerate(("Kurier", "Presse", "ORF"))
    ]
    s = Store(tmp_path / "copies.db")
    s.write_many((d, None, None) for d in copies)
    merge(s)
    assert _merged(s) == [("SUPPORT", "2025-12-11", 3, 3, 3)]  # no syndication info: three outlets
    # The near-duplicate step (clean/duplicates.py) found copy1/copy2 to be copies of copy0.
    s.conn.execute(
        "CREATE TABLE IF NOT EXISTS near_duplicates (article_id TEXT PRIMARY KEY, cluster_id TEXT NOT NULL, "
        "similarity REAL NOT NULL, signature BLOB NOT NULL)"
    )
    s.conn.executemany(
        "INSERT INTO near_duplicates VALUES (?, ?, 1.0, x'00')", [(d.id, copies[0].id) for d in copies]
    )
    s.conn.commit()
    merge(s, full=True)
    assert _merged(s) == [("SUPPORT", "2025-12-11", 3, 3, 1)]
    assert s.conn.execute("SELECT confidence FROM merged_events").fetchone()[0] == pytest.approx(0.5)
