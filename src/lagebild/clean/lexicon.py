"""The cleaning heuristics kept as data: cue lists, stopwords and outlet signatures.

Files live in ``clean/data/`` and are read once per process. Each file says in its header
what its columns mean; lines starting with ``#`` are comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import ConfigError

CUE_KINDS = ("terminal", "related", "line", "credit", "comment", "nav")


@dataclass(frozen=True)
class Cues:
    """One compiled alternation per cue kind (one regex search per line and kind is fast)."""

    by_kind: dict[str, re.Pattern[str]]

    def kind_of(self, line: str) -> str | None:
        """The first cue kind whose pattern matches ``line`` (order of ``CUE_KINDS``)."""
        for kind in CUE_KINDS:
            if self.by_kind[kind].search(line):
                return kind
        return None


@dataclass(frozen=True)
class OutletSignature:
    pattern: re.Pattern[str]
    outlet: str


def _data_rows(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return rows[1:]  # the first non-comment row is the column header


@lru_cache(maxsize=1)
def cues() -> Cues:
    parts: dict[str, list[str]] = {k: [] for k in CUE_KINDS}
    for row in _data_rows("cues.tsv"):
        kind, pattern = row[0], row[1]
        if kind not in parts:
            raise ConfigError(f"clean/data/cues.tsv: unknown cue kind {kind!r}")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"clean/data/cues.tsv: bad pattern {pattern!r}: {exc}") from exc
        parts[kind].append(f"(?:{pattern})")
    compiled = {
        k: re.compile("|".join(v) if v else r"(?!x)x", re.IGNORECASE) for k, v in parts.items()
    }
    return Cues(compiled)


@lru_cache(maxsize=1)
def outlet_signatures() -> tuple[OutletSignature, ...]:
    return tuple(OutletSignature(re.compile(r[0]), r[1]) for r in _data_rows("outlets.tsv"))


@lru_cache(maxsize=4)
def stopwords(lang: str) -> frozenset[str]:
    text = resources.files(__package__).joinpath("data", f"stopwords_{lang}.txt")
    lines = text.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
