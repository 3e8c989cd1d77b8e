"""The `lagebild` command, run in-process (and once as a real process for exit codes)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.errors import InputError

runner = CliRunner()


def _invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _summary_value(summary: str, label: str) -> str:
    match = re.search(re.escape(label) + r"\s*│\s*(\S+)", summary)
    assert match, summary
    return match.group(1)


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("db") / "seeds.db"
    code, _, err = _invoke("run", str(seeds_dir), "--db", str(db))
    assert code == 0, err
    return db


def test_run_summary_and_articles_jsonl(seeded_db: Path, seeds_dir: Path) -> None:
    code, out, _ = _invoke("articles", "--db", str(seeded_db), "--format", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert sorted(r["doc"] for r in rows) == sorted(p.name for p in seeds_dir.glob("*.txt"))
    for row in rows:
        assert {"id", "doc", "title", "published", "outlet", "author", "language", "body"} <= set(row)
        assert row["body"]


def test_second_run_adds_nothing(seeded_db: Path, seeds_dir: Path, tmp_path: Path) -> None:
    before = _invoke("articles", "--db", str(seeded_db), "--format", "csv")[1]
    code, _, err = _invoke("run", str(seeds_dir), "--db", str(seeded_db))
    assert code == 0 and _summary_value(err, "unchanged files (skipped)") == "5"
    # Same content under another name is still the same article.
    copy = tmp_path / "copy.txt"
    copy.write_bytes(next(seeds_dir.glob("*.txt")).read_bytes())
    code, _, err = _invoke("run", str(copy), "--db", str(seeded_db))
    assert code == 0 and _summary_value(err, "already stored (skipped)") == "1"
    assert _invoke("articles", "--db", str(seeded_db), "--format", "csv")[1] == before


def test_show_and_search(seeded_db: Path) -> None:
    code, out, _ = _invoke("show", "001_b7f47c553c0be28e.txt", "--db", str(seeded_db))
    assert code == 0 and "Der russische Präsident Wladimir Putin unterzeichnete die Vereinbarung" in out
    assert "sentences" in out
    code, out, _ = _invoke("show", "no-such-article", "--db", str(seeded_db))
    assert code == 1
    code, out, _ = _invoke("search", "Papiertiger", "--db", str(seeded_db))
    assert code == 0 and "003_4825ce159035b7a9.txt" in out


def test_show_json(seeded_db: Path) -> None:
    code, out, _ = _invoke("show", "000_f2117dddb9fe0dd3.txt", "--db", str(seeded_db), "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["doc"] == "000_f2117dddb9fe0dd3.txt" and doc["sentences"]


def test_bad_inputs_each_get_one_clear_line(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "latin1.txt").write_bytes(
        "Die Größe der Maßnahme überraschte Beobachter in Moskau.".encode("latin-1")
    )
    with open(inputs / "huge.txt", "wb") as f:
        f.write(b"Ein Satz ohne Ende. " * (50 * 2**20 // 20))  # 50 MB
    (inputs / "broken.html").write_text(
        "<html><body><div><p>Unclosed <b>tags <table><tr><td>Der Text des Artikels geht "
        "weiter und weiter, ohne dass das HTML jemals sauber geschlossen wird.",
        encoding="utf-8",
    )
    (inputs / "feed.jsonl").write_text(
        json.dumps({"id": "good", "text": "Russland und Venezuela schlossen eine Partnerschaft."})
        + "\n"
        + '{"id": "bad", "text": \n',
        encoding="utf-8",
    )
    db = tmp_path / "x.db"
    code, _, err = _invoke("run", str(inputs), "--db", str(db))
    assert code == 0
    assert "Traceback" not in err
    problem_lines = [line for line in err.splitlines() if line.startswith("problem:")]
    joined = "\n".join(problem_lines)
    assert "binary.txt: binary file" in joined
    assert "empty.txt: empty file" in joined
    assert "huge.txt: too large" in joined
    assert "feed.jsonl:2: malformed JSON" in joined
    assert len(problem_lines) == 4
    _, out, _ = _invoke("articles", "--db", str(db), "--format", "jsonl")
    stored = {json.loads(line)["doc"]: json.loads(line) for line in out.splitlines()}
    assert set(stored) == {"latin1.txt", "broken.html", "good"}
    assert "Größe der Maßnahme" in stored["latin1.txt"]["body"]


def test_nothing_readable_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, _, err = _invoke("run", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "x.db"))
    assert code == 2 and "no article could be read" in err


def test_real_process_maps_errors_to_exit_codes(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "lagebild"
    env = dict(os.environ, COLUMNS="200")
    proc = subprocess.run(
        [str(exe), "articles", "--db", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 4  # StoreError
    assert "error: no database at" in proc.stderr and "Traceback" not in proc.stderr
    bad_cfg = tmp_path / "bad.toml"
    bad_cfg.write_text("[limits]\nwhat = 1\n")
    proc = subprocess.run(
        [str(exe), "config", "--config", str(bad_cfg)], capture_output=True, text=True, env=env, timeout=60
    )
    assert proc.returncode == 3 and "unknown setting 'what'" in proc.stderr


def test_eval_ner_prints_heldout_table(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from lagebild.nlp import ner, ner_train

    data = ner_train.shared_data_dir()
    if not (data / "germeval2014").exists() or not ner.model_path().exists():
        pytest.skip("needs ../shared/data and the shipped NER model")
    # As on a fresh clone: no training run has written train/out, so the split is rebuilt.
    monkeypatch.setattr(ner_train, "repo_root", lambda: tmp_path)
    monkeypatch.setenv("LAGEBILD_SHARED", str(data.parent))
    # the transformer's held-out run is test_ner_e5's; here only the fast model's table
    monkeypatch.setattr(ner, "e5_model_path", lambda: tmp_path / "no-e5-model")
    code, out, err = _invoke("eval", "ner")
    assert code == 0, err
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.strip()}
    assert {"PER", "LOC", "ORG", "MISC", "micro"} <= set(rows)
    assert float(rows["micro"][2]) >= 0.6  # F1 column; the exact floor is pinned in test_ner.py
    assert (tmp_path / "train" / "out" / "heldout-only" / "heldout.spacy").exists()


def test_eval_ner_prints_a_table_for_each_shipped_model(tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    from lagebild.nlp import ner

    if not (ner.e5_model_path() / "config.cfg").exists() or not ner.model_path().exists():
        pytest.skip("needs both shipped NER models")
    nlp = spacy.blank("de")
    gold = nlp("Angela Merkel besuchte Paris.")
    gold.ents = [gold.char_span(0, 13, label="PER"), gold.char_span(23, 28, label="LOC")]
    DocBin(docs=[gold]).to_disk(tmp_path / "tiny.spacy")
    code, out, err = _invoke("eval", "ner", "--corpus", str(tmp_path / "tiny.spacy"))
    assert code == 0, err
    fast, _, transformer = out.partition("transformer, stage ner-e5")
    assert fast.lstrip().startswith("fast model, stage ner") and transformer
    for table in (fast, transformer):
        rows = {line.split()[0]: line.split()[1:] for line in table.splitlines() if line.strip()}
        assert rows["PER"][3] == "1" and rows["micro"][3] == "2"  # gold column: both names


@pytest.mark.shared
def test_eval_scores_our_10kgnad_dev_set() -> None:
    from lagebild.evaluation import shared_dir

    if not (shared_dir() / "data" / "10kgnad" / "test.csv").exists():
        pytest.skip("10kGNAD not available")
    code, out, err = _invoke("eval", "--set", "gnad-dev")
    assert code == 0, err
    assert re.search(r"documents\s+17\b", out) and re.search(r"F1\s+0\.\d{3}", out)


def test_eval_actors_scores_the_seed_mentions(tmp_path: Path) -> None:
    seeds = Path(__file__).parent / "data" / "seed_mentions.jsonl"
    code, out, err = _invoke("eval", "actors", "--gold", str(seeds), "--details")
    assert code == 0, err
    row = next(line.split() for line in out.splitlines() if line.startswith("seed_mentions"))
    assert row[1] == "247" and float(row[2]) >= 0.95 and float(row[3]) >= 0.95
    assert "miss " in out  # the one known miss is listed
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "actors", "--gold", str(bad)])  # main() prints it
    assert isinstance(result.exception, InputError)
    assert "not a readable mention gold file" in result.exception.reason


@pytest.mark.shared
def test_eval_actors_reports_every_mention_set() -> None:
    from lagebild.evaluation import shared_dir

    if not (shared_dir() / "data" / "10kgnad" / "test.csv").exists():
        pytest.skip("10kGNAD not available")
    code, out, err = _invoke("eval", "actors")
    assert code == 0, err
    names = [line.split()[0] for line in out.splitlines()[1:]]
    assert names == ["seed_mentions.jsonl", "gnad_mentions.jsonl", "gnad_mentions_blind.jsonl",
                     "gnad_mentions_blind2.jsonl", "gnad_mentions_blind3.jsonl"]


def test_actors_of_a_file_with_the_transformer_model(tmp_path: Path) -> None:
    from lagebild.nlp import ner

    if not (ner.e5_model_path() / "config.cfg").exists():
        pytest.skip("no transformer NER model shipped")
    page = tmp_path / "page.txt"
    page.write_text("Ein Treffen in Ankara\n\nDer Unternehmer Kemal Yıldızoğlu traf in Ankara den "
                    "russischen Außenminister Sergej Lawrow.\n", encoding="utf-8")
    code, out, err = _invoke("actors", str(page), "--transformer", "--format", "jsonl")
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines() if line.strip()]
    names = {(r["text"], r["how"]) for r in records}
    assert any(text.endswith("Kemal Yıldızoğlu") for text, _ in names)  # unknown person: the model
    assert any(r["name"] == "Sergej Lawrow" and r["country"] == "RUS" for r in records)


def test_run_with_the_transformer_swaps_only_the_ner_stage(tmp_path: Path) -> None:
    from lagebild.cli import transformer_stages
    from lagebild.nlp import ner

    assert transformer_stages(("sentences", "ner", "actors", "events")) == (
        "sentences", "ner-e5", "actors", "events")
    assert transformer_stages(("sentences", "ner-full", "actors")) == ("sentences", "ner-e5-full", "actors")
    if not (ner.e5_model_path() / "config.cfg").exists():
        pytest.skip("no transformer NER model shipped")
    page = tmp_path / "page.txt"
    page.write_text("Lawrow kritisiert Ankara\n\nDer russische Außenminister Sergej Lawrow hat am "
                    "Montag die Türkei scharf kritisiert.\n", encoding="utf-8")
    code, _, err = _invoke("run", str(page), "--db", str(tmp_path / "t.db"), "--transformer")
    assert code == 0, err
    code, out, err = _invoke("events", "--db", str(tmp_path / "t.db"), "--format", "jsonl")
    assert code == 0, err
    events = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert [(e["type"], e["source"]["country"], e["target"]["country"]) for e in events] == [
        ("ACCUSE", "RUS", "TUR")]
