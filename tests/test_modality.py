"""Modality and attribution of events (issue 4)."""

from __future__ import annotations

import pytest

from lagebild.extract._tokens import tokenize
from lagebild.extract.modality import classify, sentence_attribution, told_before
from lagebild.models import Sentence


def _classify(text: str, trigger: str, **kw: object) -> tuple[str, str | None]:
    tokens = tokenize(Sentence(0, len(text), text))
    index = next(i for i, t in enumerate(tokens) if t.text == trigger)
    got = classify(tokens, index, text, **kw)  # type: ignore[arg-type]
    return got.modality, got.attributed_to


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("Von militärischer Hilfe Russlands war keine Rede.", "Hilfe", "negated"),
        ("Sie beklagten, Russland habe nicht ausreichend Unterstützung geleistet.",
         "Unterstützung", "negated"),
        ("Hinweise darauf, dass Russland ihm Asyl gewähren könnte, gab es nicht.", "Asyl",
         "negated"),
        ("Zieht Trump die Flotte zurück, sähe der Autokrat wie der Sieger aus.", "Zieht",
         "hypothetical"),
        ("Russland könnte Maduro Asyl gewähren.", "Asyl", "hypothetical"),
        ("Die Regierung braucht für ihre Reform die Zustimmung der Opposition.", "Zustimmung",
         "hypothetical"),
        ("Kiew ist auf die Hilfe der USA angewiesen.", "Hilfe", "hypothetical"),
        ("Am Dienstag ist ein Treffen mit Putin angesetzt.", "Treffen", "planned"),
        ("Obama wird am Sonntag zu einem Besuch in Hanoi erwartet.", "Besuch", "planned"),
        ("Selenskyj hat neue Gespräche mit Russland in Aussicht gestellt.", "Gespräche",
         "planned"),
        ("Kuba lehnte den Vorschlag der USA ab, Polen anzugreifen.", "anzugreifen",
         "hypothetical"),
        # called off or put off: not done, or still to come
        ("Polen hat den Besuch in Kuba abgesagt.", "Besuch", "negated"),
        ("Polen sagte das Treffen mit Kuba ab.", "Treffen", "negated"),
        ("Polen hat die Gespräche mit Kuba verschoben.", "Gespräche", "planned"),
        ("Polen hat nach dem Treffen mit Kuba den Besuch abgesagt.", "Treffen", "asserted"),
        ("Kuba kritisierte die Entscheidung Polens, Truppen zu verlegen.", "verlegen",
         "planned"),
        ("Putin hat mit Maduro telefoniert.", "telefoniert", "asserted"),
        ("Nicht nur Russland hat Venezuela unterstützt.", "unterstützt", "asserted"),
        ("Nicht ausgeschlossen wird, dass Polen weitere Truppen entsendet.", "entsendet",
         "hypothetical"),
        ("Eigentlich wollte Trump schon im Mai nach Peking reisen.", "reisen", "planned"),
        ("Die Regierung kritisiere die Angriffe scharf.", "kritisiere", "reported"),
        ("Trumps Sprecher betonte, dass die USA die Angriffe Russlands verurteilten.",
         "verurteilten", "reported"),
        # "ohne" denies what its phrase holds, not the act the phrase qualifies
        ("Polen bot Kuba Gespräche ohne Vorbedingungen an.", "Gespräche", "asserted"),
        ("Russland griff ohne Vorwarnung die Ukraine an.", "griff", "asserted"),
        ("Ohne Zustimmung des Kongresses griff Trump Venezuela an.", "griff", "asserted"),
        ("Die Gespräche endeten ohne Einigung.", "Einigung", "negated"),
        ("Die Delegation reiste ab, ohne mit Russland zu verhandeln.", "verhandeln", "negated"),
        ("Israel zog sich zurück, ohne dass die Hamas die Geiseln freiließ.", "freiließ",
         "negated"),
    ],
)
def test_modality(text: str, trigger: str, modality: str) -> None:
    assert _classify(text, trigger)[0] == modality


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Putin habe die Partnerschaft hervorgehoben, teilte der Kreml in Moskau mit.", "Kreml"),
        ("Laut Bloomberg haben Regierungsvertreter ihren Ärger geäußert.", "Bloomberg"),
        ("Xi zufolge habe Schoigu Wang Yi informiert.", "Xi"),
        ("Putin unterzeichnete, wie die Nachrichtenagentur TASS am Montag berichtete.",
         "Nachrichtenagentur TASS"),
        ("Russland habe nicht geholfen, so Bloomberg-Quellen.", "Bloomberg-Quellen"),
        ("Diese Dienste hätten versagt, berichtete Bloomberg.", "Bloomberg"),
        ("Aus dem Kreml hieß es, Putin habe Maduro Unterstützung zugesichert.", "Kreml"),
        # the head of a genitive, adjectives after the article, a quoted name
        ("Der Sprecher des Weißen Hauses sagte, Trump werde Xi besuchen.",
         "Sprecher des Weißen Hauses"),
        ("Russland habe angegriffen, nach Angaben der ukrainischen Luftwaffe.",
         "ukrainischen Luftwaffe"),
        ("Nach Darstellung Moskaus haben Truppen ein Krankenhaus beschossen.", "Moskaus"),
        ("Die Zeitung „Haaretz“ berichtete, Israel habe den Iran angegriffen.", "Haaretz"),
        # "nach Angaben von/aus X": X, not "Angaben"; the clause's object after it is no
        # part of the name
        ("Beide einigten sich nach Angaben von Finanzminister Scott Bessent auf einen Rahmen.",
         "Finanzminister Scott Bessent"),
        ("Die USA haben nach Angaben aus Regierungskreisen Sanktionen gegen Rosneft verhängt.",
         "Regierungskreisen"),
        ("Russland hat nach Angaben aus dem Kreml Truppen nach Belarus verlegt.", "Kreml"),
        ("Die USA haben nach Angaben aus dem Weißen Haus Sanktionen verhängt.", "Weißen Haus"),
        ("Kuba hat nach Angaben Polens Tausende Soldaten entsandt.", "Polens"),
        # a bare genitive name ends at its -s word; an adjective names the source itself,
        # before "zufolge" too
        ("Kuba hat nach Angaben Polens Raketen abgefeuert.", "Polens"),
        ("Kuba hat nach polnischen Angaben Chile angegriffen.", "polnischen Angaben"),
        ("Kuba hat polnischen Angaben zufolge Chile angegriffen.", "polnischen Angaben"),
        # a word capitalised for opening the sentence is no part of the name
        ("Wie Reuters berichtete, griff Kuba Chile an.", "Reuters"),
        # after a relative clause on the opening subject the verb resumes its clause: the
        # subject speaks, the name after the verb is its object
        ("Der kubanische Präsident, der seit 2018 regiert, sagte, Chile sei ein Partner.",
         "Präsident"),
        # (a main clause after the first comma is no relative clause)
        ("Es wurden 700 Verdächtige ermittelt, die Polizei nahm 16 Personen fest, schrieb die "
         "Zeitung.", "Zeitung"),
    ],
)
def test_attribution(text: str, source: str) -> None:
    assert sentence_attribution(tokenize(Sentence(0, len(text), text)), text) == source


def test_the_speaker_may_be_a_noun_with_its_seat() -> None:
    # "Die Regierung in Caracas": the speaker is the government, not the object after the verb
    text = "Die Regierung in Caracas kritisierte die Entscheidung des Komitees."
    assert sentence_attribution(tokenize(Sentence(0, len(text), text)), text) == \
        "Regierung in Caracas"


def test_a_report_names_its_author() -> None:
    text = "Laut einem Bericht des „Wall Street Journal“ hat Polen Truppen abgezogen."
    assert sentence_attribution(tokenize(Sentence(0, len(text), text)), text) == \
        "Wall Street Journal"


def test_the_object_after_a_resumed_verb_is_not_the_speaker() -> None:
    text = "Boric, der seit 2022 regiert, kritisierte die Nato."
    assert sentence_attribution(tokenize(Sentence(0, len(text), text)), text) == "Boric"


def test_object_before_participle_is_not_the_speaker() -> None:
    text = "Putin habe die Partnerschaft zwischen beiden Ländern hervorgehoben."
    assert sentence_attribution(tokenize(Sentence(0, len(text), text)), text) is None


def test_a_participle_of_speech_before_its_noun_names_no_speaker() -> None:
    # "mit international scharf kritisierten Luftangriffen": the attacks say nothing
    text = "Russland unterstützt das Regime mit international scharf kritisierten Luftangriffen."
    assert sentence_attribution(tokenize(Sentence(0, len(text), text)), text) is None
    finite = "Am Montag kritisierten Politiker der Opposition die Regierung."
    assert sentence_attribution(tokenize(Sentence(0, len(finite), finite)), finite) == "Politiker"


def test_reported_via_attribution() -> None:
    text = "Putin habe Maduro seine Unterstützung zugesichert, teilte der Kreml mit."
    assert _classify(text, "Unterstützung") == ("reported", "Kreml")


def test_demnach_continues_previous_source() -> None:
    text = "Putin befürwortete demnach den Kurs Maduros."
    assert _classify(text, "befürwortete", previous_attribution="Kreml") == ("reported", "Kreml")


def test_speech_act_of_the_speaker_is_asserted() -> None:
    text = "Lawrow forderte Verhandlungen, sagte Lawrow am Dienstag."
    assert _classify(text, "forderte", trigger_is_speech=True)[0] == "asserted"


def test_speech_act_in_a_reported_clause_is_reported() -> None:
    text = "Trumps Sprecher betonte, dass die USA die Angriffe Russlands verurteilten."
    assert _classify(text, "verurteilten", trigger_is_speech=True) == ("reported", "Trumps Sprecher")


def test_speech_act_of_the_speaker_himself_is_asserted() -> None:
    text = "Trump verurteilte die Angriffe Russlands, sagte Trump am Montag."
    assert _classify(text, "verurteilte", trigger_is_speech=True)[0] == "asserted"


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("Die Armee erschoss nach ukrainischen Angaben zwei Soldaten.", "erschoss", "reported"),
        ("Die Armee erschoss nach Angaben der Polizei zwei Männer.", "erschoss", "reported"),
        ("Soldaten erschossen nach Armeeangaben einen Angreifer.", "erschossen", "reported"),
        # their own account is no other source
        ("Die Soldaten erschossen zwei Männer, die nach ihren Angaben bewaffnet waren.", "erschossen",
         "asserted"),
    ],
)
def test_according_to_figures_is_reported(text: str, trigger: str, modality: str) -> None:
    assert _classify(text, trigger)[0] == modality


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("Polen kündigte an, die Ukraine zu unterstützen.", "unterstützen", "planned"),
        ("Der Kreml rief Polen auf, die Ukraine zu unterstützen.", "unterstützen",
         "hypothetical"),
        ("Kiew wirft Moskau vor, die Rebellen zu unterstützen.", "unterstützen", "reported"),
        ("Polen hat beschlossen, die Ukraine zu unterstützen.", "unterstützen", "asserted"),
        ("Wie weit ist Polen bereit, die Ukraine zu unterstützen?", "unterstützen", "hypothetical"),
    ],
)
def test_zu_infinitive_takes_its_modality_from_the_governing_verb(
        text: str, trigger: str, modality: str) -> None:
    assert _classify(text, trigger)[0] == modality


def test_speaker_before_speech_verb_is_not_the_object_after_it() -> None:
    tokens = tokenize(Sentence(0, 48, "Der Kreml kritisierte die Führung in Kiew scharf."))
    assert sentence_attribution(tokens, "Der Kreml kritisierte die Führung in Kiew scharf.") == "Kreml"


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        # plural "würden" stands in for the Konjunktiv I "werden" of indirect speech
        ("Sie würden alle Daten mit Polen teilen, sagte der Sprecher Peter Kurz.", "teilen",
         "reported"),
        # singular "würde" and conditions stay hypothetical
        ("Für Kandidat Meier würde sich Moskau einsetzen, berichtete die Zeitung Danas.",
         "einsetzen", "hypothetical"),
        ("Wenn es nötig sei, würden sie Polen helfen, sagte der Sprecher Peter Kurz.", "helfen",
         "hypothetical"),
    ],
)
def test_wuerden_in_indirect_speech(text: str, trigger: str, modality: str) -> None:
    assert _classify(text, trigger)[0] == modality


def test_a_dateline_does_not_make_the_object_the_speaker() -> None:
    from lagebild.extract._tokens import tokenize
    from lagebild.extract.modality import sentence_attribution
    from lagebild.nlp.sentences import split_sentences

    text = "Berlin – Die Bundesregierung kritisierte Russland scharf."
    tokens = tokenize(split_sentences(text)[0])
    assert sentence_attribution(tokens, text) == "Bundesregierung"


@pytest.mark.parametrize("text, trigger", [
    ("Die USA werden Sanktionen gegen Russland verhängen.", "verhängen"),
    ("Trump wird Putin am Freitag in Budapest treffen.", "treffen"),
    ("Trump sagte, dass er Putin treffen wird.", "treffen"),
])
def test_the_future_tense_is_planned(text: str, trigger: str) -> None:
    assert _classify(text, trigger)[0] == "planned"


@pytest.mark.parametrize("text, trigger", [
    ("Die Ukraine wird von Russland angegriffen.", "angegriffen"),  # a passive
    ("Seit Dienstag werden die Flüchtlinge zwischen den Ländern befördert.", "befördert"),
    ("Die Lage wird schwieriger, kritisierte Putin.", "kritisierte"),
])
def test_werden_without_an_infinitive_is_no_future(text: str, trigger: str) -> None:
    assert _classify(text, trigger)[0] != "planned"


def test_a_name_after_a_speech_verb_with_a_pronoun_subject_is_its_object() -> None:
    # "..., kritisierte Putin" names a speaker; "Er kritisierte Putin" does not
    words = tokenize(Sentence(0, 21, "Er kritisierte Putin."))
    assert sentence_attribution(words, "Er kritisierte Putin.") is None
    words = tokenize(Sentence(0, 31, "Das sei falsch, kritisierte Putin."))
    assert sentence_attribution(words, "Das sei falsch, kritisierte Putin.") == "Putin"


@pytest.mark.parametrize("text, trigger, modality", [
    # "angekündigt" closes the second conjunct: the insult was made, the tariffs announced
    ("Trump hat Petro als Drogenboss bezeichnet und Strafzölle angekündigt.", "bezeichnet",
     "asserted"),
    ("Trump hat Petro als Drogenboss bezeichnet und Strafzölle angekündigt.", "Strafzölle",
     "planned"),
    ("Trump hat Sanktionen verhängt und neue Zölle angekündigt.", "Sanktionen", "asserted"),
    # no verb closes the first conjunct: one announcement of both
    ("Trump hat Sanktionen und Zölle gegen Russland angekündigt.", "Sanktionen", "planned"),
])
def test_a_cue_of_a_later_conjunct_does_not_reach_back(
        text: str, trigger: str, modality: str) -> None:
    assert _classify(text, trigger)[0] == modality


@pytest.mark.parametrize("text, trigger, modality", [
    # an attributive "geplante" makes its own noun planned, not the verb of the clause
    ("Russland kritisierte die geplante Stationierung von US-Raketen.", "kritisierte",
     "asserted"),
    ("Russland kritisierte die geplante Stationierung von US-Raketen.", "Stationierung",
     "planned"),
    ("Der Gewerkschaftsbund rief zu Protesten gegen geplante Kürzungen auf.", "rief",
     "asserted"),
    # so does "mögliche": the blame is laid, the acts blamed are open
    ("Polen hat Kuba für mögliche Sabotageakte verantwortlich gemacht.", "gemacht", "asserted"),
    ("Polen will die Gespräche über einen möglichen Kauf fortsetzen.", "Gespräche", "planned"),
    ("Die EU erwägt mögliche neue Sanktionen gegen Kuba.", "Sanktionen", "hypothetical"),
])
def test_an_attributive_plan_cue_covers_its_noun(text: str, trigger: str, modality: str) -> None:
    # (the verbs are speech acts: their subject is their actor, not a source)
    speech = trigger in ("kritisierte", "rief")
    assert _classify(text, trigger, trigger_is_speech=speech)[0] == modality


@pytest.mark.parametrize("text, source", [
    # a speaker before the verb opens with its article and adjectives: the object after the
    # verb is no source
    ("Die irakische Regierung kritisierte die Angriffe.", "Regierung"),
    ("Die Außenminister haben eine Kooperation vereinbart, wie das griechische "
     "Außenministerium am Freitag mitteilte.", "Außenministerium"),
    ("Der Vertrag trat in Kraft, wie die Nachrichtenagentur TASS am Montag berichtete.",
     "Nachrichtenagentur TASS"),
])
def test_a_speaker_with_adjectives_before_the_verb(text: str, source: str) -> None:
    assert sentence_attribution(tokenize(Sentence(0, len(text), text)), text) == source


@pytest.mark.parametrize("text", [
    "Polen hat sich bereit erklärt, Gespräche mit Russland zu führen.",
    "Polen erklärte sich bereit, mit Russland zu verhandeln.",
])
def test_declaring_oneself_willing_is_a_plan(text: str) -> None:
    tokens = tokenize(Sentence(0, len(text), text))
    verb = next(k for k, t in enumerate(tokens) if t.lower in ("gespräche", "verhandeln"))
    assert classify(tokens, verb, text).modality == "planned"


@pytest.mark.parametrize("text, source", [
    ("Russland soll nach Informationen der „New York Times“ Waffen geliefert haben.",
     "New York Times"),
    ("Laut „Bloomberg“ lieferte Russland Waffen.", "Bloomberg"),
])
def test_a_source_in_quotes_or_after_informationen(text: str, source: str) -> None:
    assert sentence_attribution(tokenize(Sentence(0, len(text), text)), text) == source


def test_sollen_with_a_time_to_come_is_planned() -> None:
    # what is arranged, not what is said to have happened
    assert _classify("Die Gespräche sollen in der kommenden Woche fortgesetzt werden.",
                     "Gespräche")[0] == "planned"
    assert _classify("Trump soll am kommenden Montag mit Putin telefonieren.",
                     "telefonieren")[0] == "planned"
    assert _classify("Putin soll Maduro Waffen geliefert haben.", "geliefert")[0] == "reported"
    assert _classify("Russland soll Soldaten einsetzen.", "einsetzen")[0] == "reported"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # a rule or an assessment of an act, not the act
        ("Ein Angriff auf eines der beiden Länder gilt als Angriff auf beide.", "hypothetical"),
        ("Jeder Angriff auf Polen gilt als Angriff auf die Nato.", "hypothetical"),
        ("Ein Angriff Russlands auf Polen gilt als wahrscheinlich.", "hypothetical"),
        # a definite act that counts as something happened
        ("Der Angriff Russlands auf Polen gilt als der schwerste seit Jahren.", "asserted"),
        ("Ein Angriff Russlands hat Polen getroffen.", "asserted"),
    ],
)
def test_an_indefinite_act_that_counts_as_something_is_generic(text: str, modality: str) -> None:
    assert _classify(text, "Angriff")[0] == modality


def test_an_account_phrase_before_a_speech_act_is_its_source() -> None:
    # "Nach Angaben der Zeitung hat der BND gewarnt": the paper's report, though a warning is
    # a speech act and the paper stands before it in its clause
    text = "Nach Angaben der Zeitung hat der BND den Irak gewarnt."
    assert _classify(text, "gewarnt", trigger_is_speech=True) == ("reported", "Zeitung")


def test_ones_own_account_before_zufolge_names_no_other_source() -> None:
    text = "Kuba hat eigenen Angaben zufolge einen Angriff abgewehrt."
    assert sentence_attribution(tokenize(Sentence(0, len(text), text)), text) is None


def test_an_indefinite_genitive_after_an_account_noun_is_its_source() -> None:
    text = "Merz telefonierte nach Angaben eines Regierungssprechers mit Trump."
    assert _classify(text, "telefonierte") == ("reported", "Regierungssprechers")


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("Das Weiße Haus wies Berichte zurück, wonach Trump Kuba angreifen wolle.", "angreifen",
         "negated"),
        ("Berichten, wonach Russland Waffen geliefert habe, widersprach der Kreml.", "geliefert",
         "negated"),
        ("Moskau bestritt, dass russische Drohnen Polen angegriffen hätten.", "angegriffen",
         "negated"),
        ("Es gibt Berichte, wonach Russland Waffen geliefert hat.", "geliefert", "reported"),
        # a confirmed claim is the speaker's report, not denied
        ("Moskau bestätigte, dass russische Drohnen Polen angegriffen hätten.", "angegriffen",
         "reported"),
    ],
)
def test_what_a_report_says_is_reported_and_denied_by_a_denial(
        text: str, trigger: str, modality: str) -> None:
    assert _classify(text, trigger)[0] == modality


def test_a_plan_names_its_reporter_but_not_its_planner() -> None:
    text = "Wie Reuters berichtete, will Polen die Militärhilfe für Kuba einfrieren."
    assert _classify(text, "einfrieren") == ("planned", "Reuters")
    text = "Laut einem Bericht des Senders CNN erwägt Polen, Truppen abzuziehen."
    assert _classify(text, "abzuziehen") == ("planned", "Senders CNN")
    assert _classify("Putin kündigte an, Truppen nach Kuba zu verlegen.", "verlegen") == ("planned", None)
    # a subject after an opening adverb speaks for itself
    assert _classify("Auch China kritisierte die Militärübung.", "kritisierte",
                     trigger_is_speech=True) == ("asserted", None)



@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        # an adjective of lack denies its noun, or the act a noun of willingness wants
        ("Die USA begründeten das mit der fehlenden Bereitschaft Moskaus zu Friedensgesprächen.",
         "Friedensgesprächen", "negated"),
        ("Kiew beklagte die mangelnde Unterstützung durch Polen.", "Unterstützung", "negated"),
        # (not another noun's lack: the attack happened)
        ("Trotz fehlender Beweise griff Polen Kuba an.", "griff", "asserted"),
        # willing is not done
        ("Kiew signalisierte Bereitschaft zu Gesprächen mit Russland.", "Gesprächen", "hypothetical"),
        # what can be done is not done, but a purpose's "zu können" is no modal of the clause
        ("Wir können selbst Menschen festnehmen, sagte der Minister.", "festnehmen", "hypothetical"),
        # in reported speech too: "könne" is the Konjunktiv I of "kann"
        ("Takaichi sagte, ein chinesischer Angriff auf Taiwan könne Japan bedrohen.", "Angriff",
         "hypothetical"),
        ("Russland könne die Nato angreifen, warnte der Minister.", "angreifen", "hypothetical"),
        ("Die HDP bezichtigt die AKP, die Krise provoziert zu haben, um wählen zu können.",
         "bezichtigt", "asserted"),
    ],
)
def test_lack_willingness_and_ability_leave_an_act_undone(text: str, trigger: str, modality: str) -> None:
    assert _classify(text, trigger)[0] == modality


@pytest.mark.parametrize(
    ("text", "speaker", "announced"),
    [
        ("Dies teilte der finnische Grenzschutz mit.", "finnische Grenzschutz", False),
        ("Das sagte Präsident Cyril Ramaphosa in Pretoria.", "Präsident Cyril Ramaphosa", False),
        ("Das hat das Weiße Haus bestätigt.", "Weiße Haus", False),
        ("Das geht aus einer Mitteilung des Finanzministeriums hervor.", "Finanzministeriums", False),
        ("Das kündigte Verteidigungsminister Pistorius am Montag an.", "Verteidigungsminister Pistorius",
         True),
    ],
)
def test_a_sentence_naming_who_told_the_one_before(text: str, speaker: str, announced: bool) -> None:
    told = told_before(tokenize(Sentence(0, len(text), text)), text)
    assert told is not None and (told.speaker, told.announced) == (speaker, announced)


@pytest.mark.parametrize(
    "text",
    [
        "Das kritisierte Merz scharf.",  # a judgment: an act of its own
        "Das wollte der Kreml nicht bestätigen.",
        "Das Ministerium teilte mit, es werde reagieren.",  # "Das" is an article here
        "Das sei ein Angriff, sagte Peskow.",
        "Das geht aus einem Bericht hervor.",  # nobody named
    ],
)
def test_sentences_that_name_no_teller_of_the_one_before(text: str) -> None:
    assert told_before(tokenize(Sentence(0, len(text), text)), text) is None


@pytest.mark.parametrize(
    ("text", "trigger", "modality", "source"),
    [
        # expected or feared: it may come or not
        ("Die Nato befürchtet, dass Russland Polen angreift.", "angreift", "hypothetical", None),
        ("Kiew geht davon aus, dass Russland Polen angreift.", "angreift", "hypothetical", None),
        ("Dass Russland Polen angreift, befürchtet die Nato seit Monaten.", "angreift",
         "hypothetical", None),
        # believed: the believer's account
        ("Der Geheimdienst vermutet, dass Nordkorea Truppen entsandt hat.", "entsandt", "reported",
         "Geheimdienst"),
        # a dass-clause of a verb of knowing is a fact
        ("Die Nato weiß, dass Russland Polen angegriffen hat.", "angegriffen", "asserted", None),
    ],
)
def test_a_dass_clause_of_expecting_or_believing(
        text: str, trigger: str, modality: str, source: str | None) -> None:
    assert _classify(text, trigger) == (modality, source)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Kuba wies die Vorwürfe zurück, Russland Waffen zu liefern.", "negated"),
        ("Polen erhob den Vorwurf, Russland Waffen zu liefern.", "reported"),
    ],
)
def test_the_claim_a_claim_noun_spells_out(text: str, modality: str) -> None:
    assert _classify(text, "liefern")[0] == modality


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        # the setting of an announcement happened (by the announcer's own account); what it
        # announced is to come
        ("Tusk kündigte bei einem Besuch in Vilnius neue Hilfen an.", "Besuch", "reported"),
        ("Tusk kündigte bei einem Besuch in Vilnius neue Hilfen an.", "Hilfen", "planned"),
        ("Tusk hat im Telefonat mit Nauseda neue Hilfen angekündigt.", "Telefonat", "asserted"),
        ("Tusk kündigte einen Besuch in Vilnius an.", "Besuch", "planned"),
        # an intended trip's setting is to come too
        ("Tusk will bei seinem Besuch in Vilnius Nauseda treffen.", "Besuch", "planned"),
    ],
)
def test_the_setting_of_an_announcement(text: str, trigger: str, modality: str) -> None:
    assert _classify(text, trigger)[0] == modality


@pytest.mark.parametrize(
    ("text", "modality", "source"),
    [
        ("Litauen werde die Grenze schließen, kündigte Nauseda an.", "planned", "Nauseda"),
        ("Litauen werde die Grenze schließen, versprach Nauseda.", "planned", "Nauseda"),
        ("Litauen werde die Grenze schließen, sagte Nauseda.", "reported", "Nauseda"),
    ],
)
def test_an_act_announced_in_reported_speech(text: str, modality: str, source: str) -> None:
    assert _classify(text, "schließen") == (modality, source)
