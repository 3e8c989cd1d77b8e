"""Shared fixtures: the seed articles (in the repo) and the gold and data sets in ../shared.

Tests that need ../shared skip cleanly when it is absent (a user's clone without it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "examples" / "seeds"
SHARED = Path(os.environ.get("LAGEBILD_SHARED", REPO.parent / "shared"))
GOLD = SHARED / "gold"
DATA = SHARED / "data"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not available (../shared absent)")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    return _need(DATA)


@pytest.fixture(scope="session")
def gold_docs() -> list[dict[str, Any]]:
    path = _need(GOLD / "seed_docs.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def gold_events_path() -> Path:
    return _need(GOLD / "seed_events.jsonl")


@pytest.fixture(scope="session")
def ner_heldout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The NER held-out split (GermEval + SmartData buckets 0-9), built once per test run
    from ../shared/data for every model's floor test."""
    from lagebild.nlp import ner_train

    data = ner_train.shared_data_dir()
    if not (data / "germeval2014").exists() or not (data / "smartdata_de").exists():
        pytest.skip("../shared/data not available")
    out = tmp_path_factory.mktemp("ner-corpus")
    ner_train.build_corpus(out, corpora=("germeval", "smartdata"), data=data)
    return out / "heldout.spacy"
