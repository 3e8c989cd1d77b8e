"""Exports of merged events, mentions, actors and dyads; every format reads back losslessly."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest

from lagebild.models import Actor, ActorRef, Document, Mention
from lagebild.relate import (
    ExportError,
    columns_markdown,
    export,
    export_rows,
    merge,
    read_export,
    read_graphml,
)
from lagebild.relate.export import TABLES
from lagebild.store import Store
from test_relate import ALL_DOCS, Ev, Line, make_doc  # noqa: I001  (hand-built seed-like articles)

pytest.importorskip("pyarrow")

# An actor whose name needs escaping in XML and quoting in CSV.
TRICKY = ActorRef('Bosnien & "Herzegowina" <BIH>', "Q225", "BIH")


def _tricky_doc() -> Document:
    doc = make_doc(
        "tricky.txt",
        [
            Line(
                'Bosnien & "Herzegowina", so <Sarajevo>, warf Serbien vor, Grenzen zu verletzen;\tmit Tab.',
                [Ev("ACCUSE", TRICKY, ActorRef("Serbien", "Q403", "SRB"), "2025-11-03")],
            )
        ],
        "2025-11-04",
        'Zeitung, "die" <beste>',
    )
    actor = Actor("Q225", 'Bosnien & "Herzegowina" <BIH>', "state", "BIH")
    mention = Mention(0, 7, "Bosnien", "LOC", actor, 0, "kb")
    return replace(doc, mentions=(mention,))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "export.db")
    s.write_many((d, None, None) for d in (*ALL_DOCS, _tricky_doc()))
    merge(s)
    return s


def test_rows_have_the_documented_columns_and_gdelt_fields(store: Store) -> None:
    rows = export_rows(store)
    assert set(rows) == {"events", "mentions", "actors", "dyads"}
    for name, table in rows.items():
        assert table, name
        assert all(list(r) == [c.name for c in TABLES[name]] for r in table)
    signing = next(r for r in rows["events"] if r["date"] == "2025-10-27")
    assert (signing["type"], signing["cameo_root"], signing["quad_class"]) == ("AGREE", "03", 1)
    assert (signing["n_mentions"], signing["n_sources"]) == (4, 2)
    assert len([m for m in rows["mentions"] if m["merged_id"] == signing["id"]]) == 4
    assert {"source": "RUS", "target": "VEN", "month": "2025-12", "type": "SUPPORT"}.items() <= next(
        d for d in rows["dyads"] if d["type"] == "SUPPORT"
    ).items()
    # Negated events are not in the dyad counts.
    assert not any(d["type"] == "AID" for d in rows["dyads"])
    doc = columns_markdown()
    assert "| `cameo_root` | str |" in doc and "EventRootCode" in doc and "QuadClass" in doc


@pytest.mark.parametrize("fmt", ["parquet", "jsonl", "csv"])
def test_export_reads_back_losslessly(store: Store, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / fmt
    paths = export(store, fmt, out)
    assert sorted(p.name for p in paths) == sorted(f"{t}.{fmt}" for t in TABLES)
    assert read_export(out, fmt) == export_rows(store)


def test_parquet_keeps_types_and_column_docs(store: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    export(store, "parquet", tmp_path)
    schema = pq.read_schema(tmp_path / "events.parquet")
    assert str(schema.field("n_sources").type) == "int64"
    assert str(schema.field("confidence").type) == "double"
    assert schema.field("cameo_root").metadata[b"gdelt"] == b"EventRootCode"


def test_csv_quotes_awkward_text(store: Store, tmp_path: Path) -> None:
    export(store, "csv", tmp_path)
    with (tmp_path / "mentions.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    tricky = next(r for r in rows if r["doc"] == "tricky.txt")
    assert tricky["outlet"] == 'Zeitung, "die" <beste>'
    assert "\tmit Tab." in tricky["sentence"]
    first = json.loads(
        (export(store, "jsonl", tmp_path / "j")[0]).read_text(encoding="utf-8").splitlines()[0]
    )
    assert "id" in first and "evidence" in first


def test_graphml_is_valid_xml_with_escaped_names(store: Store, tmp_path: Path) -> None:
    (path,) = export(store, "graphml", tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "&amp;" in text and "&lt;BIH&gt;" in text
    nodes, edges = read_graphml(path)
    assert nodes["BIH"] == 'Bosnien & "Herzegowina" <BIH>'
    assert {"RUS", "VEN", "USA", "SRB"} <= set(nodes)
    rus_ven = next(e for e in edges if (e["source"], e["target"]) == ("RUS", "VEN"))
    assert int(rus_ven["n_events"]) == 3  # signing, phone call, support (all stored RUS -> VEN)
    assert int(rus_ven["verbal_cooperation"]) == 3
    assert float(rus_ven["score"]) > 0


def test_unknown_format_is_a_typed_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        export(store, "xlsx", tmp_path)


def test_empty_store_exports_empty_tables(tmp_path: Path) -> None:
    empty = Store(tmp_path / "empty.db")
    for fmt in ("jsonl", "csv", "parquet"):
        export(empty, fmt, tmp_path / fmt)
        assert read_export(tmp_path / fmt, fmt) == {name: [] for name in TABLES}
    (graph,) = export(empty, "graphml", tmp_path / "g")
    assert read_graphml(graph) == ({}, [])
