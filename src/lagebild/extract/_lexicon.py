"""Reads the commented TSV lexicons in ``extract/data/``.

Format: one entry per line, fields separated by tabs, ``#`` starts a comment line, blank
lines are ignored. Kept in one place so every lexicon file follows the same rules.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..errors import ModelError

DATA_DIR = Path(__file__).parent / "data"


@cache
def read_tsv(name: str, min_fields: int = 1) -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/<name>``; raises ModelError when the file is missing or malformed."""
    path = DATA_DIR / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ModelError(f"lexicon {path} cannot be read ({exc}); reinstall lagebild") from exc
    rows: list[tuple[str, ...]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = tuple(f.strip() for f in line.split("\t"))
        if len(fields) < min_fields:
            raise ModelError(f"{path}:{number}: expected {min_fields} tab-separated fields")
        rows.append(fields)
    return tuple(rows)


def cue_classes(name: str) -> dict[str, str]:
    """A two-column ``cue<TAB>class`` lexicon as a dict."""
    return {row[0].lower(): row[1] for row in read_tsv(name, min_fields=2)}
