"""Publication dates and author lines as pages print them ("11.12.2025, 20:04", "von X").

Only lines that are *about* the page (short, mostly a date, or an author byline) count: a
date inside an article sentence ("am 7. Mai 2025") is an event date, not a publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "maerz": 3,
    "mär": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7,
    "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10,
    "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}  # fmt: skip
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_TIME = r"(?:\s*(?:,|um|-|–|\|)?\s*(?P<h>\d{1,2})[:.](?P<mi>\d{2}))?"
_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})" + _TIME),
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2}))?"),
    re.compile(
        r"(?<!\d)(?P<d>\d{1,2})\.?\s*(?P<mon>" + _MONTH_ALT + r")\.?\s+(?P<y>\d{4})" + _TIME,
        re.IGNORECASE,
    ),
)
# Words that may stand next to a date on a dateline without making it prose.
_FILLER = frozenset(
    "aktualisiert veröffentlicht am um uhr stand date datum publiziert erstellt zuletzt update "
    "updated published zuerst online letzte änderung mez mesz cet cest utc montag dienstag "
    "mittwoch donnerstag freitag samstag sonntag mo di mi do fr sa so".split()
)
_UPDATE_WORDS = re.compile(r"aktualisiert|update|zuletzt|geändert", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d{4}")  # every date form below has a four-digit year


@dataclass(frozen=True)
class PageDate:
    iso: str  # "2025-12-11T20:04" or "2025-12-11"
    has_time: bool
    is_update: bool  # the line says "aktualisiert"


def find_date(line: str) -> PageDate | None:
    """The first valid date in ``line`` as ISO (minute precision when a time is given)."""
    if not _DIGIT.search(line):
        return None
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(line):
            parsed = _to_iso(m)
            if parsed:
                iso, has_time = parsed
                return PageDate(iso, has_time, bool(_UPDATE_WORDS.search(line)))
    return None


def _to_iso(m: re.Match[str]) -> tuple[str, bool] | None:
    groups = m.groupdict()
    year, day = int(groups["y"]), int(groups["d"])
    month = MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
    if not (1990 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if groups.get("h") is not None and groups.get("mi") is not None:
        hour, minute = int(groups["h"]), int(groups["mi"])
        if hour < 24 and minute < 60:
            return f"{iso}T{hour:02d}:{minute:02d}", True
    return iso, False


def is_date_line(line: str) -> bool:
    """A short line that is mostly a date: "27.10.2025 18:34", " date 2025-10-27 Menü"."""
    if len(line) > 90 or find_date(line) is None:
        return False
    rest = line
    for pattern in _DATE_PATTERNS:
        rest = pattern.sub(" ", rest)
    others = [w for w in _WORD.findall(rest) if w.lower() not in _FILLER]
    return len(others) <= 2


_NAME_TOKEN = r"[A-ZÄÖÜ][\w'’.-]*"
_PARTICLE = r"(?:von|van|de|der|den|zu|al|el|di|da|du|la|le|ter|ten|bin)"
_NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_TOKEN}){{1,3}}"
_AUTHOR = re.compile(
    r"^(?i:von|by|autor(?:in)?\s*:|text\s*:|aufgezeichnet\s+von|"
    r"ein(?:e)?\s+(?:kommentar|gastbeitrag|analyse|kolumne|reportage|essay|bericht)\s+von)\s+"
    rf"(?P<name>{_NAME}(?:\s*(?:,|und|&)\s*{_NAME})?)(?P<rest>\s*[,:;|/–—(-].*)?$"
)


@dataclass(frozen=True)
class Byline:
    author: str
    rest: str  # what followed the name: ":newstime", ", Berlin", "und dpa"


def byline_of(line: str) -> Byline | None:
    """The author of a byline ("von Christopher Schmitt:newstime"), None for other lines."""
    if len(line.split()) > 10 or line.endswith((".", "!", "?")) and not line.endswith(" dpa."):
        return None
    m = _AUTHOR.match(line)
    if not m:
        return None
    return Byline(m.group("name").strip(), (m.group("rest") or "").strip())
