"""Exports of merged events, their mentions, actors and dyads: jsonl, csv, parquet, graphml.

Every table has a fixed, documented column list (``TABLES``; ``columns_markdown()`` renders it
for the README) with the closest GDELT 2.0 event-table column where there is one, so a GDELT
user can map our files onto their scripts. The CAMEO root code comes from our PLOVER->CAMEO
table (``data/plover_weights.tsv``, built from CAMEO2PLOVER-2021).

Round trips: ``read_export(dir, fmt)`` gives back exactly ``export_rows(store)`` for jsonl and
parquet. CSV cannot tell an empty string from a missing value: an empty field reads back as
None (our exports have no meaningful empty strings). GraphML is the dyad network only
(nodes = actors, directed edges = source -> target with counts and score), for Gephi/yEd.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from ..store.factory import StoreLike
from ..store.relations import QueryError, table_rows
from ._data import type_weight
from .dyads import FACTUAL

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", "graphml")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "str" | "int" | "float"
    doc: str
    gdelt: str = ""  # closest GDELT 2.0 event-table column


def _c(name: str, kind: str, doc: str, gdelt: str = "") -> Column:
    return Column(name, kind, doc, gdelt)


_EVENT_COLUMNS = (
    _c("id", "str", "merged event id (stable: hash of its first mention)", "GLOBALEVENTID"),
    _c("type", "str", "PLOVER event type"),
    _c("mode", "str", "PLOVER mode (phone, visit, sign, military, ...)"),
    _c("cameo_root", "str", "CAMEO root code the PLOVER type maps to", "EventRootCode"),
    _c(
        "quad_class",
        "int",
        "1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict",
        "QuadClass",
    ),
    _c("weight", "float", "our cooperation-conflict weight -10..+10 (plover_weights.tsv)", "GoldsteinScale"),
    _c("symmetric", "int", "1 when direction does not matter (CONSULT, AGREE, COOPERATE)"),
    _c("source_country", "str", "source state ISO 3166-1 alpha-3 or IO acronym", "Actor1CountryCode"),
    _c("source_actor_id", "str", "source actor (Wikidata QID or lb: id)", "Actor1Code"),
    _c("source_name", "str", "source as written in the evidence", "Actor1Name"),
    _c("target_country", "str", "target state ISO alpha-3 or IO acronym", "Actor2CountryCode"),
    _c("target_actor_id", "str", "target actor id", "Actor2Code"),
    _c("target_name", "str", "target as written", "Actor2Name"),
    _c("date", "str", "date the text gives (YYYY-MM-DD, YYYY-MM or YYYY)"),
    _c("date_precision", "str", "day | month | year"),
    _c("day", "str", "date, else first publication day of a reporting article", "SQLDATE"),
    _c("day_source", "str", "text | published"),
    _c("modality", "str", "asserted | reported | negated | hypothetical | planned (most certain mention)"),
    _c("attributed_to", "str", "who says so, for reported events"),
    _c("evidence", "str", "representative sentence"),
    _c("n_mentions", "int", "sentences reporting the event", "NumMentions"),
    _c("n_articles", "int", "articles reporting the event", "NumArticles"),
    _c("n_sources", "int", "independent sources (distinct outlets)", "NumSources"),
    _c("confidence", "float", "noisy-OR over sources of extractor confidence", "Confidence"),
    _c("first_seen", "str", "earliest publication date of a reporting article", "DATEADDED"),
    _c("last_seen", "str", "latest publication date of a reporting article"),
)

_MENTION_COLUMNS = (
    _c("merged_id", "str", "merged event (events.id)", "GLOBALEVENTID"),
    _c("event_id", "int", "raw event row id in the store"),
    _c("article_id", "str", "article content hash"),
    _c("doc", "str", "input file name or record id"),
    _c("url", "str", "article URL", "MentionIdentifier"),
    _c("outlet", "str", "outlet name", "MentionSourceName"),
    _c("published", "str", "article publication date/time as stated", "MentionTimeDate"),
    _c("sentence_index", "int", "sentence number in the article body (0 = first)", "SentenceID"),
    _c("type", "str", "PLOVER type this mention was coded as"),
    _c("mode", "str", "PLOVER mode"),
    _c("modality", "str", "modality of this mention"),
    _c("attributed_to", "str", "who says so"),
    _c("date", "str", "date this mention gives"),
    _c("date_precision", "str", "day | month | year"),
    _c("source_country", "str", "source state/IO"),
    _c("source_actor_id", "str", "source actor id"),
    _c("source_name", "str", "source as written"),
    _c("target_country", "str", "target state/IO"),
    _c("target_actor_id", "str", "target actor id"),
    _c("target_name", "str", "target as written"),
    _c("sentence", "str", "evidence sentence"),
    _c("trigger", "str", "word(s) that carried the event"),
    _c("confidence", "float", "extractor confidence", "Confidence"),
    _c("similarity", "float", "evidence similarity to the event when merged (1 = first mention)"),
)

_ACTOR_COLUMNS = (
    _c("actor_id", "str", "Wikidata QID or lb: id", "Actor1Code"),
    _c("name", "str", "canonical name", "Actor1Name"),
    _c("kind", "str", "state | person | organisation | group | place"),
    _c("country", "str", "ISO alpha-3 or IO acronym", "Actor1CountryCode"),
    _c("sector", "str", "GOV, MIL, JUD, ... (PLOVER sectors)", "Actor1Type1Code"),
    _c("n_mentions", "int", "mentions in the store"),
    _c("n_articles", "int", "articles mentioning the actor"),
)

_DYAD_COLUMNS = (
    _c("source", "str", "source state/IO", "Actor1CountryCode"),
    _c("target", "str", "target state/IO", "Actor2CountryCode"),
    _c("month", "str", "YYYY-MM of the event day (empty: undated and unpublished)", "MonthYear"),
    _c("type", "str", "PLOVER type"),
    _c("cameo_root", "str", "CAMEO root code", "EventRootCode"),
    _c("quad_class", "int", "1..4 as in events", "QuadClass"),
    _c("n_events", "int", "merged factual events (asserted/reported)"),
    _c("n_sources", "int", "sum of their independent sources", "NumSources"),
    _c("weight_sum", "float", "sum of weights (divide by n_events for the mean tone)", "GoldsteinScale"),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "events": _EVENT_COLUMNS,
    "mentions": _MENTION_COLUMNS,
    "actors": _ACTOR_COLUMNS,
    "dyads": _DYAD_COLUMNS,
}

Row = dict[str, Any]


class ExportError(QueryError):
    """An export format is unknown or its library is missing."""

    exit_code = 2


# --- rows from the store ---------------------------------------------------------------


def _event_rows(store: StoreLike) -> list[Row]:
    _, rows = table_rows(
        store,
        'SELECT id, type, mode, "symmetric", source_country, source_actor_id, source_name, '
        "target_country, target_actor_id, target_name, date, date_precision, day, day_source, "
        "modality, attributed_to, evidence, n_mentions, n_articles, n_sources, confidence, "
        "first_seen, last_seen FROM merged_events ORDER BY coalesce(day, '\uffff'), id",
    )
    out = []
    for r in rows:
        (
            mid,
            etype,
            mode,
            sym,
            sc,
            sa,
            sn,
            tc,
            ta,
            tn,
            d,
            dp,
            day,
            ds,
            mod,
            att,
            ev,
            nm,
            na,
            ns,
            conf,
            fs,
            ls,
        ) = r
        w = type_weight(etype, mode)
        out.append(
            dict(
                id=mid,
                type=etype,
                mode=mode,
                cameo_root=w.cameo_root,
                quad_class=w.quad,
                weight=w.weight,
                symmetric=sym,
                source_country=sc,
                source_actor_id=sa,
                source_name=sn,
                target_country=tc,
                target_actor_id=ta,
                target_name=tn,
                date=d,
                date_precision=dp,
                day=day,
                day_source=ds,
                modality=mod,
                attributed_to=att,
                evidence=ev,
                n_mentions=nm,
                n_articles=na,
                n_sources=ns,
                confidence=conf,
                first_seen=fs,
                last_seen=ls,
            )
        )
    return out


def _mention_rows(store: StoreLike) -> list[Row]:
    names, rows = table_rows(
        store,
        "SELECT em.merged_id, em.event_id, em.article_id, a.doc, a.url, em.outlet, em.published, "
        "em.sentence_index, e.type, e.mode, em.modality, em.attributed_to, e.date, e.date_precision, "
        "e.source_country, e.source_actor_id, e.source_name, e.target_country, e.target_actor_id, "
        "e.target_name, e.sentence, e.trigger, e.confidence, em.similarity FROM event_mentions em "
        "JOIN events e ON e.id = em.event_id JOIN articles a ON a.id = em.article_id "
        "ORDER BY em.merged_id, em.event_id",
    )
    return [dict(zip(names, r, strict=True)) for r in rows]


def _actor_rows(store: StoreLike) -> list[Row]:
    names, rows = table_rows(
        store,
        "SELECT a.actor_id, a.name, a.kind, a.country, a.sector, count(m.article_id) AS n_mentions, "
        "count(DISTINCT m.article_id) AS n_articles FROM actors a LEFT JOIN mentions m "
        "ON m.actor_id = a.actor_id GROUP BY a.actor_id ORDER BY a.actor_id",
    )
    return [dict(zip(names, r, strict=True)) for r in rows]


def _dyad_rows(store: StoreLike) -> list[Row]:
    marks = ",".join("?" * len(FACTUAL))
    _, rows = table_rows(
        store,
        "SELECT source_country, target_country, substr(day, 1, 7), type, mode, count(*), sum(n_sources) "
        "FROM merged_events WHERE source_country IS NOT NULL AND target_country IS NOT NULL "
        f"AND modality IN ({marks}) GROUP BY 1, 2, 3, 4, 5",
        FACTUAL,
    )
    acc: dict[tuple[str, str, str | None, str], list[float]] = defaultdict(lambda: [0, 0, 0.0])
    for src, tgt, month, etype, mode, n, sources in rows:
        slot = acc[(src, tgt, month, etype)]
        slot[0] += n
        slot[1] += sources or 0
        slot[2] += type_weight(etype, mode).weight * n
    out = []
    for (src, tgt, month, etype), (n, sources, wsum) in sorted(
        acc.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "", kv[0][3])
    ):
        w = type_weight(etype)
        out.append(
            dict(
                source=src,
                target=tgt,
                month=month,
                type=etype,
                cameo_root=w.cameo_root,
                quad_class=w.quad,
                n_events=int(n),
                n_sources=int(sources),
                weight_sum=round(float(wsum), 3),
            )
        )
    return out


_BUILDERS: dict[str, Callable[[StoreLike], list[Row]]] = {
    "events": _event_rows,
    "mentions": _mention_rows,
    "actors": _actor_rows,
    "dyads": _dyad_rows,
}


def export_rows(store: StoreLike) -> dict[str, list[Row]]:
    """The rows every export writes, table by table (column order = ``TABLES``)."""
    out = {}
    for name, build in _BUILDERS.items():
        cols = [c.name for c in TABLES[name]]
        out[name] = [{c: row[c] for c in cols} for row in build(store)]
    return out


# --- writing ---------------------------------------------------------------------------


def export(store: StoreLike, fmt: str, out_dir: str | Path) -> list[Path]:
    """Write events, mentions, actors and dyads to ``out_dir`` in ``fmt``; returns the files."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tables = export_rows(store)
    if fmt == "graphml":
        path = out / "network.graphml"
        _write_graphml(tables, path)
        return [path]
    writer = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}[fmt]
    paths = []
    for name, rows in tables.items():
        path = out / f"{name}.{fmt}"
        writer(name, rows, path)
        paths.append(path)
    return paths


def _write_jsonl(name: str, rows: list[Row], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _write_csv(name: str, rows: list[Row], path: Path) -> None:
    cols = [c.name for c in TABLES[name]]
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(cols)
        for row in rows:
            w.writerow(["" if row[c] is None else row[c] for c in cols])


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:  # pragma: no cover - pyarrow is a dependency
        raise ExportError("Parquet needs pyarrow: pip install pyarrow") from exc
    return pyarrow


def _arrow_schema(name: str) -> Any:
    pa = _pyarrow()
    kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
    return pa.schema(
        [pa.field(c.name, kinds[c.kind], metadata={"doc": c.doc, "gdelt": c.gdelt}) for c in TABLES[name]]
    )


def _write_parquet(name: str, rows: list[Row], path: Path) -> None:
    pa = _pyarrow()
    schema = _arrow_schema(name)
    columns = {c.name: [row[c.name] for row in rows] for c in TABLES[name]}
    table = pa.Table.from_pydict(columns, schema=schema)
    pa.parquet.write_table(table, path)


def _write_graphml(tables: dict[str, list[Row]], path: Path) -> None:
    """Directed dyad network. ElementTree escapes every attribute and text (names with & < ")."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}graphml")
    keys = [
        ("label", "node", "string"),
        ("kind", "node", "string"),
        ("n_events", "edge", "int"),
        ("n_sources", "edge", "int"),
        ("score", "edge", "double"),
        ("verbal_cooperation", "edge", "int"),
        ("material_cooperation", "edge", "int"),
        ("verbal_conflict", "edge", "int"),
        ("material_conflict", "edge", "int"),
    ]
    for name, domain, kind in keys:
        ET.SubElement(
            root, f"{{{ns}}}key", id=name, attrib={"for": domain, "attr.name": name, "attr.type": kind}
        )
    graph = ET.SubElement(root, f"{{{ns}}}graph", id="lagebild", edgedefault="directed")
    labels = {a["country"]: a["name"] for a in tables["actors"] if a["kind"] == "state" and a["country"]}
    edges: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for d in tables["dyads"]:
        e = edges[(d["source"], d["target"])]
        e["n_events"] += d["n_events"]
        e["n_sources"] += d["n_sources"]
        e["weight_sum"] += d["weight_sum"]
        quad = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")[
            d["quad_class"] - 1
        ]
        e[quad] += d["n_events"]
    nodes = sorted({n for pair in edges for n in pair})
    for node in nodes:
        el = ET.SubElement(graph, f"{{{ns}}}node", id=node)
        ET.SubElement(el, f"{{{ns}}}data", key="label").text = labels.get(node, node)
    for i, ((src, tgt), e) in enumerate(sorted(edges.items())):
        el = ET.SubElement(graph, f"{{{ns}}}edge", id=f"e{i}", source=src, target=tgt)
        values: dict[str, str] = {
            "n_events": str(int(e["n_events"])),
            "n_sources": str(int(e["n_sources"])),
            "score": str(round(e["weight_sum"] / e["n_events"], 3) if e["n_events"] else 0.0),
        }
        for quad in ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"):
            values[quad] = str(int(e.get(quad, 0)))
        for key, value in values.items():
            ET.SubElement(el, f"{{{ns}}}data", key=key).text = value
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


# --- reading back ----------------------------------------------------------------------


def _typed(kind: str, value: str) -> Any:
    if value == "":
        return None
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    return value


def read_export(out_dir: str | Path, fmt: str) -> dict[str, list[Row]]:
    """Read an export back into the rows ``export_rows`` gives (tables, not graphml)."""
    src = Path(out_dir)
    out: dict[str, list[Row]] = {}
    for name, cols in TABLES.items():
        path = src / f"{name}.{fmt}"
        if fmt == "jsonl":
            with path.open(encoding="utf-8") as fh:
                out[name] = [json.loads(line) for line in fh if line.strip()]
        elif fmt == "csv":
            with path.open(encoding="utf-8", newline="") as fh:
                reader = csv.DictReader(fh)
                out[name] = [{c.name: _typed(c.kind, row[c.name]) for c in cols} for row in reader]
        elif fmt == "parquet":
            pa = _pyarrow()
            out[name] = pa.parquet.read_table(path).to_pylist()
        else:
            raise ExportError(f"cannot read back format {fmt!r}")
    return out


def read_graphml(path: str | Path) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Nodes (id -> label) and edges (source, target and data) of an exported GraphML file."""
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(path).getroot()
    nodes = {
        n.attrib["id"]: (n.findtext("g:data[@key='label']", default="", namespaces=ns))
        for n in root.iterfind(".//g:node", ns)
    }
    edges = []
    for e in root.iterfind(".//g:edge", ns):
        data: dict[str, Any] = {"source": e.attrib["source"], "target": e.attrib["target"]}
        for d in e.iterfind("g:data", ns):
            data[d.attrib["key"]] = d.text
        edges.append(data)
    return nodes, edges


def columns_markdown() -> str:
    """The column reference of every table as Markdown (for the README)."""
    lines: list[str] = []
    for name, cols in TABLES.items():
        lines += [f"#### `{name}`", "", "| column | type | meaning | GDELT 2.0 |", "|---|---|---|---|"]
        # A "|" inside a cell would end it: escape it for Markdown tables.
        lines += [f"| `{c.name}` | {c.kind} | {_cell(c.doc)} | {c.gdelt} |" for c in cols]
        lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
