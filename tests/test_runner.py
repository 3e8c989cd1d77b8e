"""Runs: serial, local worker processes and a Dask cluster give the same store."""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import replace
from pathlib import Path

import pytest

import lagebild.pipeline as pipeline_module
from lagebild.config import LimitSettings, PipelineSettings, Settings
from lagebild.models import Document, Problem, RawArticle
from lagebild.pipeline import DEFAULT_STAGES, Pipeline
from lagebild.runner import process_batch, run
from lagebild.store import Store

# Sentences only: the runner's job is moving documents, not annotating them (other tests do that).
ARTICLE = (
    "Die Außenminister beider Länder trafen sich am Montag in Genf zu Gesprächen über die Lage "
    "in der Region. "
    "Nach Angaben der Delegationen ging es vor allem um Handel, Energie und die Sicherheit der Grenzen. "
    "Ein weiteres Treffen ist für den kommenden Monat geplant, teilte ein Sprecher mit."
)

FAST = Settings(pipeline=PipelineSettings(stages=("sentences",), batch_size=4))


def _corpus(tmp_path: Path, n: int = 12) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [
        json.dumps(
            {"id": f"r{i}", "text": f"Meldung {i}: Russland und China vereinbarten eine Zusammenarbeit."}
        )
        for i in range(n)
    ]
    lines.append(
        json.dumps({"id": "dup", "text": "Meldung 0: Russland und China vereinbarten eine Zusammenarbeit."})
    )
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "page.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def _stored(db: Path) -> list[tuple[str, str]]:
    with Store(db, readonly=True) as store:
        return sorted((a.doc, a.body) for a in store.articles())


def test_serial_run_and_rerun(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    with Store(tmp_path / "s.db") as store:
        first = run([str(folder)], store, FAST)
        assert (first.read, first.added, first.duplicates) == (14, 13, 1)
        second = run([str(folder)], store, FAST)
        # The text file is skipped unread; JSONL records are re-read but recognised by content.
        assert (second.unchanged_files, second.added, second.duplicates) == (1, 0, 13)


def test_workers_give_the_same_store(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    with Store(tmp_path / "serial.db") as store:
        run([str(folder)], store, FAST)
    with Store(tmp_path / "parallel.db") as store:
        summary = run([str(folder)], store, FAST, workers=2)
    assert summary.added == 13 and not summary.problems
    assert _stored(tmp_path / "serial.db") == _stored(tmp_path / "parallel.db")


def test_dask_local_cluster(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    folder = _corpus(tmp_path)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        with Store(tmp_path / "dask.db") as store:
            summary = run([str(folder)], store, FAST, dask_address=cluster.scheduler_address)
    assert summary.added == 13 and not summary.problems
    with Store(tmp_path / "serial.db") as store:
        run([str(folder)], store, FAST)
    assert _stored(tmp_path / "dask.db") == _stored(tmp_path / "serial.db")


def test_incremental_run_reads_only_new_files(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "pages"
    shutil.copytree(seeds_dir, folder)
    with Store(tmp_path / "s.db") as store:
        run([str(folder)], store, FAST)
        for i in range(3):
            (folder / f"new{i}.txt").write_text(f"Meldung {i}. {ARTICLE}", encoding="utf-8")
        summary = run([str(folder)], store, FAST)
    assert (summary.unchanged_files, summary.read, summary.added) == (5, 3, 3)


def test_time_cap_turns_a_hang_into_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import lagebild.runner as runner_module

    real_clean = runner_module.clean

    def slow_clean(raw):  # type: ignore[no-untyped-def]
        if "langsam" in raw.text:
            time.sleep(5)
        return real_clean(raw)

    monkeypatch.setattr(runner_module, "clean", slow_clean)
    (tmp_path / "slow.txt").write_text("Ein langsam zu lesender Text. " + ARTICLE, encoding="utf-8")
    (tmp_path / "fast.txt").write_text(ARTICLE, encoding="utf-8")
    settings = Settings(limits=LimitSettings(max_seconds_per_document=0.5), pipeline=FAST.pipeline)
    with Store(tmp_path / "s.db") as store:
        summary = run([str(tmp_path / "slow.txt"), str(tmp_path / "fast.txt")], store, settings)
    assert summary.added == 1
    [problem] = summary.problems
    assert "slow.txt" in problem.source and "gave up after 0.5 s" in problem.reason


def test_file_name_with_undecodable_bytes_is_a_problem(tmp_path: Path) -> None:
    import os

    from lagebild.runner import list_inputs

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Russland und Venezuela schlossen eine Partnerschaft.", encoding="utf-8")
    try:
        with open(os.path.join(os.fsencode(folder), b"bad-\xff.txt"), "wb") as f:
            f.write(b"Ein Text.")
    except OSError:
        pytest.skip("file system refuses non-UTF-8 names")
    files, problems = list_inputs([str(folder)])
    assert [f.name for f in files] == ["good.txt"]
    assert len(problems) == 1 and "not valid UTF-8" in problems[0].reason and "bad-" in problems[0].source
    problems[0].source.encode("utf-8")  # printable and storable


# --- the batch stage (NER) runs once over a batch, and one bad document cannot sink it -------


class _Fussy:
    """A batch stage that fails (or hangs) on documents containing a marker word."""

    name = "fussy"
    requires = ("body",)
    assigns = ("mentions",)
    batch_calls = 0

    def __call__(self, doc: Document) -> Document:
        if "kaputt" in doc.body:
            raise ValueError("this document breaks the stage")
        if "langsam" in doc.body:
            time.sleep(5)
        return replace(doc, title=(doc.title or "") + "|seen")

    def many(self, docs: list[Document]) -> list[Document]:
        type(self).batch_calls += 1
        return [self(d) for d in docs]


def _raw(i: int, text: str) -> RawArticle:
    return RawArticle(source=f"r{i}.txt", doc=f"r{i}", text=f"Titel {i}\n\n{text} {ARTICLE}", kind="text")


@pytest.fixture
def fussy(monkeypatch: pytest.MonkeyPatch) -> type[_Fussy]:
    _Fussy.batch_calls = 0
    monkeypatch.setitem(pipeline_module._FACTORIES, "fussy", _Fussy)
    return _Fussy


def test_batch_stage_runs_once_per_batch(fussy: type[_Fussy]) -> None:
    raws = [_raw(i, "Gut.") for i in range(5)]
    out = process_batch(raws, ("sentences", "fussy"), None, 30)
    assert fussy.batch_calls == 1
    assert all(isinstance(d, Document) and d.title and d.title.endswith("|seen") for d in out)
    assert [d.doc for d in out if isinstance(d, Document)] == [f"r{i}" for i in range(5)]


def test_one_failing_document_costs_only_itself(fussy: type[_Fussy]) -> None:
    raws = [_raw(0, "Gut."), _raw(1, "Das ist kaputt."), _raw(2, "Auch gut.")]
    out = process_batch(raws, ("sentences", "fussy", "actors"), None, 30)
    assert isinstance(out[0], Document) and isinstance(out[2], Document)
    assert isinstance(out[1], Problem) and "r1.txt" in out[1].source
    assert out[0].title and out[0].title.endswith("|seen")


def test_a_hanging_document_is_cut_at_its_own_cap(fussy: type[_Fussy]) -> None:
    raws = [_raw(0, "Gut."), _raw(1, "Ganz langsam."), _raw(2, "Auch gut.")]
    started = time.monotonic()
    out = process_batch(raws, ("sentences", "fussy"), None, 0.5)
    assert time.monotonic() - started < 3  # batch cut at 0.5 s, then the slow one alone at 0.5 s
    assert isinstance(out[0], Document) and isinstance(out[2], Document)
    assert isinstance(out[1], Problem) and "gave up after 0.5 s" in out[1].reason


def test_batched_ner_finds_what_the_per_document_pipeline_finds(seed_paths: list[Path]) -> None:
    import lagebild

    raws = [r for p in seed_paths for r in lagebild.read(p) if isinstance(r, RawArticle)]
    batched = process_batch(raws, DEFAULT_STAGES, None, 60)
    single = Pipeline.from_names(DEFAULT_STAGES)
    for raw, doc in zip(raws, batched, strict=True):
        assert isinstance(doc, Document)
        alone = single(lagebild.clean(raw))
        assert doc.mentions == alone.mentions
        assert doc.events == alone.events
