"""Is an event asserted, reported, negated, hypothetical or planned — and by whose account?

Cue words come from ``data/modality_cues.tsv`` and ``data/speech_verbs.tsv``. Scope is the
trigger's clause (commas and dashes delimit clauses in German news), except for cues that
frame a whole sentence ("..., gab es nicht", "laut Bloomberg", "berichtete Bloomberg").

Precedence: negated > hypothetical > planned > reported > asserted. A speech act that is
itself the event ("Lawrow forderte ...") is asserted unless another source reports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..models import Modality
from ._lexicon import cue_classes, read_tsv
from ._tokens import ATTRIBUTIVE_ENDINGS, CLAUSE_PUNCT, Token, counts

_ARTICLES = frozenset(
    "der die das den dem des ein eine einen einem einer eines sein seine ihr ihre".split()
)
_PRONOUNS = frozenset("er sie es man wir ich du ihr".split())
# Separable-verb particles: "teilte ... mit" is "mitteilen".
PARTICLES = frozenset(
    "ab an auf aus bei ein fest fort her hervor hin los mit nach vor weg zu zurück zusammen "
    "bekannt statt teil kund entgegen gegenüber frei".split()
)


@dataclass(frozen=True)
class ModalityResult:
    modality: Modality
    attributed_to: str | None = None
    cue: str | None = None  # the word that decided it, for debugging and the web view


@lru_cache(maxsize=1)
def _cues() -> dict[str, str]:
    return cue_classes("modality_cues.tsv")


@lru_cache(maxsize=1)
def speech_lemmas() -> frozenset[str]:
    return frozenset(row[0].lower() for row in read_tsv("speech_verbs.tsv"))


def verb_lemma(
    tokens: tuple[Token, ...], i: int, particles: dict[int, tuple[int, str]] | None = None
) -> str:
    """The lemma of token ``i`` joined with its separated particle, if one ends the clause.

    ``particles`` is ``clause_particles(tokens)``, passed in when calling for many tokens.
    """
    tok = tokens[i]
    if not tok.text[:1].islower() and i > 0:
        return tok.lemma  # a noun; a verb is lower-case unless it opens the sentence
    if particles is None:
        particles = clause_particles(tokens)
    particle = particles.get(tok.clause)
    if particle is not None and particle[0] > i:
        return particle[1] + tok.lemma
    return tok.lemma


def clause_particles(tokens: tuple[Token, ...]) -> dict[int, tuple[int, str]]:
    """Per clause, the separable particle that ends it ("teilte ... mit"), with its index."""
    out: dict[int, tuple[int, str]] = {}
    n = len(tokens)
    for j, t in enumerate(tokens):
        if t.lower not in PARTICLES:
            continue
        last_in_clause = j + 1 == n or tokens[j + 1].clause != t.clause or tokens[
            j + 1].lower in (".", "und", "oder")
        if last_in_clause:
            out[t.clause] = (j, t.lower)
    return out


# Words after a zu-infinitive: "zu kooperieren haben", "zu unterstützen und"
_AFTER_INFINITIVE = frozenset({"haben", "sein", "werden", "wollen", "können", "lassen", "und", "oder",
                               "bereit"})
# How far back from a zu-infinitive its governing verb may stand (an enumeration's commas
# split clauses: "bereit, mit den USA, Frankreich und den Briten zu kooperieren")
_CONTROL_WINDOW = 40


@dataclass(frozen=True)
class Control:
    """The verb that governs a zu-infinitive (``data/control_verbs.tsv``)."""

    index: int
    lemma: str
    modality: Modality | None
    controller: str  # "subject" or "object"


@lru_cache(maxsize=1)
def _control_verbs() -> dict[str, tuple[str, str]]:
    return {row[0].lower(): (row[1], row[2]) for row in read_tsv("control_verbs.tsv", min_fields=3)}


def zu_infinitive(tokens: tuple[Token, ...], i: int) -> bool:
    """``tokens[i]`` is the verb of a zu-infinitive ("Reformen zu fordern", "zu kooperieren"):
    after "zu", in its infinitive form, at the end of its clause (or before an auxiliary or
    "und"). Not "zu hohen Preisen", "zu Protesten": an adjective or a noun."""
    tok = tokens[i]
    if 0 < i and i + 2 < len(tokens) and tok.text[:1].islower() and tokens[i + 1].lower == "zu" \
            and tokens[i + 2].lower in ("haben", "sein", "werden") \
            and tokens[i + 2].clause == tok.clause:
        return True  # a perfect or passive infinitive: "Dörfer beschossen zu haben"
    if i == 0 or not tok.text[:1].islower() or not tok.lower.endswith("n"):
        return False
    if tokens[i - 1].lower == "zu":
        if tok.lower != tok.lemma:
            return False
    elif not _zu_infix(tok):
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is None or nxt.clause != tok.clause or not nxt.text[:1].isalpha() \
        or nxt.lower in _AFTER_INFINITIVE


def _zu_infix(tok: Token) -> bool:
    """A separable verb with "zu" inside: "anzusprechen" (ansprechen), "aufzustocken"."""
    low = tok.lower
    start = low.find("zu", 2)
    while 0 < start < len(low) - 4:
        if low[:start] + low[start + 2 :] == tok.lemma:
            return True
        start = low.find("zu", start + 1)
    return False


def clause_infinitive(tokens: tuple[Token, ...], clause: int) -> int | None:
    """The zu-infinitive that ends ``clause`` ("..., bei dem Treffen seinen Ärger
    anzusprechen"), if any."""
    last = None
    for k, t in enumerate(tokens):
        if t.clause == clause and t.text[:1].isalpha():
            last = k
        elif t.clause > clause:
            break
    return last if last is not None and zu_infinitive(tokens, last) else None


def infinitive_control(
    tokens: tuple[Token, ...], i: int, particles: dict[int, tuple[int, str]] | None = None
) -> Control | None:
    """The governing verb of the zu-infinitive at ``i`` when it is one of
    ``data/control_verbs.tsv``: the nearest such verb in an earlier clause."""
    if not zu_infinitive(tokens, i):
        return None
    table = _control_verbs()
    if particles is None:
        particles = clause_particles(tokens)
    own = tokens[i].clause
    for k in range(i - 1, max(-1, i - _CONTROL_WINDOW), -1):
        t = tokens[k]
        if t.clause == own or not t.text[:1].isalpha():
            continue
        if k > 0 and t.text[:1].isupper() and tokens[k - 1].text[:1] not in ".!?":
            continue  # a noun
        keys: tuple[str, ...] = (verb_lemma(tokens, k, particles), t.lemma, t.lower)
        if any(tokens[j].lower == "bereit" and tokens[j].clause == t.clause
               for j in range(max(0, k - 2), min(len(tokens), k + 3))):
            # "erklärte sich bereit, ... zu" / "sich bereit erklärt, ... zu": willing is planned
            keys = ("bereit" + keys[0],) + keys
        for key in keys:
            if key in table:
                mod, controller = table[key]
                return Control(k, key, None if mod == "-" else mod, controller)  # type: ignore[arg-type]
    return None


# Nouns whose zu-infinitive clause spells out what someone decided, planned, offered or
# refused ("die Entscheidung der USA, den Gipfel zu boykottieren"), with that act's modality
PLAN_NOUNS: dict[str, Modality] = {
    "entscheidung": "planned", "plan": "planned", "absicht": "planned", "vorhaben": "planned",
    "beschluss": "planned", "ankündigung": "planned", "vorschlag": "hypothetical",
    "angebot": "hypothetical", "drohung": "hypothetical", "weigerung": "negated"}


# Nouns whose zu-infinitive clause is what someone claims ("die Vorwürfe, die Miliz mit
# Waffen zu beliefern"): reported, or negated when a denying verb governs the noun
_CLAIM_NOUNS = frozenset({"vorwurf", "vorwürfe", "anschuldigung", "beschuldigung",
                          "unterstellung", "behauptung", "verdacht"})


def _claimed(tokens: tuple[Token, ...], clause: int) -> ModalityResult | None:
    """The claim a zu-infinitive clause spells out, when the clause before has a claim noun:
    "wies die Vorwürfe zurück, die Miliz zu beliefern" (negated), "erhob den Vorwurf, ..."."""
    if clause == 0:
        return None
    noun = next((t for t in tokens if t.clause == clause - 1 and t.noun
                 and t.lemma.lower() in _CLAIM_NOUNS), None)
    if noun is None:
        return None
    denied = _denying_verb(tokens, (clause - 1,))
    return ModalityResult("negated", cue=denied) if denied else ModalityResult(
        "reported", cue=noun.lower)


def plan_noun(tokens: tuple[Token, ...], clause: int) -> int | None:
    """The plan noun of the clause before ``clause`` whose infinitive ``clause`` is."""
    return next((k for k, t in enumerate(tokens) if t.clause == clause - 1
                 and t.lemma in PLAN_NOUNS and t.noun), None) if clause > 0 else None


def _plan_of_clause_before(tokens: tuple[Token, ...], clause: int,
                           cues: dict[str, str]) -> str | None:
    """The planning cue ("will", "plant") of the clause right before ``clause``."""
    return next((t.lower for t in tokens if t.clause == clause - 1
                 and cues.get(t.lower) == "planned"), None)


def _purpose(tokens: tuple[Token, ...], i: int) -> bool:
    """The zu-infinitive at ``i`` is a purpose: "..., um die Gewalt zu stoppen"."""
    clause = tokens[i].clause
    first = next((t for t in tokens if t.clause == clause and t.text[:1].isalpha()), None)
    return first is not None and first.lower == "um"


def sentence_attribution(tokens: tuple[Token, ...], text: str) -> str | None:
    """Who the sentence says its content comes from, when it names a source.

    "laut Bloomberg", "Xi zufolge", "teilte der Kreml mit", "berichtete Bloomberg",
    "wie die Nachrichtenagentur TASS berichtete", "so Bloomberg-Quellen", "hieß es in ...".
    """
    cues = _cues()
    for i, tok in enumerate(tokens):
        cls = cues.get(tok.lower)
        if cls == "source_before":
            name = _name_after(tokens, i + 1)
            if name and name.lower() in _REPORT_NOUNS:
                # "laut einem Bericht des „Wall Street Journal“": the report's author
                k = next((k for k in range(i + 1, min(len(tokens), i + 5))
                          if tokens[k].text == name), None)
                if k is not None and k + 1 < len(tokens) and tokens[k + 1].lower in ("des", "der"):
                    name = _name_after(tokens, k + 1) or name
            if name:
                return name
        elif cls == "source_after":
            if i > 0 and tokens[i - 1].lower.endswith(ACCOUNT_NOUNS):
                # "eigenen Angaben zufolge" is the subject's own account (as "nach eigenen
                # Angaben"); "ukrainischen Angaben zufolge" names its source as "nach ..." does
                account = _account_before(tokens, i - 1)
                if account is None:
                    continue
                return account
            name = _name_before(tokens, i)
            if name:
                return name
        elif tok.lower == "so" and i > 0 and tokens[i - 1].text == ",":
            name = _name_after(tokens, i + 1)
            if name:
                return name
        elif tok.lower == "nach":
            # "nach palästinensischen Angaben", "nach Armeeangaben", "nach Angaben der
            # Beobachtungsstelle": the source is named
            name = _according_to(tokens, i)
            if name:
                return name
    speech = speech_lemmas()
    particles = clause_particles(tokens)
    for i, tok in enumerate(tokens):
        if not tok.text[:1].islower() or (
                verb_lemma(tokens, i, particles) not in speech and tok.lower not in speech):
            continue
        if _adjectival_participle(tokens, i):
            continue  # "mit international scharf kritisierten Luftangriffen": nobody speaks
        # "wie die Nachrichtenagentur TASS am Montag berichtete" / "Schetyna sagte, ..."; a
        # capitalised word before a clause-final participle is its object, not the speaker.
        # A speaker before the verb comes first: "Der Kreml kritisierte die Führung" names
        # the Kreml, "die Führung" is the object
        name = _name_before(tokens, i)
        if name and _speaker_position(tokens, i, name):
            return name
        # inverted order after a quote or a clause: "..., teilte der Kreml mit" (not after
        # a pronoun subject: in "Er kritisierte Putin" Putin is the object)
        if i > 0 and tokens[i - 1].lower in _PRONOUNS and tokens[i - 1].clause == tok.clause:
            continue
        if i > 0 and tokens[i - 1].lower in ("und", "oder", "sowie", "aber"):
            continue  # a verb of the subject's next conjunct: "... und kritisierte Indien"
        opening = _relative_opening(tokens, i - 1)
        if opening is not None:
            # "Putin, der seit 2000 regiert, kritisierte die Nato": the verb resumes the clause
            # the relative one interrupts; its subject is the antecedent, the name after it
            # is the object
            name = _name_before(tokens, opening)
            if name:
                return name
            continue
        name = _name_after(tokens, i + 1)
        if name:
            return name
        if tok.lower in ("hieß", "heißt", "hiess", "heisst"):
            # "hieß es aus dem Kreml", "Aus dem Kreml hieß es"
            return _name_after(tokens, i + 2) or _from_before(tokens, i) or "unbenannt"
    return None


def pronoun_speaker(tokens: tuple[Token, ...]) -> str | None:
    """The singular pronoun that speaks the sentence: "..., kündigte er an", "..., sagte sie"
    or "Er sagte, ..." ("er"/"sie"; not a plural "sagten sie", whom no one person stands for)."""
    speech = speech_lemmas() | _ANNOUNCING_VERBS
    particles = clause_particles(tokens)
    for i, tok in enumerate(tokens):
        if not tok.text[:1].islower() or verb_lemma(tokens, i, particles) not in speech \
                or tok.lower.endswith(("en", "ten")):
            continue
        after_comma = i > 0 and tokens[i - 1].text == "," and i + 1 < len(tokens) \
            and tokens[i + 1].lower in ("er", "sie")
        opening = i == 1 and tokens[0].lower in ("er", "sie")
        if after_comma or opening:
            return tokens[i + 1 if after_comma else 0].lower
    return None


_QUOTES = frozenset('"„“”«»')
# "das"/"dies" opening a sentence whose verb follows it take up what the sentence before said
_TAKING_UP = frozenset({"das", "dies", "dieses"})
# speech verbs that judge what they take up: "Das kritisierte Merz" is an act of its own
_JUDGING_SPEECH = frozenset({"warnen", "kritisieren", "beklagen", "behaupten"})
_PERFECT_AUX = frozenset({"hat", "haben", "habe", "hatte", "hatten"})


@dataclass(frozen=True)
class ToldBefore:
    """A sentence that names who said the one before it: "Das teilte der Kreml mit"."""

    speaker: str
    announced: bool  # "Das kündigte Pistorius an": what was said is still to come


def told_before(tokens: tuple[Token, ...], text: str) -> ToldBefore | None:
    """Who the sentence says told the sentence before it, when that is all it says of it:
    "Das teilte der finnische Grenzschutz mit", "Dies sagte Selenskyj in Kiew", "Das hat das
    Weiße Haus bestätigt", "Das geht aus einer Mitteilung des Finanzministeriums hervor" --
    not "Das kritisierte Merz" (a judgment, an act of its own) or "Das wollte der Kreml nicht
    bestätigen"."""
    if len(tokens) < 3 or tokens[0].lower not in _TAKING_UP or not tokens[1].text.islower():
        return None
    if any(_cues().get(t.lower) == "negation" for t in tokens if t.clause == tokens[1].clause):
        return None
    particles = clause_particles(tokens)
    verb = 1
    if tokens[1].lower in _PERFECT_AUX:
        # "Das hat das Weiße Haus bestätigt": the participle ends the clause
        verb = max(k for k, t in enumerate(tokens) if t.clause == tokens[1].clause
                   and t.text[:1].isalpha())
        if verb <= 2 or not tokens[verb].text.islower():
            return None
        speaker = _name_after(tokens, 2)
    else:
        speaker = None
    lemma = verb_lemma(tokens, verb, particles)
    if lemma == "hervorgehen":
        speaker = _document_source(tokens, verb)
    elif lemma in speech_lemmas() and lemma not in _JUDGING_SPEECH:
        speaker = speaker or sentence_attribution(tokens, text)
    else:
        return None
    if not speaker:
        return None
    return ToldBefore(speaker, announced=lemma in ("ankündigen", "kündigen"))


def _document_source(tokens: tuple[Token, ...], verb: int) -> str | None:
    """Whose document "geht aus ... hervor" names: "aus einer Mitteilung des Ministeriums",
    "aus einem Bericht der Vereinten Nationen", "aus Regierungskreisen"."""
    at = next((k for k, t in enumerate(tokens) if t.lower == "aus" and t.clause == tokens[verb].clause),
              None)
    if at is None:
        return None
    k = at + 1
    while k < len(tokens) and (tokens[k].lower in _ARTICLES or tokens[k].text[:1].islower()
                               and tokens[k].text.isalpha()):
        k += 1  # "einer internen Mitteilung"
    if k < len(tokens) and tokens[k].lower in _REPORT_NOUNS | _DOCUMENT_NOUNS:
        if k + 1 < len(tokens) and tokens[k + 1].lower in ("des", "der", "von", "vom"):
            return _name_after(tokens, k + 2) or tokens[k].text
        return None  # "aus einem Bericht": nobody named
    return _source_after_preposition(tokens, at + 1)


def reported_clause(tokens: tuple[Token, ...], clause: int) -> bool:
    """The clause is someone's words: a Konjunktiv I form ("Russland müsse ...", "sei") or a
    quotation mark in it -- so a speech verb right after it is inverted ("..., forderte
    Nordkorea"), not a second verb of the clause's subject."""
    cues = _cues()
    return any(t.clause == clause and (cues.get(t.lower) in ("konjunktiv1", "hypothetical")
                                       or t.text in _QUOTES) for t in tokens)


def _adjectival_participle(tokens: tuple[Token, ...], i: int) -> bool:
    """A participle between a lower-case word (article, adverb) and its noun: "die
    kritisierten Angriffe", "scharf kritisierten Luftangriffen" -- an adjective, not a verb
    of speech. A finite verb in second place follows its first phrase, which ends in a
    capitalised word ("Am Montag kritisierten Politiker ...") or a comma."""
    tok = tokens[i]
    if i == 0 or i + 1 >= len(tokens) or not tok.lower.endswith(ATTRIBUTIVE_ENDINGS):
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    return after.noun and before.text[:1].islower() and before.text.isalpha() \
        and before.lower not in ("und", "oder", "aber", "sondern", "denn", "doch")


_CONDITIONALS = frozenset({"wenn", "falls", "sofern", "ob", "sonst", "andernfalls"})


def _indirect_speech(tokens: tuple[Token, ...], text: str) -> bool:
    """The sentence reports a named speaker's words and states no condition."""
    return not any(t.lower in _CONDITIONALS for t in tokens) and sentence_attribution(
        tokens, text) is not None


# "nach Angaben der Polizei", "nach Darstellung Moskaus": whose account the sentence gives
ACCOUNT_NOUNS = ("angaben", "informationen", "erkenntnissen", "darstellung", "einschätzung")
# what a source publishes: "laut einem Bericht des Senders" names the sender
_REPORT_NOUNS = frozenset(ACCOUNT_NOUNS) | {"bericht", "berichten", "meldung", "meldungen",
                                            "recherchen", "aussagen", "artikel", "interview"}
# what else a source issues: "geht aus einer Mitteilung des Ministeriums hervor"
_DOCUMENT_NOUNS = frozenset({"mitteilung", "erklärung", "stellungnahme", "dokument", "dokumenten",
                             "schreiben", "brief", "papier", "unterlagen", "antwort", "statement",
                             "pressemitteilung", "veröffentlichung", "daten", "studie", "analyse"})


def _according_to(tokens: tuple[Token, ...], i: int) -> str | None:
    """The source of "nach <...> Angaben <...>" starting at ``tokens[i]`` ("nach"); not
    "nach ihren Angaben", the subject's own account."""
    if i + 1 < len(tokens) and _own_account(tokens[i + 1]):
        return None
    for k in range(i + 1, min(len(tokens), i + 4)):
        t = tokens[k]
        if t.lower.endswith(ACCOUNT_NOUNS):  # "nach Angaben", "nach Informationen der"
            if k + 1 < len(tokens) and tokens[k + 1].lower in ("von", "vom", "aus"):
                # "nach Angaben von Finanzminister Bessent", "aus Regierungskreisen"
                owner = _source_after_preposition(tokens, k + 2)
            else:
                # a bare name after it is the account's owner ("nach Angaben Südkoreas"),
                # unless an adjective named the source ("nach ukrainischen Angaben Polen
                # angegriffen": Poland is the object)
                named = any(tokens[j].text[:1].islower() for j in range(i + 1, k))
                # ("nach Angaben eines Regierungssprechers": an indefinite genitive too)
                owner = _name_after(tokens, k + 1) if k + 1 < len(tokens) and (tokens[
                    k + 1].lower in ("der", "des", "eines", "einer")
                    or tokens[k + 1].text[:1].isupper() and not named) else None
                if owner and tokens[k + 1].text[:1].isupper():
                    owner = _genitive_name(owner)
            return owner or " ".join(x.text for x in tokens[i + 1 : k + 1])
        if not (t.text[:1].islower() and t.text[:1].isalpha()) and not t.text[:1].isupper():
            return None
    return None


def _own_account(word: Token) -> bool:
    """"ihren", "seinen", "eigenen" (Angaben): the subject's own account, no other source."""
    return word.lower.startswith(("ihr", "sein", "eige"))


def _genitive_name(name: str) -> str:
    """A bare genitive name ends with its -s word ("nach Angaben Südkoreas Raketen
    abgefeuert": Südkoreas; "Wolodymyr Selenskyjs")."""
    words = name.split()
    end = next((n for n, w in enumerate(words) if w.endswith("s")), len(words) - 1)
    return " ".join(words[: end + 1])


def _account_before(tokens: tuple[Token, ...], k: int) -> str | None:
    """The source of an account noun at ``k`` before "zufolge": its adjective with it
    ("ukrainischen Angaben"), None for the subject's own ("eigenen", "seinen Angaben")."""
    before = tokens[k - 1] if k > 0 else None
    if before is not None and _own_account(before):
        return None
    if before is not None and before.text[:1].islower() and before.text.isalpha() \
            and before.lower not in _ARTICLES:
        return f"{before.text} {tokens[k].text}"
    return tokens[k].text


def _source_after_preposition(tokens: tuple[Token, ...], i: int) -> str | None:
    """The source named after "von"/"aus" at ``tokens[i]``. Without a comma the object of
    the clause may follow it in capitals ("nach Angaben aus Regierungskreisen Sanktionen
    verhängt"): a "Kreise" plural is one word, and a noun after an article ("aus dem Kreml")
    is one word unless an adjective opens it ("aus dem Weißen Haus")."""
    if i >= len(tokens):
        return None
    article = tokens[i].lower in _ARTICLES
    name = _name_after(tokens, i)
    if name is None:
        return None
    words = name.split()
    if words[0].lower().endswith(("kreisen", "kreise")):
        return words[0]
    if article and len(words) > 1:
        adjective = words[0].lower().endswith(("e", "en", "er", "es", "em"))
        return " ".join(words[:2] if adjective else words[:1])
    return name


def _speaker_position(tokens: tuple[Token, ...], verb: int, name: str) -> bool:
    first_word = name.split()[0]
    clause = tokens[verb].clause
    for k in range(verb - 1, -1, -1):
        if tokens[k].text == first_word:
            j = k - 1
            if j >= 1 and tokens[j].text in _QUOTES and tokens[j - 1].text[:1].isupper():
                j -= 2  # "Die Zeitung „Haaretz“ berichtete": the name's noun before it
            # (over its article and adjectives: "Die irakische Regierung kritisierte")
            while j >= 0 and (tokens[j].lower in _ARTICLES or tokens[j].text.islower()
                              and k - j <= 3 and tokens[j].lower.endswith(_ADJECTIVE_ENDINGS)):
                j -= 1
            # "Russland und China kritisierten": the speaker is coordinated with a name
            while j >= 1 and tokens[j].lower in ("und", "sowie") and tokens[j - 1].text[:1].isupper():
                j -= 2
                while j >= 0 and (tokens[j].lower in _ARTICLES or tokens[j].text[:1].isupper()
                                  and tokens[j].clause == clause):
                    j -= 1
            # the clause starts there, or after "wie", or after a dateline ("Berlin – Die
            # Bundesregierung kritisierte Russland": Berlin's dash is not a clause boundary)
            # (or after a word capitalised only for opening it: "Auch China kritisierte")
            return j < 0 or tokens[j].clause != clause or tokens[j].lower == "wie" \
                or tokens[j].text in _DATELINE_DASHES or j == 0 and not tokens[0].noun
    return False


_DATELINE_DASHES = frozenset({"–", "—", "-"})
# Endings of the adjectives a speaker's phrase opens with ("die irakische Regierung", "der
# frühere Präsident", "die amtierende Ministerin"); function words ("wie", "aber") have none
_ADJECTIVE_ENDINGS = tuple(stem + ending for stem in ("sch", "ig", "lich", "al", "nd", "ier",
                                                       "er")
                           for ending in ("e", "en", "er", "es", "em"))


def _name_after(tokens: tuple[Token, ...], i: int) -> str | None:
    while i < len(tokens) and (tokens[i].lower in _ARTICLES or tokens[i].text in _QUOTES):
        i += 1  # (and an opening quote: "laut der „New York Times“")
    if i < len(tokens) and tokens[i].lower in ("in", "im"):
        i += 1
        while i < len(tokens) and tokens[i].lower in _ARTICLES:
            i += 1
    adjectives = i
    while i < len(tokens) and i - adjectives < 2 and tokens[i].text.isalpha() \
            and tokens[i].text.islower() and tokens[i].lower.endswith(_ADJECTIVE_ENDINGS):
        i += 1  # "nach Angaben der ukrainischen Luftwaffe"
    name = _capital_run(tokens, i, 1)
    if name is None or i == adjectives:
        return name
    return " ".join([t.text for t in tokens[adjectives:i]] + [name])


def _from_before(tokens: tuple[Token, ...], i: int) -> str | None:
    """The name of an aus-phrase before token ``i`` in its clause: "Aus dem Kreml hieß es"."""
    for k in range(i - 1, -1, -1):
        if tokens[k].clause != tokens[i].clause:
            return None
        if tokens[k].lower == "aus":
            return _name_after(tokens, k + 1)
    return None


_RELATIVE_PRONOUNS = frozenset({"der", "die", "das", "den", "dem", "denen", "dessen", "deren"})


def _relative_opening(tokens: tuple[Token, ...], comma: int) -> int | None:
    """The index of the comma that opens the relative clause the comma at ``comma`` closes
    (", der seit 2000 regiert,"), None when it closes none; only within the sentence's
    opening subject ("Putin, der ...,"): the first comma of the sentence opens it."""
    if comma < 3 or tokens[comma].text != ",":
        return None
    opening = next((k for k in range(comma) if tokens[k].text in CLAUSE_PUNCT), None)
    if opening is None or opening == comma or tokens[opening].text != "," \
            or tokens[opening + 1].lower not in _RELATIVE_PRONOUNS \
            or any(tokens[k].text in CLAUSE_PUNCT for k in range(opening + 1, comma)) \
            or not all(_noun_phrase_word(t) for t in tokens[:opening]):
        return None  # (", die Polizei nahm ... fest" after "Es wurden ... ermittelt" is no
        # relative clause on the subject)
    return opening


def _noun_phrase_word(t: Token) -> bool:
    """A word of a subject's noun phrase: a name, noun, article or inflected adjective
    ("Der syrische Präsident Ahmed al-Scharaa")."""
    return t.text[:1].isupper() or t.lower in _ARTICLES or "-" in t.text \
        or t.lower.endswith(("e", "en", "er", "es", "em")) and t.lower not in _PRONOUNS


def _name_before(tokens: tuple[Token, ...], i: int) -> str | None:
    j = i - 1
    if j >= 0 and tokens[j].text in _QUOTES:
        j -= 1  # (a closing quote: "Die Zeitung „Haaretz“ berichtete")
    # skip a time expression or adverb between the name and the verb ("TASS am Montag")
    while j >= 0 and tokens[j].text[:1].islower() and tokens[j].lower not in _ARTICLES and i - j < 4:
        j -= 1
    if j >= 0 and tokens[j].text[:1].isupper() and tokens[j].lower in ("montag", "dienstag",
                                                                       "mittwoch", "donnerstag",
                                                                       "freitag", "samstag",
                                                                       "sonntag"):
        j -= 2 if j >= 1 and tokens[j - 1].lower == "am" else 1
    name = _capital_run(tokens, j, -1)
    if name is None:
        return None
    head = j - len(name.split())  # the word before the run
    if head >= 1 and tokens[head].lower in ("des", "der") and tokens[head - 1].text[:1].isupper() \
            and tokens[head - 1].lower not in _ARTICLES and tokens[head - 1].lower not in _PRONOUNS:
        # "Der Sprecher des Weißen Hauses sagte": the speaker is the head of the genitive
        return f"{tokens[head - 1].text} {tokens[head].text} {name}"
    if head >= 2 and tokens[head].lower == "in" and tokens[head - 1].text[:1].isupper() \
            and tokens[head - 1].lower not in _ARTICLES and tokens[head - 1].lower not in _PRONOUNS \
            and tokens[head - 2].lower in _ARTICLES:
        # "Die Regierung in Caracas kritisierte die Entscheidung": the speaker is the noun
        # the place follows, not the word after the verb
        return f"{tokens[head - 1].text} in {name}"
    return name


def _capital_run(tokens: tuple[Token, ...], i: int, step: int) -> str | None:
    words: list[Token] = []
    while 0 <= i < len(tokens):
        tok = tokens[i]
        if not tok.text[:1].isupper() or tok.lower in _PRONOUNS or tok.lower in _ARTICLES \
                or counts(tok.lower) or i == 0 and not tok.noun:
            break  # (nor a count: "nach Angaben Südkoreas Tausende Soldaten"; nor a word
            # capitalised for opening the sentence: "Wie Reuters berichtete")
        words.append(tok)
        i += step
        if len(words) == 4:
            break
    if not words:
        return None
    if step < 0:
        words.reverse()
    return " ".join(w.text for w in words)


def classify(
    tokens: tuple[Token, ...],
    trigger_index: int,
    text: str,
    *,
    trigger_is_speech: bool = False,
    previous_attribution: str | None = None,
) -> ModalityResult:
    """The modality of an event whose trigger is ``tokens[trigger_index]``.

    ``previous_attribution`` is the source named by the preceding sentence: "demnach" and
    bare Konjunktiv I continue it ("Putin befürwortete demnach ...").
    """
    got = _classify(tokens, trigger_index, text, trigger_is_speech=trigger_is_speech,
                    previous_attribution=previous_attribution)
    if got.modality == "planned" and got.attributed_to is None:
        # "Wie Reuters berichtete, will Washington die Hilfe einfrieren": a plan has its
        # source too (not the planner's own words: "Trump will Putin treffen, sagte er")
        source = sentence_attribution(tokens, text)
        if source is not None and not _announced_by_subject(source, tokens, tokens[trigger_index]):
            return ModalityResult("planned", attributed_to=source, cue=got.cue)
    if got.modality == "reported" and own_plan(tokens, trigger_index) is not None:
        announcing = _announcing_verb(tokens, tokens[trigger_index].clause)
        if announcing is not None:
            # (who gives the word: "..., versprach Nauseda", a verb no report cue knows)
            by = got.attributed_to or (_name_after(tokens, announcing + 1)
                                       if tokens[announcing - 1].text == "," else None)
            return ModalityResult("planned", attributed_to=by, cue=tokens[announcing].lower)
    return got


# verbs that give one's word on what is to come: what they report in Konjunktiv I future
# ("Ungarn werde das Paket blockieren, kündigte Orbán an") is planned, not just reported
_ANNOUNCING_VERBS = frozenset({"ankündigen", "versprechen", "zusagen", "zusichern", "bekanntgeben",
                               "verkünden"})


def _announcing_verb(tokens: tuple[Token, ...], clause: int) -> int | None:
    """An announcing verb of another clause than ``clause`` (the reported one)."""
    particles = clause_particles(tokens)
    return next((k for k, t in enumerate(tokens) if t.clause != clause and t.text[:1].islower()
                 and verb_lemma(tokens, k, particles) in _ANNOUNCING_VERBS), None)


def _announced_by_subject(source: str, tokens: tuple[Token, ...], trig: Token) -> bool:
    """The source is named before the planned act outside an account phrase ("Putin kündigte
    an, Truppen zu verlegen"): the planner announcing, not a report about the plan ("Laut
    Reuters will ...", "Wie Reuters berichtete, will ...")."""
    first = source.split()[0]
    return any(t.text == first and t.start < trig.start and not _in_account_phrase(tokens, k)
               and not any(tokens[j].lower in _REPORT_OPENERS or tokens[j].lower in _REPORT_NOUNS
                           for j in range(max(0, k - 4), k))
               and not any(tokens[j].lower == "zufolge" for j in range(k + 1, min(len(tokens), k + 4)))
               for k, t in enumerate(tokens))


_REPORT_OPENERS = frozenset({"wie", "laut", "nach"})


def _classify(
    tokens: tuple[Token, ...],
    trigger_index: int,
    text: str,
    *,
    trigger_is_speech: bool = False,
    previous_attribution: str | None = None,
) -> ModalityResult:
    cues = _cues()
    trig = tokens[trigger_index]
    clause = [t for t in tokens if t.clause == trig.clause]
    low = text.lower()
    for phrase, cls in cues.items():
        if cls == "sentence_negation" and " " in phrase and phrase in low:
            return ModalityResult("negated", cue=phrase)
    for t in tokens:
        if cues.get(t.lower) == "sentence_negation" and t.clause != trig.clause:
            return ModalityResult("negated", cue=t.lower)
    neg = _negation(clause, trig)
    if neg:
        return ModalityResult("negated", cue=neg)
    willed = _willed(tokens, trigger_index)
    lacking = _lacking(tokens, trigger_index if willed is None else willed)
    if lacking is not None:
        return ModalityResult("negated", cue=lacking)
    called_off = _called_off(tokens, trigger_index)
    if called_off is not None:
        return ModalityResult(called_off[0], cue=called_off[1])
    report = _report_clause(tokens, trig.clause)
    if report is not None and report.modality in ("negated", "hypothetical"):
        return ModalityResult(report.modality, cue=report.cue)
    for phrase, cls in cues.items():
        if cls == "sentence_hypothetical" and phrase in low and not (
                trig.lemma in _STANCE_VERBS and trig.lower in phrase.split()):
            # (not when the phrase is the trigger itself: "hat einen Militärschlag nicht
            # ausgeschlossen" is the threat, asserted)
            return ModalityResult("hypothetical", cue=phrase)
    if _generic_act(tokens, trigger_index, clause):
        return ModalityResult("hypothetical", cue="generic")
    if willed is not None:
        return ModalityResult("hypothetical", cue=tokens[willed].lower)
    if trigger_index == 0 and trig.text[:1].isupper() and "?" not in text:
        return ModalityResult("hypothetical", cue="verb-first conditional")
    if text.rstrip().endswith("?") and trig.clause == 0:
        return ModalityResult("hypothetical", cue="?")
    for k, t in enumerate(tokens):
        if t.clause != trig.clause or cues.get(t.lower) != "hypothetical" or t is trig:
            continue
        if t.lower in _ATTRIBUTIVE_HYPOTHETICAL and not _attributive_to(tokens, k, trigger_index):
            # "machte Russland für mögliche Sabotageakte verantwortlich": the adjective leaves
            # its own noun open ("ein möglicher Angriff"), not the clause's verb
            continue
        if t.lower in _ABILITY and k > 0 and tokens[k - 1].lower == "zu":
            continue  # "um eine Neuwahl ansetzen zu können": a purpose's modal, not the clause's
        if t.lower == "würden" and _indirect_speech(tokens, text):
            # "Sie würden Informationen teilen, sagte Cook": indirect speech uses "würden"
            # where the Konjunktiv I "werden" looks like the indicative; singular "werde"
            # does not, so "würde" stays hypothetical
            continue
        return ModalityResult("hypothetical", cue=t.lower)
    if report is not None:
        # "Es gibt Berichte, wonach Russland Waffen geliefert hat": what reports say
        return ModalityResult("reported", attributed_to=report.source or sentence_attribution(
            tokens, text), cue=report.cue)
    for k, t in enumerate(tokens):
        if t.clause == trig.clause and cues.get(t.lower) == "planned" and t is not trig \
                and not _other_conjunct(tokens, trigger_index, k) \
                and trig.lemma not in _STANCE_VERBS \
                and not (t.lower in _ATTRIBUTIVE_PLANNED
                         and not _attributive_to(tokens, k, trigger_index)) \
                and not (t.lower.startswith(_ANNOUNCING_STEMS) and _setting_phrase(tokens, trigger_index)):
            # ("kündigte bei einem Besuch in Kiew neue Hilfen an": the visit is where the
            # announcement was made, not what it announced)
            return ModalityResult("planned", cue=t.lower)
    future = _future(clause)
    if future is not None:
        return ModalityResult("planned", attributed_to=sentence_attribution(tokens, text),
                              cue=future)
    infinitive = trigger_index if zu_infinitive(tokens, trigger_index) else clause_infinitive(
        tokens, trig.clause)
    if infinitive is not None:
        # "rief Y auf, Z zu verhaften" is asked for, "kündigte an, Y zu unterstützen" planned,
        # "Wie weit ist der Kreml bereit, Maduro zu stützen?" an open question; a noun in the
        # infinitive's clause shares it ("kündigte an, bei dem Treffen seinen Ärger anzusprechen")
        claimed = _claimed(tokens, tokens[infinitive].clause)
        if claimed is not None:
            return claimed
        planned_by = plan_noun(tokens, tokens[infinitive].clause)
        if planned_by is not None:
            # "kritisierte den Plan Russlands, Truppen zu verlegen": the noun governs it
            return ModalityResult(PLAN_NOUNS[tokens[planned_by].lemma], cue=tokens[planned_by].lemma)
        control = infinitive_control(tokens, infinitive)
        if control is not None and control.modality is not None:
            return ModalityResult(control.modality, cue=control.lemma)
        if _purpose(tokens, infinitive):
            plan = _plan_of_clause_before(tokens, tokens[infinitive].clause, cues)
            if plan is not None:
                # "Die Kommission will das Vermögen nutzen, um der Ukraine einen Kredit zu
                # gewähren": the purpose of a plan is planned too
                return ModalityResult("planned", cue=plan)
            return ModalityResult("hypothetical", cue="um zu")
        if text.rstrip().endswith("?"):
            return ModalityResult("hypothetical", cue="?")
    source = sentence_attribution(tokens, text)
    if source is not None and not (trigger_is_speech and _names_subject(source, tokens, trig)):
        return ModalityResult("reported", attributed_to=source, cue="source")
    for t in clause:
        cue = cues.get(t.lower)
        if cue == "reportative" and t.lower in ("soll", "sollen") and _scheduled(clause):
            return ModalityResult("planned", cue=t.lower)
        if cue == "reportative" or cue == "konjunktiv1":
            return ModalityResult("reported", attributed_to=previous_attribution, cue=t.lower)
    return ModalityResult("asserted")


# "Ein Angriff auf eines der Länder gilt als Angriff auf beide": an act named with an
# indefinite or "jeder" before a verb of counting as something is a rule, not an event
_ABILITY = frozenset({"kann", "können", "könne"})
_GENERIC_DETERMINERS = frozenset({"ein", "eine", "einen", "jeder", "jede", "jedes", "jeden"})
_COUNTS_AS = frozenset({"gilt", "gelten", "gälte", "gelte", "zählt", "zählen", "wertet", "werten"})


# adjectives that deny their noun: "wegen fehlender Unterstützung", "mangelnde Zusammenarbeit"
_ATTRIBUTIVE_LACKING = frozenset(stem + ending for stem in ("fehlend", "mangelnd", "ausbleibend")
                                 for ending in ("e", "en", "er", "es", "em"))
# nouns of being willing: the act in their zu-phrase is not done ("die Bereitschaft Moskaus
# zu Gesprächen"), as with the adjective "bereit"
_WILLINGNESS_NOUNS = frozenset({"bereitschaft", "wille", "willen", "willens"})
_ZU = frozenset({"zu", "zur", "zum"})


def _willed(tokens: tuple[Token, ...], trigger_index: int) -> int | None:
    """The noun of willingness whose zu-phrase holds the noun trigger at ``trigger_index``
    ("Bereitschaft Russlands zu weiteren Gesprächen"), if any."""
    trig = tokens[trigger_index]
    if not trig.text[:1].isupper():
        return None
    for j in range(trigger_index - 1, max(-1, trigger_index - 6), -1):
        t = tokens[j]
        if t.clause != trig.clause or t.text in (",", ";", ":"):
            return None
        if t.lower in _WILLINGNESS_NOUNS:
            return j if any(tokens[k].lower in _ZU for k in range(j + 1, trigger_index)) else None
    return None


def _lacking(tokens: tuple[Token, ...], noun: int) -> str | None:
    """An adjective of lack right before the noun at ``noun`` ("fehlende Bereitschaft")."""
    return next((tokens[k].lower for k in range(max(0, noun - 3), noun)
                 if tokens[k].lower in _ATTRIBUTIVE_LACKING and _attributive_to(tokens, k, noun)),
                None)


def _attributive_to(tokens: tuple[Token, ...], k: int, noun: int) -> bool:
    """The adjective at ``k`` belongs to the noun at ``noun``: over at most two more
    adjectives ("mögliche neue Sanktionen")."""
    between = tokens[k + 1 : noun]
    return 0 < noun - k <= 3 and tokens[noun].text[:1].isupper() \
        and all(t.text.isalpha() and t.text.islower() for t in between)


def _generic_act(tokens: tuple[Token, ...], trigger_index: int, clause: list[Token]) -> bool:
    trig = tokens[trigger_index]
    if not trig.text[:1].isupper() or not any(
            tokens[k].lower in _GENERIC_DETERMINERS for k in range(max(0, trigger_index - 2),
                                                                  trigger_index)):
        return False
    verbs = [k for k, t in enumerate(clause) if t.lower in _COUNTS_AS]
    return any(t.lower == "als" for t in clause[verbs[0] + 1:]) if verbs else False


# Words of a time to come: "in der kommenden Woche", "nächsten Monat", "morgen"
_FUTURE_TIME = ("kommend", "nächst", "morgen", "übermorgen", "demnächst", "künftig")


def _scheduled(clause: list[Token]) -> bool:
    """"soll/sollen" with a present infinitive and a time to come: what is arranged ("Die
    Gespräche sollen in der kommenden Woche fortgesetzt werden"), not what is said to have
    happened ("soll Waffen geliefert haben") or to be so ("soll Soldaten einsetzen")."""
    words = [t for t in clause if t.text[:1].isalpha()]
    if not words or words[-1].lower in ("haben", "sein") or not _infinitive(words[-1]) \
            and words[-1].lower != "werden":
        return False
    return any(t.lower.startswith(_FUTURE_TIME) for t in clause)


_CONJUNCTS = frozenset({"und", "sowie", "oder"})
# hypothetical and planned cues that are adjectives: they make their own noun open or
# planned ("ein möglicher Angriff", "die geplante Stationierung"), not the clause's verb
# ("kritisierte die geplante Stationierung")
_ATTRIBUTIVE_HYPOTHETICAL = frozenset({"mögliche", "möglichen", "mögliches", "möglicher"})
_ATTRIBUTIVE_PLANNED = frozenset({"geplante", "geplanten", "angekündigte", "angekündigten",
                                  "bevorstehende", "bevorstehenden"})
# "will ... nicht ausschließen": not wanting to rule a thing out is a stance taken now, not
# a plan
_STANCE_VERBS = frozenset({"ausschließen", "schließen"})


_FINITE_PLAN_CUES = frozenset({"lud", "luden", "lädt", "kündigte", "kündigten", "kündigt"})


# forms of announcing and inviting (not of intending: "will bei seinem Besuch Xi treffen" is
# a visit to come)
_ANNOUNCING_STEMS = ("kündig", "angekündigt", "lud", "lädt", "eingeladen")
# prepositions of an act's setting: "bei einem Besuch", "im Telefonat" (events shares them)
SETTING_PREPS = frozenset({"in", "im", "bei", "beim", "während"})


def _setting_phrase(tokens: tuple[Token, ...], i: int) -> bool:
    """The noun at ``i`` heads a phrase of the setting: "bei einem Besuch", "im Telefonat"."""
    for k in range(i - 1, max(-1, i - 5), -1):
        t = tokens[k]
        if t.lower in SETTING_PREPS:
            return True
        if t.lower not in _ARTICLES and not t.lower.startswith(("sein", "ihr", "ein")) \
                and not (t.text[:1].islower() and t.lower.endswith(("e", "en", "em", "er", "es"))
                         and not verb_form(t)):
            return False
    return False


def _other_conjunct(tokens: tuple[Token, ...], trigger_index: int, cue_index: int) -> bool:
    """The cue at ``cue_index`` closes a later conjunct of a verb-final coordination: "hat
    Petro als Drogenboss bezeichnet und Strafzölle angekündigt" announces the tariffs, not the
    insult. The trigger's own verb (the trigger, or a verb after a noun trigger) ends its
    conjunct before the "und"; without one ("hat Sanktionen und Zölle angekündigt") the
    cue covers both."""
    if cue_index < trigger_index:
        # a finite verb of planning closes its own conjunct too: "lud Trump ein und traf ihn"
        # met him (not "will Trump treffen und mit Xi sprechen", a modal over both)
        return tokens[cue_index].lower in _FINITE_PLAN_CUES and verb_form(tokens[trigger_index]) \
            and tokens[trigger_index - 1].lower != "zu" and any(
                tokens[k].lower in _CONJUNCTS for k in range(cue_index + 1, trigger_index))
    joint = next((k for k in range(trigger_index + 1, cue_index)
                  if tokens[k].lower in _CONJUNCTS), None)
    if joint is None:
        return False
    return any(verb_form(tokens[k]) for k in range(trigger_index, joint))


def verb_form(t: Token) -> bool:
    """A lower-case word whose lemma is an infinitive it is not itself ("bezeichnet",
    "verhängt"), unlike prepositions ("gegen") and adjectives ("russischen" -> "russisch")."""
    return t.text[:1].islower() and t.lemma != t.lower and t.lemma.endswith(("en", "rn", "ln"))


# Indicative werden: the Konjunktiv I "werde" marks reported speech first ("Sein Land werde
# eine Protestnote schicken, sagte Dacic" is reported), see ``own_plan``
_FUTURE_AUX = frozenset({"wird", "werden", "wirst"})
_REPORTED_PLAN = frozenset({"werde", "wolle"})


def own_plan(tokens: tuple[Token, ...], trigger_index: int) -> str | None:
    """A speaker's own intention in reported speech: "Er wolle mit Putin sprechen" or "Er
    werde Putin treffen, sagte Trump" -- planned when the speaker is the actor."""
    clause = [t for t in tokens if t.clause == tokens[trigger_index].clause]
    if any(t.lower == "wolle" for t in clause):
        return "wolle"
    return _future(clause, _REPORTED_PLAN)


def in_future(tokens: tuple[Token, ...], trigger_index: int) -> bool:
    """The trigger's clause is in the future tense, indicative or reported ("wird reagieren",
    "werde reagieren", "würden reagieren")."""
    clause = [t for t in tokens if t.clause == tokens[trigger_index].clause]
    return _future(clause, _FUTURE_AUX | _REPORTED_PLAN | {"würde", "würden"}) is not None


def _cue_in_clause(tokens: tuple[Token, ...], trigger_index: int, cls: str) -> bool:
    """A word cue of class ``cls`` stands in the trigger's clause (not the trigger itself)."""
    cues = _cues()
    trig = tokens[trigger_index]
    return any(t.clause == trig.clause and t is not trig and cues.get(t.lower) == cls
               for t in tokens)


def hypothetical_in_clause(tokens: tuple[Token, ...], trigger_index: int) -> bool:
    """A word cue of the trigger's clause leaves its act open ("Wenn Russland nicht zustimmt",
    "Ungarn könnte ... blockieren"), whatever else classify found first."""
    return _cue_in_clause(tokens, trigger_index, "hypothetical")


def planned_in_clause(tokens: tuple[Token, ...], trigger_index: int) -> bool:
    """The trigger's clause speaks of the act as to come: future tense or a word of intent
    ("will", "plant"), whatever else it says of it ("will nicht mehr zusammenarbeiten")."""
    return in_future(tokens, trigger_index) or _cue_in_clause(tokens, trigger_index, "planned")


def _future(clause: list[Token], auxiliaries: frozenset[str] = _FUTURE_AUX) -> str | None:
    """The clause is in the future tense: werden with an infinitive at the clause's end
    ("Die USA werden Sanktionen verhängen", "Er werde Putin treffen") or just before it
    ("..., dass er Putin treffen werde"); not with a participle (the passive "werde von
    Russland angegriffen", "werden ... befördert") or an adjective ("wird schwieriger")."""
    words = [t for t in clause if t.text[:1].isalpha()]
    if len(words) < 2:
        return None
    last, before = words[-1], words[-2]
    if last.lower in auxiliaries and _infinitive(before):
        return last.lower
    if _infinitive(last) and any(t.lower in auxiliaries for t in words[:-1]):
        return next(t.lower for t in words if t.lower in auxiliaries)
    return None


def _infinitive(t: Token) -> bool:
    """A lower-case verb in its dictionary form ("verhängen", "treffen", "werden"); the
    lemmatiser sometimes cuts one short ("schicken" -> "schick")."""
    low = t.lower
    if not (t.text[:1].islower() and low.isalpha() and low.endswith(("en", "ern", "eln"))):
        return False
    return low == t.lemma or (not t.lemma.endswith("n") and low.startswith(t.lemma))


# Verbs that call off or put off the act their object names: "hat den Besuch abgesagt" did
# not happen, "hat die Gespräche verschoben" is still to come
_CALLING_OFF: dict[str, Modality] = {
    "absagen": "negated", "streichen": "negated", "stornieren": "negated",
    "annullieren": "negated", "abblasen": "negated", "verschieben": "planned",
    "vertagen": "planned", "aufschieben": "planned"}
_PHRASE_PREPS = frozenset(
    "in im ins an am auf aus bei beim mit nach seit von vom vor zu zum zur über unter gegen "
    "für um wegen trotz während".split())


# Verbs that deny a report or claim: what a clause on it says did not happen by their word
_DENYING_VERBS = frozenset({"zurückweisen", "dementieren", "bestreiten", "widersprechen",
                            "verneinen", "abstreiten"})


# Verbs of expecting or fearing: what a dass-clause on them says may come or not ("befürchtet,
# dass Russland eine Offensive beginnt"); of believing: it is the believer's account ("Der
# Geheimdienst vermutet, dass Nordkorea Truppen entsandt hat")
_EXPECTING_VERBS = frozenset({"befürchten", "fürchten", "hoffen", "erwarten", "rechnen",
                              "ausgehen", "spekulieren", "bezweifeln", "zweifeln"})
_BELIEVING_VERBS = frozenset({"glauben", "vermuten", "annehmen", "schätzen", "verdächtigen",
                              "mutmaßen"})


def _verbs_of(tokens: tuple[Token, ...], clauses: tuple[int, ...]) -> list[tuple[int, Token, str]]:
    """The lower-case words of ``clauses`` with their verb lemmas (particles joined)."""
    particles = clause_particles(tokens)
    return [(k, t, verb_lemma(tokens, k, particles)) for k, t in enumerate(tokens)
            if t.clause in clauses and t.text[:1].islower()]


def _denying_verb(tokens: tuple[Token, ...], clauses: tuple[int, ...]) -> str | None:
    """A verb of ``clauses`` that denies a report or claim ("wies ... zurück", "bestritt")."""
    return next((t.lower for _, t, lemma in _verbs_of(tokens, clauses) if lemma in _DENYING_VERBS),
                None)


@dataclass(frozen=True)
class _ReportClause:
    modality: Modality
    cue: str
    source: str | None = None  # who believes it, when a believing verb governs the clause


def _report_clause(tokens: tuple[Token, ...], clause: int) -> _ReportClause | None:
    """A clause that says what a report says: "wonach ..." is reported, "negated" when the
    clause it hangs on denies it ("wies Berichte zurück, wonach ...", "Berichten, wonach ...,
    widersprach der Kreml"), as is a dass-clause of a denying verb ("bestritt, dass ...");
    a dass-clause of a verb of expecting is hypothetical, of believing the believer's report."""
    first = next((t for t in tokens if t.clause == clause and t.text[:1].isalpha()), None)
    if first is None or first.lower not in ("wonach", "dass") or clause == 0 and first.lower != "dass":
        return None  # (a sentence may open with its dass-clause: "Dass ..., befürchtet die Nato")
    governing = _verbs_of(tokens, (clause - 1, clause + 1))
    denied = next((t.lower for _, t, lemma in governing if lemma in _DENYING_VERBS), None)
    if denied is not None:
        return _ReportClause("negated", denied)
    if first.lower == "wonach":
        return _ReportClause("reported", "wonach")
    expected = next((t.lower for _, t, lemma in governing if lemma in _EXPECTING_VERBS), None)
    if expected is not None:
        return _ReportClause("hypothetical", expected)
    believed = next((k for k, _, lemma in governing if lemma in _BELIEVING_VERBS), None)
    if believed is not None:
        # the believer is the subject before the verb ("Der Geheimdienst vermutet"), not a
        # noun of a clause before it ("Ich halte nichts von Populismus und glaube, dass")
        believer = _name_before(tokens, believed)
        if believer is not None and not _speaker_position(tokens, believed, believer):
            believer = None
        return _ReportClause("reported", tokens[believed].lower, believer)
    return None


def _called_off(tokens: tuple[Token, ...], trigger_index: int) -> tuple[Modality, str] | None:
    """A noun trigger that is the object of a verb of calling or putting off."""
    trig = tokens[trigger_index]
    if not trig.noun:
        return None
    k = trigger_index - 1
    while k >= 0 and (tokens[k].lower in _ARTICLES or tokens[k].text[:1].islower()
                      and tokens[k].lower.endswith(("e", "en", "er", "es", "em"))
                      and tokens[k].lower not in _PHRASE_PREPS):
        k -= 1
    if k >= 0 and tokens[k].lower in _PHRASE_PREPS:
        return None  # "nach dem Angriff den Besuch abgesagt": the phrase is no object
    particles = clause_particles(tokens)
    for j, t in enumerate(tokens):
        if t.clause == trig.clause and j != trigger_index and t.text[:1].islower():
            mod = _CALLING_OFF.get(verb_lemma(tokens, j, particles))
            if mod is not None:
                return mod, t.lower
    return None


def _negation(clause: list[Token], trig: Token) -> str | None:
    cues = _cues()
    for k, t in enumerate(clause):
        if cues.get(t.lower) != "negation":
            continue
        nxt = clause[k + 1].lower if k + 1 < len(clause) else ""
        if t.lower == "nicht" and nxt in ("nur", "zuletzt", "ausgeschlossen", "ausschließen"):
            continue  # "nicht nur", "nicht zuletzt": no denial
        if t.lower == "nicht" and nxt == "aus" and trig.lemma == "schließen":
            continue  # "schloss ... nicht aus": the refusal to rule out is the act
        if t.lower == "ohne" and not _under_ohne(clause, k, trig):
            continue  # "bot Gespräche ohne Vorbedingungen an": the offer stands
        # "keine" far after a verb-second trigger belongs to another phrase; "nicht" at the
        # end of a clause negates its verb wherever it stands.
        if t.start > trig.end and t.lower != "nicht" and t.start - trig.end > 40:
            continue
        return t.lower
    return None


def _under_ohne(clause: list[Token], k: int, trig: Token) -> bool:
    """The trigger is what "ohne" at ``k`` denies: "ohne dass ... angriff", "ohne ... zu
    verhandeln", "ohne Einigung" -- not the act its phrase merely qualifies ("griff ohne
    Vorwarnung an", "Ohne Zustimmung des Parlaments griff Trump an")."""
    if trig.start < clause[k].start:
        return False
    if k + 1 < len(clause) and clause[k + 1].lower == "dass":
        return True
    at = next((j for j in range(k + 1, len(clause)) if clause[j].start == trig.start), None)
    if at is None:
        return False
    if clause[at - 1].lower == "zu" or "zu" in trig.lower[1:-2]:
        return True  # the zu-infinitive: "ohne ... zu verhandeln", "ohne abzuziehen"
    return trig.noun and at - k <= 4


def _names_subject(source: str, tokens: tuple[Token, ...], trig: Token) -> bool:
    # "Lawrow forderte ..., sagte er": the speaker is the actor, the demand is asserted.
    first = source.split()[0]
    # "Kerrys Sprecher unterstrich, dass die USA ... als illegal betrachteten": a speaker in
    # another clause reports the act; only the trigger's own subject speaks for itself
    # (not the owner of an account phrase before it: "Nach Angaben der Zeitung hat der BND
    # den Irak gewarnt" is the paper's report of the warning)
    return any(t.text == first and t.start < trig.start and t.clause == trig.clause
               and not _in_account_phrase(tokens, k) for k, t in enumerate(tokens))


def _in_account_phrase(tokens: tuple[Token, ...], k: int) -> bool:
    """Token ``k`` names whose account it is: "nach Angaben der Zeitung", "laut dem Sender"."""
    return any(tokens[j].lower.endswith(ACCOUNT_NOUNS) or tokens[j].lower == "laut"
               for j in range(max(0, k - 3), k))
