"""Date resolution: German time expressions against the publication date (issue 4)."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.extract.dates import (
    ResolvedDate,
    default_date,
    event_date,
    find_time_expressions,
    resolve,
)

PUB = date(2025, 10, 27)  # a Monday


def _resolve_only(text: str, published: date | None = PUB, direction: str = "past") -> str | None:
    exprs = find_time_expressions(text)
    assert len(exprs) == 1, [e.text for e in exprs]
    got = resolve(exprs[0], published, direction)  # type: ignore[arg-type]
    return got.iso if got else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("am Montag berichtete", "2025-10-27"),  # the publication day itself is a Monday
        ("am Freitagabend angerufen", "2025-10-24"),
        ("am späten Freitagabend", "2025-10-24"),
        ("im Mai in Moskau", "2025-05"),
        ("im Dezember verhandelt", "2024-12"),  # a month after publication lies in last year
        ("im Dezember 2024 aufgenommen", "2024-12"),
        ("zuletzt im September 2025 in Peking", "2025-09"),
        ("am 7. Mai 2025 die Hand", "2025-05-07"),
        ("am 11.12.2025 um", "2025-12-11"),
        ("am 3. Oktober", "2025-10-03"),
        ("in der vergangenen Woche telefonierte", "2025-10"),
        ("im vergangenen Jahr", "2024"),
        ("vor knapp einem Jahr sahen", "2024"),
        ("gestern", "2025-10-26"),
        ("hatte 2011 beigetragen", "2011"),
        # "vergangenen Montag" on a Monday is a week back, "kommenden Montag" a week ahead
        ("am vergangenen Montag", "2025-10-20"),
        ("am letzten Freitag", "2025-10-24"),
        ("am kommenden Montag", "2025-11-03"),
        ("nächsten Mittwoch", "2025-10-29"),
    ],
)
def test_resolves_against_publication(text: str, expected: str) -> None:
    assert _resolve_only(text) == expected


def test_planned_weekday_points_forward() -> None:
    assert _resolve_only("am Dienstag angesetzt", direction="future") == "2025-10-28"


@pytest.mark.parametrize("text", ["am Montag", "im Mai", "in der vergangenen Woche", "gestern"])
def test_relative_expression_without_publication_date_is_unknown(text: str) -> None:
    assert _resolve_only(text, published=None) is None


@pytest.mark.parametrize(
    "text",
    ["seit vergangenem Freitag", "seit 2010 in Wien", "500 Millionen Dollar", "Jahrgang 1953",
     "(2004-2010)", "2022 Menschen"],
)
def test_periods_and_quantities_are_not_dates(text: str) -> None:
    assert find_time_expressions(text) == ()


def test_news_default_is_publication_day_for_past_tense() -> None:
    got = event_date("Putin hat mit Maduro telefoniert.", 10, "2025-12-11T20:04")
    assert got == ResolvedDate("2025-12-11", "day")
    # strong preterites of news verbs: "bestritt", "verbot", "beschoss"
    for sentence in ("Kiew bestritt die Vorwürfe.", "Moskau verbot die Partei.",
                     "Die Armee beschoss das Dorf."):
        anchor = sentence.index(sentence.split()[1])
        assert event_date(sentence, anchor, "2025-12-11T20:04") == ResolvedDate(
            "2025-12-11", "day"), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "In der Vergangenheit hatte Moskau Militärexperten entsandt.",  # pluperfect
        "Maduro warnte zuletzt vor einer Intervention.",  # background cue
        "Zudem verhandelt Putin mit Trump.",  # present tense: ongoing
    ],
)
def test_no_default_for_background(sentence: str) -> None:
    assert event_date(sentence, 5, "2025-12-11T20:04") is None


def test_undated_article_gives_no_default() -> None:
    assert default_date("Putin hat mit Maduro telefoniert.", None) is None


def test_explicit_date_wins_in_undated_article() -> None:
    got = event_date("Putin gab sich zuletzt im September 2025 in Peking die Ehre.", 6, None)
    assert got == ResolvedDate("2025-09", "month")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("im kommenden Jahr verhängen", "2026"),
        ("nächstes Jahr besuchen", "2026"),
        ("im nächsten Monat treffen", "2025-11"),
        ("in der kommenden Woche fortgesetzt", "2025-11"),
        ("in zwei Wochen verhängen", "2025-11"),
        ("in drei Tagen treffen", "2025-10-30"),
    ],
)
def test_times_to_come_resolve_forward(text: str, expected: str) -> None:
    assert _resolve_only(text, direction="future") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the day dates the announcement of a plan: the past Tuesday
        ("Polen kündigte am Dienstag an, Kuba zu besuchen.", "2026-11-17"),
        ("Polen hat am Dienstag angekündigt, Kuba zu besuchen.", "2026-11-17"),
        ("Am Dienstag kündigte Polen die erste Abschiebung an.", "2026-11-17"),
        # the day dates the plan itself: the Tuesday to come
        ("Polen will am Dienstag Kuba besuchen.", "2026-11-24"),
        ("Polen kündigte an, am Dienstag Kuba zu besuchen.", "2026-11-24"),
        # a perfect with "sein" dates the arrival, not the plan of the clause after it
        ("Polen ist am Dienstag in Havanna eingetroffen, wo es Kuba besuchen will.", "2026-11-17"),
        ("Das Treffen ist am Dienstag geplant, wo Polen Kuba besuchen will.", "2026-11-24"),
    ],
)
def test_a_plans_day_is_the_announcements_when_the_clause_is_past(
        sentence: str, expected: str) -> None:
    anchor = sentence.index("besuchen") if "besuchen" in sentence else sentence.index("Abschiebung")
    got = event_date(sentence, anchor, "2026-11-20T10:00", planned=True)  # a Friday
    assert got is not None and got.iso == expected


def test_a_preterite_trigger_before_a_comma_dates_the_event() -> None:
    # the trigger word is read without the comma after it
    sentence = "Beide Seiten vereinbarten, die Zusammenarbeit auszubauen."
    assert event_date(sentence, sentence.index("vereinbarten"), "2025-12-11T20:04") == \
        ResolvedDate("2025-12-11", "day")
    # an announcing preterite dates a noun act it carries
    sentence = "Der Kreml kündigte eine harte Reaktion an."
    assert event_date(sentence, sentence.index("Reaktion"), "2025-12-11T20:04") == \
        ResolvedDate("2025-12-11", "day")


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # the month dates the agreement inside the attribute, not the accusation
        ("Kuba warf dem Nachbarland vor, die im Oktober vereinbarte Waffenruhe gebrochen zu "
         "haben.", "warf", "2026-11-20"),
        ("Kuba warf dem Nachbarland vor, die im Oktober vereinbarte Waffenruhe gebrochen zu "
         "haben.", "vereinbarte", "2026-10"),
        ("Kuba warf dem Nachbarland vor, die im Oktober vereinbarte Waffenruhe gebrochen zu "
         "haben.", "Waffenruhe", "2026-10"),
        ("Polen kritisierte die vergangene Woche verhängten Sanktionen.", "kritisierte",
         "2026-11-20"),
        # outside an attribute the expression dates the clause as before
        ("Polen hat im Oktober neue Sanktionen verhängt.", "verhängt", "2026-10"),
        ("Kuba hat am Montag das Abkommen unterzeichnet.", "unterzeichnet", "2026-11-16"),
    ],
)
def test_a_time_inside_a_participial_attribute_dates_only_that_attribute(
        sentence: str, trigger: str, expected: str) -> None:
    got = event_date(sentence, sentence.index(trigger), "2026-11-20T10:00")
    assert got is not None and got.iso == expected


def test_strong_preterites_of_news_date_the_event() -> None:
    sentence = "Polnische Kampfjets schossen mehrere Drohnen ab."
    assert event_date(sentence, sentence.index("schossen"), "2026-11-20T10:00") == \
        ResolvedDate("2026-11-20", "day")


def test_a_weak_preterite_in_second_place_dates_the_noun_act_it_carries() -> None:
    sentence = "Polen ordnete die Schließung des russischen Konsulats an."
    assert event_date(sentence, sentence.index("Schließung"), "2026-11-20T10:00") == \
        ResolvedDate("2026-11-20", "day")
    # an adjective in -te before its noun is no verb
    sentence = "Putins letzte Rede enthielt eine Drohung."
    assert event_date(sentence, sentence.index("Drohung"), "2026-11-20T10:00") is None


@pytest.mark.parametrize(
    ("text", "direction", "expected"),
    [
        # a Monday, 1 December: the weekend before lies in November, the next in December
        ("hat am Wochenende angegriffen", "past", "2025-11"),
        ("griff am vergangenen Wochenende an", "past", "2025-11"),
        ("will am Wochenende reisen", "future", "2025-12"),
        ("will am kommenden Wochenende reisen", "future", "2025-12"),
    ],
)
def test_a_weekend_is_no_single_day_but_its_month(text: str, direction: str, expected: str) -> None:
    assert _resolve_only(text, date(2025, 12, 1), direction) == expected
