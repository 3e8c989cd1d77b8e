"""The relate stage's data files (``relate/data/``), parsed once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError
from ..models import PLOVER_TYPES

DATA_DIR = Path(__file__).parent / "data"

QUAD_NAMES: dict[int, str] = {
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
}


@dataclass(frozen=True)
class TypeWeight:
    type: str
    mode: str | None
    weight: float
    quad: int
    cameo_root: str
    alt_roots: tuple[str, ...] = ()


def _rows(name: str) -> list[list[str]]:
    path = DATA_DIR / name
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            rows.append([cell.strip() for cell in raw.rstrip("\n").split("\t")])
    return rows


@lru_cache(maxsize=1)
def weights() -> dict[tuple[str, str | None], TypeWeight]:
    """(type, mode or None) -> weight row, from ``plover_weights.tsv``."""
    out: dict[tuple[str, str | None], TypeWeight] = {}
    for cells in _rows("plover_weights.tsv"):
        key, weight, quad, root = cells[:4]
        alt = tuple(c for c in cells[4].split(",") if c) if len(cells) > 4 else ()
        etype, _, mode = key.partition(":")
        if etype not in PLOVER_TYPES:
            raise ConfigError(f"plover_weights.tsv: unknown PLOVER type {etype!r}")
        out[(etype, mode or None)] = TypeWeight(etype, mode or None, float(weight), int(quad), root, alt)
    missing = set(PLOVER_TYPES) - {t for t, m in out if m is None}
    if missing:
        raise ConfigError(f"plover_weights.tsv: no weight for {sorted(missing)}")
    return out


def type_weight(etype: str, mode: str | None = None) -> TypeWeight:
    """The weight row of a type, mode-specific where the file has one."""
    table = weights()
    if mode and (etype, mode.lower()) in table:
        return table[(etype, mode.lower())]
    try:
        return table[(etype, None)]
    except KeyError as exc:
        raise ConfigError(f"no weight for event type {etype!r}; known: {', '.join(PLOVER_TYPES)}") from exc


@dataclass(frozen=True)
class MergeTypes:
    symmetric: frozenset[str]
    compatible: frozenset[frozenset[str]]

    def relation(self, a: str, b: str) -> float:
        """1.0 same type, 0.8 compatible pair, 0.0 unrelated."""
        if a == b:
            return 1.0
        return 0.8 if frozenset((a, b)) in self.compatible else 0.0


@lru_cache(maxsize=1)
def merge_types() -> MergeTypes:
    symmetric: set[str] = set()
    compatible: set[frozenset[str]] = set()
    for cells in _rows("merge_types.tsv"):
        kind = cells[0]
        types = [c for c in cells[1:] if c]
        for t in types:
            if t not in PLOVER_TYPES:
                raise ConfigError(f"merge_types.tsv: unknown PLOVER type {t!r}")
        if kind == "symmetric":
            symmetric.update(types)
        elif kind == "compatible" and len(types) == 2:
            compatible.add(frozenset(types))
        else:
            raise ConfigError(f"merge_types.tsv: bad line {cells!r}")
    return MergeTypes(frozenset(symmetric), frozenset(compatible))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(cells[0].lower() for cells in _rows("stopwords.txt"))
