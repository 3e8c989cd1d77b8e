"""When an event happened: German time expressions resolved against the publication date.

Two steps. ``find_time_expressions`` locates expressions ("am Montag", "im Mai",
"im Dezember 2024", "7. Mai 2025", "in der vergangenen Woche", "vor knapp einem Jahr") with
their character spans; ``resolve`` turns one into an ISO date with a precision, or ``None``
when it cannot be known (a relative expression in an undated article).

``event_date`` picks the expression that governs an event (nearest to the trigger, same
clause preferred) and, when the sentence has none, applies the news default documented in
``default_date``: a dated article's past-tense event with no background cue happened on the
publication day; anything else stays ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from ..models import DatePrecision
from ._lexicon import cue_classes, read_tsv

Direction = Literal["past", "future"]


@dataclass(frozen=True)
class TimeExpression:
    start: int  # offsets into the text given to find_time_expressions
    end: int
    text: str
    kind: str  # "date", "daymonth", "monthyear", "month", "year", "weekday", "relative", ...
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None  # Monday = 0
    offset_days: int | None = None  # for heute/gestern/vor N Tagen
    offset_months: int | None = None
    offset_years: int | None = None


@dataclass(frozen=True)
class ResolvedDate:
    iso: str
    precision: DatePrecision


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    return {row[0].lower(): int(row[1]) for row in read_tsv("months.tsv", min_fields=2)}


_WEEKDAYS = {
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonnabend": 5,
    "sonntag": 6,
}
WEEKDAY_NAMES = tuple(_WEEKDAYS)  # (lower-case, "sonnabend" too)
_NUMBERS = {
    "einem": 1,
    "einer": 1,
    "ein": 1,
    "eins": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
}
# Words after a bare four-digit number that show it is a quantity, not a year.
_QUANTITY_AFTER = re.compile(
    r"\s*(?:Millionen|Milliarden|Mio|Mrd|Euro|Dollar|Franken|Menschen|Personen|Soldaten|"
    r"Kilometer|km|Meter|Tonnen|Prozent|Mann|Tote|Toten)\b"
)
# Prepositions that make an expression a span ("seit 2010", "bis Mai"): not an event date.
_SPAN_BEFORE = re.compile(r"(?:seit|bis|ab|zwischen|Jahrgang|von)\s+(?:dem\s+|Ende\s+|Anfang\s+|"
                          r"(?:vergangene|letzte|vorige)[mn]\s+)?$", re.I)


def _month_alt() -> str:
    names = sorted(_months(), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    m = _month_alt()
    wd = "|".join(_WEEKDAYS)
    num = r"(?:\d+|" + "|".join(_NUMBERS) + ")"
    flags = re.IGNORECASE
    return (
        ("numeric", re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})\b")),
        ("date", re.compile(rf"\b(\d{{1,2}})\.\s*({m})\.?\s+((?:19|20)\d{{2}})\b", flags)),
        ("daymonth", re.compile(rf"\b(\d{{1,2}})\.\s*({m})\b\.?", flags)),
        ("monthyear", re.compile(rf"\b({m})\.?\s+((?:19|20)\d{{2}})\b", flags)),
        ("month", re.compile(rf"\b(?:im|Anfang|Mitte|Ende|seit|bis)\s+({m})\b", flags)),
        # "am vergangenen Freitag" on a Friday is a week ago; "kommenden Freitag" a week ahead
        ("lastweekday", re.compile(rf"\b(?:am\s+)?(?:vergangene[nm]|letzte[nm]|vorige[nm])\s+({wd})\b",
                                   flags)),
        ("nextweekday", re.compile(rf"\b(?:am\s+)?(?:kommenden|nächsten)\s+({wd})\b", flags)),
        ("weekday", re.compile(rf"\b(?:am\s+)?(?:(?:frühen|späten)\s+)?({wd})(?:abend|morgen|"
                               rf"nachmittag|vormittag|mittag|nacht|früh)?\b", flags)),
        ("nightto", re.compile(rf"\bin\s+der\s+Nacht\s+(?:auf|zu[mr]?)\s+({wd})\b", flags)),
        # "am Wochenende", "am vergangenen Wochenende", "übers Wochenende"
        ("weekend", re.compile(r"\b(?:am|übers|über\s+das)\s+(?:(vergangenen|letzten|vorigen|kommenden|"
                               r"nächsten)\s+)?Wochenende\b", flags)),
        ("today", re.compile(r"\b(heute|gestern|vorgestern|morgen|übermorgen)\b", flags)),
        ("lastweek", re.compile(r"\b(?:in\s+der\s+)?(?:vergangenen|letzten|vorigen|vergangene|"
                                r"letzte|vorige)\s+Woche\b", flags)),
        ("lastmonth", re.compile(r"\b(?:im\s+)?(?:vergangenen|letzten|vorigen|vergangener|"
                                 r"letzter|voriger)\s+Monat\b", flags)),
        ("lastyear", re.compile(r"\b(?:im\s+)?(?:vergangenen|letzten|vorigen|vergangenes|"
                                r"letztes|voriges|Vorjahr)\s*(?:Jahr(?:es)?)?\b", flags)),
        ("thisyear", re.compile(r"\b(?:in\s+diesem|dieses|im\s+laufenden)\s+Jahr(?:es)?\b", flags)),
        ("nextweek", re.compile(r"\b(?:in\s+der\s+)?(?:kommenden|nächsten|kommende|nächste)\s+"
                                r"Woche\b", flags)),
        ("nextmonth", re.compile(r"\b(?:im\s+)?(?:kommenden|nächsten)\s+Monat\b", flags)),
        ("nextyear", re.compile(r"\b(?:im\s+(?:kommenden|nächsten)|kommendes|nächstes)\s+Jahr\b",
                                flags)),
        ("within", re.compile(rf"\bin\s+({num})\s+(Tagen|Wochen|Monaten|Jahren)\b", flags)),
        ("ago", re.compile(rf"\bvor\s+(?:knapp\s+|gut\s+|etwa\s+|rund\s+|mehr\s+als\s+)?({num})\s+"
                           r"(Tagen|Tag|Wochen|Woche|Monaten|Monat|Jahren|Jahr)\b", flags)),
        ("year", re.compile(r"(?<![\d.\-–/])((?:19|20)\d{2})(?![\d\-–/])")),
    )


@lru_cache(maxsize=1024)
def find_time_expressions(text: str) -> tuple[TimeExpression, ...]:
    """All time expressions in ``text``, earliest first, without overlaps (longest wins)."""
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _patterns():
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            expr = _build(kind, match, text)
            if expr is None:
                continue
            found.append(expr)
            taken.append((start, end))
    return tuple(sorted(found, key=lambda e: e.start))


def _build(kind: str, match: re.Match[str], text: str) -> TimeExpression | None:
    start, end = match.span()
    before = text[max(0, start - 20) : start]
    span_text = match.group(0)
    months = _months()
    if kind != "month" and _SPAN_BEFORE.search(before):
        return None  # "seit 2010", "bis Mai 2024": a period, not the event's date
    if kind == "numeric":
        day, month, year = (int(g) for g in match.groups())
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        return TimeExpression(start, end, span_text, "date", day=day, month=month, year=year)
    if kind == "date":
        return TimeExpression(start, end, span_text, "date", day=int(match.group(1)),
                              month=months[match.group(2).lower()], year=int(match.group(3)))
    if kind == "daymonth":
        if match.group(2).lower() not in months or not 1 <= int(match.group(1)) <= 31:
            return None
        return TimeExpression(start, end, span_text, "daymonth", day=int(match.group(1)),
                              month=months[match.group(2).lower()])
    if kind == "monthyear":
        # "Mai" alone is too ambiguous as a word ("mai" lower-case is not German); demand the
        # capital letter the noun has in running text.
        if not match.group(1)[0].isupper():
            return None
        return TimeExpression(start, end, span_text, "monthyear",
                              month=months[match.group(1).lower()], year=int(match.group(2)))
    if kind == "month":
        if span_text.lower().startswith(("seit", "bis")) or not match.group(1)[0].isupper():
            return None
        return TimeExpression(start, end, span_text, "month", month=months[match.group(1).lower()])
    if kind in ("weekday", "nightto", "lastweekday", "nextweekday"):
        if not match.group(1)[0].isupper():
            return None
        return TimeExpression(start, end, span_text, "weekday" if kind == "nightto" else kind,
                              weekday=_WEEKDAYS[match.group(1).lower()])
    if kind == "weekend":
        which = (match.group(1) or "").lower()
        offset = -7 if which in ("vergangenen", "letzten", "vorigen") else 7 if which else 0
        return TimeExpression(start, end, span_text, "weekend", offset_days=offset)
    if kind == "today":
        word = match.group(1).lower()
        if match.group(1)[0].isupper() and start > 0 and text[start - 2 : start] not in (". ", ""):
            return None  # "am Morgen", "der Morgen": the noun, not tomorrow
        offset = {"heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2}[word]
        return TimeExpression(start, end, span_text, "relative", offset_days=offset)
    if kind == "lastweek":
        return TimeExpression(start, end, span_text, "relative_week", offset_days=-7)
    if kind == "lastmonth":
        return TimeExpression(start, end, span_text, "relative_month", offset_months=-1)
    if kind == "lastyear":
        if "jahr" not in span_text.lower():
            return None
        return TimeExpression(start, end, span_text, "relative_year", offset_years=-1)
    if kind == "thisyear":
        return TimeExpression(start, end, span_text, "relative_year", offset_years=0)
    if kind == "nextweek":
        return TimeExpression(start, end, span_text, "relative_week", offset_days=7)
    if kind == "nextmonth":
        return TimeExpression(start, end, span_text, "relative_month", offset_months=1)
    if kind == "nextyear":
        return TimeExpression(start, end, span_text, "relative_year", offset_years=1)
    if kind in ("within", "ago"):  # "in zwei Wochen" after publication, "vor zwei Wochen" before
        return _counted_offset(match, start, end, span_text, 1 if kind == "within" else -1)
    if kind == "year":
        if _QUANTITY_AFTER.match(text, end) or re.match(r"\s*\)", text[end:end + 2]) and "(" in before[-6:]:
            return None
        return TimeExpression(start, end, span_text, "year", year=int(match.group(1)))
    return None


def _counted_offset(
    match: re.Match[str], start: int, end: int, span_text: str, sign: int,
) -> TimeExpression:
    """"<n> Tage/Wochen/Monate/Jahre" (groups 1 and 2 of ``match``) as an offset from the
    publication date, forward (``sign`` 1) or back (-1)."""
    raw = match.group(1).lower()
    n = sign * (int(raw) if raw.isdigit() else _NUMBERS[raw])
    unit = match.group(2).lower()
    if unit.startswith("tag"):
        return TimeExpression(start, end, span_text, "relative", offset_days=n)
    if unit.startswith("woche"):
        return TimeExpression(start, end, span_text, "relative_week", offset_days=7 * n)
    if unit.startswith("monat"):
        return TimeExpression(start, end, span_text, "relative_month", offset_months=n)
    return TimeExpression(start, end, span_text, "relative_year", offset_years=n)


def parse_published(published: str | None) -> date | None:
    """The day of an ISO 8601 publication stamp ("2025-12-11T20:04"), or None."""
    if not published:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", published)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def resolve(
    expr: TimeExpression, published: date | None, direction: Direction = "past"
) -> ResolvedDate | None:
    """``expr`` as an ISO date; relative expressions need ``published``.

    ``direction`` says which way an incomplete date points: "am Montag" in a report of the
    past is the latest Monday on or before publication; in a plan it is the next one.
    """
    if expr.kind == "date" and expr.year and expr.month and expr.day:
        return _day(expr.year, expr.month, expr.day)
    if expr.kind == "monthyear" and expr.year and expr.month:
        return ResolvedDate(f"{expr.year:04d}-{expr.month:02d}", "month")
    if expr.kind == "year" and expr.year:
        return ResolvedDate(f"{expr.year:04d}", "year")
    if published is None:
        return None
    if expr.kind == "daymonth" and expr.month and expr.day:
        year = _year_for_month(expr.month, published, direction, expr.day)
        return _day(year, expr.month, expr.day)
    if expr.kind == "month" and expr.month:
        year = _year_for_month(expr.month, published, direction)
        return ResolvedDate(f"{year:04d}-{expr.month:02d}", "month")
    if expr.kind == "weekday" and expr.weekday is not None:
        delta = (published.weekday() - expr.weekday) % 7
        day = published - timedelta(days=delta)
        if direction == "future" and delta:
            day = day + timedelta(days=7)
        return ResolvedDate(day.isoformat(), "day")
    if expr.kind == "lastweekday" and expr.weekday is not None:
        delta = (published.weekday() - expr.weekday) % 7 or 7
        return ResolvedDate((published - timedelta(days=delta)).isoformat(), "day")
    if expr.kind == "nextweekday" and expr.weekday is not None:
        delta = (expr.weekday - published.weekday()) % 7 or 7
        return ResolvedDate((published + timedelta(days=delta)).isoformat(), "day")
    if expr.kind == "weekend" and expr.offset_days is not None:
        return _weekend(published, expr.offset_days, direction)
    if expr.kind == "relative" and expr.offset_days is not None:
        return ResolvedDate((published + timedelta(days=expr.offset_days)).isoformat(), "day")
    if expr.kind == "relative_week" and expr.offset_days is not None:
        day = published + timedelta(days=expr.offset_days)
        return ResolvedDate(f"{day.year:04d}-{day.month:02d}", "month")
    if expr.kind == "relative_month" and expr.offset_months is not None:
        total = published.year * 12 + published.month - 1 + expr.offset_months
        return ResolvedDate(f"{total // 12:04d}-{total % 12 + 1:02d}", "month")
    if expr.kind == "relative_year" and expr.offset_years is not None:
        return ResolvedDate(f"{published.year + expr.offset_years:04d}", "year")
    return None


def _weekend(published: date, offset: int, direction: Direction) -> ResolvedDate:
    """The month of the weekend meant ("am Wochenende" is Saturday or Sunday: no one day).
    Plain, it is the last one (the next in a plan), or the current one on a weekend day;
    "vergangenen" steps back and "kommenden" forward from the weekend of the week published."""
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)  # on or before
    on_weekend = published.weekday() >= 5
    if offset > 0 or offset == 0 and direction == "future" and not on_weekend:
        saturday += timedelta(days=7)
    elif offset < 0 and on_weekend:
        saturday -= timedelta(days=7)
    return ResolvedDate(f"{saturday.year:04d}-{saturday.month:02d}", "month")


def _day(year: int, month: int, day: int) -> ResolvedDate | None:
    try:
        return ResolvedDate(date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


def _year_for_month(month: int, published: date, direction: Direction, day: int = 1) -> int:
    # A month named without a year is the nearest one in the event's direction of time.
    if direction == "past" and (month, day) > (published.month, published.day):
        return published.year - 1
    if direction == "future" and (month, day) < (published.month, published.day):
        return published.year + 1
    return published.year


_CLAUSE_BREAK = re.compile(r"[,;:–—]")
_WORD = re.compile(r"\w+", re.UNICODE)


def governing_expression(
    text: str, anchor: int, expressions: tuple[TimeExpression, ...]
) -> TimeExpression | None:
    """The expression that dates an event whose trigger is at ``anchor`` in ``text``.

    Nearest by characters; crossing a clause boundary (comma, dash) costs extra, because
    "..., wie TASS am Montag berichtete" dates the report, only loosely the event.
    """
    best: tuple[float, TimeExpression] | None = None
    for expr in expressions:
        attribute = _attribute_phrase(text, expr)
        if attribute is not None and not attribute[0] <= anchor < attribute[1]:
            continue
        lo, hi = (expr.end, anchor) if expr.end <= anchor else (anchor, expr.start)
        between = text[lo:hi]
        cost = abs(hi - lo) + 200 * len(_CLAUSE_BREAK.findall(between))
        if best is None or cost < best[0]:
            best = (cost, expr)
    return best[1] if best else None


# "die im Oktober vereinbarte Waffenruhe", "das am Montag unterzeichnete Abkommen": an
# article, the expression, a participle and its noun. The expression dates that participle
# only, not the clause's verb ("warf dem Nachbarland vor, die im Oktober vereinbarte
# Waffenruhe gebrochen zu haben" is not an accusation of October).
_ATTRIBUTE_OPENING = re.compile(
    r"\b(?:der|die|das|den|dem|des|eine[mnrs]?|ein|seine[mnrs]?|ihre[mnrs]?)\s+"
    r"(?:(?:am|im|vom|vor|bereits|erst|schon|noch)\s+)*$", re.I)
_ATTRIBUTE_CLOSING = re.compile(r"\s+(?:[a-zäöüß]+\s+)?[a-zäöüß]{3,}(?:t|en|nd)e[nmrs]?\s+[A-ZÄÖÜ]\w*")


def _attribute_phrase(text: str, expr: TimeExpression) -> tuple[int, int] | None:
    """The span from article to noun when ``expr`` stands inside a participial attribute."""
    opening = _ATTRIBUTE_OPENING.search(text, max(0, expr.start - 40), expr.start)
    if opening is None or opening.end() != expr.start:
        return None
    closing = _ATTRIBUTE_CLOSING.match(text, expr.end)
    return (opening.start(), closing.end()) if closing else None


def default_date(
    text: str, published: date | None, planned: bool = False, trigger: str | None = None
) -> ResolvedDate | None:
    """The date of an event whose sentence names no time.

    Decision (the seed gold follows it): in a dated article, a past-tense event ("hat ...
    telefoniert", "unterzeichnete", reported "habe ... betont") with no background cue is
    news of the publication day. A pluperfect ("hatte ... entsandt"), a background word
    ("zuletzt", "seit", "immer wieder"), a plan, or an undated article give ``None``.
    """
    if published is None or planned:
        return None
    cues = cue_classes("time_cues.tsv")
    words = [w.lower() for w in _WORD.findall(text)]
    classes = {cues.get(w) for w in words}
    if "background" in classes or "pluperfect" in classes:
        return None
    verb_past = trigger is not None and _looks_preterite(trigger.lower(), weak=True)
    # (the regex over the sentence last: most past sentences are known by then)
    if "past" in classes or verb_past or any(_looks_preterite(w) or w in _ANNOUNCING_PRETERITE
                                             for w in words) or _finite_weak_preterite(text):
        return ResolvedDate(published.isoformat(), "day")
    return None


# Preterite forms common in news: speech verbs of the report ("sagte die Sprecherin")
# and strong verbs; other weak verbs end in -te/-ten (below).
_STRONG_PRETERITE = frozenset(
    "sagte sagten erklärte erklärten teilte teilten berichtete berichteten betonte betonten "
    "meldete meldeten hieß hiess schrieb schrieben "
    "traf trafen sprach sprachen rief riefen warf warfen gab gaben schloss schlossen "
    "wies wiesen bat baten kam kamen flog flogen zog zogen griff griffen hielt hielten "
    "nahm nahmen sah sahen stieß stießen beschloss beschlossen verhängte brach brachen "
    "bot boten empfing empfingen unterschrieb unterschrieben drohte drohten "
    "bestritt bestritten verbot verboten begann begannen schlug schlugen trat traten hob hoben "
    "ließ ließen befahl befahlen beschoss beschossen erschoss erschossen stritt stritten "
    "unterstrich unterstrichen schoss schossen drang drangen fing fingen floh flohen "
    "erhielt erhielten bekam bekamen sandte sandten entschied lud luden stand standen "
    "ging gingen verließ verließen wandte wandten fuhr fuhren übergab übergaben verbat verbaten "
    "fror froren".split()
)


def looks_preterite(word: str) -> bool:
    """The verb form ``word`` (a trigger, not any word of a sentence) looks preterite."""
    return _looks_preterite(word.lower(), weak=True)


def _looks_preterite(word: str, weak: bool = False) -> bool:
    if word in _STRONG_PRETERITE or word.endswith(("ierte", "ierten")):
        return True
    # Weak preterite "forderte", "verurteilten": only trusted on the trigger verb itself,
    # because across a sentence nouns like "Experten" and "Staaten" end the same way.
    return weak and len(word) > 4 and word.endswith(("te", "ten"))


# what opens the object after a finite verb: "Polen ordnete die Schließung ... an"
_OBJECT_OPENERS = frozenset({"die", "den", "das", "dem", "der", "eine", "einen", "einem", "einer",
                             "ein", "sich", "ihm", "ihn", "ihr", "ihnen", "alle", "keine"})
_NAME_BEFORE_VERB = re.compile(r"\b([A-ZÄÖÜ]\w+)\s+([a-zäöüß]\w{3,}(?:te|ten))\s+(\w+)")


def _finite_weak_preterite(text: str) -> bool:
    """A weak preterite in second position after a noun and before its object ("Polen
    ordnete die Schließung ... an", "Die Regierung leitete ein Verfahren ein"), where an
    adjective in "-te" stands after an article and before its noun ("die letzte Runde",
    "Putins letzte Rede")."""
    for m in _NAME_BEFORE_VERB.finditer(text):
        verb = m.group(2).lower()
        if m.group(3).lower() in _OBJECT_OPENERS and not verb.endswith(("ste", "sten")):
            return True
    return False


# "hat am Dienstag angekündigt, ...": the participles of a statement made
_STATEMENT_PARTICIPLES = frozenset(
    "angekündigt angedroht bekanntgegeben mitgeteilt erklärt gesagt beschlossen bestätigt "
    "versprochen zugesagt".split())
_PERFECT_AUX = frozenset({"hat", "haben"})


def _dates_a_past_statement(text: str, expr: TimeExpression) -> bool:
    """The time expression stands in a clause whose verb is past: "kündigte am Dienstag
    an, Kuba zu besuchen" dates the announcement of a plan, not the plan ("will am
    Dienstag Kuba besuchen", "kündigte an, am Dienstag ... zu besuchen")."""
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
    lo = max((b for b in breaks if b < expr.start), default=-1) + 1
    hi = min((b for b in breaks if b >= expr.end), default=len(text))
    words = [w.lower() for w in _WORD.findall(text[lo:expr.start] + " " + text[expr.end:hi])]
    return any(_looks_preterite(w) or w in _ANNOUNCING_PRETERITE for w in words) or (
        any(w in _PERFECT_AUX for w in words) and any(w in _STATEMENT_PARTICIPLES for w in words)
    ) or (any(w in _SEIN_PERFECT_AUX for w in words) and any(_arrival_participle(w) for w in words))


# "ist am Dienstag in Jerusalem eingetroffen, wo er ... beraten will": a perfect with "sein"
# dates the arrival, a past act, not the plan of the clause after it
_SEIN_PERFECT_AUX = frozenset({"ist", "sind", "war", "waren"})
_SCHEDULED_PARTICIPLES = frozenset({"geplant", "vorgesehen", "angesetzt", "erwartet",
                                    "terminiert", "angekündigt", "gegen", "gegenüber"})
_PARTICIPLE = re.compile(r"^(?:an|auf|aus|ein|ab|zu|vor|nach|mit|zurück|bei|los|weg|her|hin|"
                         r"über|unter|um)?ge[a-zäöüß]{3,}(?:t|en)$")


def _arrival_participle(word: str) -> bool:
    return word not in _SCHEDULED_PARTICIPLES and bool(_PARTICIPLE.match(word))


# weak preterites of announcing a plan (other weak ones are not trusted across a sentence)
_ANNOUNCING_PRETERITE = frozenset(
    "kündigte kündigten plante planten bestätigte bestätigten stellte stellten".split())


def event_date(
    sentence: str,
    anchor: int,
    published: str | None,
    planned: bool = False,
) -> ResolvedDate | None:
    """The date of an event with its trigger at ``anchor`` (offset into ``sentence``)."""
    pub = parse_published(published)
    expressions = find_time_expressions(sentence)
    expr = governing_expression(sentence, anchor, expressions)
    if expr is not None:
        ahead = planned and not _dates_a_past_statement(sentence, expr)
        return resolve(expr, pub, "future" if ahead else "past")
    # (the word alone: "vereinbarten," before a comma is still a preterite)
    word = _WORD.match(sentence, anchor) if 0 <= anchor < len(sentence) else None
    return default_date(sentence, pub, planned, word.group() if word else None)
