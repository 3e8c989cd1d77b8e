"""PLOVER event extraction: who did what to whom, when, by whose account.

Per sentence: find trigger words from ``data/triggers.tsv`` (over simplemma lemmas, with
separable particles joined and compound heads matched), take the linked actor mentions of
the sentence as participants, assign source and target by the trigger's frame (active,
symmetric, recipient-as-subject, passive, nominal), then ask ``modality`` for modality and
attribution and ``dates`` for the date.

Participants are the actor mentions (``Document.mentions`` from the "actors" stage) whose
actor has a ``country``; mentions of the same country next to each other ("der russische
Präsident Wladimir Putin") are one participant. Role markers are the preposition in front of
a participant: "von/durch/seitens" mark the agent of a passive or the giver to a recipient,
"mit" the partner, "gegen/auf/an/für/nach/gegenüber" the target.

Domestic events -- both sides of one state -- are extracted only between two bodies of
different sectors ("die Polizei" against "Demonstranten", a party against the government;
``_domestic_pair``); events with neither side resolved are not extracted.
"""

from __future__ import annotations

import heapq
import logging
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, TypeVar, cast

from ..models import Actor, ActorRef, Document, Event, Mention, Modality, Sentence, is_state_code
from ..pipeline import register_stage
from . import dates, modality
from ._lexicon import read_tsv
from ._tokens import ATTRIBUTIVE_ENDINGS, MAX_CACHED_WORD, Token, counts, tokenize, words

log = logging.getLogger(__name__)
_T = TypeVar("_T")

MIN_CONFIDENCE = 0.5  # triggers below this only count with a light verb
_RELATIVE = frozenset({"der", "die", "das", "welcher", "welche", "welches", "dem", "den"})
# "es" is left out: far more often an expletive ("es handle sich um", "es gibt") than a
# pronoun for an actor.
_SUBJECT_PRONOUNS = frozenset({"er", "sie"})
_STANDINS = _SUBJECT_PRONOUNS | {"beide", "beiden", "beider"}  # words that stand in for actors
# Acts whose addressee may be the subject of the complement clause ("hoffe, dass Washington")
COMPLEMENT_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT"})
# Speech acts: "Lawrow forderte ..., sagte er" is asserted, the speaker is the actor
SPEECH_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT"})
AGENT_PREPS = frozenset({"von", "durch", "seitens", "vonseiten"})
SOURCE_PREPS = frozenset({"aus"})
PARTNER_PREPS = frozenset({"mit", "zwischen"})
TARGET_PREPS = frozenset({"gegen", "auf", "an", "für", "nach", "gegenüber", "zu", "zum", "zur",
                          "über", "vor", "hinter"})
PLACE_PREPS = frozenset({"in", "im", "ins", "bei", "beim", "aus"})
ALL_PREPS = AGENT_PREPS | SOURCE_PREPS | PARTNER_PREPS | TARGET_PREPS | PLACE_PREPS | {
    "um", "unter", "wegen", "trotz", "während", "seit", "bis", "ohne", "nahe", "neben",
    "zwischen", "hinter", "laut", "vom", "am",
    # genitive prepositions of cause and occasion: "Angesichts der chinesischen Manöver hat
    # Japan protestiert" (the state in the phrase is no subject)
    "angesichts", "infolge", "aufgrund", "anlässlich", "inmitten"}
_DETERMINERS = frozenset(
    "der die das den dem des ein eine einen einem einer eines sein seine seinen seinem seiner "
    "ihr ihre ihren ihrem ihrer beide beiden".split()
)
# words that open a noun phrase: "die von Russland gelieferten", "alle von ihm erhobenen"
_QUANTIFIERS = _DETERMINERS | frozenset(
    "alle aller allen diese dieser diesen dieses jene jener jenen keine keiner keinen mehrere "
    "zahlreiche zahlreichen viele vielen einige einiger".split())
_COORD = frozenset({"und", "sowie", ",", "als", "auch", "sowohl", "wie", "oder"})
# Where an attack or deployment happens is its target's territory ("Luftangriffe in Syrien").
_PLACE_IS_TARGET = frozenset({"ASSAULT", "MOBILIZE"})
# Meetings and condemnations without a named counterpart: where it happened stands in.
_PLACE_AS_LAST_RESORT = frozenset({"CONSULT", "ACCUSE"})
# A nominal event after these is a goal or topic, not something that happened.
_GOAL_PREPS = frozenset({"für", "über"})
_COPULAS = frozenset({"ist", "sind", "war", "waren", "gilt", "galt", "bleibt", "blieb", "als"})
_PASSIVE_AUX = frozenset({"wurde", "wurden", "worden", "wird", "werden", "würde", "würden"})
# (with the Konjunktiv I of reported speech, for a participle: "werde von Russland angegriffen")
_VERB_PASSIVE_AUX = _PASSIVE_AUX | {"werde"}


@dataclass(frozen=True)
class TriggerEntry:
    lemma: str
    type: str
    mode: str | None
    pos: str  # "V" or "N"
    frame: str
    light: str | None  # "noun", "verb", "label" or None
    needs: frozenset[str]
    conf: float
    blockers: frozenset[str] = frozenset()  # lemmas after the trigger that cancel it
    requires_target: bool = False
    # "@infinitive" in needs: a zu-infinitive clause right after also satisfies them ("Trump
    # drohte, Zölle zu verhängen"; but "die Gespräche drohen zu scheitern" has none)
    infinitive_need: bool = False
    # "&w" in needs: the word w must occur in the trigger's clause as well ("nicht
    # ausschließen" is a threat, "ausschließen" alone is none)
    required: frozenset[str] = frozenset()
    # "~w" in needs: a word of the clause beginning or ending with w cancels the trigger
    # ("die Regeln der WTO verletzen" hurts nobody)
    excluded: frozenset[str] = frozenset()
    # a need or exclusion written "*w" matches only a word ending in w, a compound's head:
    # "*kampf" is "Straßenkämpfe" but not "Kampfjets"
    # "@announced" in needs: only an event when the act is still to come, announced or in
    # the future tense ("werde angemessen reagieren" threatens; "reagierte hart" did not)
    announced: bool = False


def _word_matches(lemma: str, pattern: str) -> bool:
    """Whether a clause word satisfies a need: "w" begins or ends it, "*w" ends it."""
    if pattern.startswith("*"):
        return lemma.endswith(pattern[1:])
    return lemma.startswith(pattern) or lemma.endswith(pattern)


@dataclass(frozen=True)
class Participant:
    ref: ActorRef
    first: int  # token indexes, inclusive
    last: int
    role: str  # "core", "agent", "source", "partner", "target", "place"
    prep: str | None


@dataclass(frozen=True)
class Trigger:
    index: int
    entry: TriggerEntry
    passive: bool
    noun: int | None = None  # a light verb's: the index of the noun trigger it took up


@lru_cache(maxsize=1)
def trigger_lexicon() -> dict[str, tuple[TriggerEntry, ...]]:
    """``data/triggers.tsv`` by lemma."""
    out: dict[str, list[TriggerEntry]] = {}
    for row in read_tsv("triggers.tsv", min_fields=8):
        lemma, etype, mode, pos, frame, light, needs, conf = row[:8]
        entry = TriggerEntry(
            lemma=lemma.lower(),
            type=etype,
            mode=None if mode == "-" else mode,
            pos=pos,
            frame=frame,
            light=None if light == "-" else light,
            needs=frozenset(n for n in needs.split(",") if n not in (
                "-", "@target", "@infinitive", "@announced") and not n.startswith(("!", "&", "~"))),
            conf=float(conf),
            blockers=frozenset(n[1:] for n in needs.split(",") if n.startswith("!")),
            requires_target="@target" in needs.split(","),
            infinitive_need="@infinitive" in needs.split(","),
            announced="@announced" in needs.split(","),
            required=frozenset(n[1:] for n in needs.split(",") if n.startswith("&")),
            excluded=frozenset(n[1:] for n in needs.split(",") if n.startswith("~")),
        )
        out.setdefault(entry.lemma, []).append(entry)
    # the lemmatiser spells some verbs with "ss" ("beschoss" -> "beschiessen")
    for key in [k for k in out if "ß" in k]:
        out.setdefault(key.replace("ß", "ss"), out[key])
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _type_table() -> dict[str, tuple[bool, bool, bool]]:
    """``data/event_types.tsv``: type -> (symmetric, needs_target, genitive_is_target)."""
    return {row[0]: (row[1] == "yes", row[2] == "yes", row[3] == "target")
            for row in read_tsv("event_types.tsv", min_fields=4)}


def is_symmetric(event_type: str) -> bool:
    return _type_table().get(event_type, (False, False, False))[0]


def needs_target(event_type: str) -> bool:
    return _type_table().get(event_type, (False, False, False))[1]


def genitive_is_target(event_type: str) -> bool:
    return _type_table().get(event_type, (False, False, False))[2]


@lru_cache(maxsize=1)
def _not_triggers() -> frozenset[str]:
    return frozenset(row[0].lower() for row in read_tsv("not_triggers.tsv"))


@lru_cache(maxsize=1)
def _noun_heads() -> tuple[str, ...]:
    # Longest first, so "luftangriff" wins over "angriff" as a compound head.
    nouns = {e.lemma for es in trigger_lexicon().values() for e in es if e.pos == "N"}
    return tuple(sorted(nouns, key=len, reverse=True))


@lru_cache(maxsize=1)
def _noun_heads_set() -> frozenset[str]:
    return frozenset(_noun_heads())


@lru_cache(maxsize=1)
def _inflected_heads() -> dict[str, str]:
    """Plural and case forms of the trigger nouns ("zölle", "anschlägen" -> "zoll",
    "anschlag"): the lemmatiser leaves an unknown compound as it is ("Vergeltungszöllen"),
    so its inflected tail must be recognised as it stands."""
    out: dict[str, str] = {}
    for head in _noun_heads():
        stems = {head, _umlauted(head)}
        for stem in stems:
            for ending in ("e", "en", "n", "s", "es"):  # (not "-er": "Kritiker" is a person)
                out.setdefault(stem + ending, head)
        out.setdefault(_umlauted(head), head)
    for head in _noun_heads():
        out.pop(head, None)  # a head is itself, not another head's form
    return out


def _umlauted(word: str) -> str:
    """The word with its last a, o, u (or au) umlauted: "zoll" -> "zöll", "anschlag" ->
    "anschläg"."""
    for k in range(len(word) - 1, -1, -1):
        if word[k] in "aou":
            if word[k] == "u" and k > 0 and word[k - 1] == "a":
                return word[: k - 1] + "äu" + word[k + 1 :]
            return word[:k] + {"a": "ä", "o": "ö", "u": "ü"}[word[k]] + word[k + 1 :]
    return word


@lru_cache(maxsize=1)
def _longest_head() -> int:
    return max(map(len, _noun_heads()), default=0) + 3  # (an inflected form's ending)


@lru_cache(maxsize=1)
def _collective_nouns() -> frozenset[str]:
    return frozenset(row[0].lower() for row in read_tsv("collective.tsv"))


_SEGMENT_OPENERS = frozenset({":", "–", "-", "„", '"', "“", "«", "»", "(", "'"})


def _object_pronoun_before_verb(tokens: tuple[Token, ...], i: int) -> bool:
    """"Kiew hat das bestritten": a demonstrative "das"/"dies" before a word that ends its
    clause is the verb's object, not the article of an adjective."""
    return tokens[i - 1].lower in ("das", "dies") and (
        i + 1 >= len(tokens) or not tokens[i + 1].text[:1].isalpha()
        or tokens[i + 1].clause != tokens[i].clause)


# Quantifiers that stand alone as a clause's subject: "Beide kritisierten die USA"
_PRONOUN_QUANTIFIERS = frozenset({"beide", "alle", "viele", "einige", "manche", "mehrere"})


def _pronoun_subject_before(tokens: tuple[Token, ...], i: int) -> bool:
    """The word before ``i`` is a quantifier opening the clause as its subject and no noun
    follows ``i`` ("Beide kritisierten die USA", not "Alle unterstützten Projekte")."""
    k = i - 1
    return tokens[k].lower in _PRONOUN_QUANTIFIERS and (
        k == 0 or tokens[k - 1].clause != tokens[k].clause) and not (
        i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper())


def _with_antecedents(tokens: tuple[Token, ...],
                      clause_lemmas: dict[int, set[str]]) -> dict[int, set[str]]:
    """The words a trigger's needs may be met by: its clause's, and for a relative clause
    also the nouns of the clause it hangs on ("einen Sabotageakt an einer Bahnstrecke, den
    die Regierung Russland zuschreibt": what is ascribed is the act)."""
    out = dict(clause_lemmas)
    nouns: dict[int, set[str]] = {}  # per clause, gathered once: linear in the sentence
    for t in tokens:
        if t.noun:
            nouns.setdefault(t.clause, set()).add(t.lemma)
    for k in range(1, len(tokens) - 1):
        if tokens[k].text == "," and tokens[k + 1].lower in _RELATIVE \
                and tokens[k].clause != tokens[k - 1].clause:
            out[tokens[k].clause] = clause_lemmas.get(tokens[k].clause, set()) | nouns.get(
                tokens[k - 1].clause, set())
    return out


def find_triggers(tokens: tuple[Token, ...]) -> list[Trigger]:
    """Trigger words of a sentence, at most one entry per token (the most confident)."""
    lex = trigger_lexicon()
    particles = modality.clause_particles(tokens)
    clause_lemmas: dict[int, set[str]] = {}
    # the last index of each word in its clause: "is a blocker after token i?" in O(1), where a
    # scan of the rest of the clause for every trigger is O(n^2) on a long sentence
    last_in_clause: dict[tuple[int, str], int] = {}
    # every index of each word in its clause: blockers before a trigger are looked up, not
    # scanned for (a scan of the clause per trigger is quadratic in a long sentence)
    where_in_clause: dict[tuple[int, str], list[int]] = {}
    auxiliaries: dict[int, set[str]] = {}  # passive auxiliaries per clause, for _is_passive
    for k, t in enumerate(tokens):
        clause_lemmas.setdefault(t.clause, set()).update({t.lemma, t.lower})
        last_in_clause[t.clause, t.lower] = k
        where_in_clause.setdefault((t.clause, t.lower), []).append(k)
        if t.lower in _VERB_PASSIVE_AUX:
            auxiliaries.setdefault(t.clause, set()).add(t.lower)
    needs_lemmas = _with_antecedents(tokens, clause_lemmas)
    out: list[Trigger] = []
    for i, tok in enumerate(tokens):
        if not tok.text[:1].isalpha():
            continue
        entries = _entries_for(tokens, i, lex, particles)
        entries = [e for e in entries if not e.needs and not e.infinitive_need or any(
            any(_word_matches(lem, n) for lem in needs_lemmas[tok.clause])
            for n in e.needs) or e.infinitive_need and _infinitive_after(tokens, tok.clause)]
        entries = [e for e in entries if not e.blockers
                   or not _blocked(tokens, i, e.blockers, last_in_clause, where_in_clause)]
        entries = [e for e in entries if e.mode != "convict" or _penalty_phrase(tokens, tok.clause)]
        entries = [e for e in entries if e.required <= clause_lemmas[tok.clause] and not any(
            _word_matches(lem, x) and not _inside_needed_phrase(x, e, tok.clause, where_in_clause)
            for x in e.excluded for lem in clause_lemmas[tok.clause]) and all(
            # a required preposition follows the verb: "steht hinter der Ukraine", not
            # "Hinter dem Anschlag steht der Iran"
            last_in_clause.get((tok.clause, w), -1) > i for w in e.required if w in ALL_PREPS)]
        if not entries:
            continue
        # Nouns are capitalised in German; a lower-case word is not a noun trigger.
        if tok.text[:1].islower():
            entries = [e for e in entries if e.pos == "V"] or []
            # "seit einigen Wochen", "der unterstützten": after a preposition or article the
            # word is an adjective/determiner, not the verb of a clause
            if i > 0 and (tokens[i - 1].lower in ALL_PREPS or tokens[i - 1].lower in _DETERMINERS) \
                    and not modality.zu_infinitive(tokens, i) and not _pronoun_subject_before(tokens, i) \
                    and not _object_pronoun_before_verb(tokens, i):
                entries = []
        elif i > 0:
            # a capitalised word inside a sentence is a noun ("gegen einen Verdächtigen" is no
            # "verdächtigen"); a verb is capitalised only where a quote or headline part opens
            entries = [e for e in entries if e.pos == "N"] or (
                entries if tokens[i - 1].text in _SEGMENT_OPENERS else [])
            if _label_after_judging(tokens, i, clause_lemmas[tok.clause]):
                # "kritisierte die Strafmaßnahmen als Angriff auf seine Souveränität": what
                # the judged thing is called is no act of its own (a label that judges,
                # "als Papiertiger", stays the speaker's accusation)
                entries = [e for e in entries if e.type in _JUDGING_TYPES]
        if not entries:
            continue
        best = max(entries, key=lambda e: e.conf)
        out.append(Trigger(i, best, _is_passive(tokens, i, auxiliaries.get(tok.clause, set()),
                                                best.lemma)
                           or _attributive(tokens, i)))
    return out


# Words of a court's penalty ("zu 13 Jahren Haft", "zum Tode", "zu einer Geldstrafe")
_PENALTY_ENDINGS = ("haft", "strafe", "tode", "gefängnis", "lager")


def _penalty_phrase(tokens: tuple[Token, ...], clause: int) -> bool:
    """The clause sentences someone: a penalty word within a few words after "zu"/"zum"
    ("zu 13 Jahren Haft verurteilt", "zu sechs Jahren und zehn Monaten Haft"); not
    "verurteilte den Tod von Demonstranten" or "den Angriff auf die Botschaft", which
    condemn."""
    for k, t in enumerate(tokens):
        if t.clause != clause or t.lower not in ("zu", "zum", "zur"):
            continue
        for j in range(k + 1, min(len(tokens), k + 8)):
            if tokens[j].clause != clause or not tokens[j].text[:1].isalnum():
                break
            if tokens[j].lower.endswith(_PENALTY_ENDINGS) or tokens[j].lower.startswith("lebenslang"):
                return True
    return False


# verbs that judge or label a thing "als ...": the als-phrase is what they call it
_LABELLING_VERBS = frozenset({
    "bezeichnen", "betrachten", "werten", "bewerten", "einstufen", "ansehen", "sehen",
    "darstellen", "beschreiben", "brandmarken", "anprangern", "kritisieren", "verurteilen",
    "geißeln", "zurückweisen", "ablehnen", "loben", "begrüßen", "feiern",
})
_QUOTE_MARKS = frozenset("„“”‚‘\"'«»")


_GENITIVE_ARTICLES = frozenset({"des", "eines", "der", "einer"})


def _label_after_judging(tokens: tuple[Token, ...], i: int, clause_lemmas: set[str]) -> bool:
    """The noun at ``i`` heads an als-phrase ("als einen „Angriff“", "als illegalen
    Drogenboss") in a clause with a verb that judges or labels."""
    if not clause_lemmas & _LABELLING_VERBS:
        return False
    k = i - 1
    label_noun = False  # the label's own noun, of which ``i`` is the genitive
    while k > 0 and i - k <= 6:
        t = tokens[k]
        if t.lower in _DETERMINERS or _adjective_like(t) or t.text in _QUOTE_MARKS:
            k -= 1
        elif t.noun and t.text[:1].isupper() and not label_noun \
                and tokens[k + 1].lower in _GENITIVE_ARTICLES:
            label_noun = True  # "als Vorbereitung eines Angriffs"
            k -= 1
        else:
            break
    return k > 0 and tokens[k].lower == "als" and tokens[k].clause == tokens[i].clause


def _infinitive_after(tokens: tuple[Token, ...], clause: int) -> bool:
    """The clause after ``clause`` is a zu-infinitive set off by a comma ("drohte, ... zu
    verhängen")."""
    start = next((k for k, t in enumerate(tokens) if t.clause == clause + 1), None)
    return start is not None and tokens[start].text == "," \
        and modality.clause_infinitive(tokens, clause + 1) is not None


def participle_infinitives(word: str) -> list[str]:
    """Infinitives a past participle that simplemma leaves unchanged may come from.

    simplemma knows "angegriffen" but not "bombardiert", "entführt", "beschossen": "-iert" is
    "-ieren", a weak "-t" is "-en" (after "-er"/"-el" also "-n": "abgefeuert" -> "abfeuern"),
    "-ossen" is "-ießen", "-et" is "-en" ("enteignet"); a "ge" after a separable prefix goes
    ("abgeschossen" -> "abschießen"). Only candidates: the trigger lexicon decides.
    """
    stems = [word]
    at = word.find("ge", 1)
    if 1 < at <= 5:
        stems.append(word[:at] + word[at + 2 :])
    out: list[str] = []
    for w in stems:
        if w.endswith("iert"):
            out.append(w[:-1] + "en")
        elif w.endswith("ossen"):
            out.append(w[:-5] + "ießen")
        elif w.endswith(("ert", "elt")):
            # "abgefeuert" -> "abfeuern", "verhandelt" -> "verhandeln" ("geleert": "leeren")
            out.extend((w[:-1] + "n", w[:-1] + "en"))
        elif w.endswith("et"):
            # "enteignet" -> "enteignen", "beendet" -> "beenden": the stem's -e- before -t
            out.extend((w[:-2] + "en", w[:-1] + "en"))
        elif w.endswith("t"):
            out.append(w[:-1] + "en")
    return out


def _word_keys(text: str, lemma: str, lower: str) -> list[str]:
    """The lexicon keys a word is looked up under, apart from a separated particle: its
    lemma and form, a hyphenated compound's last part, a participle's infinitives."""
    keys = [lemma, lower]
    if "-" in text:
        tail = text.rsplit("-", 1)[1]
        keys += [tail.lower(), _lemma(tail)]
        if text[:1].isupper():
            # "Visa-Beschränkungen" is the lexicon's "visabeschränkung"
            keys.append(_lemma(text[:1] + text[1:].replace("-", "").lower()))
    if text[:1].islower() and lemma == lower:
        keys += participle_infinitives(lower)
    return keys


def _compound_head(lemma: str) -> str | None:
    """The longest trigger noun ending ``lemma`` ("luftangriff" before "angriff"), if any.

    A tail longer than the longest head cannot match (and slicing every tail of a huge
    "word" would be quadratic)."""
    heads = _noun_heads_set()
    forms = _inflected_heads()
    if lemma in forms:
        return forms[lemma]  # "vergeltungszöllen": an inflected head the lemmatiser left
    for cut in range(max(3, len(lemma) - _longest_head()), len(lemma) - 3):
        tail = lemma[cut:]
        if tail in heads:
            return tail
        if tail in forms:
            return forms[tail]
    return None


def _inside_needed_phrase(
    word: str, entry: TriggerEntry, clause: int, where_in_clause: dict[tuple[int, str], list[int]],
) -> bool:
    """Whether an excluded preposition only follows a needed one, inside its phrase: "sich gegen
    Militärhilfe für die Ukraine aussprechen" opposes the aid; "sich für Sanktionen gegen Russland
    aussprechen" does not oppose."""
    if word not in ALL_PREPS:
        return False
    at = where_in_clause.get((clause, word))
    needed = [where_in_clause[clause, n][0] for n in entry.needs
              if n in ALL_PREPS and (clause, n) in where_in_clause]
    return at is not None and bool(needed) and min(needed) < at[0]


def _entries_for(
    tokens: tuple[Token, ...], i: int, lex: dict[str, tuple[TriggerEntry, ...]],
    particles: dict[int, tuple[int, str]],
) -> list[TriggerEntry]:
    tok = tokens[i]
    if tok.lemma in _not_triggers():
        return []
    keys = [modality.verb_lemma(tokens, i, particles), *_word_keys(tok.text, tok.lemma, tok.lower)]
    for key in keys:
        if key in lex:
            return list(lex[key])
    if tok.text[:1].isupper():
        if tok.lower in _not_triggers():  # (the lemma was checked above)
            return []
        head = _compound_head(tok.lemma)
        if head is not None:
            return [e for e in lex[head] if e.pos == "N"]
    return []


def _lemma(word: str) -> str:
    from ._tokens import lemma

    return lemma(word)


def _attributive(tokens: tuple[Token, ...], i: int) -> bool:
    """A participle used as an adjective before its noun ("seit November entführte
    Botschaftsmitarbeiter", "den lange unterstützten Machthaber"): its actor is only
    ever a von-phrase, like a passive."""
    tok = tokens[i]
    if not tok.text[:1].islower() or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    inflected = tok.lower.endswith(ATTRIBUTIVE_ENDINGS)
    if not inflected or not (nxt.noun or _adjective_like(nxt)) or i == 0 \
            or _pronoun_subject_before(tokens, i):
        return False  # ("Beide bekräftigten ihre Unterstützung": a finite verb)
    # A finite verb ("Lawrow forderte Verhandlungen") looks the same; only an article or
    # preposition in front (possibly with adverbs between: "mit international scharf
    # kritisierten Luftangriffen") makes it an adjective.
    k = i - 1
    while k > 0 and i - k <= 2 and _modifier_word(tokens[k]):
        k -= 1
    return tokens[k].lower in _DETERMINERS or tokens[k].lower in ALL_PREPS or (
        _counts(tokens[k]) and not _year(tokens, k))


_YEAR_OPENERS = frozenset({"im", "seit", "bis", "ab", "von", "anfang", "ende", "mitte"})


def _year(tokens: tuple[Token, ...], k: int) -> bool:
    """The number at ``k`` is a year ("Im Januar 2015 kritisierte Trump", "2026 begann"),
    not a count opening a noun phrase ("2000 inhaftierte Demonstranten")."""
    t = tokens[k].text
    return len(t) == 4 and t.isdigit() and t[:2] in ("19", "20") and (
        k == 0 or tokens[k - 1].noun or tokens[k - 1].lower in _YEAR_OPENERS)


def _counts(t: Token) -> bool:
    """A number or quantifier, which opens a noun phrase like an article ("sechs inhaftierte
    Oppositionsführer", "mehrere entführte Journalisten")."""
    return counts(t.lower) or t.lower in _NOT_GENITIVE_OPENERS


def _modifier_word(t: Token) -> bool:
    """A lower-case word that may stand between an article and its adjective ("scharf",
    "lange", "international"): no verb form, conjunction, article or number."""
    return t.text[:1].islower() and t.text.isalpha() and t.lower not in _FINITE_AUX \
        and t.lower not in _DETERMINERS and t.lower not in ALL_PREPS and not _counts(t) \
        and t.lower not in _SUBORDINATORS and t.lower not in ("und", "oder", "aber") \
        and not t.lower.endswith(("te", "ten"))


def _is_passive(
    tokens: tuple[Token, ...], i: int, auxiliaries: set[str] | None = None,
    infinitive: str | None = None,
) -> bool:
    """``auxiliaries``: the passive auxiliaries of the trigger's clause, when the caller has them;
    ``infinitive``: the verb's lexicon form ("vorwerfen" for "vorgeworfen")."""
    tok = tokens[i]
    # "die von Russland gelieferten Systeme", "die von den USA angebotene Zusammenarbeit":
    # a participle used as an adjective after a von-phrase is passive
    if tok.text[:1].islower() and tok.lower.endswith(("te", "ten", "tem", "tes", "ter", "ene",
                                                      "enen", "enem")) and i + 1 < len(tokens) \
            and (tokens[i + 1].noun or _adjective_like(tokens[i + 1])) \
            and tokens[i + 1].lower not in _DETERMINERS:
        # (an article after it makes it a finite verb: "sprach von Mord und forderte eine")
        # (before its noun: "nördlich von Jerusalem verletzte ein Palästinenser" is finite)
        start = max(0, i - 5)
        back = [t.lower for t in tokens[start:i]]
        # (not across a conjunction: "sprach von 26 Toten und kündigte Vergeltung an"; and the
        # von-phrase opens after an article: "die von Russland gelieferten", not "Ursula von
        # der Leyen gratulierte Sandu")
        last_von = max((k for k, w in enumerate(back) if w in ("von", "vom")), default=None)
        if last_von is not None and not any(w in _VERB_CONJUNCTIONS for w in back[last_von:]) \
                and start + last_von > 0 and tokens[start + last_von - 1].lower in _QUANTIFIERS:
            return True
    participle = tok.lower.startswith("ge") or "ge" in tok.lower[2:5] or tok.lower.endswith(
        ("iert", "t", "en"))
    if not participle or tok.text[:1].isupper() and i > 0:
        return False
    if auxiliaries is None:
        auxiliaries = {t.lower for t in tokens if t.clause == tok.clause and t.lower in _VERB_PASSIVE_AUX}
    if auxiliaries and tok.lower == (infinitive or tok.lemma) \
            and not auxiliaries & {"wurde", "wurden", "worden"}:
        # "Sie würden Informationen teilen": an infinitive after werden/würden (but "Ponta
        # werden Vergehen vorgeworfen", which the lemmatiser leaves as it is, is no infinitive;
        # the lexicon's form decides where the lemmatiser errs: "schicken" -> "schick")
        return False
    if auxiliaries:
        return True
    if _headline_participle(tokens, i):
        return True
    # "wurden bei mit Messern, Autos oder Schusswaffen verübten Angriffen ... getötet": an
    # enumeration's commas split the clause; the auxiliary before them still counts when
    # the trigger ends the sentence
    clause_end = all(tokens[k].clause == tok.clause and not tokens[k].text[:1].isalpha()
                     for k in range(i + 1, len(tokens))) or (i + 1 < len(tokens) and tokens[
                         i + 1].lower in _PASSIVE_AUX)
    # ("Ponta werden Aktenfälschung, Geldwäsche sowie ... vorgeworfen": present-tense werden
    # counts when the trigger is not the infinitive, which would make it a future)
    not_infinitive = infinitive is not None and tok.lower != infinitive
    first = next((t for t in tokens if t.clause == tok.clause and t.text[:1].isalpha()), tok)
    if tok.clause > 0 and first.lower in _SUBORDINATORS:
        return False  # "Es wird erwartet, dass die EU Sanktionen verhängt": another clause's
    # (not from a relative clause inside the trigger's: "hat die Lieferungen an Israel, die
    # eingesetzt werden können, gestoppt" is active)
    return clause_end and any((t.lower in ("wurde", "wurden") or not_infinitive and t.lower in (
        "werden", "wird")) and t.clause <= tok.clause for t in tokens[:i])


# Finite verbs a headline leaves out: with one of them in the sentence a clause-final
# participle is a perfect or a passive the other rules read
_FINITE_AUX = _PASSIVE_AUX | frozenset({"hat", "haben", "hatte", "hatten", "habe", "ist", "sind",
                                        "war", "waren", "sei", "seien", "hätte", "hätten",
                                        "wäre", "wären"})


def _headline_participle(tokens: tuple[Token, ...], i: int) -> bool:
    """"Drei Soldaten im Westjordanland getötet", "Maduro in New York festgenommen": a
    headline drops the auxiliary of a passive, so a ge-participle that ends its clause in a
    sentence with no finite auxiliary makes its subject the one acted upon. (A finite verb at
    the end of a subordinate clause, "die Russland unterstützt", has no ge- and its clause
    has a conjunction or relative pronoun in front.)"""
    tok = tokens[i]
    word, lem = tok.lower, tok.lemma
    if not _ge_participle(word, lem) or word == lem or not word.endswith(("t", "en")):
        return False
    if any(t.lower in _FINITE_AUX for t in tokens):
        return False
    rest = [t for t in tokens[i + 1:] if t.clause == tok.clause and t.text[:1].isalpha()]
    if rest and not (rest[0].lower in _VERB_CONJUNCTIONS and rest[-1].lemma != rest[-1].lower
                     and rest[-1].lemma.endswith(("en", "rn", "ln"))):
        return False  # (but "Zwei Palästinenser erschossen und vier Israelis verwundet")
    first = next((t for t in tokens if t.clause == tok.clause), tok)
    return first.lower not in _SUBORDINATORS


def _ge_participle(word: str, lemma: str) -> bool:
    """"getötet" (töten), "festgenommen" (festnehmen): a ge- the lemma lacks, at the start
    or after a separable particle ("gehört" of gehören is no participle)."""
    if word.startswith("ge"):
        return not lemma.startswith("ge")
    k = word.find("ge", 2, 6)
    return k > 0 and word[:k] == lemma[:k] and "ge" not in lemma[2:6]


_SUBORDINATORS = frozenset({"dass", "weil", "da", "wenn", "ob", "als", "nachdem", "bevor",
                            "während", "obwohl", "damit", "sobald", "seit", "seitdem", "wie",
                            "der", "die", "das", "den", "dem", "deren", "dessen", "welche",
                            "welcher", "welches", "wo"})
# openers of a subordinate clause that are no article-like relative pronoun ("nachdem")
_CONJUNCTIONS = _SUBORDINATORS - _RELATIVE
# words that open a subordinate or relative clause, "denen" included ("..., denen er ...")
_CLAUSE_OPENERS = _SUBORDINATORS | {"denen"}
# openers of a clause that cannot be a main clause telling a narration ("um ... zu", "wie ...")
_NOT_MAIN_CLAUSE_OPENERS = _CLAUSE_OPENERS | {"um", "wie"}


def _opens_subordinate(tokens: tuple[Token, ...], head: int, openers: frozenset[str]) -> bool:
    """The word at ``head`` opens a subordinate clause: one of ``openers``, but an article
    at the sentence's start or after no comma is no relative pronoun ("Die USA kritisierten
    ...": a main clause; ", die Russland unterstützt": a relative clause)."""
    word = tokens[head].lower
    return word in openers and not (
        word in _RELATIVE and (head == 0 or tokens[head - 1].text != ","))


# Heads of a compound that names an agreement after a body or place ("Mercosur-Abkommen")
_AGREEMENT_HEADS = frozenset({"abkommen", "abkommens", "vertrag", "vertrags", "vertrages",
                              "pakt", "pakts", "paktes", "vereinbarung", "deal", "deals"})
# compounds naming an organisation's texts ("UN-Resolutionen", "EU-Recht", "UN-Charta"): the
# linker links them to the body (the mention gold does), but they neither act nor are acted on
_DOCUMENT_HEADS = frozenset({"resolution", "resolutionen", "charta", "recht", "rechts",
                             "regeln", "normen"})


def _account_owner(tokens: tuple[Token, ...], first: int) -> bool:
    """The mention opening at ``first`` owns an account: "nach Angaben von X", "laut
    Angaben des X", "Informationen der X zufolge"."""
    if first < 2 or tokens[first - 1].lower not in ("von", "vom", "des", "der"):
        return False
    if not tokens[first - 2].lower.endswith(modality.ACCOUNT_NOUNS):
        return False
    return first >= 3 and tokens[first - 3].lower in ("nach", "laut") or any(
        t.lower == "zufolge" for t in tokens[first:first + 8])


def _authors_document(tokens: tuple[Token, ...], first: int) -> bool:
    """The mention opening at ``first`` is the genitive author of a document noun
    ("Resolutionen des UN-Sicherheitsrats", "Resolution 2231 des Sicherheitsrats")."""
    if first < 2 or tokens[first - 1].lower not in ("des", "der"):
        return False
    k = first - 2
    while k > 0 and tokens[k].text.isdigit():
        k -= 1
    return tokens[k].lower.rsplit("-", 1)[-1] in _DOCUMENT_HEADS


def _stateless_body(m: Mention) -> bool:
    """``m`` names a non-governmental organisation of the KB that belongs to no state
    ("Amnesty International", "Ärzte ohne Grenzen", "das Rote Kreuz"): an actor of its own,
    which events key by its id. Not an unknown body the text gives no state (too little is
    known of it), nor a stateless armed group: the gold sets code an attack of the
    "Islamic State" by where it struck (measured: dev F1 0.821 -> 0.812 with them)."""
    a = m.actor
    return a is not None and a.kind == "organisation" and a.sector == "NGO" \
        and not m.how.startswith("ner-only")


def participants(
    sentence: Sentence, tokens: tuple[Token, ...], mentions: list[Mention]
) -> list[Participant]:
    """Actor mentions of the sentence as participants with their role markers."""
    spans: list[tuple[int, int, ActorRef]] = []
    bodies: set[int] = set()  # first tokens of organisations' mentions
    people: set[int] = set()  # first tokens of persons' mentions
    ends = [t.end for t in tokens]
    for m in mentions:
        actor = m.actor
        if actor is None or actor.sector == "JRN" and actor.kind != "person" \
                or not (actor.country or _stateless_body(m)):
            # a news agency or paper reports events; it does not act for its state (its
            # journalists may suffer them: "hat den US-Journalisten zu 16 Jahren verurteilt")
            continue
        if m.text.rsplit("-", 1)[-1].lower() in _DOCUMENT_HEADS:
            continue  # "ein Verstoß gegen UN-Resolutionen": the body's text, not the body
        first = _token_at(ends, m.start - sentence.start)
        last = _token_at(ends, m.end - 1 - sentence.start)
        if first is None or last is None:
            continue
        if _authors_document(tokens, first):
            continue  # "gegen Resolutionen des UN-Sicherheitsrats": the same, as a genitive
        if last + 2 < len(tokens) and tokens[last + 1].lower.endswith(modality.ACCOUNT_NOUNS) \
                and (tokens[last + 2].lower == "zufolge" or first > 0 and tokens[first - 1].lower == "nach"):
            continue  # "ukrainischen Angaben zufolge", "nach ukrainischen Angaben": whose
            # account, no actor of the clause
        if _account_owner(tokens, first) or first >= 2 and tokens[first - 1].lower in ("in", "aus") \
                and _account_owner(tokens, first - 2):
            continue  # "nach Angaben von Verteidigungsminister Hegseth": the same (and the
            # seat of the owner: "nach Angaben des Verteidigungsministeriums in Warschau")
        spans.append((first, last, ActorRef(m.text, actor.actor_id, actor.country, actor.sector)))
        if actor.kind == "organisation":
            bodies.add(first)
        if actor.kind == "person" and m.how != "role":
            people.add(first)  # (a person's name; a role noun takes a genitive: "Der
            # Präsident der Ukraine kritisierte Russland")
    spans.sort(key=lambda s: s[0])
    merged: list[tuple[int, int, ActorRef]] = []
    for first, last, ref in spans:
        if merged and merged[-1][0] in bodies and first in bodies \
                and _descriptor_before_name(merged[-1], (first, last, ref)):
            merged[-1] = (merged[-1][0], last, ref)
        elif merged and merged[-1][2].country == ref.country and first - merged[-1][1] <= 3 and not (
                # "Zivilisten Leidtragende der türkischen Offensive": an article and an
                # adjective open a noun phrase of their own
                tokens[first].text[:1].islower() and tokens[first - 1].lower in _DETERMINERS
                and first - 1 > merged[-1][1]) and all(
            tokens[k].clause == tokens[first].clause for k in range(merged[-1][1], first + 1)
        ) and all(tokens[k].text[:1].isupper() or tokens[k].lower in _DETERMINERS
                  for k in range(merged[-1][1] + 1, first)) and not (
                # "Klingbeil der Union vorgeworfen": after a person's name an article opens
                # the next noun phrase
                merged[-1][0] in people
                and any(tokens[k].lower in _DETERMINERS for k in range(merged[-1][1] + 1, first))
            ) and not any(
                # "kritisierte die Linke den Kanzler Merz": an article that is no genitive
                # opens the next noun phrase ("das Außenministerium der Russischen Föderation"
                # is one)
                tokens[k].lower in _NON_GENITIVE_ARTICLES for k in range(merged[-1][1] + 1, first)):
            # only titles and articles between: "der russische Präsident Wladimir Putin"
            prev = merged[-1]
            keep = ref if _more_specific(ref, prev[2]) else prev[2]
            merged[-1] = (prev[0], max(prev[1], last), keep)
        else:
            merged.append((first, last, ref))
    merged = _without_bracketed_affiliations(tokens, merged)
    return [_with_role(tokens, f, la, ref) for f, la, ref in merged]


_NON_GENITIVE_ARTICLES = frozenset({"den", "dem", "die", "das", "ein", "eine", "einen", "einem"})


def _more_specific(ref: ActorRef, prev: ActorRef) -> bool:
    """Of two mentions of one noun phrase, the person or body rather than the bare state
    ("sein US-amerikanischer Amtskollege Barack Obama" is Obama, not the USA)."""
    if not ref.actor_id:
        return False
    if (ref.sector is None) != (prev.sector is None):
        return ref.sector is not None
    return len(ref.name) > len(prev.name)


def _descriptor_before_name(
    prev: tuple[int, int, ActorRef], span: tuple[int, int, ActorRef]
) -> bool:
    """"die Linkspartei Podemos": a body's noun right before the name of another state's
    body of that kind describes it; the name says which body it is, though the noun alone
    would mean a body of another state (both are organisations, so "Scholz Selenskyj" of
    "hat Scholz Selenskyj Hilfe zugesagt" stays two)."""
    (_, prev_last, prev_ref), (first, _, ref) = prev, span
    return first == prev_last + 1 and ref.sector is not None and ref.sector == prev_ref.sector \
        and ref.country != prev_ref.country


def _without_bracketed_affiliations(
    tokens: tuple[Token, ...], spans: list[tuple[int, int, ActorRef]]
) -> list[tuple[int, int, ActorRef]]:
    """"Bundeskanzler Olaf Scholz (SPD) hat Russland kritisiert": a mention in brackets right
    after another one is its party or other gloss, not a participant of its own (it was
    taken as the object, and Russland lost the act)."""
    out: list[tuple[int, int, ActorRef]] = []
    for first, last, ref in spans:
        if out and out[-1][1] == first - 2 and tokens[first - 1].text == "(" \
                and last + 1 < len(tokens) and tokens[last + 1].text == ")":
            continue
        out.append((first, last, ref))
    return out


def _join_around_relatives(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """ "Schoigu, der jahrelang ... vorantrieb, den Außenminister informiert": the clause
    after an embedded relative clause continues the one before it."""
    out = list(tokens)
    n = len(out)
    for k in range(n - 2):
        if out[k].text != "," or out[k + 1].lower not in _RELATIVE or k == 0:
            continue
        follower = out[k + 2]
        if follower.text[:1].isupper() and follower.lower not in _DETERMINERS:
            continue
        rel = out[k].clause
        end = next((j for j in range(k + 1, n) if out[j].text == "," and out[j].clause == rel + 1
                    ), None)
        if end is None or end + 1 >= n or out[end + 1].text[:1].isupper() and out[end + 1].lower \
                not in _DETERMINERS:
            continue
        before = out[k - 1].clause
        after_id = out[end].clause
        for j in range(end, n):
            if out[j].clause != after_id:
                break
            out[j] = replace(out[j], clause=before)
    return tuple(out)


def _dateline_end(tokens: tuple[Token, ...]) -> int:
    """Index of the dash that ends a dateline ("Jerusalem/Ramallah –"), 0 when none."""
    for k, t in enumerate(tokens[:6]):
        if t.text in ("–", "—", "-"):
            head = tokens[:k]
            if head and all(h.text[:1].isupper() or h.text in "/." for h in head):
                return k
            return 0
    return 0


def _sentence_start(tokens: tuple[Token, ...]) -> int:
    """Index of the first token after the dateline's dash (0 without a dateline)."""
    end = _dateline_end(tokens)
    return end + 1 if end else 0


def _opening_word(tokens: tuple[Token, ...]) -> int | None:
    """The first word of the sentence after its dateline ("Brüssel – Im Zusammenhang ...")."""
    start = _dateline_end(tokens)
    return next((k for k in range(start, len(tokens)) if tokens[k].text[:1].isalpha()), None)


def _join_appositions(tokens: tuple[Token, ...], parts: list[Participant]) -> tuple[Token, ...]:
    """Undo the clause break of an apposition: "dem Staatschef, Nicolás Maduro, ..." is one
    noun phrase, not three clauses."""
    starts = {p.first for p in parts}
    ends = {p.last for p in parts}
    last_of = {p.first: p.last for p in parts}
    joined: set[int] = set()
    for k, t in enumerate(tokens):
        if t.text != "," or k == 0 or k + 1 >= len(tokens):
            continue
        before, after = tokens[k - 1], tokens[k + 1]
        if before.text[:1].islower() and (before.lower == after.lower or _attributes(tokens, k)):
            joined.add(k)  # "als sehr, sehr ernsthafte Bedrohung", "eine lange, blutige Fehde"
        elif k + 1 in starts and tokens[k - 1].text[:1].isupper() \
                and not _opens_infinitive_clause(tokens, k) and not _subject_of_verb_after(
                    tokens, last_of[k + 1]):
            # (not an infinitive clause: "beschuldigte Moskau, Kiew angegriffen zu haben", nor
            # a clause of its own: "unter Berufung auf Regierungskreise, Israel habe ...")
            joined.add(k)
            # the closing comma of the apposition
            # (not before a subordinate clause: "gegen den Chef der HDP, Demirtaş, weil er ...")
            for p in parts:
                if p.first == k + 1 and p.last + 1 < len(tokens) and tokens[p.last + 1].text == "," \
                        and not (p.last + 2 < len(tokens)
                                 and tokens[p.last + 2].lower in _SUBJECT_CONJUNCTIONS):
                    joined.add(p.last + 1)
        elif after.lower in _DETERMINERS and k - 1 in ends and _head_apposition(tokens, parts, k):
            joined.add(k)  # "mit dem Alterspräsidenten des Parlaments, dem Abgeordneten Baykal,"
            joined.add(next(p.last + 1 for p in parts if p.first == k + 2))
    for p in parts:
        inside = [k for k in range(p.first + 1, p.last) if tokens[k].text == ","]
        if inside:
            # a mention over the apposition's comma ("dem venezolanischen Staatschef, Nicolás
            # Maduro, seine Unterstützung"): its own comma and the closing one
            joined.update(inside)
            if p.last + 1 < len(tokens) and tokens[p.last + 1].text == "," and not (
                    p.last + 2 < len(tokens) and tokens[p.last + 2].lower in _SUBJECT_CONJUNCTIONS):
                joined.add(p.last + 1)
    tokens = _join_around_relatives(tokens)
    if not joined:
        return tokens
    out: list[Token] = []
    shift = 0
    for k, t in enumerate(tokens):
        if k in joined:
            shift += 1
        out.append(replace(t, clause=t.clause - shift))
    return tuple(out)


def _subject_of_verb_after(tokens: tuple[Token, ...], last: int) -> bool:
    """The participant ending at ``last`` is followed by a finite auxiliary: the subject
    of a clause ("..., Israel habe den Iran angegriffen"), no apposition."""
    return last + 1 < len(tokens) and tokens[last + 1].lower in _FINITE_AUX


def _opens_infinitive_clause(tokens: tuple[Token, ...], k: int) -> bool:
    """The comma at ``k`` opens a clause that ends in a zu-infinitive, and the name after it
    is no item of a list ("mit den USA, Frankreich und den Briten zu kooperieren" is one)."""
    if k + 2 < len(tokens) and tokens[k + 2].lower in ("und", "oder", "sowie", ","):
        return False
    clause = tokens[k].clause
    return any(tokens[j].clause == clause and modality.zu_infinitive(tokens, j)
               for j in range(k + 1, min(len(tokens), k + 25)))


def _head_apposition(tokens: tuple[Token, ...], parts: list[Participant], k: int) -> bool:
    """The comma at ``k`` opens ", dem CHP-Abgeordneten Deniz Baykal," after a genitive
    ("mit dem künftigen Alterspräsidenten des Parlaments"): an actor right after an article
    that repeats the head noun's and a comma right after the actor. (A relative clause,
    ", die Russland angegriffen hat,", has its verb before the closing comma.)"""
    actor = next((p for p in parts if p.first == k + 2), None)
    if actor is None or actor.last + 1 >= len(tokens) or tokens[actor.last + 1].text != ",":
        return False
    genitive = next((p for p in parts if p.last == k - 1), None)
    return genitive is not None and _repeats_head_article(tokens, genitive.first, k + 1)


def _attributes(tokens: tuple[Token, ...], k: int) -> bool:
    """The comma at ``k`` separates two adjectives of one noun phrase: article, adjective,
    comma, adjective, noun ("eine lange, blutige Fehde")."""
    if k < 2 or k + 2 >= len(tokens):
        return False
    before, after = tokens[k - 1], tokens[k + 1]
    return tokens[k - 2].lower in _DETERMINERS and before.lower not in _DETERMINERS \
        and after.lower not in _DETERMINERS and _adjective_like(before) and _adjective_like(after) \
        and tokens[k + 2].noun


def _token_at(ends: list[int], offset: int) -> int | None:
    """Index of the token at ``offset`` (or the next one after it; the last if none), given
    the tokens' end offsets in text order.

    The first token that ends after ``offset``, by bisection: a scan from the start for every
    mention is O(mentions x tokens) on a sentence that is a long list of names."""
    if not ends:
        return None
    return min(bisect_right(ends, offset), len(ends) - 1)


_PREP_RELATIVES = frozenset({"denen", "dem", "der", "den", "welchen", "welchem", "welcher"})


def _prep_relative_at(tokens: tuple[Token, ...], j: int) -> bool:
    """``tokens[j]`` is the relative pronoun of ", mit denen", ", gegen den": a clause whose
    preposition names the antecedent, not the noun phrase after the pronoun."""
    return j >= 2 and tokens[j].lower in _PREP_RELATIVES and tokens[j - 1].lower in ALL_PREPS \
        and tokens[j - 2].text == ","


def _opens_with_prep_relative(tokens: tuple[Token, ...], clause: int) -> bool:
    """The clause begins ", mit denen ...": its partner is the antecedent, named or not."""
    start = next((k for k, t in enumerate(tokens) if t.clause == clause), None)
    return start is not None and start + 2 < len(tokens) and _prep_relative_at(tokens, start + 2)


def _prep_relative_antecedent(
    tokens: tuple[Token, ...], parts: list[Participant], clause: int
) -> Participant | None:
    """The actor right before the comma of a clause that opens ", mit dem ..."."""
    comma = next((k for k, t in enumerate(tokens) if t.clause == clause), None)
    if comma is None or comma + 2 >= len(tokens) or not _prep_relative_at(tokens, comma + 2):
        return None
    return next((p for p in reversed(parts) if p.last < comma and comma - p.last <= 1), None)


# words that make a number approximate: "rund 100", "mehr als 30", "mindestens 20"
_APPROXIMATORS = frozenset({"rund", "etwa", "ca.", "circa", "mindestens", "knapp", "fast", "über",
                            "mehr", "als", "weniger", "insgesamt", "nahezu", "annähernd"})


# punctuation no phrase reaches across: "weitete ... aus: 30 türkische Kampfjets"
_PHRASE_BREAKS = frozenset({":", ";", "–", "—"})


def _only_count_between(tokens: tuple[Token, ...], j: int, first: int) -> bool:
    """Only a count of people ("rund 100", "mehr als 30", "Tausende") stands between token
    ``j`` and ``first``: the mention is still the head of the phrase that ``j`` opens."""
    between = tokens[j + 1 : first]
    return all(counts(t.lower) or t.lower in _APPROXIMATORS for t in between) and (
        not between or counts(between[-1].lower))


# what a state's land is called after "auf" with its adjective: "auf mexikanischem Boden"
_TERRITORY_NOUNS = frozenset({"boden", "gebiet", "territorium", "staatsgebiet", "hoheitsgebiet"})


def _on_territory(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """A state's adjective in the dative before a noun of land, after "auf": where ("einen
    Einsatz von US-Truppen auf mexikanischem Boden ausgeschlossen"), not whom (the accusative
    "Angriffe auf russisches Gebiet" go there)."""
    return first == last and tokens[first].text[:1].islower() and tokens[first].lower.endswith("em") \
        and last + 1 < len(tokens) and tokens[last + 1].lower in _TERRITORY_NOUNS


def _with_role(tokens: tuple[Token, ...], first: int, last: int, ref: ActorRef) -> Participant:
    j = first - 1
    steps = 0
    own_article = False  # an article of the mention's own noun phrase that no genitive has
    while j >= 0 and steps < 5:
        t = tokens[j]
        if t.clause != tokens[first].clause:
            break  # "teilte mit, Russland habe ...": the particle of the clause before
        if _prep_relative_at(tokens, j):
            break  # "mit denen die EU ... vereinbart habe": the preposition takes the pronoun
        if t.text == "," and _subject_of_verb_after(tokens, last):
            break  # "unter Berufung auf Regierungskreise, Israel habe ...": a new clause's subject
        if t.lower in _NOT_GENITIVE_OPENERS or t.text[:1].isdigit():
            # (nor a number: "im Gegenzug fast 2000 palästinensische Häftlinge")
            own_article = True
        if j == first - 1 and t.text[:1].islower() and t.lower.endswith("e") and _adjective_like(t):
            # "der in die Kritik geratene Regierungschef": an adjective's weak ending needs an
            # article before it, which opened the mention's own phrase (a genitive without
            # one is strong: "Angriffe russischer Truppen")
            own_article = True
        if t.lower in ("von", "vom") and j > 0 and tokens[j - 1].text[:1].isupper() and \
                tokens[j - 1].lower not in ("seiten",) and _only_count_between(tokens, j, first):
            # "in großen Teilen von Caracas", "Lob von Xi": von after a noun names its owner
            # or giver (an attribute), not the agent of a passive; a town the linker read as
            # a place ("die Anschläge von Paris") is where
            if (ref.actor_id or "").startswith("lb:place:"):
                return Participant(ref, first, last, "place", "in")
            return Participant(ref, first, last, "attr", "von")
        if t.lower == "um" and any(tokens[k].lower == "zu" and tokens[k].clause == t.clause
                                   for k in range(last + 1, min(len(tokens), last + 9))):
            break  # "um Kuba zu unterstützen": the conjunction of a purpose, not a preposition
        if t.lower in ("von", "vom") and j > 0 and tokens[j - 1].lower in _LOCATIVE:
            # "nördlich von Jerusalem", "nahe von Warschau": where, not by whom
            return Participant(ref, first, last, "place", "in")
        if t.lower == "durch" and j > 0 and tokens[j - 1].noun and tokens[j - 1].text[:1].isupper() \
                and tokens[j - 1].clause == t.clause:
            # "die Niederschlagung durch die Sowjetunion ... wird verurteilt": the agent of the
            # noun, not of the clause's passive
            return Participant(ref, first, last, "attr", "durch")
        if t.lower == "auf" and _on_territory(tokens, first, last):
            return Participant(ref, first, last, "place", "in")
        if t.lower in ALL_PREPS:
            prep = t.lower
            if t.lower == "von" or (j > 0 and tokens[j - 1].lower == "von"):
                prep = "von"
            if prep == "seiten" or (t.lower == "von" and j + 1 < first and tokens[j + 1].lower == "seiten"):
                prep = "von"
            return Participant(ref, first, last, _role_of(prep), prep)
        if t.lower == "seiten" and j > 0 and tokens[j - 1].lower in ("von", "vonseiten"):
            return Participant(ref, first, last, "agent", "von")
        if t.text[:1].isupper() and t.lower not in _DETERMINERS and t.lower != "seiten":
            if own_article or any(counts(tokens[x].lower) for x in range(j + 1, first)):
                break  # "am Montag den russischen Botschafter": no genitive takes "den" (nor
                # a count: "am Mittwochnachmittag etwa hundert Menschen")
            if j == first - 1 and ref.sector is None and first == last \
                    and (ref.actor_id or "").startswith("Q") \
                    and not tokens[first].lower.endswith(("s", "x", "z")):
                break  # "in Kaschmir Pakistan ... vorgeworfen": a state's genitive takes -s
            if j == first - 1 and _time_noun(t.lower) and tokens[first].text[:1].isupper() \
                    and not tokens[last].lower.endswith(("s", "x", "z")):
                break  # "traf am Montag Putin", "empfing am Dienstagabend Präsident Selenskyj":
                # a time's noun ends its phrase; a name after it is its genitive only with -s
                # ("Ende der Amtszeit Putins"; a name after another noun is set off with it:
                # "mit seinem Amtskollegen Wolfgang Sobotka", "in der Provinz Deir Essor")
            if j == first - 1 and (ref.actor_id or "").startswith("lb:grp:") \
                    and (tokens[first].noun or tokens[first].lower.endswith("e")):
                break  # "mit Angriffen (syrische) Zivilisten ins Visier nehmen": a bare plural
                # is no genitive (that needs an article or a genitive adjective: "Angriffe
                # syrischer Rebellen")
            # a noun in between: the mention is a genitive/attribute of that noun; inside a
            # prepositional phrase ("im Rahmen der Nato-Aufrüstung") it is not a clause role
            k = j - 1
            while k >= 0 and j - k <= 3 and (tokens[k].lower in _DETERMINERS
                                             or _adjective_like(tokens[k])):
                k -= 1
            if t.lower in _PART_OF_PLACE or t.lower.endswith(_COMPASS_NOUNS):
                # "im Nordosten Nigerias", "in Teilen Syriens": where, whatever the preposition
                return Participant(ref, first, last, "place", "in")
            if k >= 0 and tokens[k].lower in ("nach", "laut") \
                    and t.lower.endswith(modality.ACCOUNT_NOUNS):
                # "nach Angaben der ukrainischen Luftwaffe": whose account it is, no party
                return Participant(ref, first, last, "other", "zufolge")
            if k >= 0 and tokens[k].lower in ALL_PREPS and tokens[k].lower not in AGENT_PREPS:
                return Participant(ref, first, last, "gen", tokens[k].lower)
            break
        if t.clause != tokens[first].clause or t.text in _PHRASE_BREAKS or (
                t.text[:1].isdigit() and not _only_count_between(tokens, j - 1, first)):
            break  # another clause, or a date/number phrase ends the search (not the count of
            # people: "von rund 100 Uiguren")
        if t.text[:1].islower() and t.lower not in _DETERMINERS and not _adjective_like(t) \
                and t.lower not in _ADVERBS and not (
                    t.lower in _APPROXIMATORS and _only_count_between(tokens, j, first)) \
                and not (counts(t.lower) and _only_count_between(tokens, j - 1, first)) \
                and not (j > 0 and tokens[j - 1].lower in _DETERMINERS and t.lower.endswith("e")):
            break  # a verb: the phrase before it is another constituent (not an adjective
            # the lemmatiser does not know after an article: "für das finanzmarode Militär")
        j -= 1
        steps += 1
    if last + 1 < len(tokens) and tokens[last + 1].lower == "zufolge":
        return Participant(ref, first, last, "other", "zufolge")  # "Xi zufolge": the source
    return Participant(ref, first, last, "core", None)


# Nouns whose genitive is a place: "im Norden Syriens", "die Hauptstadt Nigerias"
_COMPASS_NOUNS = ("norden", "süden", "osten", "westen", "nordosten", "nordwesten", "südosten",
                  "südwesten")
_PART_OF_PLACE = frozenset({"zentrum", "mitte", "teil", "teilen", "teile", "gebiet", "gebieten",
                            "grenzgebiet", "region", "provinz", "hauptstadt", "küste", "landesteil",
                            "landesteilen", "inneren", "rand", "stadtrand", "umgebung"})

# Articles and quantifiers that cannot begin a genitive attribute, so the noun phrase they
# open is a clause role of its own: "am Montag den Botschafter", "am Montag die Türkei" (a
# genitive would be "der Türkei"; "des", "der", "eines", "einer" may be either and stay
# out), "in Reykjavík mehrere Demonstranten" (genitive: "mehrerer")
_NOT_GENITIVE_OPENERS = frozenset({"den", "dem", "einen", "einem", "die", "das", "ein", "eine",
                                   "mehrere", "einige", "viele", "zahlreiche", "etliche",
                                   "wenige", "dutzende", "hunderte", "tausende",
                                   # possessives that no genitive has ("traf in Moskau seinen
                                   # nordkoreanischen Amtskollegen")
                                   "seinen", "seinem", "ihren", "ihrem", "unseren", "unserem"})

# Adverbs of place before "von": "nördlich von Jerusalem"
_LOCATIVE = frozenset("nördlich südlich östlich westlich nordöstlich nordwestlich südöstlich "
                      "südwestlich nahe unweit unmittelbar".split())
# Adverbs that may stand inside a phrase ("auch mit Trump", "vor allem an Russland").
_ADVERBS = frozenset("auch nur noch schon bereits vor allem insbesondere etwa sowohl als "
                     "zudem erneut wieder ebenfalls selbst gerade".split())


def _adjective_like(t: Token) -> bool:
    """An inflected adjective ("venezolanischen" -> "venezolanisch"), not a verb form."""
    low = t.lower
    return t.text[:1].islower() and low.endswith(("e", "en", "er", "es", "em")) and not \
        low.endswith(("te", "ten")) and t.lemma != low and low not in _FINITE_AUX  # "seien"


def _role_of(prep: str) -> str:
    if prep in AGENT_PREPS or prep == "vom":
        return "agent"
    if prep in SOURCE_PREPS:
        return "source"
    if prep in PARTNER_PREPS:
        return "partner"
    if prep in TARGET_PREPS:
        return "target"
    if prep in PLACE_PREPS:
        return "place"
    return "other"


def _conjunct_groups(
    groups: list[list[Participant]], tokens: tuple[Token, ...], verbs: frozenset[int], i: int,
    boundaries: list[int] = [],  # noqa: B006 (read only)
) -> list[list[Participant]] | None:
    """The groups of the verb at ``i``'s own conjunct when its clause coordinates several verb
    triggers: after it up to the next verb in a main clause ("kritisierte die Nato und lobte
    China"), before it back to the previous verb where the verb ends its clause ("dass Putin
    die Nato kritisierte und China lobte"). None for a clause with one verb."""
    own = _clause_verbs(tokens, verbs, tokens[i].clause)
    if len(own) < 2:
        # whatever verb the other conjunct has (no trigger: "kündigte ... an"), a finite verb
        # after "und" opens its own conjunct, and a verb's objects end where the next one's
        # verb begins: "kündigte Gespräche mit Xi an und traf Trump", "bestritt jede
        # Beteiligung und schloss seinen Luftraum für indische Flugzeuge"
        k = bisect_left(boundaries, i)
        opens = k > 0 and boundaries[k - 1] == i - 1
        end = boundaries[k] if k < len(boundaries) else len(tokens)
        if not opens and end == len(tokens):
            return None
        return [g for g in groups if (not opens or g[0].first > i) and g[0].first < end] or None
    k = bisect_left(own, i)
    if k == len(own) or own[k] != i:
        return None
    starts, _ = _group_index(groups)  # by bisection: a clause may coordinate many verbs

    def between(lo: int, hi: int) -> list[list[Participant]]:
        return groups[bisect_right(starts, lo) : bisect_left(starts, hi)]

    before = between(own[k - 1] if k else -1, i)
    head = _first_word(tokens, tokens[i].clause)
    if head is not None and _opens_subordinate(tokens, head, _CLAUSE_OPENERS):
        return before
    if i + 1 < len(tokens) and tokens[i + 1].lower in _VERB_CONJUNCTIONS:
        # a participle or infinitive ending its conjunct: "will die Ukraine unterstützen und
        # Putin kritisieren" supports no Putin
        return before
    # in a main clause the finite verb comes before its objects; a participle or infinitive
    # at the end ("hat sechs Oppositionsführer begnadigt") after them
    return between(i, own[k + 1] if k + 1 < len(own) else len(tokens)) or before


_VERB_CONJUNCTIONS = frozenset({"und", "oder", "sowie", "aber", "sondern"})



def _consequence_clause(tokens: tuple[Token, ...], clause: int) -> bool:
    """The clause may say what followed ("..., dass in Teilen von Caracas der Strom
    ausfiel", ", bei dem zwei Palästinenser verletzt wurden"); one opening with its verb
    says who said so (", hieß es in einer in New York verbreiteten Erklärung")."""
    head = _first_word(tokens, clause)
    if head is None:
        return False
    word = tokens[head]
    return not word.text[:1].islower() or word.lower in ALL_PREPS or word.lower in _RELATIVE \
        or word.lower in _SUBORDINATORS or word.lower in ("sodass", "wodurch", "weshalb")


def _before_next_conjunct(
    groups: list[list[Participant]], clause_verbs: list[int], i: int
) -> list[list[Participant]]:
    """A noun in the object of one of several coordinated verbs takes no participant past the
    next verb: in "begrüßte die Einigung und forderte Israel auf" Israel is not a party of
    the agreement."""
    later = [v for v in clause_verbs if v > i]
    if not later or not any(v < i for v in clause_verbs):
        return groups
    return [g for g in groups if g[0].first < later[0]]


def _before_conjunct_verb(
    groups: list[list[Participant]], boundaries: list[int], i: int
) -> list[list[Participant]]:
    """No participant past "und" + a finite verb after the noun ("kündigte Sanktionen gegen
    Polen an und traf Trump": Trump is met, not sanctioned), whatever the first verb is.
    ``boundaries``: where such conjuncts open in the noun's clause (:func:`_conjunct_verbs`)."""
    k = bisect_right(boundaries, i)
    if k == len(boundaries):
        return groups
    return [g for g in groups if g[0].first < boundaries[k]]


def _conjunct_verbs(tokens: tuple[Token, ...]) -> dict[int, list[int]]:
    """Per clause, the "und" of each "... an und traf", "... Beteiligung und schloss" in it, in
    order (once per sentence: a long clause has many nouns, a long sentence many clauses)."""
    out: dict[int, list[int]] = {}
    for k in range(1, len(tokens) - 1):
        if tokens[k].lower in _VERB_CONJUNCTIONS and _finite_after_conjunction(tokens[k + 1]):
            out.setdefault(tokens[k].clause, []).append(k)
    return out


_CLAUSE_VERBS: tuple[frozenset[int] | None, dict[int, list[int]]] = (None, {})


def _clause_verbs(tokens: tuple[Token, ...], verbs: frozenset[int], clause: int) -> list[int]:
    """The sorted verb triggers of ``clause`` (all clauses split once per verb set)."""
    global _CLAUSE_VERBS
    cached = _CLAUSE_VERBS
    if cached[0] is not verbs:
        by_clause: dict[int, list[int]] = {}
        for v in sorted(verbs):
            by_clause.setdefault(tokens[v].clause, []).append(v)
        cached = _CLAUSE_VERBS = (verbs, by_clause)
    return cached[1].get(clause, [])


def _groups(
    parts: list[Participant], tokens: tuple[Token, ...], verbs: frozenset[int] = frozenset()
) -> list[list[Participant]]:
    """Coordinated participants ("Russland und China", "der russischen als auch der
    kubanischen") form one group; the group takes the role of its first member. A verb
    trigger between them (``verbs``) coordinates verbs, not the two: "kritisierte die Nato
    und lobte China"."""
    groups: list[list[Participant]] = []
    for p in parts:
        if groups:
            prev = groups[-1][-1]
            between = tokens[prev.last + 1 : p.first]
            if prev.role == "gen" and prev.prep and len(groups[-1]) == 1 \
                    and _apposition_of_head(tokens, prev, p, between):
                # "traf mit dem Alterspräsidenten des Parlaments, dem CHP-Abgeordneten Baykal,
                # zusammen": the name set off by commas is the head noun's, and plays its role
                groups[-1] = [replace(p, role=_role_of(prev.prep), prep=prev.prep)]
                continue
            if between and not any(k in verbs for k in range(prev.last + 1, p.first)) and all(
                    t.lower in _COORD or t.lower in _DETERMINERS
                    or t.text[:1].islower() and len(between) <= 3 and t.lower != "zu"
                    and t.lower not in _FINITE_AUX  # "X, hatte die Y": no list
                    for t in between) \
                    and any(t.lower in _COORD for t in between) \
                    and not _apposition_after_genitive(tokens, prev, p, between) and (
                        p.role in ("core", prev.role)
                        # "mit den USA, Frankreich und den Briten": the comma is no genitive
                        or p.role == "gen" and p.prep == prev.prep and between[0].text == ","):
                groups[-1].append(replace(p, role=groups[-1][0].role, prep=groups[-1][0].prep))
                continue
        groups.append([p])
    return [part for g in groups for part in _without_apposition(g, tokens)]


def _without_apposition(group: list[Participant], tokens: tuple[Token, ...]) -> list[list[Participant]]:
    """A "group" of two that only a comma joins, set off by a comma after it too, is a
    phrase and its apposition, not a list: "der Chefunterhändler der Regierung, Humberto de
    la Calle," (a list has its "und": "Russland, China und Iran")."""
    if len(group) != 2:
        return [group]
    first, second = group
    between = tokens[first.last + 1 : second.first]
    closed = second.last + 1 < len(tokens) and tokens[second.last + 1].text == ","
    if [t.text for t in between] == [","] and closed:
        return [[first], [replace(second, role=first.role, prep=first.prep)]]
    return [group]


def _apposition_of_head(
    tokens: tuple[Token, ...], prev: Participant, p: Participant, between: tuple[Token, ...]
) -> bool:
    """"mit dem künftigen Alterspräsidenten des Parlaments, dem CHP-Abgeordneten Baykal,":
    a phrase set off by commas after a genitive, whose article repeats the head noun's, is
    an apposition of that head."""
    return len(between) == 2 and between[0].text == "," and p.role == "core" \
        and p.last + 1 < len(tokens) and tokens[p.last + 1].text == "," \
        and _repeats_head_article(tokens, prev.first, p.first - 1)


def _repeats_head_article(tokens: tuple[Token, ...], genitive: int, article: int) -> bool:
    """The article at ``article`` is the one of the noun whose genitive starts at
    ``genitive`` ("dem künftigen Alterspräsidenten des Parlaments, dem ..."): found before
    the genitive's own article, past the head noun and its adjectives."""
    if tokens[article].lower not in _DETERMINERS or genitive < 2 \
            or tokens[genitive - 1].lower not in ("des", "der"):
        return False
    j = genitive - 2
    while j >= 0 and genitive - j <= 5 and tokens[j].lower not in _DETERMINERS:
        j -= 1
    return j >= 0 and tokens[j].lower == tokens[article].lower


def _apposition_after_genitive(
    tokens: tuple[Token, ...], prev: Participant, p: Participant, between: tuple[Token, ...]
) -> bool:
    """"Der Kommissar des Europarats, Nils Muiznieks, hatte ...": a name set off by commas
    after a genitive names the head noun's holder; it is no second genitive (nor after a
    von-phrase: "empfing den Gesandten von US-Präsident Trump, Steve Witkoff,")."""
    return len(between) == 1 and between[0].text == "," and p.role == "core" \
        and p.last + 1 < len(tokens) and tokens[p.last + 1].text == "," \
        and (_oblique(tokens, prev) or prev.role == "attr") and not _oblique(tokens, p)


class _Memo:
    """What every trigger of a clause shares (its participants, their groups, ...), computed once
    per sentence: computed for each trigger, it costs O(triggers x tokens), minutes for one long
    sentence of names and verbs. Valid while the sentence's tokens and participants stay put."""

    def __init__(self) -> None:
        self._values: dict[tuple[str, int], Any] = {}

    def get(self, what: str, clause: int, compute: Callable[[], _T]) -> _T:
        key = (what, clause)
        if key not in self._values:
            self._values[key] = compute()
        return cast(_T, self._values[key])


def _split_by_clause(
    parts: list[Participant], tokens: tuple[Token, ...], clause: int
) -> tuple[list[Participant], list[Participant]]:
    """The participants in ``clause`` and those in the other clauses."""
    in_clause = [p for p in parts if tokens[p.first].clause == clause]
    others = [p for p in parts if tokens[p.first].clause != clause]
    return in_clause, others


# Verbs whose addressee stands after "bei" ("sich bei Trump entschuldigen, bedanken")
_ADDRESSED_WITH_BEI = frozenset({"entschuldigen", "bedanken", "beschweren"})


_HANDING_OVER = frozenset({"übergeben", "übergabe"})

# What only its giver can grant: the genitive of "um Hilfe der USA bitten" is the one asked
# (not of "um Freilassung der Geiseln", "um Schutz der Zivilisten")
_GRANTED_NOUNS = ("unterstützung", "hilfe", "beistand", "vermittlung", "zustimmung",
                  "rückendeckung", "erlaubnis", "genehmigung")


def _granted_noun_before(tokens: tuple[Token, ...], genitive: int) -> bool:
    """The genitive at ``genitive`` follows a noun of granting ("um Militärhilfe der USA"),
    an article at most between them."""
    k = genitive - 1
    if k > 0 and tokens[k].lower in _DETERMINERS:
        k -= 1
    return k >= 0 and tokens[k].text[:1].isupper() and tokens[k].lower.endswith(_GRANTED_NOUNS)


def _object_before_own_phrase(tokens: tuple[Token, ...], p: Participant, i: int) -> bool:
    """``p`` is a noun phrase of its own with a dative or accusative article, and an
    adjective opens the noun's phrase: "hat den afghanischen Taliban schwere Vorwürfe
    gemacht" (the Taliban are accused, the subject accuses)."""
    return i - p.last == 2 and p.first >= 1 and tokens[p.first - 1].lower in ("den", "dem") \
        and tokens[p.last].text[:1].isupper() and tokens[i - 1].text[:1].islower() \
        and _adjective_like(tokens[i - 1])


def _airspace_violation(
    tokens: tuple[Token, ...], groups: list[list[Participant]], i: int,
) -> tuple[list[Participant] | None, list[Participant] | None]:
    """Who violated whose airspace, for the noun at ``i``: "die Verletzung des polnischen
    Luftraums durch russische Drohnen", "nach der Luftraumverletzung durch Russland"; a
    possessive ("seines Luftraums") is the clause's subject's airspace."""
    clause = tokens[i].clause
    in_clause = [g[0] for g in groups if tokens[g[0].first].clause == clause]
    by = next(([p] for p in in_clause if p.prep == "durch" and 0 < p.first - i <= 8), None)
    owner = _airspace_owner(tokens, in_clause)
    if owner is None and any(t.lower in ("seines", "ihres", "seinen", "ihren")
                             and k + 1 < len(tokens) and tokens[k + 1].lower.startswith("luftraum")
                             for k, t in enumerate(tokens[i:i + 3], start=i)):
        owner = next((p for p in in_clause if p.role == "core" and p.prep is None
                      and (by is None or p is not by[0])), None)
    if by is not None and owner is not None and owner.ref.country == by[0].ref.country:
        owner = None
    return by, [owner] if owner is not None else None


def _airspace_owner(tokens: tuple[Token, ...], in_clause: list[Participant]) -> Participant | None:
    """Whose airspace the clause names: "in den polnischen Luftraum", "den Luftraum
    Estlands" (the state of an adjective right before the word or a genitive right after)."""
    for k, t in enumerate(tokens):
        if not t.lower.startswith("luftraum"):
            continue
        for p in in_clause:
            if p.last == k - 1 or p.first == k + 1 and p.role in ("gen", "core", "attr"):
                return p
    return None


# Military acts a threat may hold: "einen Militäreinsatz in Venezuela", "Angriffe in Nigeria"
_STRIKE_NOUNS = ("einsatz", "angriff", "schlag", "schläge", "intervention", "invasion", "offensive",
                 "operation", "operationen", "angriffe")


def _own_airspace(tokens: tuple[Token, ...], clause: int) -> bool:
    """The clause names an airspace by a possessive: "seinen Luftraum", "in ihren Luftraum"."""
    return any(t.clause == clause and t.lower.startswith("luftraum") and k > 0
               and tokens[k - 1].lower in ("sein", "seinen", "seinem", "ihr", "ihren", "ihrem")
               for k, t in enumerate(tokens))


def assign_roles(
    trig: Trigger, tokens: tuple[Token, ...], parts: list[Participant],
    collective: list[ActorRef], previous_subject: ActorRef | None = None,
    partners: dict[str, ActorRef] | None = None, memo: _Memo | None = None,
    speaker: ActorRef | None = None, demonstrative: ActorRef | None = None,
) -> list[tuple[ActorRef | None, ActorRef | None]]:
    """(source, target) pairs for one trigger.

    ``collective`` are the article's two main states (for "beide Seiten");
    ``previous_subject`` stands in for a subject pronoun, ``speaker`` (the actor the sentence
    quotes) for "sein Land"; ``partners`` maps a state to its
    last counterpart in the article, the partner of a symmetric act that names none;
    ``demonstrative`` is the actor a sentence-opening "Dieser"/"Diese" takes up (the one
    named last before it);
    ``memo`` shares per-clause work between the triggers of one sentence.
    """
    memo = memo or _Memo()
    entry = trig.entry
    clause = tokens[trig.index].clause
    said_about = False  # a noun that a speech or judging verb of its clause is about
    responded_to = False  # a noun in the auf-phrase of a verb of reacting or preparing
    in_clause, others = memo.get("split", clause, lambda: _split_by_clause(parts, tokens, clause))
    verbs: frozenset[int] = memo.get("verb triggers", -1, frozenset)
    groups = memo.get("groups", clause, lambda: _groups(in_clause, tokens, verbs))
    if trig.noun is not None:
        groups = _without_noun_prefix(groups, trig.noun)
    if entry.pos == "N":
        verb = _prefield_phrase_end(tokens, trig.index)
        # "Beim Nato-Treffen dominieren die Konflikte zwischen der Türkei und Russland": a noun
        # in a prepositional phrase before the finite verb takes its participants from its own
        # phrase, not from the clause after the verb
        own = [g for g in groups if g[-1].last < verb] if verb else groups
        own = _before_next_conjunct(own, _clause_verbs(tokens, verbs, clause), trig.index)
        own = _before_conjunct_verb(own, memo.get(
            "conjunct verbs", -1, lambda: _conjunct_verbs(tokens)).get(clause, []), trig.index)
        particles = memo.get("particles", -1, lambda: modality.clause_particles(tokens))
        speech = memo.get("speech verb", clause, lambda: _first_speech_verb(tokens, clause, particles))
        judged: frozenset[int] = memo.get("judging verbs", -1, frozenset)
        # "Wadephul begrüßte die Einigung", "Ban verurteilte den Angriff": what a speech or a
        # judging verb before the noun is about is not its subject's act (but with a partner
        # it is the subject's own: "Xi lobte die Zusammenarbeit mit Russland")
        # (or after it, ending the clause: "Merz hat die russischen Luftangriffe verurteilt")
        if entry.type not in _CLAIM_TYPES and _governing_verb(
                tokens, trig, memo.get("rejecting verbs", -1, frozenset), memo):
            # "lehnte die Freilassung von Suu Kyi ab", "hat ein Treffen abgelehnt": what is
            # refused is not done (a claim refused was made: "wies die Vorwürfe zurück")
            return []
        said_about = speech is not None and speech < trig.index and not _next_verb_between(
            tokens, speech, trig.index) or _governing_verb(
            tokens, trig, judged, memo) and (not any(
                (g[0].role == "partner" or g[0].prep == "mit") and 0 < g[0].first - trig.index <= 5
                for g in own) or _governing_verb(
                    tokens, trig, memo.get("rejecting verbs", -1, frozenset), memo))
        # ("die Einigung mit seinem Amtskollegen Wolfgang Sobotka begrüßt"; but what is
        # rejected is nobody's act: "hat Verhandlungen mit den USA abgelehnt")
        # what one reacts to or prepares for is another's act: "Er reagierte damit auf die
        # Angriffe auf Boote", "Kuba bereitet sich auf einen Angriff vor"
        responded_to = _governing_prep(tokens, trig.index) == "auf" and _verb_governs(
            tokens, trig, memo, "responding verbs", _RESPONDING_VERBS)
        after_act = entry.type in _HITTING_TYPES | _HOSTILE_TYPES | {"PROTEST"} \
            and _governing_prep(tokens, trig.index) in _CAUSE_PREPS
        own_act = entry.type in _HOSTILE_TYPES and not responded_to and not after_act and _verb_governs(
            tokens, trig, memo, "own act verbs", _OWN_ACT_VERBS)
        if after_act:
            # "Die Nato hat ihre Präsenz nach mutmaßlichen Sabotageakten verstärkt", "Nach
            # tagelangen Protesten kündigte die Regierung an": what the
            # subject acts after or because of is another's act, as a judged one is (its own
            # doer, "nach russischen Angriffen", still comes from the noun's phrase)
            said_about = True
        if entry.type in _COOPERATIVE_TYPES and entry.mode != "ease":
            # "mit Unterstützung Großbritanniens Luftangriffe gegen Stellungen des IS": whom
            # the act backed is against gets no help from it
            own = [g for g in own if g[0].prep != "gegen"]
        last_vor = memo.get("last vor-phrase", clause, lambda: max(
            (p.first for p in in_clause if p.prep == "vor" and p.role == "target"), default=-1))
        if entry.type != "THREATEN" and last_vor > trig.index:
            # "die US-Blockade vor der UN-Vollversammlung", "Angriffe vor der Küste Libyens":
            # before whom or where, not against whom (but "Warnung vor Russland" is). (Only
            # rebuilt where such a phrase follows: a new list per noun trigger of a long
            # clause is quadratic and defeats _group_index's cache.)
            own = [g for g in own if not (g[0].prep == "vor" and g[0].role == "target"
                                          and g[0].first > trig.index)]
        src, tgt = _nominal(trig, tokens, own, entry, said_about, own_act)
        if responded_to and tgt is not None and tgt[0].role == "gen" \
                and tgt[0].first - trig.index <= 2 and entry.type in _HITTING_TYPES | _HOSTILE_TYPES:
            # "Polen reagierte auf den Angriff Kubas": the act responded to is the genitive's,
            # against the one who responds (or against whom its phrase names: "auf die
            # Angriffe Kubas auf Chile")
            aimed = next((g for g in own if g[0].role == "target" and g[0].prep in ("auf", "gegen")
                          and g[0].first == tgt[-1].last + 2), None)
            src, tgt = tgt, aimed or (src if src is not None and src[0].last < trig.index else None)
        if tgt is not None and entry.type == "REJECT" and _victim_of_act(tokens, tgt[0], particles):
            tgt = None  # "sein Veto gegen Sanktionen gegen Russland": Russia is not rebuffed
        head = _first_word(tokens, clause)
        if src is None and verb and head is not None and (
                _possessive_before(tokens, trig.index) and trig.index - 2 == head
                or trig.index - 1 == head and tokens[head].lower not in _CONTRACTED
                or _met_partner_opening(tokens, trig, own, head)) \
                and not (tokens[head].lower == "nach" and entry.type in _HITTING_TYPES) \
                and not memo.get("passive clause", clause, lambda: _passive_clause(tokens, clause)):
            # "Bei seinen Gesprächen verteidigte Kerry ...", "Zu Besuch in Sarajevo stellte Kurz
            # klar": a possessive or bare event noun heading the opening phrase is the subject's
            # (not in a passive: "bei den Luftangriffen seien 260 Kämpfer getötet worden"; nor
            # after an attack: "Nach Angriffen auf Flüchtlingsboote hat die Küstenwache jede
            # Verantwortung von sich gewiesen" answers it)
            src = next((g for g in groups if g[0].first > verb and g[0].role == "core"), None)
            if src is not None and entry.type == "PROTEST" and (
                    _state_or_government(src[0].ref) or src[0].ref.sector in ("COP", "MIL")):
                src = None  # "Bei Protesten gegen die Regierung hat die Polizei ... getötet":
                # the forces facing the protest (but "Bei Protesten forderten Studenten ...")
        if src is None:
            # "Bei dem Staatsbesuch in China, den Erdogan am Mittwoch begann": the relative
            # clause on the noun names its actor
            src = _relative_agent(tokens, parts, trig.index)
        if src is None and _possessive_before(tokens, trig.index):
            src = _subject_from_other_clauses(others, tokens, trig)
        if tgt is None and src is not None and entry.type in _PLACE_IS_TARGET:
            # "US-Cyberangriffe führten dazu, dass in Teilen von Caracas der Strom ausfiel":
            # the consequence clause names where the attack hit
            hit = [p for p in others if tokens[p.first].clause == clause + 1
                   and p.role in ("place", "attr", "core")] if _consequence_clause(
                tokens, clause + 1) else []
            tgt = [hit[0]] if hit else None
    elif entry.frame == "recipient" or trig.passive:
        # a recipient's giver may hang on the noun ("ein Lob von Xi erhalten"); a passive's
        # agent is a von/durch phrase of the clause ("Besuchs von Papst Franziskus" is not)
        src = _first([g for g in groups if not _participle_agent(tokens, g[0], trig.index)],
                     ("agent", "source", "attr") if entry.frame == "recipient"
                     else ("agent", "source"))
        if src is None and trig.passive and entry.pos == "V":
            # "ist im Weißen Haus von Trump empfangen worden": a von-phrase right before the
            # participle is its agent, though a noun stands before the von
            # (not after a plain noun: "mit Verbindungen zu den Attentätern von Paris
            # festgenommen" names whose attackers, the noun before "von" is no actor)
            src = next((g for g in groups if g[0].role == "attr" and g[0].prep == "von"
                        and g[-1].last + 1 == trig.index
                        and any(h[-1].last == g[0].first - 2 for h in groups)), None)
        if src is not None and entry.frame != "recipient" and src[0].role == "source" \
                and _after_noun(tokens, _prep_index(tokens, src[0])):
            # "Der Schlepper aus Ungarn wurde festgenommen": where the arrested man is from,
            # not who arrested him
            src = None
        # the subject stands next to the finite verb: "erhält Russland", "Putin erhält"
        # (after the verb first: a fronted adverbial "Ungeachtet des Ukraine-Kriegs erhält
        # Russland" pushes the subject behind it)
        after_verb = [g for g in groups if g[0].role == "core" and 0 < g[0].first - trig.index <= 1]
        before_verb = [g for g in groups if g[0].role == "core" and 0 < trig.index - g[-1].last <= 1]
        near = after_verb or before_verb
        # (no actor as the subject: whom its noun is against, "Die Sanktionen gegen Syrien
        # wurden aufgehoben")
        tgt = near[0] if near else _first(groups, ("core",)) or (
            _subject_noun_against(groups, src, trig) if trig.passive else None)
        if src is None and trig.passive and entry.pos == "V" and entry.mode in _STATE_ACTS:
            # "In Marokko ist ein Belgier festgenommen worden": only the authorities of the
            # place arrest, expel or seize there
            src = _first(groups, ("place",))
        if src is None and trig.passive and entry.lemma in _SUMMONING_VERBS:
            # "Der russische Botschafter wurde ins Auswärtige Amt einbestellt": the ministry
            # he is summoned to summons him
            src = next((g for g in groups if g[0].prep in ("in", "ins")
                        and g[0].ref.sector == "GOV"), None)
    else:
        # for a verb, a genitive inside a prepositional phrase plays that phrase's role
        # ("vor der Küste Venezuelas" is a target, "im Rahmen der Nato-Aufrüstung" a place)
        groups = memo.get("verb groups", clause, lambda: _genitives_as_phrases(groups))
        verb_groups = groups
        particles = memo.get("particles", -1, lambda: modality.clause_particles(tokens))
        control = modality.infinitive_control(tokens, trig.index, particles)
        after = trig.index + 1
        if after < len(tokens) and tokens[after].lower in _SUBJECT_PRONOUNS \
                and not _subject_pronoun(tokens, after):
            return []  # "Warum kritisieren Sie die Regierung?": the interviewer asks
        if control is None and not in_clause and modality.zu_infinitive(tokens, trig.index):
            # "hatten Probleme, den richtigen Ton zu treffen": an infinitive under a noun or
            # an unknown verb, naming no actor of its own, is no act of the sentence's actors
            return []
        relative = memo.get("relative", clause, lambda: _relative_antecedent(tokens, trig, parts))
        if relative is _NO_SOURCE:
            src = None
        elif relative is not None:
            src = [relative]
            groups = [g for g in groups if g[0] is not relative]
        elif control is not None and control.controller == "object":
            # "Der Gerichtshof rief Südafrika auf, Bashir zu verhaften": the governing verb's
            # object acts in the infinitive
            obj = _control_object(tokens, parts, control.index)
            src = [obj] if obj is not None else None
            if obj is not None:
                groups = [g for g in groups if g[0] is not obj]
        elif demonstrative is not None and clause == 0:
            src = None  # "Dieser lehnt die Entsendung von Truppen der AU ab": not the AU
        elif (shared := memo.get("shared subject", clause,
                                 lambda: _shared_subject(tokens, parts, verbs, clause))) is not None:
            # "Putin kritisierte die Nato, lobte China und griff die Ukraine an": a clause that
            # opens with its verb continues the subject of the main clause before it
            src = [shared]
            groups = [g for g in groups if g[0] is not shared]
        elif _determiner_prefield(tokens, trig, parts, memo):
            src = None  # "Das Militär des Landes drohte Südkorea": Südkorea is the object
        else:
            src = next((g for g in groups if g[0].role == "core" and not _oblique(tokens, g[0])), None)
            if src is not None and src[0].first > trig.index and _unnamed_subject_between(
                    tokens, memo.get("covered", -1, lambda: _covered(parts)), trig.index,
                    src[0].first):
                src = None  # "ermordeten rechte Paramilitärs 3.000 Menschen": the object
            elif src is not None and src[0].first < trig.index and (opener := memo.get(
                    "subordinate opener", clause, lambda: _subordinate_opener(tokens, clause))) \
                    is not None and opener < src[0].first and _unnamed_subject_between(
                        tokens, memo.get("covered", -1, lambda: _covered(parts)), opener,
                        src[0].first):
                src = None  # "in dem der Diplomat am Freitag Warschau vorwarf": the same in a
                # clause whose verb comes last
            if src is None:
                src = memo.get("beside", clause, lambda: _beside(tokens, groups, clause))
            v = prefield_end(tokens)
            opening = memo.get("opening", 0, lambda: _opening_word(tokens))
            if v and (src is None or src[0].first > v) and tokens[trig.index].clause == 0 and not (
                    opening is not None and tokens[opening].lower in ALL_PREPS):
                # "Die Regierung in Libyen hat ... aufgefordert": the subject's place (not in
                # an opening adverbial: "Im Zusammenhang mit dem Anschlag von Paris hat die
                # belgische Staatsanwaltschaft ... erhoben")
                # (right after the opening noun: "Schwere Kritik an der Reform des Gesetzes in
                # Österreich übt Hauer" fronts an object, whose phrase names the place)
                placed = [g for g in groups if g[0].role == "place" and g[0].first < v
                          and (opening is None or g[0].first - opening <= 4)]
                src = placed[0] if placed else src
            if src is not None and clause > 0 and (memo.get(
                "infinitive", clause, lambda: _infinitive_clause(tokens, clause)
            ) or entry.pos == "V" and modality.zu_infinitive(tokens, trig.index)):
                # "..., die libyschen Behörden vorher informiert zu haben": no subject of its
                # own; the actor in it is the object ("Es sei unentschuldbar, syrische
                # Zivilisten anzugreifen": of an act nobody in the sentence does)
                main = _infinitive_subject(tokens, parts, others, trig, clause)
                src = main
                if main is not None:
                    groups = [main] + groups
            head = _first_word(tokens, clause) or 0
            pronoun_after_conjunction = not trig.passive and _pronoun_after_subordinator(
                tokens, head, trig.index)
            if src is not None and (src[0].first > trig.index or _pronoun_after(tokens, trig) or (
                    _pronoun_after_modal(tokens, head, src[0].first) is not None)
                    or pronoun_after_conjunction
                    or _pronoun_as_subject(tokens, head) and head < src[0].first) \
                    and _pronoun_subject(tokens, trig, memo):
                # "Sie beklagten, ...": the participant after is not the subject; nor, in
                # "Zudem warf er Polen ... vor", "nachdem er Russland kritisiert hatte" or "Er
                # hat Putin kritisiert", any other
                src = None
            own_subject = memo.get("own subject", clause,
                                   lambda: _own_subject_phrase(tokens, parts, clause))
            if src is not None and own_subject and src[0].first < trig.index:
                src = None  # "dass die Kritiker Russland angegriffen hätten": the object
            if src is None and not _pronoun_subject(tokens, trig, memo) \
                    and not _after_fronted_clause(tokens, trig) and not own_subject:
                src = _infinitive_subject(tokens, parts, others, trig, clause)
            elif src is None and pronoun_after_conjunction:
                # "Der Präsident traf Journalisten, nachdem er Russland kritisiert hatte",
                # "Erdogan nannte Abgeordnete, denen er Verbindungen zur PKK unterstellt": the
                # pronoun of a clause after the main clause is its subject (not the antecedent
                # of the relative pronoun: "Die Regierung, der er ... vorwirft")
                main = _subject_from_other_clauses(others, tokens, trig)
                antecedent = memo.get("object relative", clause,
                                      lambda: _object_relative_antecedent(tokens, parts, clause))
                if main is not None and main[0] is not antecedent \
                        and not _pronoun_before(tokens, main[0]):
                    src = main
        indexed = groups is verb_groups  # not narrowed or extended for this trigger
        by_role = memo.get("verb roles", clause, lambda: _role_index(verb_groups)) if indexed else None
        object_relative = memo.get("object relative", clause,
                                   lambda: _object_relative_antecedent(tokens, parts, clause))
        conjunct = _conjunct_groups(groups, tokens, verbs, trig.index, memo.get(
            "conjunct verbs", -1, lambda: _conjunct_verbs(tokens)).get(clause, []))
        if conjunct is not None:
            # "Putin kritisierte die Nato und lobte China": each verb's own objects
            groups = ([src] if src is not None and src not in conjunct else []) + conjunct
            by_role = None
        if object_relative is not None:
            # "Die Regierung, der er Korruption vorwirft": the relative pronoun is the object,
            # so its antecedent is the target (none when it is no actor: "Abgeordnete, denen
            # er Verbindungen zur PKK unterstellt" does not accuse the PKK)
            tgt = None if object_relative is _NO_SOURCE else [object_relative]
        elif entry.frame == "demand":
            addressed = [g for g in groups if g[0].prep == "von" and g is not src]
            tgt = addressed[0] if addressed else _shared_next_target(
                memo, clause, groups, src, entry, tokens, by_role)
        else:
            tgt = _shared_next_target(memo, clause, groups, src, entry, tokens, by_role)
        if tgt is not None and src is not None and entry.type in _DEPLOYING_TYPES \
                and _own_forces(tgt[0].ref, src[0].ref):
            # "Russland hat Truppen in Belarus stationiert", "Nordkorea entsandte Soldaten
            # nach Russland": the forces moved are the means; where they go is the target
            # (where they leave, for a withdrawal: "zog seine Truppen aus Mali ab")
            ends = ("source", "place") if entry.type == "RETREAT" else (
                "target", "place", "partner")
            tgt = next((g for g in groups if g[0].first > tgt[-1].last and g[0].role in ends),
                       None)
        if tgt is None and entry.type == "RETREAT" and entry.mode is None and src is not None:
            # "Frankreich zieht sich aus Mali zurück", "zieht seine letzten Soldaten aus dem
            # Senegal ab": the state left is the target, forces named or not
            tgt = next((g for g in groups if g[0].role == "source" and g[0].prep == "aus"
                        and g[0].first > src[-1].last and g[0].ref.country
                        and g[0].ref.country != src[0].ref.country), None)
        if tgt is not None and entry.type in ("ACCUSE", "REJECT") \
                and _victim_of_act(tokens, tgt[0], particles):
            # "kritisierte die Angriffe auf Kiew", "lehnte Sanktionen gegen Moskau ab": who an
            # act hits is not whom its critic accuses or rebuffs
            tgt = None
        if tgt is not None and entry.type == "THREATEN" and tgt[0].prep == "vor" \
                and _doer_of_act(tokens, tgt[0], particles):
            # "Polen warnte vor einer Invasion Russlands": a warning of what another may do
            # does not threaten the doer
            tgt = None
        if tgt is None and object_relative is None:
            # "die Einigung mit Russland, mit dem die USA seit Jahren verhandeln": the antecedent
            # of a prepositional relative clause is its partner or target
            ante = memo.get("prep relative", clause, lambda: _prep_relative_antecedent(
                tokens, parts, clause))
            if ante is not None and (src is None or ante is not src[0]):
                tgt = [ante]
        if tgt is None and entry.type == "REJECT" and src is not None and memo.get(
                "was clause", clause, lambda: _was_clause(tokens, clause)):
            # "Nordkorea unterstellt den USA ..., was Washington bestreitet": the denial answers
            # the subject of the clause before
            before = _subject_from_other_clauses(others, tokens, trig)
            if before is not None and before[0].ref.country != src[0].ref.country:
                tgt = before
        if tgt is None and entry.type == "SANCTION" and entry.pos == "V":
            # "verhängte Zölle auf Waren aus China" (the light verb carries the noun)
            tgt = next(([p] for p in parts if p.role == "source"
                        and tokens[p.first].clause == clause and _after_goods(tokens, p)), None)
        if tgt is None and entry.type in COMPLEMENT_TYPES:
            # "Moskau hoffe, dass Washington ...": the complement clause's subject
            # (a threat's: also whom the threatened act is against, "drohte, Zölle gegen
            # China zu verhängen")
            roles = ("core", "target") if entry.type == "THREATEN" else ("core",)
            later = [p for p in others if p.first > trig.index and p.role in roles
                     and tokens[p.first].clause == clause + 1] \
                if not _continues_narration(tokens, clause) and not (
                    _bracket_closed(tokens, trig) and memo.get(
                        "own main clause", clause + 1,
                        lambda: _own_main_clause(tokens, parts, clause + 1))) and not (
                    entry.type == "REJECT" and (entry.lemma in _DENIAL_VERBS or any(
                        t.clause == clause and t.lower in _REJECTED_CLAIM_NOUNS
                        for t in tokens))) and not (
                    # ("wies die Vorwürfe zurück, die RSF zu beliefern": what the claim said)
                    # "hat die Partner aufgefordert, russische Vermögen zu nutzen": a
                    # zu-infinitive has no subject; its actors are not who is asked
                    entry.type in ("REQUEST", "ACCUSE") and memo.get(
                        "infinitive", clause + 1,
                        lambda: _infinitive_clause(tokens, clause + 1))) else []
            if entry.type == "THREATEN" and later and _opens_finite_clause(tokens, later[0]) \
                    and _hostile_act_after(tokens, trig.index, memo.get(
                        "particles", -1, lambda: modality.clause_particles(tokens))):
                # "Breuer warnte, Russland könne ein Nato-Land angreifen": a warning of what
                # the clause's subject may do does not threaten it (but "warnte, die USA
                # spielten mit dem Feuer" is addressed to them)
                later = later[1:]
            # "Die Attacke in Aleppo sei empörend, kritisierte er": the quoted clause before
            # (not when the subject stood before: "Die Emirate, denen vorgeworfen wird, die
            # RSF zu beliefern, wiesen die Vorwürfe zurück" goes on after a relative clause;
            # nor the subject itself: "Die USA begrüßten den Schritt, forderten aber Wahlen")
            earlier = [p for p in others if p.last < trig.index and tokens[p.first].clause ==
                       clause - 1 and p.role in ("core", "target", "place")
                       and tokens[trig.index - 1].text == ","
                       and (src is None or tokens[src[0].first].clause >= clause - 1
                            and not (p in src and memo.get(
                                "shared subject", clause, lambda: _shared_subject(
                                    tokens, parts, memo.get("verb triggers", -1, frozenset),
                                    clause)) is p))]
            tgt = [later[0]] if later else [earlier[0]] if earlier else None
    if tgt is None and entry.type == "AGREE" and entry.infinitive_need and src is not None \
            and memo.get("infinitive", clause + 1, lambda: _infinitive_clause(tokens, clause + 1)):
        # "Erdoğan bot an, zwischen Russland und der Ukraine zu vermitteln": an offer that
        # names no addressee is made to the sides of the offered act
        offered_to = [p for p in others if tokens[p.first].clause == clause + 1 and p.role in (
            "partner", "target", "core") and p.ref.country != src[0].ref.country]
        tgt = offered_to or None
    if tgt is None and entry.type == "THREATEN" and entry.pos == "V":
        # "schloss einen Militäreinsatz in Venezuela nicht aus": where the threatened act
        # would strike is whom it threatens
        tgt = next(([p] for p in in_clause if p.role == "place" and p.prep == "in"
                    and p.ref.country and not (src and p.ref.country == src[0].ref.country)
                    and p.first >= 2 and tokens[p.first - 1].lower == "in"
                    and tokens[p.first - 2].lemma.endswith(_STRIKE_NOUNS)), None)
    if not tgt and entry.pos == "V" and entry.lemma in _ADDRESSED_WITH_BEI:
        # "hat sich bei Trump entschuldigt": whom one apologises to or thanks is "bei" him
        tgt = next(([p] for p in in_clause if p.prep in ("bei", "beim") and p.first > (
            src[-1].last if src else -1) and not (p.ref.actor_id or "").startswith("lb:place:")),
            None)
    if not tgt and entry.type == "REQUEST" and entry.pos == "V":
        # "hat um Unterstützung der Nato gebeten": whose help is asked for is asked
        giver = next((p for p in in_clause if p.prep == "um" and p.role == "gen"
                      and _granted_noun_before(tokens, p.first)), None)
        if giver is not None and not (src and giver.ref.country == src[0].ref.country):
            tgt = [giver]
    if src and entry.pos == "V" and _man_after_finite(tokens, clause, src[0].last):
        # "Auch Polen muss man den Vorwurf machen": "man" is the subject, the fronted
        # actor an object
        src, tgt = None, tgt or src
    if tgt and entry.lemma in _HANDING_OVER and tgt[0].ref.sector == "NGO":
        tgt = None  # "übergab dem Roten Kreuz vier Geiseln": the go-between is no side
    if tgt and entry.type == "ACCUSE" and entry.pos == "V" and tgt[0].first > trig.index:
        # "verurteilte die Verletzung des estnischen Luftraums durch Russland": the agent of
        # the judged act, not its genitive, is whom the judgement is against
        by = next((p for p in in_clause if p.prep == "durch" and p.role == "attr"
                   and 0 < p.first - tgt[-1].last <= 4), None)
        if by is not None and not (src and by.ref.country == src[0].ref.country):
            tgt = [by]
    if not tgt and entry.type == "MOBILIZE" and entry.pos == "V":
        owner = _airspace_owner(tokens, in_clause)
        if owner is None and _own_airspace(tokens, clause):
            # "Drohnen sind in seinen Luftraum eingedrungen, teilte Polen mit": the speaker's;
            # "Estland warf Russland vor, seinen Luftraum verletzt zu haben": the accuser's
            if speaker is not None:
                owner = next((p for p in parts if p.ref is speaker), None)
            elif memo.get("infinitive", clause, lambda: _infinitive_clause(tokens, clause)):
                owner = next((p for p in parts if p.role == "core" and tokens[p.first].clause < clause), None)
        if owner is not None and not (src and owner.ref.country == src[0].ref.country):
            tgt = [owner]
    if speaker is not None and entry.pos == "V" and memo.get(
            "first person", clause, lambda: _first_person_subject(tokens, clause)):
        # "Wir verurteilen den Angriff, sagte Macron", "fordern wir Deutschland auf, ...,
        # sagte ein Sprecher der Regierung": "ich" and "wir" are the clause's subject (they
        # are nominative), the speaker; an actor the frame took for the subject is the
        # object ("Wir wurden angegriffen, sagte X": the speaker suffered it)
        speaking = next((p for p in parts if p.ref is speaker), None)
        others = [p for p in (src or []) + (tgt or [])
                  if p.ref is not speaker and tokens[p.first].clause == clause]
        if speaking is not None and (trig.passive or _stative_passive(tokens, trig)):
            src, tgt = others or None, [speaking]
        elif speaking is not None:
            src, tgt = [speaking], others or None
    elif speaker is not None and entry.pos == "V" and src and not tgt and not trig.passive \
            and all(p.ref is not speaker for p in src) and memo.get(
                "first person object", clause, lambda: _first_person_object(tokens, clause)):
        # ""Russland hat uns angegriffen", sagte Selenskyj": "uns", "mich" are the speaker
        tgt = [p for p in parts if p.ref is speaker][:1] or None
    src_refs = [p.ref for p in src] if src else []
    if not src_refs and demonstrative is not None and clause == 0 and entry.pos == "V" \
            and not trig.passive:
        src_refs = [demonstrative]
    if not src_refs and speaker is not None and entry.pos == "V" and _said_of_self(tokens, trig):
        src_refs = [speaker]  # "Putin sagte, dass er die Ukraine angreifen werde"
    if not src_refs and previous_subject is not None and not trig.passive \
            and _pronoun_subject(tokens, trig, memo) and not _man_subject(tokens, trig) \
            and not (entry.pos == "N" and (_genitive_attribute(tokens, trig.index) or said_about
                                           or responded_to or _claim_answered(tokens, trig))):
        src_refs = [previous_subject]  # (not "Sie verurteilte den Einsatz als Entführung")
    if not src_refs and entry.pos == "V" and (speaker or previous_subject) is not None and memo.get(
            "own country", clause, lambda: _own_country_subject(tokens, clause)):
        # "Sein Land werde eine Protestnote schicken, sagte Außenminister Dacic": the speaker's
        # (else the previous subject's) state
        who = cast(ActorRef, speaker or previous_subject)
        word = cast(int, _first_word(tokens, clause))
        src_refs = [ActorRef(f"{tokens[word].text} {tokens[word + 1].text}", None, who.country, who.sector)]
    tgt_refs = [p.ref for p in tgt] if tgt else []
    tgt_clause = tokens[tgt[0].first].clause if tgt else clause
    if _mentions_collective(tokens, clause, memo) and collective and not (
            entry.pos == "N" and _threatened_act(tokens, trig.index)):
        head = _first_word(tokens, clause)
        both = not src_refs and head is not None and _both_pronoun(tokens, clause)
        if both or not src_refs and _reciprocal(tokens, clause, memo):
            # "Beide bekräftigten ihre Unterstützung für die Ukraine": both act, together;
            # "Beide Seiten warfen sich gegenseitig Verstöße vor": each to the other (below)
            src_refs = collective[:2]
            both = True
        if not src_refs:
            # the side the clause names first acts ("Von Seiten Putins wurden die
            # Beziehungen der beiden Staaten gelobt")
            named = [p.ref.country for p in parts if tokens[p.first].clause == clause]
            sides = sorted(collective[:2], key=lambda c: named.index(c.country)
                           if c.country in named else len(named))
            src_refs = sides[:1]
            if not tgt_refs or all(p.role == "place" for p in tgt or ()):
                # (where they met is no side: "Die Präsidenten beider Staaten trafen sich
                # im Kreml")
                tgt_refs = sides[1:2]
        elif not tgt_refs and not both:
            # (a third party addresses both: "Die AU rief beide Seiten zur Zurückhaltung auf")
            # (not one of two doers: "Katar und Ägypten haben beide Seiten aufgefordert")
            doers = {r.country for r in src_refs}
            tgt_refs = [c for c in collective[:2] if c.country not in doers]
    if src_refs and not tgt_refs and len(src_refs) == 1 and (
            is_symmetric(entry.type) or entry.lemma in _THREATS_OF_THE_LAST_COUNTERPART) and partners \
            and not memo.get("prep relative opens", clause,
                             lambda: _opens_with_prep_relative(tokens, clause)) \
            and not memo.get("bill", clause, lambda: _names_a_bill(tokens, clause)) \
            and not (entry.mode == "visit" and _destination_after(tokens, trig.index)):
        # "Putin unterzeichnete die Vereinbarung": the partner is the counterpart of the
        # article's last event with that state; so is whom a threat naming nobody is against
        # ("Maduro drohte, Aggressionen mit Raketen abzuwehren" in a report on the US and him;
        # not a warning: "warnte vor einem Nein" at a UN conference threatens no one)
        known = partners.get(src_refs[0].country or "")
        tgt_refs = [known] if known is not None else []
    if len(src_refs) > 1 and tgt_refs and is_symmetric(entry.type) and all(
            r.name.rsplit("-", 1)[-1].lower() in _AGREEMENT_HEADS for r in tgt_refs):
        # "Brasilien und die EU haben das Mercosur-Abkommen unterzeichnet": with each other; the
        # compound names the agreement, not a third side
        tgt_refs = []
    if len(src_refs) > 1 and not tgt_refs and entry.type == "MOBILIZE" and entry.pos == "N" \
            and _joint(tokens, trig.index):
        # "Südkorea und die USA haben ein gemeinsames Manöver begonnen": with each other (the
        # sentence's joint-exercise rule makes it COOPERATE)
        return [(a, b) for k, a in enumerate(src_refs) for b in src_refs[k + 1:]]
    if len(src_refs) > 1 and (not tgt_refs or tgt_clause != clause) \
            and _reciprocal(tokens, clause, memo):
        # "Thailand und Kambodscha warfen sich gegenseitig Grenzverletzungen vor": each to the
        # other, as a mutual act ("Die Armee und die Miliz liefern sich Kämpfe"; "Japan und
        # China warfen sich gegenseitig vor, die Spannungen um Taiwan zu verschärfen": not
        # Taiwan, named in what they said)
        tgt_refs = []
        entry = replace(entry, frame="sym")
    return _pairs(src_refs, tgt_refs, entry)


# Prepositions of where a visit goes: "bei einem Besuch auf der Insel Lipari", "in Kiew"
_DESTINATION_PREPS = PLACE_PREPS - {"aus"} | {"nach", "auf", "an", "am"}


def _destination_after(tokens: tuple[Token, ...], i: int) -> bool:
    """A visit's trigger at ``i`` goes to a place its own phrase names ("Besuch auf der Insel
    Lipari"): whether or not the place is known, it is no counterpart met before."""
    return any(t.lower in _DESTINATION_PREPS and t.clause == tokens[i].clause
               for t in tokens[i + 1 : i + 3])


def _reciprocal(tokens: tuple[Token, ...], clause: int, memo: _Memo) -> bool:
    """The clause's act goes both ways: "gegenseitig", "einander", a reciprocal "sich"."""
    def compute() -> frozenset[int]:  # once per sentence: the reciprocal clauses
        marked = {t.clause for t in tokens if t.lower in ("gegenseitig", "einander")}
        reflexive = {t.clause for t in tokens if t.lower == "sich"}
        verbs = {t.clause for t in tokens if t.lemma in _RECIPROCAL_VERBS}
        return frozenset(marked | reflexive & verbs)
    return clause in memo.get("reciprocal", -1, compute)


# What a parliament votes on at home: "Die Staatsduma stimmte einem Gesetz zu" agrees with
# no foreign counterpart
_BILL_NOUNS = ("gesetz", "gesetzentwurf", "gesetzesentwurf", "gesetzespaket", "haushalt",
               "reform", "antrag", "verfassungsänderung", "novelle")


def _names_a_bill(tokens: tuple[Token, ...], clause: int) -> bool:
    return any(t.noun and t.clause == clause and t.lemma.endswith(_BILL_NOUNS) for t in tokens)


# verbs whose reflexive "sich" is reciprocal: what two sides do to each other ("Beide Seiten
# beschuldigten sich"; a state accuses, shells or criticises itself hardly ever)
_RECIPROCAL_VERBS = frozenset({"liefern", "beschuldigen", "bezichtigen", "beschießen", "kritisieren"})


_GOODS = frozenset({"import", "importe", "ware", "waren", "einfuhr", "einfuhren", "produkt",
                    "produkte", "güter", "gut", "erzeugnis", "erzeugnisse", "export", "exporte",
                    "lieferung", "lieferungen", "stahl", "aluminium", "auto", "autos", "fahrzeug",
                    "fahrzeuge", "öl", "gas", "getreide", "agrarprodukte", "chips",
                    # flights halted: "setzte sämtliche Flüge aus Venezuela aus"
                    "flug", "flüge", "direktflüge", "linienflüge", "passagierflüge"})


def _after_goods(tokens: tuple[Token, ...], p: Participant) -> bool:
    """``p``'s phrase ("aus China") follows a word for goods ("Waren", "Importe"), or a
    phrase that opens with one ("die Einfuhr von Gemüse aus Polen")."""
    prep = _prep_index(tokens, p)
    return any(tokens[k].lemma in _GOODS or tokens[k].lower in _GOODS
               for k in range(max(0, prep - 3), prep) if tokens[k].clause == tokens[p.first].clause)


def _closed_phrase_between(tokens: tuple[Token, ...], i: int, j: int) -> bool:
    """A prepositional phrase with its noun stands between the noun at ``i`` and the word at
    ``j`` ("nach dem Anschlag in Kaschmir Pakistan ... vorgeworfen"): a clause role after it is
    no genitive of the noun, which comes right after it ("der Anschlag Pakistans in Kaschmir");
    a genitive of the phrase's own noun may be ("das Gespräch in der Residenz Castros")."""
    return any(tokens[k].lower in ALL_PREPS and any(
        tokens[m].noun and tokens[m].text[:1].isupper() for m in range(k + 1, j))
        for k in range(i + 1, j))


def _set_off_after(tokens: tuple[Token, ...], src: list[Participant] | None,
                   g: list[Participant]) -> bool:
    """``g`` follows ``src`` after a lone comma: an apposition of ``src``'s phrase."""
    return src is not None and g[0].first == src[-1].last + 2 \
        and tokens[src[-1].last + 1].text == ","


def _genitive_of_later_phrase(tokens: tuple[Token, ...], i: int, p: Participant) -> bool:
    """``p`` is the genitive of a noun in a prepositional phrase that begins after the noun
    trigger at ``i`` and a word that is not of its phrase: "Die Vereinbarung kam unter
    Vermittlung Katars zustande" (Katar mediated, it is no side of the agreement; but "die
    Einigung mit seinem Amtskollegen Sobotka": a phrase right after the noun is its own)."""
    return p.role == "gen" and any(tokens[k].lower == p.prep for k in range(i + 2, p.first))


def _phrase_word(t: Token) -> bool:
    """An article, preposition or inflected adjective: a lower-case word inside a noun phrase."""
    return t.lower in _DETERMINERS or t.lower in ALL_PREPS or _adjective_like(t)


def _in_topic_phrase(tokens: tuple[Token, ...], first: int) -> bool:
    """The phrase at ``first`` is inside an über-phrase of its clause, with only a noun phrase
    between ("über die Lage in der Ukraine", "über den Krieg im Sudan und die Lage in Mali")."""
    for k in range(first - 1, max(-1, first - 13), -1):
        t = tokens[k]
        if t.clause != tokens[first].clause or t.text in (",", ";", ":"):
            return False
        if t.lower == "über":
            return True
        if t.text.isalpha() and t.text.islower() and not _phrase_word(t) \
                and t.lower not in ("und", "sowie", "oder"):
            return False  # a verb: a phrase of its own
    return False


# Articles that open no genitive: "nach Protesten die Regierung" is not the protesters' phrase
_NOT_GENITIVE_ARTICLES = frozenset({"die", "das", "den", "dem", "ein", "eine", "einen", "einem"})


def _verb_between(tokens: tuple[Token, ...], i: int, j: int) -> bool:
    """A lower-case word between the noun at ``i`` and the phrase at ``j`` that no noun phrase
    has, a verb, or an article of no genitive: "Nach Protesten hat die Regierung", "hat nach
    Protesten die Regierung": the phrase is the clause's, not the noun's ("Besuch des
    venezolanischen Staatschefs", "Lieferung von 26 Jets" are)."""
    if i + 1 < j and tokens[i + 1].lower in _NOT_GENITIVE_ARTICLES:
        return True
    for k in range(i + 1, j):
        t = tokens[k]
        if t.text.isalpha() and t.text.islower() and not _phrase_word(t) and not _attributive(tokens, k) \
                and not _counts(t) and not _modifier_word(t) or t.lower in _FINITE_AUX:
            return True
    return False


def _heads_own_phrase(tokens: tuple[Token, ...], k: int) -> bool:
    """The noun at ``k`` heads a phrase that an article or preposition continues ("Anführer
    der RSF"), so what follows is its genitive (not "Terrororganisation Boko Haram",
    "Schwarzacher Bürgermeisters": words of one name or noun phrase)."""
    return tokens[k].noun and k + 1 < len(tokens) and (
        tokens[k + 1].lower in _DETERMINERS or tokens[k + 1].lower in ALL_PREPS)


# verbs whose object is the subject's own act: "kündigte eine Gegenoffensive an", "startete
# eine Offensive", "setzte die Angriffe fort", "reagierte mit Luftangriffen"
_OWN_ACT_VERBS = frozenset({"ankündigen", "starten", "beginnen", "planen", "vorbereiten",
                            "fortsetzen", "einleiten", "ausweiten", "verstärken",
                            "reagieren", "antworten", "kontern", "vergelten", "bekanntgeben",
                            "verkünden",
                            # "einen Anschlag verüben", "einen Angriff ausführen"
                            "verüben", "ausführen", "durchführen"})


# verbs whose object act is still to come ("einen Angriff vorbereiten, planen")
_PREPARING_VERBS = frozenset({"vorbereiten", "planen", "erwägen", "anstreben"})
# Prepositions of what a clause's act follows from: "nach den Angriffen", "angesichts der Drohungen"
_CAUSE_PREPS = frozenset({"nach", "angesichts", "infolge", "aufgrund", "wegen"})
# Verbs of agreeing on a deed ("vereinbarten einen Gefangenenaustausch", "einigten sich auf
# einen Truppenabzug"), and the deeds that agreeing on leaves to come (an agreed sanction or
# cooperation is in force with the decision)
_AGREEING_VERBS = frozenset({"vereinbaren", "einigen", "verständigen", "abmachen"})
_AGREED_ACT_TYPES = frozenset({"RETREAT", "AID", "MOBILIZE"})
# Verbs whose auf-phrase names an act that is expected ("sich auf einen Angriff vorbereiten")
_BRACING_VERBS = frozenset({"vorbereiten", "einstellen", "wappnen", "rüsten"})
# Verbs whose auf-phrase names another's act ("reagierte auf die Angriffe")
_RESPONDING_VERBS = _BRACING_VERBS | {"reagieren", "antworten", "erwidern", "kontern"}


def _verb_governs(
    tokens: tuple[Token, ...], trig: Trigger, memo: _Memo, kind: str, lemmas: frozenset[str],
) -> bool:
    """One of the sentence's verbs with one of ``lemmas`` governs the noun trigger (see
    :func:`_governing_verb`); the verbs are found once per sentence, memoised as ``kind``."""
    return _governing_verb(tokens, trig, memo.get(kind, -1, lambda: _verbs_among(
        tokens, memo.get("particles", -1, lambda: modality.clause_particles(tokens)), lemmas)),
        memo)


def _verbs_among(
    tokens: tuple[Token, ...], particles: dict[int, tuple[int, str]], lemmas: frozenset[str],
) -> frozenset[int]:
    """The sentence's verbs with one of ``lemmas`` (the callers memoise it per sentence):
    verbs of starting, announcing or continuing, of reacting or preparing."""
    return frozenset(k for k, t in enumerate(tokens) if t.text[:1].islower()
                     and modality.verb_lemma(tokens, k, particles) in lemmas)


def _victim_of_act(
    tokens: tuple[Token, ...], p: Participant, particles: dict[int, tuple[int, str]]
) -> bool:
    """``p`` is in the auf/gegen phrase of a hostile act noun ("Angriffe auf Kiew",
    "Sanktionen gegen Moskau")."""
    if p.prep not in ("auf", "gegen"):
        return False
    k = _prep_index(tokens, p) - 1
    return _hostile_act_noun(tokens, k, particles)


def _hostile_act_noun(tokens: tuple[Token, ...], k: int, particles: dict[int, tuple[int, str]]
                      ) -> bool:
    """The word at ``k`` is a noun of an attack, a coercion, a show of force or a threat."""
    return k >= 0 and tokens[k].noun and any(
        e.type in _HITTING_TYPES | _HOSTILE_TYPES
        for e in _entries_for(tokens, k, trigger_lexicon(), particles))


def _doer_of_act(tokens: tuple[Token, ...], p: Participant, particles: dict[int, tuple[int, str]]
                 ) -> bool:
    """``p`` is the genitive of a hostile act noun ("einer Invasion Russlands", "einem Angriff
    der russischen Armee")."""
    k = p.first - 1
    while k > 0 and tokens[k].lower in _GENITIVE_ARTICLES:
        k -= 1
    return _hostile_act_noun(tokens, k, particles)


def _genitive_in_target_phrase(p: Participant, roles: set[str]) -> bool:
    """"Sanktionen gegen Anführer der RSF": a genitive inside a target phrase is hit."""
    return p.role == "gen" and "target" in roles and p.prep in ("gegen", "auf")


def _genitives_as_phrases(groups: list[list[Participant]]) -> list[list[Participant]]:
    """For a verb, a genitive inside a prepositional phrase plays that phrase's role."""
    return [[replace(p, role=_role_of(p.prep or "")) if p.role == "gen" else p for p in g] for g in groups]


def _copula_between(tokens: tuple[Token, ...], groups: list[list[Participant]], i: int) -> bool:
    subject = _first_core_before(groups, i)
    if subject is None or i - subject[-1].last > 15:
        return False  # a predicate noun stands close to its subject
    cop = next((k for k in range(subject[-1].last + 1, i) if tokens[k].lower in _COPULAS), None)
    # "Russland gilt als Waffenlieferant" is a predicate; "Die Türkei ist nach vier Anschlägen
    # in Alarmbereitschaft" names what happened to the subject, not what it did
    return cop is not None and not any(tokens[k].lower in ALL_PREPS for k in range(cop + 1, i))


_NO_SOURCE = Participant(ActorRef("", None, None), -1, -1, "none", None)


def prefield_end(tokens: tuple[Token, ...]) -> int:
    """Index of the finite verb after a noun-phrase prefield ("Die Houthi-Rebellen hatten",
    "Stealth-Jagdflugzeuge besuchen"); 0 when the sentence opens with an adverbial
    ("Zudem verhandelt", "Am Dienstag ist") or no verb is found."""
    # (after a dateline: "Jerusalem – Trotz der Waffenruhe hat die Armee ..." opens with an
    # adverbial, not with the town)
    start = _sentence_start(tokens)
    if start + 1 < len(tokens) and tokens[start].lower in _FOCUS_PARTICLES \
            and tokens[start + 1].lower in ("der", "die", "das", "ein", "eine"):
        start += 1  # "Auch die Linke kritisierte Merz": the particle is part of the prefield
    first = tokens[start] if start < len(tokens) else None
    if first is not None and _both_pronoun(tokens, first.clause):
        return start + 1  # "Beide kritisierten die USA"
    if first is None or not (first.lower in ("der", "die", "das", "ein", "eine") or first.noun
                             or first.lemma != first.lower and first.lower.endswith(
                                 ("e", "en", "er", "es"))):  # "Westliche Regierungen"
        return 0
    if first.lower in ALL_PREPS:
        return 0  # "Laut Reuters hat Russland ...": a prepositional phrase, no subject
    attribute = first.lower in _DETERMINERS and start + 1 < len(tokens) \
        and tokens[start + 1].lower in ALL_PREPS
    for v in range(start + 1, min(len(tokens), start + 12)):
        t = tokens[v]
        if t.clause != first.clause:
            return 0
        if t.lower == "zufolge":
            return 0  # "Berichten zufolge verhandeln die USA": the source, no subject
        if attribute:
            # "Der wegen Korruption kritisierte Regierungschef traf ...", "Der in der EU
            # weitgehend isolierte Orbán": an article and a preposition open an attribute,
            # which ends with the participle before its noun (no verb in it)
            attribute = not (t.text[:1].islower() and t.lower.endswith(ATTRIBUTIVE_ENDINGS)
                             and v + 1 < len(tokens) and tokens[v + 1].text[:1].isupper())
            continue
        if t.text[:1].islower() and t.lower not in _DETERMINERS and t.lower not in ALL_PREPS \
                and tokens[v - 1].noun:
            return 0 if _time_phrase(tokens[start:v]) else v
    return 0


# Focus particles that may stand before the subject in the prefield
_FOCUS_PARTICLES = frozenset({"auch", "selbst", "sogar", "nur", "ausgerechnet", "gerade",
                              "insbesondere", "besonders", "allein"})


# Words around a time expression that keep the phrase temporal: "Ende Oktober", "Anfang der
# Woche", "Mitte vergangenen Jahres"
_TIME_EDGES = frozenset({"ende", "anfang", "mitte", "beginn", "der", "des", "dieser", "diese",
                         "dieses", "woche", "wochenende", "monats", "jahres"})
_TIME_NOUNS = frozenset({"woche", "wochenende", "monats", "jahres"})


def _time_phrase(words: tuple[Token, ...]) -> bool:
    """``words`` (a prefield) name a time, not an actor: "Ende Oktober trafen sich Trump und
    Xi" has its subject after the verb."""
    text = " ".join(t.text for t in words)
    found = dates.find_time_expressions(text)
    covered: set[int] = set()
    offset = 0
    for k, t in enumerate(words):
        if any(e.start <= offset < e.end for e in found):
            covered.add(k)
        offset += len(t.text) + 1
    rest = [t.lower for k, t in enumerate(words) if k not in covered]
    return (bool(covered) or any(w in _TIME_NOUNS for w in rest)) and all(
        w in _TIME_EDGES for w in rest)


# Prepositions with the article inside: "zur Unterstützung" is no bare noun
_CONTRACTED = frozenset({"zur", "zum", "beim", "im", "am", "vom", "ins", "ans", "aufs"})


def _prefield_phrase_end(tokens: tuple[Token, ...], i: int) -> int:
    """When the noun at ``i`` stands in a prepositional phrase that opens its clause ("Beim
    Nato-Treffen dominieren ...", "Bei seinen Gesprächen verteidigte ..."), the index of the
    finite verb after the phrase; else 0."""
    clause = tokens[i].clause
    # (after a dateline: "Kiew – Bei einer Kundgebung ... hat die Polizei ...")
    first = _opening_word(tokens) if clause == 0 else _first_word(tokens, clause)
    # an opening phrase is short: a dozen words at most
    if first is None or tokens[first].lower not in ALL_PREPS or first >= i or i - first > 12:
        return 0
    if any(_finite_like(tokens[k]) for k in range(first + 1, i)):
        return 0  # the noun stands after the verb
    for k in range(i + 1, min(len(tokens), i + 13)):
        t = tokens[k]
        if t.clause != clause:
            return 0
        if _finite_like(t):
            return k
    return 0


def _finite_like(t: Token) -> bool:
    """A lower-case word that is no article, preposition, adverb, conjunction, adjective or
    name part: the verb after an opening phrase."""
    if not t.text[:1].isalpha() or t.text[:1].isupper():
        return False
    if "-" in t.text and t.text.rsplit("-", 1)[1][:1].isupper():
        return False  # a name: "al-Sisi"
    return not (t.lower in _DETERMINERS or t.lower in ALL_PREPS or t.lower in _ADVERBS
                or t.lower in ("und", "oder") or _adjective_like(t))


_CLAUSE_COORD = frozenset({"und", "oder", "aber", "doch", "sondern", "denn"})


def _determiner_prefield(
    tokens: tuple[Token, ...], trig: Trigger, parts: list[Participant], memo: _Memo | None = None
) -> bool:
    """A main clause "Das Militär des Landes drohte Südkorea" whose subject names no actor:
    the actors after the verb are objects, not the source."""
    v = prefield_end(tokens)
    if not v or tokens[trig.index].clause != tokens[0].clause or trig.index < v:
        return False
    memo = memo or _Memo()
    coordinated = memo.get("coordinated subjects", 0, lambda: {
        p.last for p in parts if p.first > v and tokens[p.first - 1].lower in _CLAUSE_COORD})
    if trig.index - 1 in coordinated:
        return False  # "Der Konflikt hat ... und Polen fordert ...": a new main clause, a new subject
    return memo.get("no actor in prefield", 0, lambda: not any(p.first < v for p in parts))


# Articles that are never nominative: "verdächtigen den Iran", "dem Präsidenten", "einen Israeli"
_OBLIQUE_ARTICLES = frozenset({"den", "dem", "einen", "einem", "des", "eines"})


# Nouns of time that stand without a preposition ("trafen sich Ende Oktober Trump und Xi")
_BARE_TIME_NOUNS = frozenset({
    "ende", "anfang", "mitte", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
    "samstag", "sonntag", "januar", "februar", "märz", "april", "mai", "juni", "juli",
    "august", "september", "oktober", "november", "dezember", "uhr", "jahr", "jahre", "tag",
    "tage", "woche", "wochen", "monat", "monate", "zeit", "mal",
})


_TIMES_OF_DAY = ("abend", "nachmittag", "vormittag", "mittag", "nacht", "morgen", "wochenende")


def _time_noun(word: str) -> bool:
    """A noun naming a time ("Montag", "Freitagabend", "Wochenende", "Oktober")."""
    return word in _BARE_TIME_NOUNS or word.startswith(dates.WEEKDAY_NAMES) or word.endswith(_TIMES_OF_DAY)


def _covered(parts: list[Participant]) -> frozenset[int]:
    """The token indexes inside a participant."""
    return frozenset(k for p in parts for k in range(p.first, p.last + 1))


def _unnamed_subject_between(
    tokens: tuple[Token, ...], covered: frozenset[int], verb: int, first: int,
) -> bool:
    """A noun phrase that is no actor stands between the verb and the actor after it, not in
    a prepositional phrase: that phrase is the subject ("ermordeten rechte Paramilitärs
    3.000 Menschen"), the actor after it an object. (Within a few words of the verb: the
    subject of the middle field comes first.)"""
    for k in range(verb + 1, min(first, verb + 8)):
        t = tokens[k]
        if t.clause != tokens[verb].clause:
            return False  # (the actor stands in another clause: "..., sagt Wichmann")
        if not (t.noun and t.text[:1].isupper()) or k in covered or t.lower in _BARE_TIME_NOUNS \
                or k + 1 in covered or tokens[k + 1].lower in ("und", "oder", "sowie"):
            continue  # ("kritisierte Wildtierbiologin Karoline Schmidt", "Arbeiterkammer und
            # Grüne": the noun is part of the actor's phrase)
        # (not in a prepositional phrase: "laut Wiener Zeitung", "am späten Abend")
        if not any(tokens[m].lower in ALL_PREPS or tokens[m].lower in _CONTRACTED
                   or tokens[m].lower == "laut" or not tokens[m].text[:1].isalnum()
                   for m in range(max(verb + 1, k - 3), k)):
            return True
    return False


def _subordinate_opener(tokens: tuple[Token, ...], clause: int) -> int | None:
    """The last word of what opens a subordinate clause: its conjunction ("dass", "weil") or
    the pronoun of a relative clause with a preposition (", in dem"); None for a main clause
    or a bare relative pronoun (", die Russland kritisierte" may have either as subject)."""
    head = _first_word(tokens, clause) if clause > 0 else None
    if head is None:
        return None
    if tokens[head].lower in _CONJUNCTIONS:
        return head
    return head + 1 if head + 1 < len(tokens) and _prep_relative_at(tokens, head + 1) else None


def _oblique(tokens: tuple[Token, ...], p: Participant) -> bool:
    """``p`` (a participant without preposition) has an accusative, dative or genitive article:
    an object, never the subject ("Ägypten verdächtigt den Iran")."""
    k = p.first - 1
    if k > 0 and tokens[k].noun and tokens[k].text[:1].isupper():
        k -= 1  # "den Konzertsaal Bataclan": a common noun before the name
    while k >= 0 and _adjective_like(tokens[k]) and tokens[k].lower not in _DETERMINERS \
            and p.first - k <= 4:
        k -= 1
    start = _sentence_start(tokens)
    if k >= 1 and tokens[k].lower in ("des", "eines") and tokens[k - 1].noun and (
            k == start + 1 or k == start + 2 and tokens[start].lower in _DETERMINERS
            and tokens[start].lower not in _OBLIQUE_ARTICLES) \
            and not (p.last + 1 < len(tokens) and tokens[p.last + 1].text == ","):
        # "Die Außenminister des Irans und Ägyptens trafen sich": the genitive of the
        # sentence's first noun names whose men are its subject (unless a name set off after
        # it does: "Der Kommissar des Europarats, Nils Muiznieks, hatte ... aufgerufen")
        return False
    if k == p.first - 1 and _prep_relative_at(tokens, k):
        return False  # ", für den Berlin eine Hackergruppe verantwortlich macht": the
        # pronoun is the antecedent's, the name right after it the subject (not ", in den
        # festgefahrenen kolumbianischen Verhandlungen": an article before its adjectives)
    return k >= 0 and tokens[k].lower in _OBLIQUE_ARTICLES


def _beside(
    tokens: tuple[Token, ...], groups: list[list[Participant]], clause: int
) -> list[Participant] | None:
    """"Neben Ägypten verdächtigen auch andere Länder den Iran": the neben-phrase before "auch"
    shares the act of the subject."""
    beside = next((g for g in groups if g[0].prep == "neben"), None)
    if beside is None:
        return None
    for t in tokens[beside[-1].last + 1 :]:
        if t.clause != clause:
            break
        if t.lower == "auch":
            return beside
    return None


def _control_object(tokens: tuple[Token, ...], parts: list[Participant], verb: int) -> Participant | None:
    """The object of the verb at ``verb`` that governs a zu-infinitive: of the actors in its
    clause, the last when there are several ("Der Gerichtshof hatte Südafrika aufgerufen"),
    the only one when it does not open the clause ("Westliche Regierungen werfen Russland vor")."""
    clause = tokens[verb].clause
    core = [p for p in parts if tokens[p.first].clause == clause and p.role == "core"]
    if not core:
        return None
    if len(core) >= 2:
        return core[-1]
    first = _first_word(tokens, clause)
    opens = first is not None and all(tokens[k].lower in _DETERMINERS or _adjective_like(tokens[k])
                                      for k in range(first, core[0].first))
    return None if opens else core[0]


def _infinitive_subject(
    tokens: tuple[Token, ...], parts: list[Participant], others: list[Participant],
    trig: Trigger, clause: int,
) -> list[Participant] | None:
    """The subject of a clause without one of its own: the owner of the plan noun a
    zu-infinitive spells out, else the subject of the clauses around it."""
    owner = _plan_owner(tokens, parts, clause) if clause > 0 else None
    return [owner] if owner is not None else _subject_from_other_clauses(others, tokens, trig)


def _plan_owner(
    tokens: tuple[Token, ...], parts: list[Participant], clause: int,
) -> Participant | None:
    """"kritisierte die Entscheidung der USA, den Gipfel zu boykottieren": the infinitive
    clause says what the plan noun's genitive decided, so that genitive is its subject."""
    k = modality.plan_noun(tokens, clause)
    if k is None:
        return None
    return next((p for p in parts if p.first == k + 2 and tokens[k + 1].lower in ("der", "des")
                 or p.first == k + 1 and tokens[p.first].text.endswith("s")), None)


def _infinitive_clause(tokens: tuple[Token, ...], clause: int) -> bool:
    """The clause ends in a zu-infinitive ("zu haben", "zu versorgen", "freizugeben")."""
    words = [t for t in tokens if t.clause == clause and t.text[:1].isalpha()]
    return any(a.lower == "zu" and b.text[:1].islower() and b.lower not in _DETERMINERS
               for a, b in zip(words[-3:], words[-2:], strict=False)) \
        or bool(words) and words[0].lower not in _CONJUNCTIONS \
        and modality.clause_infinitive(tokens, clause) is not None  # (not "nachdem sie sich
    # geweigert hätten festzustellen": a finite clause)


def _without_noun_prefix(groups: list[list[Participant]], noun: int) -> list[list[Participant]]:
    """A light verb's noun names an actor in its compound and a target in a gegen/auf-phrase:
    "haben die UN-Sanktionen gegen den Iran wieder in Kraft gesetzt" -- the UN is whose
    sanctions they are, not whom the subject sanctions (without another target the compound
    may be it: "Russland-Sanktionen verhängen")."""
    inside = [g for g in groups if g[0].first <= noun <= g[-1].last]
    if inside and any(g[0].role == "target" and g[0].first > noun for g in groups):
        return [g for g in groups if g not in inside]
    return groups


def _met_partner_opening(tokens: tuple[Token, ...], trig: Trigger, own: list[list[Participant]],
                         head: int) -> bool:
    """The opening phrase is a meeting or talk with a partner: "Nach einem Treffen mit Xi
    kündigte Trump an", "Bei den Gesprächen mit Rubio sagte Selenskyj": the subject met him."""
    return trig.index - 2 == head and tokens[trig.index - 1].lower in _DETERMINERS \
        and is_symmetric(trig.entry.type) and any(
            g[0].prep == "mit" and 0 < g[0].first - trig.index <= 3 for g in own)


def _possessive_before(tokens: tuple[Token, ...], i: int) -> bool:
    return i > 0 and tokens[i - 1].lower.startswith(("sein", "ihr"))


_AUX_AND_MODALS = _FINITE_AUX | frozenset(
    "will wollte wollen wollten soll sollte sollen sollten kann konnte können konnten muss "
    "musste müssen mussten darf durfte dürfen möchte möchten wird werden".split())


def _subject_pronoun(tokens: tuple[Token, ...], k: int) -> bool:
    """"er" or "sie" -- but not "Sie" inside a sentence, the polite "you" of an interview
    question ("STANDARD: Warum kritisieren Sie die Regierung?")."""
    t = tokens[k]
    if t.lower not in _SUBJECT_PRONOUNS:
        return False
    # (after a colon or quote "Sie" opens a sentence: "erklärte: Sie werde ...")
    return t.text != "Sie" or k == 0 or tokens[k - 1].text in _SEGMENT_OPENERS


def _pronoun_after_modal(tokens: tuple[Token, ...], start: int, end: int) -> int | None:
    """Index of a subject pronoun right after a finite auxiliary or modal between ``start``
    and ``end`` ("will er", "hatte sie")."""
    clause = tokens[start].clause
    return next((k for k in range(start + 1, end) if _subject_pronoun(tokens, k)
                 and tokens[k - 1].lower in _AUX_AND_MODALS and tokens[k].clause == clause), None)


# Relative pronouns that may be the subject themselves: in ", die sie kritisiert" either one
# may be the subject, so only "er" (always nominative) shows that the pronoun is the object
_SUBJECT_CASE_RELATIVES = frozenset({"der", "die", "das", "welcher", "welche", "welches"})
# Conjunctions of adverbial clauses ("Als ..., ermordeten ...", "Wie ... mitteilte, ...")
_ADVERBIAL_CONJUNCTIONS = frozenset({"als", "wenn", "nachdem", "weil", "da", "obwohl",
                                     "während", "bevor", "sobald", "seit", "seitdem", "wie"})
# Relative pronouns that are the object when a subject pronoun follows
_OBJECT_RELATIVES = frozenset({"der", "den", "dem", "denen", "die", "das"})


def _pronoun_after_subordinator(tokens: tuple[Token, ...], word: int, end: int) -> bool:
    """The clause opens "nachdem er", ", denen er", ", der er": a subject pronoun right after
    its conjunction or relative pronoun, before ``end``."""
    k = word + 1
    if k >= end or tokens[word].lower not in _CLAUSE_OPENERS \
            or not _subject_pronoun(tokens, k):
        return False
    if tokens[word].lower in _OBJECT_RELATIVES and (
            word == 0 or tokens[word - 1].text != ","):
        return False  # "die er" without its comma is an article's noun phrase, not a clause
    return tokens[k].lower == "er" or tokens[word].lower not in _SUBJECT_CASE_RELATIVES


_SUBJECT_CONJUNCTIONS = frozenset({"dass", "weil", "ob", "da", "nachdem", "als", "wenn",
                                   "obwohl", "während", "bevor", "damit", "falls", "sobald"})


# words that open a noun phrase of its own after a conjunction: "dass deren Anführer ..."
_SUBJECT_PHRASE_OPENERS = _DETERMINERS | {"deren", "dessen", "diese", "dieser", "viele", "alle"}


def _own_subject_phrase(tokens: tuple[Token, ...], parts: list[Participant], clause: int) -> bool:
    """"..., dass deren Anführer zum Jihad aufgerufen hätten": a conjunction followed by a
    noun phrase that is no actor: the clause has a subject of its own, so the main clause's
    actor (the speaker Cazeneuve) is not it."""
    word = _first_word(tokens, clause)
    if word is not None and _reported_subject(tokens, parts, word):
        return True
    if word is None or tokens[word].lower not in _SUBJECT_CONJUNCTIONS or word + 1 >= len(tokens) \
            or word == 0 or tokens[word - 1].text != ",":
        return False  # (at the start "Während dieser Jahre" is a preposition's phrase)
    nxt = tokens[word + 1]
    if any(word < p.first <= word + 3 and (p.first <= word + 2 or nxt.lower not in ("die", "eine")) and all(
            t.text[:1].isupper() or t.lower in _DETERMINERS or _adjective_like(t)
            for t in tokens[word + 1 : p.first]) for p in parts):
        # an actor of its own ("dass der Nachbar Slowenien"): the usual rules take it ("dass
        # die Kritiker Russland", plural, has its subject before the actor)
        return False
    return nxt.lower in _SUBJECT_PHRASE_OPENERS \
        or (nxt.noun and nxt.text[:1].isupper())


# Finite verbs of reported speech (Konjunktiv I and its stand-ins)
_REPORTED_FINITE = frozenset({"habe", "hätten", "sei", "seien", "werde", "würden", "könne",
                              "wolle", "müsse", "solle"})


def _reported_subject(tokens: tuple[Token, ...], parts: list[Participant], word: int) -> bool:
    """"..., erklärte das Ministerium, die Luftabwehr habe 75 ukrainische Drohnen
    abgeschossen": reported speech opening with its own subject, a noun that is no actor."""
    if word == 0 or tokens[word - 1].text != "," or tokens[word].lower not in ("der", "die", "das") \
            or word + 2 >= len(tokens):
        return False
    noun, verb = tokens[word + 1], tokens[word + 2]
    return noun.noun and noun.text[:1].isupper() and verb.lower in _REPORTED_FINITE \
        and not any(p.first == word + 1 for p in parts)


def _after_fronted_clause(tokens: tuple[Token, ...], trig: Trigger) -> bool:
    """"Als die Guerilla ... versuchte, ermordeten rechte Paramilitärs 3.000 Menschen": a
    verb that opens its clause after a fronted adverbial clause is the main clause's, whose
    subject stands after it; the fronted clause's actor is not its subject."""
    clause = tokens[trig.index].clause
    opening = _first_word(tokens, 0)
    return clause > 0 and opening is not None and _first_word(tokens, clause) == trig.index \
        and tokens[opening].lower in _ADVERBIAL_CONJUNCTIONS


_DEMONSTRATIVES = frozenset({"dieser", "diese", "letzterer", "letztere"})


def _opens_with_demonstrative(tokens: tuple[Token, ...]) -> bool:
    """The sentence opens with a demonstrative pronoun as its subject: "Dieser lehnt ... ab",
    "Diese hatten ..." (not "Diese Entscheidung", "Diese neue Regel": a determiner)."""
    first = _first_word(tokens, 0)
    if first is None or tokens[first].lower not in _DEMONSTRATIVES or first + 1 >= len(tokens):
        return False
    nxt = tokens[first + 1]
    return nxt.text[:1].islower() and not _adjective_like(nxt) or nxt.lower in _AUX_AND_MODALS


def _shared_subject(
    tokens: tuple[Token, ...], parts: list[Participant], verbs: frozenset[int], clause: int
) -> Participant | None:
    """The subject a clause that opens with a verb trigger after a comma or "und" shares with
    the main clause before it ("Putin kritisierte die Nato, lobte China"); None when the
    clause before is someone's words (", forderte Nordkorea" names the speaker) or a
    subordinate clause, or names no actor before its verb."""
    head = _first_word(tokens, clause)
    if head is not None and tokens[head].lower in ("und", "sowie", "oder") \
            and head + 1 < len(tokens) and tokens[head + 1].clause == clause:
        head += 1  # ", und sicherte der Ukraine Unterstützung zu"
    if clause == 0 or head is None or head not in verbs or head == 0 \
            or tokens[head - 1].text != "," and tokens[head - 1].lower not in _COORD:
        return None
    prev = clause - 1
    interrupted = _interrupted_subject(tokens, parts, prev)
    if interrupted is not None:
        return interrupted
    while True:  # past other clauses of the same chain: "kritisierte A, lobte B, griff C an"
        # (and past an infinitive clause: "kündigte an, die Ausgaben zu erhöhen, und sicherte
        # der Ukraine Unterstützung zu")
        first = _first_word(tokens, prev)
        if first is None or prev == 0 or first not in verbs \
                and modality.clause_infinitive(tokens, prev) is None:
            break
        prev -= 1
    if first is None or _opens_subordinate(tokens, first, _NOT_MAIN_CLAUSE_OPENERS) \
            or modality.reported_clause(tokens, prev):
        return None
    own = _clause_verbs(tokens, verbs, prev) or [
        # a main verb that is no trigger: "Polen kündigte an, ..., und sicherte ... zu"
        k for k in range(first, head) if tokens[k].clause == prev and modality.verb_form(tokens[k])][:1]
    if not own:
        return None
    if tokens[head].lemma in modality.speech_lemmas() and not _narrative_past(tokens, prev, own[0]):
        # ", kritisierte Merkel" after "Russland greift die Ukraine an" or "hat ...
        # angegriffen" names the speaker of those words; after a narrative past ("Putin
        # kritisierte die Nato, lobte China") it continues the narration
        return None
    return next((p for p in parts if tokens[p.first].clause == prev and p.role == "core"
                 and p.first < own[0]), None)


def _interrupted_subject(
    tokens: tuple[Token, ...], parts: list[Participant], relative: int
) -> Participant | None:
    """The subject a relative clause interrupts: in "Der syrische Präsident al-Scharaa, den
    Trump empfing, kritisierte Russland" the clause after the relative one resumes the main
    clause, whose subject is the actor the sentence opened with (the relative clause's
    antecedent), not the actor after the verb. (`_join_around_relatives` already joins the
    two parts when a lower-case word follows the pronoun, ", der seit 2000 regiert,"; this is
    the case it leaves: a name after it.)"""
    words = [k for k, t in enumerate(tokens) if t.clause == relative]
    if relative != 1 or len(words) < 3 or tokens[words[0]].text != "," \
            or tokens[words[1]].lower not in _RELATIVE:
        return None  # (only the first clause is the sentence's opening subject)
    opening = [k for k, t in enumerate(tokens) if t.clause == 0 and t.text != ","]
    head = next((p for p in parts if p.role == "core" and tokens[p.first].clause == 0
                 and p.last == opening[-1]), None) if opening else None
    if head is None or any(
            not (t.lower in _DETERMINERS or _adjective_like(t)) for t in tokens[opening[0]:head.first]):
        return None  # only a sentence that opens with its subject's noun phrase
    return head


def _objects_read_as_speakers(
    tokens: tuple[Token, ...], parts: list[Participant], memo: _Memo
) -> frozenset[str]:
    """Names right after a verb of speech that continues a narration ("Putin traf Xi,
    kritisierte die Nato"): objects, which the inverted-speech reading of the sentence's
    attribution ("..., kritisierte Merkel") takes for speakers."""
    verbs: frozenset[int] = memo.get("verb triggers", -1, frozenset)
    names: set[str] = set()

    def shared(clause: int) -> Participant | None:
        return memo.get("shared subject", clause,
                        lambda: _shared_subject(tokens, parts, verbs, clause))

    for clause in {tokens[v].clause for v in verbs}:
        head = _first_word(tokens, clause)
        if head is None or tokens[head].lemma not in modality.speech_lemmas() \
                or shared(clause) is None:
            continue
        for p in parts:
            if tokens[p.first].clause == clause and head < p.first <= head + 3:
                names.update((p.ref.name, p.ref.name.split()[-1], tokens[p.first].text))
    return frozenset(names)


# finite auxiliaries of the present and perfect: a clause with one is rather quoted than told
_PRESENT_AUX = frozenset({"hat", "haben", "ist", "sind", "wird", "werden", "habe", "sei",
                          "seien", "kann", "können", "muss", "müssen", "will", "wollen"})


def _narrative_past(tokens: tuple[Token, ...], clause: int, verb: int) -> bool:
    """The clause tells in the simple past: its verb ``verb`` is a past form ("kritisierte",
    "griff") and no present or perfect auxiliary stands in it."""
    if any(t.clause == clause and t.lower in _PRESENT_AUX for t in tokens):
        return False
    word, lemma = tokens[verb].lower, tokens[verb].lemma
    return word.endswith(("te", "ten")) or (word != lemma and not word.endswith(("t", "en")))


def _pronoun_before(tokens: tuple[Token, ...], p: Participant) -> bool:
    """A subject pronoun opens ``p``'s clause before it ("Er forderte das Parlament auf"):
    ``p`` is then the object, and the pronoun the subject."""
    clause = tokens[p.first].clause
    word = _first_word(tokens, clause)
    return word is not None and any(
        _subject_pronoun(tokens, k) for k in range(word, p.first) if tokens[k].clause == clause)


def _body_of_speaker(tokens: tuple[Token, ...], parts: list[Participant],
                     attribution: str | None) -> ActorRef | None:
    """"..., sagte ein Sprecher der ungarischen Regierung": a speaker named by an unlinked
    noun speaks for the body in its genitive right after it."""
    if attribution is None or " " in attribution:
        return None
    for k, t in enumerate(tokens):
        if t.text == attribution:
            return next((p.ref for p in parts if 0 < p.first - k <= 3 and p.role == "core"
                         and tokens[k + 1].lower in ("der", "des")
                         and all(_adjective_like(w) or w.lower in ("der", "des")
                                 for w in tokens[k + 1 : p.first])), None)
    return None


_FIRST_PERSON = frozenset({"ich", "wir"})


def _first_person_subject(tokens: tuple[Token, ...], clause: int) -> bool:
    """``clause`` has "ich" or "wir": always nominative, so its subject."""
    return any(t.lower in _FIRST_PERSON and t.clause == clause for t in tokens)


# forms of "sein" that, with the participle of a verb of acting on someone, say what state
# the subject is in: "Wir sind bedroht", "Wir sind alle gefordert" (not "Wir sind gereist")
_STATIVE_AUXILIARIES = frozenset({"bin", "sind", "ist", "sei", "seien", "war", "waren"})
_DONE_TO_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "COERCE", "ASSAULT", "SANCTION"})


def _stative_passive(tokens: tuple[Token, ...], trig: Trigger) -> bool:
    """The verb trigger is a participle after a form of "sein" in its clause, of a verb
    that acts on its object ("Wir sind gefordert": the speaker is the one asked)."""
    clause = tokens[trig.index].clause
    return trig.entry.type in _DONE_TO_TYPES and tokens[trig.index].text[:1].islower() \
        and any(t.lower in _STATIVE_AUXILIARIES and t.clause == clause
                for t in tokens[: trig.index])


_FIRST_PERSON_OBJECTS = frozenset({"uns", "mich", "mir"})


def _first_person_object(tokens: tuple[Token, ...], clause: int) -> bool:
    """``clause`` has "uns", "mich" or "mir" (asked only of a clause without "ich"/"wir",
    where they are no reflexives)."""
    return any(t.lower in _FIRST_PERSON_OBJECTS and t.clause == clause for t in tokens)


def _said_of_self(tokens: tuple[Token, ...], trig: Trigger) -> bool:
    """The trigger's clause is "dass er ..." or "ob sie ...", or the sentence opens with
    the pronoun ("Er werde Putin treffen, sagte Trump"): what a speaker says of someone,
    most often of themselves."""
    clause = tokens[trig.index].clause
    if clause == 0 and (tokens[0].lower in _SUBJECT_PRONOUNS or tokens[0].lower == "man") \
            and 1 < len(tokens) \
            and not trig.passive and _singular_verb(tokens[1]) and trig.index > 0:
        return True
    word = _first_word(tokens, clause)
    if word is not None and clause > 0 \
            and (tokens[word].lower in ("er", "sie", "man") or _body_pronoun(tokens, word)) \
            and word + 1 < len(tokens) and _singular_verb(tokens[word + 1]) and not trig.passive:
        # "Trump erklärte, er habe die Einigung vermittelt"; a body's "man" or "es": "Das
        # Ministerium erklärte, man habe 45 Drohnen abgeschossen"
        return True
    return word is not None and tokens[word].lower in ("dass", "ob") \
        and _pronoun_after_subordinator(tokens, word, trig.index)


# verbs whose "es" is no one: "es gebe keine Beweise", "es sei zu Kämpfen gekommen", "es
# gehe um Sicherheit", "es heiße", "es gelte, ..."
_IMPERSONAL_VERBS = frozenset({"geben", "kommen", "gehen", "heißen", "gelten"})


def _body_pronoun(tokens: tuple[Token, ...], k: int) -> bool:
    """"es" opening a clause after the first before a finite verb of the singular: a neuter
    body's words of itself ("Das Außenministerium teilte mit, es betrachte die Attacken als
    Provokation"), unless the clause's verb takes an empty "es" ("es habe Bombardierungen
    gegeben")."""
    if tokens[k].lower != "es" or tokens[k].clause == 0 or k + 1 >= len(tokens):
        return False
    clause = tokens[k].clause
    verb = tokens[k + 1]
    return verb.clause == clause and _singular_verb(verb) and (
        verb.lower in _AUX_AND_MODALS or verb.lower in _REPORTED_FINITE
        or modality.verb_form(verb)) and not any(
        t.clause == clause and t.lemma in _IMPERSONAL_VERBS for t in tokens[k + 1:])


def _pronoun_as_subject(tokens: tuple[Token, ...], k: int) -> bool:
    """Token ``k`` is a subject pronoun: "er", "sie", "man", or a body's "es"."""
    return _subject_pronoun(tokens, k) or tokens[k].lower == "man" or _body_pronoun(tokens, k)


def _singular_verb(t: Token) -> bool:
    """A finite verb of the third person singular ("werde", "hat", "will"), not a plural
    ("Sie würden ... teilen, sagte Cook": they, not the speaker)."""
    return t.text[:1].islower() and not _plural_form(t)


# Singular finite auxiliaries and modals: "Die Bundesanwaltschaft hat", "Die Regierung will"
_SINGULAR_AUXILIARIES = frozenset({
    "hat", "hatte", "ist", "war", "wird", "wurde", "will", "wollte", "soll", "sollte", "kann",
    "konnte", "muss", "musste", "darf", "durfte"})


def _singular_verb_after(tokens: tuple[Token, ...], parts: list[Participant], src: ActorRef) -> bool:
    """The subject ``src`` opens its sentence and a singular auxiliary follows it."""
    p = next((p for p in parts if p.ref is src), None)
    return p is not None and _first_word(tokens, tokens[p.first].clause) in (
        p.first, p.first - 1) and p.last + 1 < len(tokens) \
        and tokens[p.last + 1].lower in _SINGULAR_AUXILIARIES


def _plural_form(t: Token) -> bool:
    """The word has the form of a plural verb ("eroberten", "haben", "sind")."""
    return t.lower.endswith("en") or t.lower == "sind"


def _object_relative_antecedent(
    tokens: tuple[Token, ...], parts: list[Participant], clause: int
) -> Participant | None:
    """For a clause ", der er ...", ", denen sie ...": the actor right before the comma, the
    relative pronoun's antecedent and the clause's object (``_NO_SOURCE`` when it is no
    actor); None for any other clause."""
    word = _first_word(tokens, clause)
    if word is None or word == 0 or tokens[word].lower not in _OBJECT_RELATIVES \
            or not _pronoun_after_subordinator(tokens, word, len(tokens)):
        return None
    comma = word - 1
    before = next((p for p in reversed(parts) if p.last < comma), None)
    return before if before is not None and comma - before.last <= 1 else _NO_SOURCE


def _pronoun_subject(tokens: tuple[Token, ...], trig: Trigger, memo: _Memo | None = None) -> bool:
    """The clause's subject is a pronoun: "Sie beklagten", "..., warnte sie"."""
    clause = tokens[trig.index].clause
    word = (memo or _Memo()).get("first word", clause, lambda: _first_word(tokens, clause))
    if word is None:
        return False
    if _pronoun_as_subject(tokens, word) and word < trig.index:
        return True  # ("..., man habe 45 ukrainische Drohnen abgeschossen": not the drones)
    if _pronoun_after_modal(tokens, word, trig.index) is not None:
        return True  # "In Bolivien will er die Haftanstalt Palmasola besuchen"
    if not trig.passive and _pronoun_after_subordinator(tokens, word, trig.index):
        return True  # "nachdem er Russland kritisiert hatte" (but "bevor er verhaftet wurde")
    after = trig.index + 1
    return after < len(tokens) and _subject_pronoun(tokens, after) and tokens[
        after].clause == clause


def _man_after_finite(tokens: tuple[Token, ...], clause: int, after: int) -> bool:
    """"man" follows a finite verb after token ``after`` in the clause ("Polen muss man")."""
    return any(t.lower == "man" and t.clause == clause and k - 1 > after
               and tokens[k - 1].text.islower() and tokens[k - 1].clause == clause
               for k, t in enumerate(tokens[after + 1:after + 4], start=after + 1))


def _man_subject(tokens: tuple[Token, ...], trig: Trigger) -> bool:
    """The trigger's clause opens with "man": a speaker's own side, or anyone, never the
    subject of the sentence before."""
    word = _first_word(tokens, tokens[trig.index].clause)
    return word is not None and tokens[word].lower == "man"


def _relative_agent(tokens: tuple[Token, ...], parts: list[Participant], i: int) -> list[Participant] | None:
    """The subject of an object relative clause right after the noun phrase of the noun at
    ``i``: ", den Erdogan am Mittwoch begann"."""
    clause = tokens[i].clause
    k = i + 1
    while k < len(tokens) and tokens[k].clause == clause and k - i <= 6:
        k += 1
    # only the unambiguous cases: with "die"/"das" the actor may be the object ("die Russland
    # treffen")
    if k + 2 >= len(tokens) or k - i > 6 or tokens[k].text != "," or tokens[k + 1].lower not in (
            "den", "dem"):
        return None
    subject = next((p for p in parts if p.first == k + 2 and p.role == "core"), None)
    return [subject] if subject is not None else None


def _was_clause(tokens: tuple[Token, ...], clause: int) -> bool:
    """The clause is a relative clause on the whole clause before: ", was Moskau bestreitet"."""
    word = _first_word(tokens, clause)
    return word is not None and word > 0 and tokens[word].lower == "was" and tokens[word - 1].text == ","


def _own_country_subject(tokens: tuple[Token, ...], clause: int) -> bool:
    """The clause opens with "Sein Land", "Ihre Regierung": a possessive stand-in for a state."""
    word = _first_word(tokens, clause)
    return word is not None and word + 1 < len(tokens) and tokens[word].lower in (
        "sein", "seine", "ihr", "ihre") and tokens[word + 1].lemma in ("land", "regierung", "staat")


def _pronoun_after(tokens: tuple[Token, ...], trig: Trigger) -> bool:
    """A subject pronoun right after the verb: "Zudem warf er ..."."""
    after = trig.index + 1
    return after < len(tokens) and _subject_pronoun(tokens, after) and tokens[
        after].clause == tokens[trig.index].clause


_FIRST_WORDS: tuple[tuple[Token, ...] | None, dict[int, int]] = (None, {})


def _passive_clause(tokens: tuple[Token, ...], clause: int) -> bool:
    """A passive auxiliary and a ge-participle in one clause ("seien ... getötet worden"),
    also when an enumeration's comma split it ("seien Zivilisten mit Macheten, Hämmern und
    Messern angegriffen ... worden")."""
    last = clause
    while _enumeration_goes_on(tokens, last + 1):
        last += 1
    words = [t for t in tokens if clause <= t.clause <= last]
    return any(t.lower in _PASSIVE_AUX for t in words) and any(
        _ge_participle(t.lower, t.lemma) for t in words)


def _enumeration_goes_on(tokens: tuple[Token, ...], clause: int) -> bool:
    """Clause ``clause`` opens with the comma of a list of nouns (", Hämmern und Messern")."""
    first = next((k for k, t in enumerate(tokens) if t.clause == clause), None)
    if first is None or tokens[first].text != "," or first + 2 >= len(tokens):
        return False
    noun = tokens[first + 1]
    return noun.noun and noun.lower not in _DETERMINERS and any(
        t.lower in ("und", "oder", "sowie", ",") for t in tokens[first + 2:first + 4])


def _participle_agent(tokens: tuple[Token, ...], p: Participant, trigger: int) -> bool:
    """A von-phrase followed by an attributive participle other than the trigger is that
    participle's agent: "in der von Kurden bewohnten Provinz ... eingeleitet" (the Kurds
    live there; they did not open the case)."""
    if p.prep not in ("von", "vom"):
        return False
    for k in range(p.last + 1, min(p.last + 4, len(tokens) - 1)):
        t = tokens[k]
        if k == trigger or t.clause != tokens[p.last].clause:
            return False  # (", sagte Selenskyj" is no participle before its noun)
        if t.text[:1].islower() and t.lower.endswith(ATTRIBUTIVE_ENDINGS) and (
                tokens[k + 1].noun or _adjective_like(tokens[k + 1])):
            return k != trigger
    return False


def _first_word(tokens: tuple[Token, ...], clause: int) -> int | None:
    """Index of the first word of ``clause``; one pass per sentence (cached for the last
    sentence seen), not one per call: the rules ask it for every trigger."""
    global _FIRST_WORDS
    cached = _FIRST_WORDS
    if cached[0] is not tokens:
        firsts: dict[int, int] = {}
        for k, t in enumerate(tokens):
            if t.text[:1].isalpha():
                firsts.setdefault(t.clause, k)
        cached = _FIRST_WORDS = (tokens, firsts)
    return cached[1].get(clause)


def _relative_antecedent(
    tokens: tuple[Token, ...], trig: Trigger, parts: list[Participant]
) -> Participant | None:
    """In "..., Putin, der im Dezember Assad aufgenommen hat" the subject is the antecedent."""
    clause = tokens[trig.index].clause
    idx = [k for k, t in enumerate(tokens) if t.clause == clause]
    # the clause starts with its comma: ", der ..."
    if len(idx) < 3 or tokens[idx[0]].text != "," or tokens[idx[1]].lower not in _RELATIVE:
        return None
    if tokens[idx[1]].lower in ("den", "dem"):
        # an accusative or dative pronoun is never the subject: "einen Sabotageakt, den die
        # Regierung Russland zuschreibt" names its own
        return None
    follower = tokens[idx[2]]
    # ", der im Dezember ..." is a relative clause, ", der Ministerpräsident habe" an article
    if follower.text[:1].isupper() or (follower.lower not in ALL_PREPS and follower.lower
                                       not in _DETERMINERS and follower.lower.endswith(
                                           ("e", "en", "er", "es", "em"))):
        return None
    comma = idx[0]
    if _antecedent_of_relative(tokens, comma - 1, trig.index) \
            and tokens[comma - 1].lemma.endswith(trig.entry.lemma) \
            and tokens[trig.index].lemma != trig.entry.lemma:
        # "die Zölle, die die USA gegen Indien verhängt haben": the antecedent is the act
        # noun the light verb took as its object, so the clause names its own subject
        return None
    before = [p for p in parts if p.last < comma and comma - 1 - p.last <= 2]
    if before and before[-1].role == "place":
        # "der israelische UNO-Botschafter in Genf, der ...": the head, not the place
        head = [p for p in parts if p.last < before[-1].first and before[-1].first - p.last <= 4
                and p.role == "core"]
        before = head
    # an antecedent that is no actor still is the subject: the event has no known source
    return before[-1] if before else _NO_SOURCE


def _pairs(
    src: list[ActorRef], tgt: list[ActorRef], entry: TriggerEntry
) -> list[tuple[ActorRef | None, ActorRef | None]]:
    if not src and not tgt:
        return []
    if len(src) > 1 and not tgt and is_symmetric(entry.type) and entry.mode != "third-party":
        # "Russland und Venezuela haben eine Partnerschaft geschlossen": each pair once (but
        # "von Ägypten, Katar und der Türkei vermittelt": mediators are not each other's parties)
        return [(a, b) for k, a in enumerate(src) for b in src[k + 1 :]]
    if len(src) > 1 and not tgt and entry.frame == "sym":
        # "Die Ukraine und Russland tauschten Gefangene aus": a mutual act of a directed type
        # goes both ways
        return [(a, b) for a in src for b in src if a is not b]
    sources: list[ActorRef | None] = list(src) or [None]
    targets: list[ActorRef | None] = list(tgt) or [None]
    return [(s, t) for s in sources for t in targets]


def _first(groups: list[list[Participant]], roles: tuple[str, ...]) -> list[Participant] | None:
    for g in groups:
        if g[0].role in roles:
            return g
    return None


_DIRECTION_PREPS = frozenset({"für", "nach", "an", "gegen", "auf"})


def _seat_of_other(
    tokens: tuple[Token, ...], groups: list[list[Participant]], place: list[Participant],
    src: list[Participant] | None,
) -> bool:
    """The place is where another side of the clause sits ("Die Regierung in Warschau
    reagierte auf ein Manöver Russlands"), a phrase on that side's noun: not where the act
    is aimed."""
    # (a side named as the source is, "Die Regierung der Region warf der Regierung in Kiew
    # vor", is no other side: its place is all that tells the target apart)
    same = src[0].ref.actor_id if src else None
    return any(h is not src and h is not place and h[0].role == "core" and _attached(tokens, h[-1], place[0])
               and (same is None or h[0].ref.actor_id != same) for h in groups)


def _attached(tokens: tuple[Token, ...], head: Participant, p: Participant) -> bool:
    """``p`` is a prepositional phrase on ``head``'s noun: only prepositions and articles
    (or capitalised nouns) stand between them, no verb. A state or place takes no such
    phrase: in "die Partner USA, Russland und Deutschland mit dem Iran geeinigt" the
    phrase is the verb's."""
    if head.ref.sector is None and not (head.ref.actor_id or "").startswith(
            ("lb:people:", "lb:per:")):
        return False
    between = tokens[head.last + 1 : p.first]
    if between and between[0].lower not in ALL_PREPS and p.prep in _DIRECTION_PREPS:
        # "will Trump Truppen nach Polen entsenden", "will Washington die Militärhilfe für Kiew
        # einfrieren": an object between, whose direction is the act's (not "den Einsatz
        # von US-Bodentruppen", "dem im US-Exil lebenden Prediger": the object's own phrase)
        return False
    return 0 < len(between) <= 3 and all(
        t.lower in ALL_PREPS or t.lower in _DETERMINERS or t.text[:1].isupper() for t in between)


def _named(ref: ActorRef) -> bool:
    """An actor named by its name, not by a role or group noun ("Trump", not "der
    Sonderberichterstatter" or "Vertreter"), whose noun takes no prepositional phrase."""
    return ref.actor_id is not None and not ref.actor_id.startswith(
        ("lb:grp:", "lb:role:", "lb:people:"))


def _role_index(groups: list[list[Participant]]) -> dict[str, list[int]]:
    """The positions of the groups of each role, in order."""
    index: dict[str, list[int]] = {}
    for k, g in enumerate(groups):
        index.setdefault(g[0].role, []).append(k)
    return index


def _in_roles(
    groups: list[list[Participant]], roles: tuple[str, ...], by_role: dict[str, list[int]] | None
) -> Iterable[list[Participant]]:
    """The groups whose role is in ``roles``, in order; ``by_role`` (``_role_index(groups)``)
    spares a scan of all groups for every trigger of a long clause."""
    if by_role is None:
        return (g for g in groups if g[0].role in roles)
    return (groups[k] for k in heapq.merge(*(by_role.get(r, []) for r in roles)))


def _shared_next_target(
    memo: _Memo, clause: int, groups: list[list[Participant]], src: list[Participant] | None,
    entry: TriggerEntry, tokens: tuple[Token, ...], by_role: dict[str, list[int]] | None,
) -> list[Participant] | None:
    """:func:`_next_target`, computed once per clause, source and kind of act: the answer does
    not depend on where the trigger stands, and a clause of many triggers sharing one source
    ("Polen zu unterstützen und Polen zu unterstützen und ...") rescanned every group for each
    of them (quadratic). Only for the clause's own groups (``by_role`` given)."""
    if by_role is None:
        return _next_target(groups, src, entry, tokens, by_role)
    # The memo keeps ``src`` alive, so its id cannot be reused by another group meanwhile.
    key = f"next target {id(src)} {entry.type} {entry.mode == 'visit'}"
    kept, target = memo.get(key, clause, lambda: (src, _next_target(groups, src, entry, tokens, by_role)))
    assert kept is src
    return target


def _next_target(
    groups: list[list[Participant]], src: list[Participant] | None, entry: TriggerEntry,
    tokens: tuple[Token, ...] = (), by_role: dict[str, list[int]] | None = None,
) -> list[Participant] | None:
    # Symmetric acts name their partner with "mit"; other acts take the object first, then a
    # prepositional target. A phrase hanging on the source itself ("der Sonderberichterstatter
    # für die Palästinensergebiete") is not the target.
    # An attack's mit-phrase is a companion or an instrument ("fliegen mit Unterstützung
    # Großbritanniens Luftangriffe", "griffen mit Drohnen an"), never the target.
    mutual = is_symmetric(entry.type) and entry.mode != "visit" and _partners_of_each_other(src)
    order: tuple[tuple[str, ...], ...] = (
        # "Israel und die Hamas einigten sich auf ein Abkommen für den Gazastreifen": two
        # states named together are each other's partners, not partners of what it is for
        (("partner",), ("core",)) if mutual
        else (("partner",), ("core",), ("target",)) if is_symmetric(entry.type)
        or entry.frame == "sym"  # ("lieferte sich Gefechte mit den Taliban": the other side)
        else (("core",), ("target",)) if entry.type == "ASSAULT"
        else (("core",), ("target", "partner")))
    if entry.mode == "visit" or entry.type in _PLACE_IS_TARGET | _PLACE_AS_LAST_RESORT and not mutual:
        # "Kerry traf in Jordanien ...", "verurteilte den Angriff in der syrischen Stadt" (but
        # in "Trump und Xi trafen sich in Seoul" they met each other, not South Korea)
        order = order + (("place",),)
    if entry.mode == "withdraw":
        order = order + (("source",),)  # "rief seinen Botschafter aus Washington zurück"
    if entry.type in ("AID", "SANCTION") and tokens:
        # "Soldaten in die Ukraine entsenden", "beschränkte die Ausfuhr in die USA": where it goes
        order = order + (("place",),)
    if not is_symmetric(entry.type) or entry.lemma in _ACCEPTING_VERBS:
        # last resort: a von-phrase inside the object ("kritisierten die Leistung der von
        # Russland gelieferten Systeme", "akzeptierte den Friedensplan von Trump")
        order = order + (("agent", "attr"),)
    for roles in order:
        for g in _in_roles(groups, roles, by_role):
            if src is not None and (g is src or g[0].ref.actor_id is not None
                                    and g[0].ref.actor_id == src[0].ref.actor_id):
                continue  # the source itself, or the same actor named again
            if src is not None and g[0].first < src[0].first and (
                    g[0].role != "core" or tokens and _genitive_attribute(tokens, g[0].first)):
                continue  # (nor "des Europarats" in "der Kommissar des Europarats, Muiznieks")
            if g[0].role != "core" and tokens and _in_reason_phrase(tokens, g[0]):
                continue  # "wegen Spionage für Israel hingerichtet": the charge's, not the act's
            if roles == ("place",) and tokens and _seat_of_other(tokens, groups, g, src):
                continue
            if src is not None and g[0].role != "core" and entry.type not in _PLACE_IS_TARGET \
                    and _attached(tokens, src[-1], g[0]) and not (
                        g[0].prep == "gegen" and entry.pos == "V"
                        and entry.type not in _COOPERATIVE_TYPES) and not (
                        g[0].role == "partner" and entry.pos == "V" and _named(src[-1].ref)):
                # (but a verb of conflict takes its "gegen" whatever stands before it: "In
                # Georgien protestierten Demonstranten gegen die Regierung"; and a name takes
                # no mit-phrase: "Am Montag telefonierte Trump mit Putin")
                continue
            if entry.type == "SANCTION" and entry.mode != "convict" and src is not None \
                    and g[0].ref.country and g[0].ref.country == src[0].ref.country:
                # "schließt die österreichischen Botschaften in Malta": its own missions (but a
                # court convicts its own citizens)
                continue
            if roles == ("place",) and entry.type in ("AID", "SANCTION") \
                    and not _direction(tokens, g[0]) \
                    and not (entry.type == "SANCTION" and g[0].ref.sector == "IGO") \
                    and not (entry.type == "SANCTION" and entry.mode == "discontinue"
                             and entry.lemma == "schließen"):
                # (a membership "in der OVKS" frozen is frozen for the organisation; a mission
                # closed "in Malta" is closed to Malta)
                continue  # (help given in a place goes to nobody in particular)
            if g[0].prep == "zu" and is_symmetric(entry.type) and entry.mode != "visit":
                continue  # "kommt zu einer Krisensitzung zu Griechenland zusammen": the topic
            if roles == ("place",) and is_symmetric(entry.type) and entry.mode != "visit" \
                    and _in_topic_phrase(tokens, g[0].first):
                continue  # "wollen über die Lage in der Ukraine beraten": where the topic is
            if g[0].prep == "zwischen" and not is_symmetric(entry.type) and entry.pos == "V" \
                    and any(t.lower == "über" for t in tokens[max(0, g[0].first - 6):g[0].first]):
                # "dementierte Berichte über ein Treffen zwischen Putin und Selenskyj": the
                # parties of what is reported, not whom the verb's act is aimed at (but who
                # met is criticised: "kritisierte die Gespräche zwischen Trump und Selenskyj")
                continue
            if g[0].prep == "gegen" and entry.type in _COOPERATIVE_TYPES and entry.mode != "ease":
                # "bildete 17.000 Jugendliche für den Kampf gegen Israel aus": whom help or
                # backing is against is no recipient of it (but sanctions "gegen Belarus"
                # lifted are lifted for Belarus)
                continue
            return g
    return None


# Prepositions of a reason: what their phrase names is why, not whom an act is aimed at
_REASON_PREPS = frozenset({"wegen", "aufgrund"})


def _in_reason_phrase(tokens: tuple[Token, ...], p: Participant) -> bool:
    """``p``'s prepositional phrase hangs on a noun of a reason phrase: "wegen angeblicher
    Spionage für Israel", "wegen Verbindungen zur Hamas"."""
    k = _prep_index(tokens, p) - 1
    if k < 1 or not tokens[k].noun:
        return False
    for j in range(k - 1, max(-1, k - 4), -1):  # one noun phrase: "wegen (der) (angeblichen) X"
        t = tokens[j]
        if t.lower in _REASON_PREPS:
            return True
        if t.clause != tokens[p.first].clause or not (_adjective_like(t) or t.lower in _DETERMINERS):
            return False
    return False


def _direction(tokens: tuple[Token, ...], p: Participant) -> bool:
    """``p``'s phrase is "in" with the accusative: where something goes ("in die Ukraine",
    "in den Libanon"), not where it is ("in der Ukraine")."""
    k = _prep_index(tokens, p)
    return tokens[k].lower == "in" and k + 1 < len(tokens) and tokens[k + 1].lower in (
        "die", "den", "das")


def _partners_of_each_other(src: list[Participant] | None) -> bool:
    """A coordinated subject of two states or more: the partners of a symmetric act."""
    return src is not None and len({p.ref.country for p in src if p.ref.country}) > 1


# Verbs that judge what their object names: praise, criticism, rejection
_JUDGING_TYPES = frozenset({"SUPPORT", "ACCUSE", "REJECT"})
# Verbs against another's act, whose definite act noun names the act of the sentence before
_OPPOSING_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST"})
# Prepositions of the setting an act took place in ("in einem Telefonat", "beim Treffen")
_SETTING_PREPS = modality.SETTING_PREPS
# Denials: what follows them is the claim denied, not whom they rebuff ("bestreitet,
# Russland mit Raketen beliefert zu haben", "dementierte, dass chinesische Firmen ...")
_DENIAL_VERBS = frozenset({"bestreiten", "dementieren", "leugnen", "abstreiten"})
# Acts of words, which exist once said, whether or not they are refused
_CLAIM_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT"})

_COOPERATIVE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
                                "RETREAT"})
# acts whose clause may name their target before them though their doer is their genitive
_TARGET_BEFORE_GENITIVE_DOER_TYPES = _COOPERATIVE_TYPES | _CLAIM_TYPES


def _addressee_before(
    tokens: tuple[Token, ...], parts: list[Participant], trig: Trigger, src: ActorRef,
    sources_at: dict[int, ActorRef], targets_at: dict[int, ActorRef], memo: _Memo,
) -> ActorRef | None:
    """The target of the last act before ``trig`` of the subject its clause shares with the
    clause before ("Die USA begrüßten den Schritt, forderten aber freie Wahlen": of the
    welcome), if ``src`` did that act."""
    clause = tokens[trig.index].clause
    verbs: frozenset[int] = memo.get("verb triggers", -1, frozenset)
    if memo.get("shared subject", clause, lambda: _shared_subject(tokens, parts, verbs, clause)) is None:
        return None
    before = [k for k in targets_at if k < trig.index and tokens[k].clause < clause]
    if not before:
        return None
    last = max(before)
    if _actor_key(sources_at[last]) != _actor_key(src):
        return None
    return targets_at[last]


def _subject_from_other_clauses(
    others: list[Participant], tokens: tuple[Token, ...], trig: Trigger
) -> list[Participant] | None:
    # A subordinate/infinitive clause takes its subject from the main clause before it.
    # (not an object or genitive: "Den Vorschlag des Ministeriums, ..., lehnte Platter ab")
    before = next((p for p in others if p.last < trig.index and p.role == "core"
                   and not _oblique(tokens, p)), None)
    return [before] if before is not None else None


_GROUP_INDEX: tuple[list[list[Participant]] | None, list[int], int | None] = (None, [], None)


def _group_index(groups: list[list[Participant]]) -> tuple[list[int], int | None]:
    """The groups' start positions and the index of the first core group, computed once per
    groups list (cached for the last one: the triggers of a clause share it), so that a noun
    trigger finds its neighbours by bisection instead of a scan of every group."""
    global _GROUP_INDEX
    cached = _GROUP_INDEX
    if cached[0] is not groups:
        first_core = next((k for k, g in enumerate(groups) if g[0].role == "core"), None)
        cached = _GROUP_INDEX = (groups, [g[0].first for g in groups], first_core)
    return cached[1], cached[2]


def _first_core_before(groups: list[list[Participant]], i: int) -> list[Participant] | None:
    """The first core group, when it ends before token ``i`` (the clause subject)."""
    _, first_core = _group_index(groups)
    if first_core is None or groups[first_core][0].last >= i:
        return None
    return groups[first_core]


def _claim_answered(tokens: tuple[Token, ...], trig: Trigger) -> bool:
    """A charge noun in a gegen-phrase ("wehrt sich gegen die Vorwürfe", "klagt gegen die
    Anschuldigungen"): the clause's subject is the accused answering it, not the accuser."""
    return trig.entry.type == "ACCUSE" and trig.entry.pos == "N" \
        and _governing_prep(tokens, trig.index) == "gegen"


def _nominal(
    trig: Trigger, tokens: tuple[Token, ...], groups: list[list[Participant]], entry: TriggerEntry,
    said_about: bool = False, own_act: bool = False,
) -> tuple[list[Participant] | None, list[Participant] | None]:
    """Source and target of a noun trigger. ``said_about``: the noun is what a verb of
    speech in its clause is about ("China kritisierte die Militärübung"), so the clause's
    subject is not its actor; ``own_act``: a verb of starting, announcing or continuing
    governs it ("startete eine Offensive"), so the subject is."""
    i = trig.index
    if _threatened_act(tokens, i):
        return None, None  # "drohte China mit Strafzöllen": the threat is the event, not the tariffs
    if entry.type == "MOBILIZE" and any("luftraum" in w for w in entry.needs | {entry.lemma}):
        return _airspace_violation(tokens, groups, i)
    if entry.type == "ACCUSE" and i >= 2 and tokens[i - 1].lower in ("die", "der") \
            and tokens[i - 2].lower == "in":
        # "in die Kritik geraten", "steht in der Kritik", "der in die Kritik geratene
        # Regierungschef": who is criticised, by nobody named (not his own criticism)
        return None, None
    src: list[Participant] | None = None
    tgt: list[Participant] | None = None
    destination: list[Participant] | None = None
    victim: list[Participant] | None = None
    src_after = False  # the doer is the noun's own genitive or von-phrase
    starts, _ = _group_index(groups)
    a = bisect_right(starts, i)  # groups[a:] start after the noun
    for g in groups[max(0, a - 3) : a]:  # groups are ordered and do not overlap
        p = g[0]
        if entry.mode == "visit" and p.first == i and "-" in tokens[i].text and p.ref.sector is None:
            # "der China-Besuch Gaucks", "Merkels USA-Reise": a state before a visit noun is
            # where it goes (a person, "Obama-Besuch", is who goes)
            destination = g
            continue
        if entry.type == "SANCTION" and p.first == i and _named_prefix(tokens[i].text) \
                and p.ref.sector is None:
            # "die Russland-Sanktionen", "Iran-Embargo": a state's name before a sanction
            # noun is whom it hits ("US-Sanktionen", "EU-Embargo": an acronym is who imposes)
            victim = g
            continue
        # "US-Angriff", "russische Angriffe", "Russlands Angriffskrieg", "Chinas Xi ..."; a
        # state's adjective right before the noun whatever case the phrase has ("Leidtragende
        # der türkischen Offensive")
        if p.first <= i <= p.last or (p.last < i and i - p.last <= 2 and p.role == "core"
                                       and not said_about
                                       and tokens[i - 1].lower not in ALL_PREPS
                                       and not _object_before_own_phrase(tokens, p, i)) or (
                p.last == i - 1 and p.first == p.last and tokens[p.last].text[:1].islower()
                and (tokens[p.last].lower.endswith(ATTRIBUTIVE_ENDINGS) or p.ref.sector is None)):
            # (a state's adjective right before the noun, whatever the phrase's preposition:
            # "Bei russischen Angriffen auf Kiew"; but "hat zwei britische Diplomaten wegen
            # Spionagevorwürfen ausgewiesen": the phrase before a preposition is not its owner)
            src = g  # (not "Russland lehnte Verhandlungen ab"; but "Trump erhöhte Druck")
    # "zur Unterstützung der syrischen Armee": a purpose; its genitive is the object
    if entry.type in _HITTING_TYPES and _opposed(tokens, i):
        return None, None  # "legte sein Veto gegen neue Sanktionen gegen Russland ein"
    if _claim_answered(tokens, trig):
        return None, None  # "sich gegen die Vorwürfe wehren": the accused answers them
    if entry.type in _COOPERATIVE_TYPES and _governing_prep(tokens, i) == "gegen":
        # "verstoße gegen die Vereinbarungen", "stimmte gegen das Abkommen": what is opposed
        # or broken is no agreement made here
        return None, None
    # a zur-phrase right before its verb is the verb's, neither a purpose nor a goal's
    # attribute: "3 Milliarden Euro für Waffen zur Verfügung stellen"
    zur = i >= 1 and tokens[i - 1].lower in ("zur", "zum")
    idiom = zur and i + 1 < len(tokens) and tokens[i + 1].text.isalpha() \
        and tokens[i + 1].text.islower() and tokens[i + 1].lemma.endswith(("en", "rn", "ln"))
    purpose = zur and not idiom
    if purpose and any(tokens[k].lower in _GOAL_PREPS or tokens[k].lower == "gegen"
                       and entry.type in _COOPERATIVE_TYPES for k in range(max(0, i - 6), i)):
        # "für ein Abkommen zur Freilassung der Geiseln": a goal, not done ("Veto gegen ein
        # Gesetz zur Unterstützung ukrainischer Flüchtlinge": what is opposed is not done)
        return None, None
    nxt = groups[a] if a < len(groups) else None
    if entry.mode in _DONE_TO_PERSON and nxt is not None and nxt[0].prep == "von" \
            and i + 1 < len(tokens) and tokens[i + 1].lower in ("von", "vom") \
            and nxt[0].first - i <= 5:
        # "die Abschiebung von 100 Uiguren durch Thailand", "die Hinrichtung von Clayton
        # Lockett": who it was done to; a durch-phrase after it names who did it
        after = groups[a + 1] if a + 1 < len(groups) else None
        by = after if after is not None and after[0].prep == "durch" \
            and after[0].first - nxt[-1].last <= 4 else None
        return by or src, nxt
    goal = i >= 1 and not idiom and any(tokens[k].lower in _GOAL_PREPS
                                        for k in range(max(0, i - 3), i))
    if goal and is_symmetric(entry.type):
        return None, None  # "Berichte über ein Treffen zwischen Putin und Selenskyj"
    own = _own_phrase_pair(tokens, groups, a, i, entry)
    if own is not None:
        return own
    done_to_genitive = entry.mode in _GENITIVE_IS_TARGET_MODES or entry.lemma in _GENITIVE_IS_TARGET_NOUNS
    if nxt is not None and (nxt[0].first - i <= 3 or nxt[0].first - i <= 5 and _genitive_attribute(
            tokens, nxt[0].first)) and (
            (genitive_is_target(entry.type) or done_to_genitive)
            and (nxt[0].role == "core" or nxt[0].role == "gen" and (
                nxt[0].first == i + 1 or done_to_genitive and _genitive_head(tokens, nxt[0].first) == i))
            and not _closed_phrase_between(tokens, i, nxt[0].first)
            or purpose and nxt[0].role in ("core", "gen")):
        # ("der Beschuss von Stellungen der YPG": the genitive of the hit noun too)
        # "Invasion Venezuelas", "Festnahme des Präsidenten": the genitive is the victim, also
        # of a deed done to a person in a phrase ("reagierte mit der Ausweisung des
        # Botschafters"; but "bei einem Angriff der Allianz" is the attacker's) (and
        # who condemns it is not who did it: "Nordkorea verurteilte den Angriff der USA")
        return src or (None if said_about else _first_core_before(groups, i)), nxt
    if goal:
        return None, None  # "für eine Freilassung", "Gespräche über einen Abzug": not done
    if src is None and nxt is not None:
        first_after = nxt[0]
        # "Besuch des venezolanischen Staatschefs", "Rückendeckung von Xi", "Solidarität aus
        # Peking" (not the genitive of another noun: "Sanktionen gegen Anführer der RSF")
        if first_after.role in ("core", "agent", "source", "attr", "gen") and \
                first_after.first - i <= 4 and not any(
                    _heads_own_phrase(tokens, k) for k in range(i + 1, first_after.first)) \
                and not (first_after.role == "core"
                         and _closed_phrase_between(tokens, i, first_after.first)) \
                and not _genitive_of_later_phrase(tokens, i, first_after) \
                and not _verb_between(tokens, i, first_after.first) \
                and not (first_after.role == "gen" and any(
                    tokens[k].lower in ("auf", "gegen") for k in range(i + 1, first_after.first))):
            # (not a name in the noun's target phrase: "Angriff auf den Flughafen Kiew")
            src = nxt
            src_after = True
            a += 1
    subject_takes_part = not genitive_is_target(entry.type) and entry.type not in SPEECH_TYPES \
        and entry.type != "PROTEST" or entry.type in ("THREATEN", "REJECT") and bool(entry.needs) \
        or own_act
    # (a threat noun that needs its verb, "kündigte Vergeltung an", is the subject's threat;
    # so is a veto: "Orbán hat ein Veto gegen die Hilfen der EU eingelegt")
    attribute = _genitive_attribute(tokens, i)
    if src is None and (subject_takes_part and not attribute and not said_about
                        or _possessive_before(tokens, i) or _copula_between(tokens, groups, i)):
        # the clause subject: "Putin habe bei einem Telefonat mit Maduro ...", "Russland ...
        # durch seinen Angriffskrieg", "Russland gilt als Waffenlieferant". Not for attacks
        # in general: "Ban hat den Angriff verurteilt" does not make Ban the attacker; nor
        # for criticism and demands: "Ungarns Politik steht in der Kritik" (only with a
        # light verb: "Kritik üben", "Forderungen stellen").
        src = _first_core_before(groups, i)
    if destination is not None:
        return src, destination
    if victim is not None:
        # who imposes them is only a genitive or von-phrase right after ("die
        # Russland-Sanktionen der EU"), not the next noun phrase of the clause
        by = nxt if nxt is not None and nxt[0].first - i <= 3 and (
            nxt[0].role in ("agent", "attr", "gen")
            or nxt[0].role == "core" and tokens[nxt[0].first - 1].lower in ("der", "des")) else None
        return by, victim
    # a meeting's or treaty's counterpart is a mit/zwischen phrase or a genitive: "in einem
    # Gespräch mit der Zeitung Kritik an der Regierung üben" meets no government
    roles = {"partner", "core"} if is_symmetric(entry.type) else {"target", "partner", "core"}
    if entry.mode == "visit" or entry.type in _PLACE_IS_TARGET:
        roles.add("place")
    tgt = next((groups[k] for k in range(a, len(groups))
                if (groups[k][0].role in roles or _genitive_in_target_phrase(groups[k][0], roles))
                and groups[k] is not src), None)
    if tgt is None and entry.type == "SANCTION":
        # "Zölle auf Importe aus der EU": whose goods are taxed is hit
        tgt = next((g for g in groups[a:] if g[0].role == "source" and _after_goods(tokens, g[0])),
                   None)
    own_phrase_only = src_after and entry.type not in _TARGET_BEFORE_GENITIVE_DOER_TYPES
    if tgt is None and not attribute and not (said_about and entry.type not in _JUDGING_TYPES):
        # "Putin hat dem Staatschef Maduro seine Unterstützung zugesichert": a dative before
        # (not the subject of a judging verb for an act judged: "Merz verurteilte die
        # russischen Luftangriffe" was no attack on Merz)
        # (not a name set off after the subject's genitive, the same phrase: "sagte der
        # Chefunterhändler der Regierung, Humberto de la Calle, nach den Gesprächen")
        # (nor, for an act that is neither help nor a claim, the clause's phrase before a noun
        # whose doer is its own genitive: "Tusk begründete den Schritt mit den Manövern
        # russischer Truppen"; a place may be: "In der türkischen Grenzstadt ... durch
        # Artilleriebeschuss aus Syrien"; a claim's is whom it is about: "Kuba wies die Vorwürfe
        # Russlands zurück")
        tgt = next((g for g in groups if g[0].last < i and g is not src and g[0].role in roles
                    and not _set_off_after(tokens, src, g)
                    and not (own_phrase_only and g[0].role != "place")
                    and not (g[0].role == "place" and _seat_of_other(tokens, groups, g, src))), None)
    if tgt is None and entry.type in _PLACE_AS_LAST_RESORT and src is not None and len(src) == 1 \
            and src[0].last < i and not entry.lemma.endswith(_GATHERINGS):
        # "ist zu Gesprächen in Peking eingetroffen": where the subject holds talks stands in
        # for its hosts (not for two sides, "Russland und die Ukraine verhandelten in
        # Istanbul", nor a summit's or conference's venue)
        tgt = next((g for g in groups[a:] if g[0].role == "place" and 0 < g[0].first - i <= 3
                    and g[0].ref.country != src[0].ref.country), None)
    return src, tgt


_THREAT_VERBS = frozenset({"drohen", "androhen"})
# Threats whose target may go unnamed: the counterpart of the doer's last act ("Polen
# schloss das Konsulat. Moskau drohte mit Vergeltung / kündigte Gegenmaßnahmen an")
_THREATS_OF_THE_LAST_COUNTERPART = _THREAT_VERBS | {"vergeltung", "gegenmaßnahme", "reaktion",
                                                    "reagieren"}


_HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"})


def _hostile_act_after(
    tokens: tuple[Token, ...], i: int, particles: dict[int, tuple[int, str]]
) -> bool:
    """A word after ``i`` names a hostile act ("angreifen", "einen Angriff")."""
    lex = trigger_lexicon()
    return any(e.type in _HOSTILE_TYPES for k in range(i + 1, len(tokens))
               for e in _entries_for(tokens, k, lex, particles))


def _opens_finite_clause(tokens: tuple[Token, ...], p: Participant) -> bool:
    """``p`` is the subject opening a clause with a finite verb of its own (", Russland
    könne ...", ", dass Russland ..."), not the object of a zu-infinitive (", die Ukraine
    anzugreifen")."""
    clause = tokens[p.first].clause
    if modality.clause_infinitive(tokens, clause) is not None:
        return False
    head = _first_word(tokens, clause)
    if head is None:
        return False
    if tokens[head].lower in _SUBORDINATORS:
        head += 1
    return all(tokens[k].lower in _DETERMINERS or _adjective_like(tokens[k])
               for k in range(head, p.first))


def _first_speech_verb(
    tokens: tuple[Token, ...], clause: int, particles: dict[int, tuple[int, str]]
) -> int | None:
    """The index of the clause's first verb of speech ("forderten die Freilassung", "lehnte
    Verhandlungen ab"): a noun after it is what is said, not the subject's act. A light verb
    ("Kritik üben") is not one: it makes the noun the subject's own act. Once per clause."""
    lex = trigger_lexicon()
    for k, t in enumerate(tokens):
        if t.clause == clause and t.text[:1].islower() and any(
                e.pos == "V" and e.type in SPEECH_TYPES and e.light is None
                and not e.announced  # ("reagierte mit Vergeltungszöllen": an act, no speech)
                for e in lex.get(modality.verb_lemma(tokens, k, particles), ())):
            return k
    return None


def _genitive_attribute(tokens: tuple[Token, ...], i: int) -> bool:
    """The noun at ``i`` is the genitive of another noun ("der Drahtzieher der Pariser
    Anschläge", "die Folgen der Sanktionen"): its actors are in its own phrase, not the
    clause's subject or objects."""
    k = i - 1
    if k > 0 and tokens[k].text[:1].isupper() and tokens[k].lower.endswith("er"):
        k -= 1  # a town's adjective: "der Pariser Anschläge"
    while k > 0 and _adjective_like(tokens[k]) and tokens[k].lower not in _GENITIVE_ARTICLES:
        k -= 1  # "der mutmaßlichen ..." ("des" looks like an inflected adjective)
    return k > 0 and tokens[k].lower in _GENITIVE_ARTICLES and tokens[k - 1].noun \
        and tokens[k - 1].clause == tokens[i].clause


def _genitive_head(tokens: tuple[Token, ...], i: int) -> int | None:
    """The noun whose genitive attribute the noun at ``i`` is ("Abbruch" for "der
    Handelsgespräche" in "dem Abbruch der Handelsgespräche"), if any."""
    if not _genitive_attribute(tokens, i):
        return None
    k = i - 1
    while k > 0 and not tokens[k].noun:
        k -= 1
    return k if k < i and tokens[k].noun else None


def _named_prefix(word: str) -> bool:
    """A compound whose first part is a written-out name ("Russland-Sanktionen"), not an
    acronym ("US-Sanktionen", "EU-Embargo")."""
    head, dash, _ = word.partition("-")
    return bool(dash) and len(head) > 1 and not head.isupper()


_THREAT_CLAUSES: tuple[tuple[Token, ...] | None, frozenset[int], frozenset[int]] = (
    None, frozenset(), frozenset())
# what one warns of or fears is no act done: "warnte vor einer US-Intervention"
_WARNINGS = frozenset({"warnen", "warnung", "angst", "sorge", "befürchtung"})


def _threatened_act(tokens: tuple[Token, ...], i: int) -> bool:
    """A noun in the mit-phrase of a threat ("drohte mit Sanktionen", "mit einem Angriff
    gedroht") or the vor-phrase of a warning ("warnte vor einer US-Intervention") names what
    is threatened or feared, which has not happened."""
    preps = {tokens[k].lower for k in range(max(0, i - 3), i)}
    if "mit" not in preps and "vor" not in preps:
        # "mit dem Abbruch der Handelsgespräche": the genitive of a threatened act is part of it
        head = _genitive_head(tokens, i)
        return head is not None and _threatened_act(tokens, head)
    global _THREAT_CLAUSES
    # The clauses holding a threat or warning verb, found once per sentence (cached for the last
    # one, like _group_index): a scan per noun would be quadratic in a long sentence of phrases.
    if _THREAT_CLAUSES[0] is not tokens:
        _THREAT_CLAUSES = (
            tokens, frozenset(t.clause for t in tokens if t.lemma in _THREAT_VERBS),
            frozenset(t.clause for t in tokens if t.lemma in _WARNINGS))
    return "mit" in preps and tokens[i].clause in _THREAT_CLAUSES[1] \
        or "vor" in preps and tokens[i].clause in _THREAT_CLAUSES[2]


def _own_phrase_pair(
    tokens: tuple[Token, ...], groups: list[list[Participant]], a: int, i: int, entry: TriggerEntry
) -> tuple[list[Participant], list[Participant] | None] | None:
    """Both sides named in the noun's own phrase, which then outranks the clause's subject.

    "die Angriffe Israels auf den Gazastreifen", "Sanktionen der USA gegen den Iran": a
    genitive followed by the act's target phrase is its doer, even for acts whose lone genitive
    names the victim. "die Einigung zwischen Serbien und dem Kosovo": a symmetric act between
    two named sides. "Russland verurteilte die Angriffe Israels ..." does not make Russia the
    attacker.
    """
    if a >= len(groups):
        return None
    nxt = groups[a]
    head = nxt[0]
    if is_symmetric(entry.type) and len(nxt) >= 2 and tokens[head.first - 1].lower == "zwischen" \
            and head.first - i <= 3:
        return [nxt[0]], nxt[1:]
    if head.role != "core" or head.first - i > 3:
        return None
    after = groups[a + 1] if a + 1 < len(groups) else None
    if after is not None and after[0].role == "target" and after[0].first - nxt[-1].last <= 4:
        return nxt, after
    k = nxt[-1].last + 1
    if entry.type == "ASSAULT" and k + 1 < len(tokens) and tokens[k].lower in ("auf", "gegen") \
            and tokens[k + 1].lower not in ("dem", "der") \
            and tokens[head.first - 1].lower in ("der", "des"):
        # "die Angriffe der USA auf Boote in der Karibik": the act's target phrase names no
        # actor, and the genitive before it is still the doer, not the victim
        return nxt, None
    return None


def _mentions_collective(tokens: tuple[Token, ...], clause: int, memo: _Memo | None = None) -> bool:
    """"beide Seiten", "beiden Länder" in ``clause``."""
    if memo is not None:
        return memo.get("collective", clause, lambda: _mentions_collective(tokens, clause))
    nouns = _collective_nouns()
    for k, t in enumerate(tokens[:-1]):
        if t.clause == clause and t.lower in ("beide", "beiden", "beider"):
            nxt = tokens[k + 1]
            if nxt.lemma in nouns or nxt.lower.rstrip("ns") in nouns or nxt.lower in nouns:
                return True
            if _both_pronoun(tokens, clause):
                return True  # "Beide bekräftigten ihre Unterstützung": the two just named
    return False


def _sides_taken_up(
    doc: Document, sentence: Sentence, tokens: tuple[Token, ...], triggers: list[Trigger],
    context: Context, memo: _Memo,
) -> list[ActorRef]:
    """Who "beide Seiten" in a trigger's clause stands for: the two sides of the last dyadic
    event, else the two states named most. A bare "Beide" takes up only the former ("Beide
    fordern eine stärkere Autonomie Korsikas" are two parties, not two states)."""
    clauses = {tokens[t.index].clause for t in triggers
               if _mentions_collective(tokens, tokens[t.index].clause, memo)}
    if not clauses:
        return []
    if context.opposed and any(_names_sides(tokens, c) for c in clauses):
        return list(context.opposed)
    if context.pair:
        return list(context.pair)
    if all(_both_pronoun(tokens, c) for c in clauses):
        return []
    return _collective(doc, sentence.end)


def _names_sides(tokens: tuple[Token, ...], clause: int) -> bool:
    """"beide Seiten" (not "beide Länder") in ``clause``."""
    return any(t.clause == clause and t.lower in ("beide", "beiden", "beider")
               and tokens[k + 1].lower.startswith("seite") for k, t in enumerate(tokens[:-1]))


def _both_pronoun(tokens: tuple[Token, ...], clause: int) -> bool:
    """The clause opens with "Beide" as its subject, a verb after it."""
    k = _first_word(tokens, clause)
    return k is not None and k + 1 < len(tokens) and tokens[k].text == "Beide" \
        and tokens[k + 1].text[:1].islower() and tokens[k + 1].text.isalpha()


def _collective(doc: Document, upto: int) -> list[ActorRef]:
    """The two states the article has mentioned most before offset ``upto``."""
    counts: Counter[str] = Counter()
    refs: dict[str, ActorRef] = {}
    for m in doc.mentions:
        if m.start >= upto or m.actor is None or not m.actor.country:
            continue
        counts[m.actor.country] += 1
        refs.setdefault(m.actor.country, ActorRef(m.actor.name, m.actor.actor_id, m.actor.country,
                                                  m.actor.sector))
    return [refs[c] for c, _ in counts.most_common(2)] if len(counts) >= 2 else []


# Light verbs whose noun stands in a prepositional phrase: "belegte Indien mit Strafzöllen",
# "überzog Russland mit Sanktionen" (the accusative is the one hit)
_LIGHT_VERB_PREPS = {"belegen": "mit", "überziehen": "mit"}


def _light_pairs(triggers: list[Trigger], tokens: tuple[Token, ...]) -> list[Trigger]:
    """Merge light verbs with the noun trigger of their clause ("Unterstützung zusichern")."""
    drop: set[int] = set()
    out: list[Trigger] = []
    # "die Aufhebung der Sanktionen": the sanctions a lifting noun governs are not imposed
    # (the lifting nouns found once: not a scan of all triggers for each sanction noun), nor
    # the object of a light verb ("eine Ausnahme von den Sanktionen erhalten")
    easing = {e.index for e in triggers if e.entry.mode == "ease" and e.entry.pos == "N"}
    lifted = {n.index for n in triggers if n.entry.type == "SANCTION" and n.entry.pos == "N"
              and any(n.index - d in easing for d in (1, 2, 3))} if easing else set()
    for t in triggers:
        if t.entry.pos != "V" or t.entry.light is None:
            continue
        if t.entry.light == "noun" and _attributive(tokens, t.index):
            # "bei von Palästinensern verübten Angriffen": a participle before its noun lends
            # it no subject (the noun keeps its own doer)
            continue
        nouns = [n for n in triggers if n.entry.pos == "N" and tokens[n.index].clause ==
                 tokens[t.index].clause and n.index not in drop and n.index not in lifted]
        if t.entry.light == "verb":
            # "Partnerschaft schließen" swallows its object, not "beim Besuch ... verständigt"
            # (a plural need, "gespräche", names the noun by its word: "Friedensgespräche")
            nouns = [n for n in nouns if n.entry.type == t.entry.type
                     or any(_word_matches(n.entry.lemma, w) or _word_matches(tokens[n.index].lower, w)
                            for w in t.entry.needs)]
        # "sich gegen ein Abkommen aussprechen" opposes the agreement: a noun under "gegen"
        # is not the light verb's object
        # the light verb's object is a bare noun phrase, never one in a prepositional phrase:
        # "fliegen ... mit Unterstützung Großbritanniens Luftangriffe" flies air strikes, "sich
        # gegen ein Abkommen aussprechen" opposes it, "Zu Besuch ... stellte klar" is no demand
        nouns = [n for n in nouns if _governing_prep(tokens, n.index) in (
            None, _LIGHT_VERB_PREPS.get(t.entry.lemma))]
        if t.entry.light == "label":
            # what a speaker calls something heads the von-phrase: "sprach von dem
            # 'produktivsten Tag' seit Beginn der Verhandlungen" named no talks of his
            nouns = [n for n in nouns if _heads_von_phrase(tokens, t.index, n.index)]
        if not nouns:
            nouns = [n for n in triggers if n.entry.pos == "N" and n.index not in drop
                     and _antecedent_of_relative(tokens, n.index, t.index)]
        if not nouns:
            continue
        noun = min(nouns, key=lambda n: abs(n.index - t.index))
        drop.add(noun.index)
        if t.entry.light in ("noun", "label"):
            merged = replace(noun.entry, pos="V", frame=t.entry.frame, light=None,
                             conf=max(noun.entry.conf, t.entry.conf, 0.6))
            if t.entry.light == "label" and noun.entry.type in _HITTING_TYPES | _HOSTILE_TYPES \
                    and _labelled(tokens, t.index, noun.index):
                # "sprach von einer willkürlichen Inhaftierung": the speaker's word for what
                # another did, not an arrest of its own
                merged = replace(merged, type=t.entry.type, mode="disapprove")
            drop.add(t.index)
            out.append(Trigger(t.index, merged, t.passive, noun.index))
    kept = [t for t in triggers if t.index not in drop and t.index not in lifted]
    kept += out
    # A weak trigger alone (a light verb without its noun, "Zusammenarbeit" as a state)
    # is not an event.
    return [t for t in kept if t.entry.conf >= MIN_CONFIDENCE]


def _heads_von_phrase(tokens: tuple[Token, ...], verb: int, noun: int) -> bool:
    """The noun at ``noun`` heads a von-phrase after the verb: no other noun or preposition
    stands between "von" and it ("sprach von sehr guten Gesprächen")."""
    k = next((k for k in range(noun - 1, verb, -1) if tokens[k].lower in ("von", "vom")), None)
    return k is not None and not any(
        tokens[j].lower in ALL_PREPS or tokens[j].text[:1].isupper() for j in range(k + 1, noun))


def _labelled(tokens: tuple[Token, ...], verb: int, noun: int) -> bool:
    """The noun heads the von-phrase right after the verb ("sprach von einer willkürlichen
    Inhaftierung"; not "sprach von 26 Toten und kündigte Vergeltung an")."""
    k = next((k for k in range(verb + 1, min(noun, verb + 3)) if tokens[k].lower in ("von", "vom")),
             None)
    return k is not None and all(
        tokens[j].lower in _DETERMINERS or _adjective_like(tokens[j]) or tokens[j].text.isdigit()
        for j in range(k + 1, noun))


def _antecedent_of_relative(tokens: tuple[Token, ...], noun: int, verb: int) -> bool:
    """The noun at ``noun`` is what the relative clause of the verb at ``verb`` is about:
    "die Zölle, die Washington gegen Neu-Delhi verhängt hat"."""
    return noun + 2 < verb and tokens[noun + 1].text == "," \
        and tokens[noun + 2].lower in _RELATIVE \
        and tokens[noun + 2].clause == tokens[verb].clause != tokens[noun].clause


_HITTING_TYPES = frozenset({"SANCTION", "ASSAULT", "COERCE"})
_MEET_OR_HIT = frozenset({"treffen", "zusammentreffen"})


def _without_hits(triggers: list[Trigger], tokens: tuple[Token, ...]) -> list[Trigger]:
    """"Die Strafzölle der USA treffen China", "Sanktionen treffen Österreich": after a
    sanction or an attack in its clause, "treffen" means to hit, not to meet."""
    hits: dict[int, int] = {}
    for t in triggers:
        if t.entry.pos == "N" and t.entry.type in _HITTING_TYPES:
            hits.setdefault(tokens[t.index].clause, t.index)  # the first in its clause
    return [t for t in triggers if not (
        t.entry.lemma in _MEET_OR_HIT and hits.get(tokens[t.index].clause, len(tokens)) < t.index
        # (not a verb of its own conjunct: "kündigte Sanktionen an und traf Trump")
        and not any(tokens[k].lower in _VERB_CONJUNCTIONS
                    for k in range(hits[tokens[t.index].clause] + 1, t.index)))]


# Words of a death toll: "Der Angriff forderte mindestens 20 Tote", "hat viele Opfer gefordert"
_TOLL_WORDS = frozenset({"opfer", "todesopfer", "tote", "toten", "menschenleben", "leben",
                         "verletzte", "verletzten", "verwundete"})
_TOLL_COUNTS = frozenset({"ein", "eine", "einige", "mehrere", "viele", "zahlreiche", "dutzende",
                          "hunderte", "tausende", "zehntausende", "hunderttausende",
                          "mindestens", "weitere", "etliche", "unzählige"})


def _without_tolls(triggers: list[Trigger], tokens: tuple[Token, ...]) -> list[Trigger]:
    """"Der Krieg hat viele Menschenleben gefordert": a toll counted in the clause of
    "fordern" is what an act cost, not a demand."""
    # (not in a prepositional phrase: "fordert Entschädigung für viele Opfer")
    tolls = {t.clause for k, t in enumerate(tokens) if t.lower in _TOLL_WORDS and any(
        tokens[j].text[:1].isdigit() or tokens[j].lower in _TOLL_COUNTS
        for j in range(max(0, k - 3), k)) and not any(
        tokens[j].lower in ALL_PREPS for j in range(max(0, k - 3), k))}
    if not tolls:
        return triggers
    return [t for t in triggers if not (t.entry.lemma == "fordern" and tokens[t.index].clause in tolls)]


def _governing_prep(tokens: tuple[Token, ...], i: int) -> str | None:
    """The preposition whose phrase the noun at ``i`` heads ("gegen ein von Kiew angestrebtes
    Abkommen" -> "gegen"), None for a bare noun phrase."""
    k = _governing_prep_index(tokens, i)
    return None if k is None else tokens[k].lower


# What is vetoed or voted against is not done: "Veto gegen neue Sanktionen", "stimmte gegen"
_OPPOSING_WORDS = frozenset({"veto", "einspruch", "stimmen"})


def _opposed(tokens: tuple[Token, ...], i: int) -> bool:
    """The noun at ``i`` heads the gegen-phrase of a veto or a vote against it."""
    k = _governing_prep_index(tokens, i)
    return k is not None and k >= 1 and tokens[k].lower == "gegen" \
        and tokens[k - 1].lemma in _OPPOSING_WORDS


def _blocked(tokens: tuple[Token, ...], i: int, blockers: frozenset[str],
             last_in_clause: dict[tuple[int, str], int],
             where_in_clause: dict[tuple[int, str], list[int]]) -> bool:
    """Whether a blocker word cancels the trigger at i: one after it ("trafen eine
    Entscheidung"), or a noun object before a verb at the clause's end ("hat eine
    Vereinbarung getroffen"; not "Nach der Entscheidung trafen sich ...")."""
    clause = tokens[i].clause
    if any(last_in_clause.get((clause, b), -1) > i for b in blockers):
        return True
    return any(k < i and tokens[k].text[:1].isupper() and _governing_prep_index(tokens, k) is None
               for b in blockers if b not in ALL_PREPS
               for k in where_in_clause.get((clause, b), ()))


def _governing_prep_index(tokens: tuple[Token, ...], i: int) -> int | None:
    for k in range(i - 1, max(-1, i - 7), -1):
        t = tokens[k]
        if t.clause != tokens[i].clause:
            return None
        if t.lower in ALL_PREPS and t.lower not in ("von", "vom"):  # "ein von Kiew angestrebtes"
            return k
        if t.lower in _DETERMINERS or _adjective_like(t) or _attributive(tokens, k) \
                or t.lower in ("von", "vom") or k + 1 < i and t.text.isalpha() and t.text.islower() \
                and _attributive(tokens, k + 1) \
                or t.text[:1].isupper() and k < i - 1 and tokens[k - 1].lower in ("von", "vom") \
                or _unknown_adjective(tokens, k):
            continue
        return None  # a verb or another word: the phrase starts after it
    return None


def _unknown_adjective(tokens: tuple[Token, ...], k: int) -> bool:
    """A lower-case word with an adjective's ending right after a preposition or article, an
    adjective the lemmatiser does not know ("nach tagelangen Protesten")."""
    t = tokens[k]
    return k >= 1 and t.text.isalpha() and t.text.islower() \
        and t.lower.endswith(("e", "en", "er", "es", "em")) \
        and (tokens[k - 1].lower in ALL_PREPS or tokens[k - 1].lower in _DETERMINERS)


@dataclass(frozen=True)
class Context:
    """What one sentence passes to the next: the source it named and its subject."""

    attribution: str | None = None
    subject: ActorRef | None = None
    partners: tuple[tuple[str, ActorRef], ...] = ()  # state -> last counterpart
    last: ActorRef | None = None  # the actor named last: what "Dieser" takes up
    subject_person: bool = False  # the subject is one person: no plural "sie" takes it up
    # the subject took a singular verb ("Die Bundesanwaltschaft hat"): no plural "sie" either
    subject_singular: bool = False
    subject_neuter: bool = False  # the subject is a state or place "er" cannot take up
    person: ActorRef | None = None  # the last subject that was a person
    pair: tuple[ActorRef, ActorRef] | None = None  # the two sides of the last dyadic event
    # the two targets of an act two states did together: they stood on one side, so "beide
    # Seiten" next are the two they addressed ("Ägypten und Katar forderten Israel und die
    # Hamas auf, ... Beide Seiten warfen sich Verstöße vor")
    opposed: tuple[ActorRef, ActorRef] | None = None
    # type -> doer of the last hostile act of that type: what "verurteilte den Angriff" judges
    acts: tuple[tuple[str, ActorRef], ...] = ()
    # the doer of the sentence's last event: what "kritisierte den Schritt" in the next judges
    last_doer: ActorRef | None = None
    # doer -> the others who did the same act with it ("Russland und Belarus hielten ein
    # Manöver ab"): whom a judgment of the act taken up also targets
    fellows: tuple[tuple[str, tuple[ActorRef, ...]], ...] = ()
    # the state an attack struck whose doer the sentence did not name ("Die Ukraine ist in
    # der Nacht angegriffen worden"): whom the next sentence's attack by a named doer struck
    struck: ActorRef | None = None


def extract_sentence(
    doc: Document, sentence: Sentence, context: Context = Context(),
    keep_irrealis: bool = False,
) -> tuple[list[Event], Context]:
    """Events of one sentence and the context it passes on to the next.

    Negated and hypothetical statements are dropped unless ``keep_irrealis``: the event
    list is a record of what happened, was reported or is planned.
    """
    tokens = tokenize(sentence)
    if not tokens:
        return [], context
    mentions = [m for m in doc.mentions if sentence.start <= m.start < sentence.end]
    parts = participants(sentence, tokens, mentions)
    tokens = _join_appositions(tokens, parts)
    parts = participants(sentence, tokens, mentions)
    line = _dateline_end(tokens)
    if line:
        # "Washington – US-Außenminister Kerry hat ...": the dateline names where the report
        # was filed, not an actor of the sentence
        parts = [p for p in parts if p.first > line]
        tokens = tuple(replace(t, clause=max(0, t.clause - 1)) for t in tokens)
    own_attr = modality.sentence_attribution(tokens, sentence.text)
    # who "er"/"sie" in the next sentence most likely is: the named speaker, else the
    # sentence's subject (an actor at its start); a sentence whose subject is no actor
    # ("Die Jihadisten haben ...") leaves no antecedent
    # (the attribution may be the name without its adjective: "Das russische
    # Verteidigungsministerium erklärte" is attributed to "Verteidigungsministerium")
    # "..., kündigte er an": the person the last sentence was about speaks this one
    told_by = context.subject if own_attr is None and context.subject_person \
        and modality.pronoun_speaker(tokens) is not None else None
    speaker = next((p.ref for p in parts if own_attr and (
        p.ref.name in own_attr or own_attr in p.ref.name)), None) or _body_of_speaker(
        tokens, parts, own_attr)
    v = prefield_end(tokens)
    opening = next((p.ref for p in parts if p.role == "core" and p.first <= (v or 4)), None)
    subject = speaker or opening
    demonstrative = context.last if _opens_with_demonstrative(tokens) else None
    if demonstrative is not None:
        subject = demonstrative  # "Dieser lehnt ... ab": the topic now
    if subject is None and v and not any(p.first < v for p in parts):
        carried = None
    else:
        carried = subject or context.subject
    partners = dict(context.partners)
    earlier = dict(context.partners)
    named = [p.ref for p in parts if p.role != "place" and p.ref.actor_id
             and not (p.ref.actor_id or "").startswith("lb:place:")]
    # (a sentence that only says who told the last one passes its doer on: "Südkorea darf
    # nach einer Einigung mit den USA U-Boote bauen. Das gab Seoul bekannt. Nordkorea
    # verurteilte die Vereinbarung"; so does one that tells more of it: "Dabei seien drei
    # Menschen getötet worden"; any other sentence of no act ends it)
    told = own_attr is not None or bool(tokens) and tokens[0].lower in _GOING_ON_WITH_THE_ACT
    after = Context(own_attr or context.attribution, carried, context.partners,
                    named[-1] if named else demonstrative, pair=context.pair, acts=context.acts,
                    last_doer=context.last_doer if told and context.last_doer is not None
                    else _active_subject(tokens, opening),
                    fellows=context.fellows if told else (),
                    struck=context.struck if told else None)
    if not parts and demonstrative is None and not any(t.lower in _STANDINS for t in tokens):
        return [], _with_person(after, context, mentions)  # no actor, no "beide Seiten", no
        # pronoun: nothing to extract
    triggers = _without_tolls(_without_hits(_light_pairs(find_triggers(tokens), tokens), tokens),
                              tokens)
    if not triggers:
        return [], _with_person(after, context, mentions)
    memo = _Memo()  # tokens and parts are final from here on
    memo.get("verb triggers", -1, lambda: frozenset(
        t.index for t in triggers if t.entry.pos == "V" and not _attributive(tokens, t.index)))
    memo.get("demand verbs", -1, lambda: frozenset(
        t.index for t in triggers if t.entry.pos == "V" and t.entry.type == "REQUEST"))
    memo.get("judging verbs", -1, lambda: frozenset(
        t.index for t in triggers if t.entry.pos == "V"
        and (t.entry.type in _JUDGING_TYPES or t.entry.type == "PROTEST")
        and not _attributive(tokens, t.index)))
    memo.get("rejecting verbs", -1, lambda: frozenset(
        t.index for t in triggers if t.entry.pos == "V" and t.entry.type == "REJECT"
        and not _attributive(tokens, t.index)))
    collective = _sides_taken_up(doc, sentence, tokens, triggers, context, memo)
    pair = context.pair
    fellows = dict(context.fellows)
    events: list[Event] = []
    sources_at: dict[int, ActorRef] = {}  # trigger index -> the source of its event
    targets_at: dict[int, ActorRef] = {}  # trigger index -> the target of its event
    countered: dict[str, tuple[int, str]] = {}  # state -> (trigger, counterpart) of its last act here
    seen: set[tuple[str, str | None, str | None]] = set()
    modes_seen: dict[tuple[str, str | None, str | None], list[tuple[str, str | None]]] = {}
    noun_subject = False  # the subject passed on is the doer of a noun's act
    struck = after.struck
    for trig in sorted(triggers, key=lambda t: t.index):
        # counterparts from earlier sentences only: within one sentence a symmetric act that
        # names no partner ("in einem Gespräch mit der Zeitung Kritik an Polen üben") did not
        # meet the target of the sentence's other act
        previous = context.subject
        if previous is not None and (context.subject_person or context.subject_singular) \
                and _plural_pronoun_subject(tokens, trig):
            # "Außerdem eroberten sie Chemieanlagen" after "sagte Lawrow"; "Sie sollen
            # Anschläge geplant haben" after "Die Bundesanwaltschaft hat drei Agenten ..."
            previous = None
        if context.subject_neuter and context.person is not None and _er_in_clause(tokens, trig):
            # "Varoufakis ... Europa hat beschlossen, uns zu erpressen. Schäuble warf er vor,
            # ...": "er" is no "Europa" or "Russland", but the person before
            previous = context.person
        for src, assigned in assign_roles(trig, tokens, parts, collective, previous, earlier,
                                          memo, speaker, demonstrative):
            tgt = assigned
            if tgt is None and src is not None and trig.entry.type in _OPPOSING_TYPES \
                    and trig.entry.pos == "V" and context.acts:
                # "Israel griff Doha an. Katar verurteilte den Angriff": a definite act noun
                # takes up the last act of its kind, and who did it is accused (or protested
                # against: "Beirut protestierte gegen die Angriffe")
                tgt = _doer_of_act_taken_up(tokens, trig, triggers, dict(context.acts), src, parts)
            if tgt is None and src is not None and trig.entry.type == "REJECT" \
                    and trig.entry.pos == "V" and (_demonstrative_object(tokens, trig)
                                                   or _claim_object(tokens, trig)
                                                   or _no_object(tokens, trig, parts)):
                # "Sudan beschuldigte die Emirate ... Abu Dhabi wies dies zurück": the claim
                # the last sentence made, whose maker is rebuffed
                accuser = dict(context.acts).get("ACCUSE")
                if accuser is not None and (accuser.country != src.country or _domestic_pair(
                        src, accuser)):
                    # (at home too: "Die Grünen warfen der Regierung vor, ... Die Ministerin
                    # wies das zurück")
                    tgt = accuser
                elif accuser is None and context.last_doer is not None \
                        and _other_side(context.last_doer, src) and (
                            context.last_doer.country != src.country
                            or _domestic_pair(src, context.last_doer)):
                    # "Frankreich will Truppen entsenden. Moskau lehnt das strikt ab": what
                    # the last sentence's doer did or proposed
                    tgt = context.last_doer
            if tgt is None and src is not None and trig.entry.type == "REJECT" \
                    and trig.entry.pos == "V" and context.last_doer is not None \
                    and _proposal_object(tokens, trig) and _other_side(context.last_doer, src):
                # "Die Kommission will der Ukraine einen Kredit gewähren. Belgien lehnt den
                # Plan ab": the plan of the last sentence's doer
                tgt = context.last_doer
            if tgt is None and src is not None and (trig.entry.type in _JUDGING_TYPES
                                                    or trig.entry.type == "PROTEST") \
                    and trig.entry.pos == "V" and context.last_doer is not None:
                # "Macron hat Palästina anerkannt. Israel kritisierte den Schritt": a definite
                # noun for any act takes up the act of the sentence before ("Manila protestierte
                # gegen das Vorgehen")
                hostile = any(_actor_key(d) == _actor_key(context.last_doer)
                              for _, d in context.acts)
                tgt = _doer_of_step_taken_up(tokens, trig, context.last_doer, src, parts, hostile)
                if tgt is None and _called_an_act(tokens, trig, parts):
                    # "China hielt ein Manöver ab. Taipeh sprach von einer Provokation"
                    tgt = _doer_called(context, src)
            if tgt is None and src is not None and trig.entry.pos == "V" \
                    and context.person is not None and context.person.actor_id != src.actor_id \
                    and _object_pronoun(tokens, trig, memo):
                # "Maduro ist vor Gericht erschienen. Die Staatsanwaltschaft wirft ihm
                # Drogenhandel vor": "ihm" is the person the text is about
                tgt = context.person
            if tgt is None and src is not None and trig.entry.lemma in _SHOOTING_DOWN \
                    and trig.entry.pos == "V":
                # "Drohnen drangen in den polnischen Luftraum ein. Die Luftwaffe schoss drei
                # von ihnen ab": what is shot down is the last intruder's or attacker's
                tgt = _intruder(context, src)
            taken_up = tgt is not None and tgt is not assigned
            if tgt is None and src is not None and trig.entry.pos == "V" \
                    and _pronoun_partner(tokens, trig, memo):
                # "Orbán empfing Putin nicht, sondern telefonierte mit ihm": the other person
                # the sentence named before, else the person the text is about
                # (one person: not who acted with that person before)
                tgt = _person_named_before(tokens, parts, trig, src, mentions) or (
                    context.person if context.person is not None
                    and context.person.actor_id != src.actor_id else None)
            if tgt is None and src is not None and trig.entry.pos == "V" \
                    and trig.entry.type in _ANSWERING_TYPES:
                # "Nach russischen Angriffen auf Kiew hat die EU neue Sanktionen verhängt":
                # a sanction, charge or threat answers the doer of the act it follows
                def doer_of(t: Trigger, before: ActorRef | None = previous) -> ActorRef | None:
                    return sources_at.get(t.index) or next((s for s, _ in assign_roles(
                        t, tokens, parts, collective, before, earlier, memo, speaker, demonstrative)
                        if s is not None), None)
                tgt = _cause_doer(tokens, trig, triggers, src, doer_of)
            if tgt is None and src is not None and trig.entry.pos == "V" \
                    and trig.entry.type in _ANSWERING_TYPES and context.last_doer is not None \
                    and context.last_doer.country not in (None, src.country) \
                    and _answers_what_went_before(tokens, trig):
                # "Russland hat die Ukraine angegriffen. Die EU drohte daraufhin mit neuen
                # Sanktionen": the answer is to the doer of the sentence before
                tgt = context.last_doer
            if tgt is None and src is not None and trig.entry.type == "ASSAULT" \
                    and context.struck is not None and src.country \
                    and src.country != context.struck.country:
                # "Die Ukraine ist in der Nacht angegriffen worden. Nach Angaben der Luftwaffe
                # setzte Russland 400 Drohnen ein": the attack told of before
                tgt = context.struck
            if src is None and tgt is not None and trig.entry.type == "ASSAULT" \
                    and is_state_code(tgt.country):
                struck = tgt
            if tgt is None and src is not None and trig.entry.pos == "V" \
                    and trig.entry.type in _CLAIM_TYPES:
                # "Die USA begrüßten den Schritt, forderten aber freie Wahlen": words that go
                # on from the subject's act before go to whom that act went
                tgt = _addressee_before(tokens, parts, trig, src, sources_at, targets_at, memo)
            if tgt is None and src is not None and src.country:
                # "Trump nannte Petro einen Drogenboss und stoppte alle Hilfszahlungen an das
                # Land": the state named last that is not the doer's
                tgt = _land_taken_up(doc, sentence, tokens, trig, src, memo)
            # an act taken up from the sentence before is each of its doers' ("Russland und
            # Belarus hielten ein Manöver ab. Polen verurteilte das Manöver")
            targets = [tgt, *(fellows.get(_actor_key(tgt), ()) if taken_up else ())]
            if tgt is None and src is not None and trig.entry.lemma in _SENDING_VERBS \
                    and trig.entry.pos == "V" and _forces_in_clause(tokens, trig.index):
                # "Washington hat Kriegsschiffe in die Karibik entsandt": forces sent to no
                # state are deployed (PLOVER MOBILIZE), not given to anyone
                trig = replace(trig, entry=replace(trig.entry, type="MOBILIZE", mode="troops"))
            for tgt in targets:  # noqa: B020 (the list is built before the loop)
                if src is None or (tgt is None and (needs_target(trig.entry.type)
                                                    or trig.entry.requires_target)
                                   and not _consent_withheld(tokens, trig)):
                    continue  # (a refusal needs no target: "dem Paket nicht zuzustimmen")
                if src.sector == "JRN":
                    continue  # a journalist suffers acts ("den US-Journalisten verurteilt");
                    # what one writes ("kritisierte in seinem Blog") is a report
                if trig.entry.mode == "visit" and _private_people(src):
                    continue  # "Die 28-jährige Italienerin reiste nach Syrien": travel, no visit
                if trig.entry.announced and not _to_come(tokens, trig, sentence):
                    continue  # "reagierte scharf": a reaction that came threatens nobody
                if trig.entry.type == "PROTEST" and trig.entry.pos == "V" and _state_or_government(src):
                    # "Japan protestierte über diplomatische Kanäle": a state's protest is
                    # diplomatic, PLOVER ACCUSE disapprove (PROTEST is a crowd's)
                    trig = replace(trig, entry=replace(trig.entry, type="ACCUSE", mode="disapprove"))
                domestic = tgt is not None and src.country == tgt.country
                if domestic and not _domestic_pair(src, tgt, trig.entry.mode):
                    if trig.entry.type not in _FORCE_TYPES or tgt is None or tgt.sector:
                        continue
                    # "Ansar Dine konzentrierte ihre Angriffe auf ... im Norden Malis": force used
                    # in its own state's territory has no foreign target
                    tgt, domestic = None, False
                key = (trig.entry.type, src.country, tgt.country if tgt else None)
                if key in seen and not _another_verb_act(trig, modes_seen.get(key, ())):
                    continue
                seen.add(key)
                modes_seen.setdefault(key, []).append((trig.entry.pos, trig.entry.mode))
                if trig.entry.type == "MOBILIZE" and trig.entry.pos == "N" and tgt is not None \
                        and _joint(tokens, trig.index):
                    # "Manöver mit örtlichen Soldaten", "Militärübungen der USA mit Südkorea": a
                    # joint exercise is military cooperation, not a show of force
                    trig = replace(trig, entry=replace(trig.entry, type="COOPERATE", mode="military"))
                    if (trig.entry.type, src.country, tgt.country) in seen:
                        continue
                    seen.add((trig.entry.type, src.country, tgt.country))
                event = _event(doc, sentence, tokens, trig, src, tgt, context.attribution, told_by)
                if event.modality == "reported" and event.attributed_to is None:
                    # "Die Ukraine warf Russland vor, Kinder zu verschleppen": by the accuser's word
                    speaker_of, controller = _governing_speaker(tokens, trig, sources_at)
                    if speaker_of is not None and speaker_of.actor_id == src.actor_id:
                        if controller == "subject":
                            event = replace(event, modality="asserted")  # its own words, own act
                    elif speaker_of is not None:
                        event = replace(event, attributed_to=speaker_of.name)
                if trig.entry.pos == "N" and event.modality != "negated" and _governing_verb(
                        tokens, trig, memo.get("demand verbs", -1, frozenset), memo) \
                        and _governing_prep(tokens, trig.index) not in _SETTING_PREPS:
                    # "forderte die Freilassung der Geiseln", "verlangte Sanktionen gegen Russland",
                    # "hat Russland um Hilfe gebeten": what is demanded has not happened (but the
                    # setting of the demand has: "hat in einem Telefonat mit Selenskyj ... aufgerufen")
                    event = replace(event, modality="hypothetical")
                if trig.entry.pos == "N" and event.modality in ("asserted", "reported") \
                        and _governing_prep(tokens, trig.index) is None and _verb_governs(
                            tokens, trig, memo, "preparing verbs", _PREPARING_VERBS):
                    # "Russland bereitet einen Angriff auf die Nato vor": what is prepared or
                    # planned is still to come
                    event = replace(event, modality="planned")
                if trig.entry.pos == "N" and trig.entry.type in _AGREED_ACT_TYPES \
                        and event.modality in ("asserted", "reported") \
                        and _governing_prep(tokens, trig.index) in (None, "auf") and _governing_verb(
                            tokens, trig, memo.get("agreeing verbs", -1, lambda: frozenset(
                                k for k in _verbs_among(tokens, memo.get(
                                    "particles", -1, lambda: modality.clause_particles(tokens)),
                                    _AGREEING_VERBS) if not _attributive(tokens, k))), memo):
                    # "Indien und Pakistan einigten sich auf einen Gefangenenaustausch": the deed
                    # agreed on is still to come (the agreement is the AGREE)
                    event = replace(event, modality="planned")
                if trig.entry.pos == "N" and event.modality in ("asserted", "reported") \
                        and _governing_prep(tokens, trig.index) == "auf" and _verb_governs(
                            tokens, trig, memo, "bracing verbs", _BRACING_VERBS):
                    # "Kuba bereitet sich auf einen Angriff Polens vor": what one braces for may
                    # come or not (and is another's act)
                    event = replace(event, modality="hypothetical")
                if event.modality == "reported" and event.attributed_to in memo.get(
                        "objects read as speakers", -1,
                        lambda: _objects_read_as_speakers(tokens, parts, memo)):
                    # "Putin traf Xi, kritisierte die Nato": the Nato is criticised, not quoted
                    event = replace(event, modality="asserted", attributed_to=None)
                if event.type in _THREATENED_ACTS and event.modality in ("planned", "reported") \
                        and event.target is not None and _on_condition_of(tokens, parts, trig, event.target):
                    # "Die EU werde Sanktionen gegen Russland verhängen, sollte Moskau die
                    # Waffenruhe brechen": a harm promised if the target acts is a threat (PLOVER
                    # THREATEN), made in saying it
                    event = replace(event, type="THREATEN", mode=None, modality="asserted",
                                    attributed_to=None)
                sources_at.setdefault(trig.index, src)
                if tgt is not None:
                    targets_at.setdefault(trig.index, tgt)
                if keep_irrealis or event.modality not in ("negated", "hypothetical"):
                    events.append(event)
                    if speaker is None and (after.subject is None or len(events) == 1 or (
                            noun_subject and trig.entry.pos == "V")):
                        # the actor of the first event, or of the first verb's after a noun's:
                        # "Erdogan hat die Angriffe Israels verurteilt. Er rief ..." is Erdogan
                        after = replace(after, subject=src, subject_singular=_singular_verb_after(
                            tokens, parts, src))
                        noun_subject = trig.entry.pos == "N"
                    if tgt is not None and src.country and tgt.country and not domestic:
                        if countered.get(src.country, (trig.index, tgt.country)) != (trig.index, tgt.country):
                            # "forderte Schweden und Finnland auf, ...": with two counterparts of
                            # one act, whom a later threat naming nobody is against is unclear
                            partners.pop(src.country, None)
                        else:
                            partners[src.country] = tgt
                        countered[src.country] = (trig.index, tgt.country)
                        partners[tgt.country] = src
                        pair = (src, tgt)
    acts = dict(context.acts)
    for e in events:
        if e.type in _TAKEN_UP_ACTS and e.source is not None and e.source.country:
            acts[e.type] = e.source
        elif e.type == "COOPERATE" and e.mode == "military" and e.source is not None:
            # a joint exercise is a show of force as well, which the next sentence may judge
            # ("Russland und Belarus hielten gemeinsame Übungen ab. Polen verurteilte die
            # Übungen")
            acts["MOBILIZE"] = e.source
    # "Südkorea und die USA verurteilten den Start. ... der beiden Länder": a coordinated
    # subject of two states is the pair "beide" takes up next, before the pair of an act
    sides = _coordinated_sides(events)
    opposed = _coordinated_targets(events) if sides is not None else None
    if sides is None and pair is context.pair:
        sides = _two_sources(events)
    if sides is None and pair is not context.pair:
        sides = _judged_sides(events)
    if sides is not None:
        pair = sides
    last_doer = next((e.source for e in reversed(events) if e.source is not None),
                     None if events else after.last_doer)
    doers_with = _fellow_doers(events) if events else after.fellows
    return events, _with_person(replace(after, partners=tuple(partners.items()), pair=pair,
                                        struck=struck, opposed=opposed, acts=tuple(acts.items()),
                                        last_doer=last_doer, fellows=doers_with),
                                context, mentions)


_SHOOTING_DOWN = frozenset({"abschießen"})


def _active_subject(tokens: tuple[Token, ...], opening: ActorRef | None) -> ActorRef | None:
    """The state or body that opens an active main clause as its subject: the doer of what
    the sentence tells even when that is no event ("Die Niederlande haben die Kontrolle über
    Nexperia übernommen. China kritisierte den Schritt"); None after a passive ("Die
    Ukraine wurde angegriffen")."""
    if opening is None or not opening.country:
        return None
    main = [t for t in tokens if t.clause == 0]
    if any(t.lower in ("wurde", "wurden", "worden") for t in main) or any(
            t.lower in ("wird", "werden") for t in main) and any(
            t.lower.startswith("ge") and t.lower.endswith(("t", "en")) for t in main[-2:]):
        return None
    return opening


def _intruder(context: Context, src: ActorRef) -> ActorRef | None:
    """The doer of the last sentences' military show or attack, if not on ``src``'s side:
    the sentence before's doer first."""
    acts = dict(context.acts)
    hostile = [acts[t] for t in ("MOBILIZE", "ASSAULT") if t in acts]
    last = context.last_doer
    if last is not None and any(_actor_key(d) == _actor_key(last) for d in hostile):
        hostile.insert(0, last)
    return next((d for d in hostile if _other_side(d, src) and d.country != src.country), None)


# adverbs opening a sentence that tells more of the act before
_GOING_ON_WITH_THE_ACT = frozenset({"dabei", "hierbei", "dadurch"})


# Acts a later sentence judges by a definite noun ("den Angriff", "die Sanktionen", "den Test")
# (and "wies die Vorwürfe zurück", "lehnte die Forderung ab": the accuser, the demander)
_TAKEN_UP_ACTS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "SANCTION", "ACCUSE",
                            "REQUEST"})
_DEFINITE = frozenset({"den", "die", "das", "dem", "der", "diesen", "diese", "dieses", "diesem",
                       "jüngsten"})


def _actor_key(ref: ActorRef | None) -> str:
    return "" if ref is None else ref.actor_id or ref.name


def _fellow_doers(events: list[Event]) -> tuple[tuple[str, tuple[ActorRef, ...]], ...]:
    """Each doer of a trigger that several states' events share (the two sides of a
    symmetric one) -> the other states' doers."""
    by_trigger: dict[tuple[str | None, str], dict[str, ActorRef]] = {}
    for e in events:
        if e.source is not None and e.source.country:
            doers = by_trigger.setdefault((e.trigger, e.type), {})
            doers.setdefault(e.source.country, e.source)
            if is_symmetric(e.type) and e.target is not None and e.target.country:
                # "Südkorea und Japan haben ... vereinbart" is one event of both
                doers.setdefault(e.target.country, e.target)
    out: dict[str, tuple[ActorRef, ...]] = {}
    for doers in by_trigger.values():
        if len(doers) > 1:
            for ref in doers.values():
                out[_actor_key(ref)] = tuple(d for d in doers.values() if d is not ref)
    return tuple(out.items())


def _two_sources(events: list[Event]) -> tuple[ActorRef, ActorRef] | None:
    """The two states the sentence's events come from, if there are exactly two."""
    sides = list({e.source.country: e.source for e in events
                  if e.source is not None and e.source.country}.values())
    return (sides[0], sides[1]) if len(sides) == 2 else None


def _judged_sides(events: list[Event]) -> tuple[ActorRef, ActorRef] | None:
    """The two sides of the act the sentence's last dyadic event judges, when the sentence
    names that act: "Erdogan verurteilte die Angriffe Israels auf den Iran. Er rief beide
    Länder zur Zurückhaltung auf" addresses Israel and Iran, not Turkey and Israel."""
    dyadic = [e for e in events if e.source is not None and e.target is not None]
    if not dyadic or dyadic[-1].type not in _JUDGING_TYPES:
        return None
    judge = dyadic[-1]
    assert judge.source is not None and judge.target is not None
    for act in dyadic[:-1]:
        assert act.source is not None and act.target is not None
        if act.type not in _JUDGING_TYPES and act.source.country == judge.target.country \
                and act.target.country not in (None, judge.source.country, act.source.country):
            return act.source, act.target
    return None


def _by_trigger(events: list[Event]) -> list[list[Event]]:
    """The sentence's events grouped by the trigger word they share."""
    groups: dict[str | None, list[Event]] = {}
    for e in events:
        groups.setdefault(e.trigger, []).append(e)
    return list(groups.values())


def _coordinated_sides(events: list[Event]) -> tuple[ActorRef, ActorRef] | None:
    """Two states that did one act together: one trigger, two sources."""
    return next((sides for group in _by_trigger(events) if len(group) > 1
                 and (sides := _two_sources(group)) is not None), None)


def _coordinated_targets(events: list[Event]) -> tuple[ActorRef, ActorRef] | None:
    """The two states one trigger's joint act was addressed to, if it had exactly two."""
    for group in _by_trigger(events):
        targets = list({e.target.country: e.target for e in group
                        if e.target is not None and e.target.country}.values())
        if len(targets) == 2 and _two_sources(group) is not None:
            return targets[0], targets[1]
    return None


def _doer_of_act_taken_up(
    tokens: tuple[Token, ...], trig: Trigger, triggers: list[Trigger],
    acts: dict[str, ActorRef], src: ActorRef, parts: list[Participant],
) -> ActorRef | None:
    """The doer of the act a judging verb's definite object takes up ("verurteilte den
    Angriff", "kritisierte die Sanktionen scharf"), when the sentence names none and it is
    not the judge itself."""
    clause = tokens[trig.index].clause
    for t in triggers:
        if t.index <= trig.index or tokens[t.index].clause != clause or t.entry.pos != "N":
            continue
        k = t.index - 1
        while k > trig.index and _adjective_like(tokens[k]) and tokens[k].lower not in _DEFINITE:
            k -= 1
        doer = acts.get(t.entry.type)
        if any(k < p.first <= t.index for p in parts):
            return None  # the act names its own doer: "die türkischen Attacken"
        if tokens[k].lower in _DEFINITE and doer is not None and _other_side(doer, src):
            return doer
        return None  # only the first act noun after the verb is its object
    return None


def _another_verb_act(trig: Trigger, earlier: Sequence[tuple[str, str | None]]) -> bool:
    """A verb of a kind of act no earlier verb of the sentence's events was, between the same
    two states: "hat den Vertrag mit Pakistan ausgesetzt und pakistanische Diplomaten
    ausgewiesen" are two sanctions. (A noun is mostly the verb's act named again: "unterzeichnete
    die Vereinbarung und setzte das Abkommen in Kraft".)"""
    if trig.entry.pos != "V" or trig.entry.mode is None:
        return False
    return all(pos == "V" and mode is not None and mode != trig.entry.mode
               for pos, mode in earlier)


# Nouns of what was said, which a rejection takes up as the last accusation: "Peking wies
# die Darstellung zurück" after "Die Philippinen warfen China vor, ..."
_CLAIM_NOUNS = frozenset({"darstellung", "darstellungen", "behauptung", "behauptungen",
                          "anschuldigung", "anschuldigungen", "äußerung", "äußerungen",
                          "aussage", "aussagen", "unterstellung", "unterstellungen"})


# claims whose content a zu-infinitive after their rejection spells out ("wies die Vorwürfe
# zurück, die RSF zu beliefern")
_REJECTED_CLAIM_NOUNS = _CLAIM_NOUNS | {"vorwurf", "vorwürfe", "vorwürfen", "berichte", "bericht"}


# Nouns of what someone proposed, which a rejection takes up as the last doer's
_PROPOSAL_NOUNS = frozenset({"plan", "pläne", "vorschlag", "vorschläge", "vorstoß",
                             "initiative", "angebot", "vorhaben"})


def _definite_nouns(tokens: tuple[Token, ...], trig: Trigger, nouns: frozenset[str]) -> list[int]:
    """Where the trigger's clause has one of ``nouns`` after a definite article."""
    clause = tokens[trig.index].clause
    return [k for k, t in enumerate(tokens) if t.lower in nouns and t.clause == clause and k > 0
            and tokens[k - 1].lower in _DEFINITE]


def _proposal_object(tokens: tuple[Token, ...], trig: Trigger) -> bool:
    """The rejecting verb's clause has a definite proposal noun with no genitive or name of
    its own after it: "lehnt den Plan ab" (not "den Plan der EU", "den Vorschlag Chinas")."""
    return any(not (k + 1 < len(tokens) and (tokens[k + 1].text[:1].isupper()
                                             or tokens[k + 1].lower in ("der", "des")))
               for k in _definite_nouns(tokens, trig, _PROPOSAL_NOUNS))


def _claim_object(tokens: tuple[Token, ...], trig: Trigger) -> bool:
    """The rejecting verb's clause has a definite claim noun: "wies die Darstellung zurück"
    (or disowns what it is blamed for: "wies jede Verantwortung zurück")."""
    clause = tokens[trig.index].clause
    return bool(_definite_nouns(tokens, trig, _CLAIM_NOUNS)) or any(
        t.lower in ("verantwortung", "beteiligung", "schuld") and t.clause == clause and k > 0
        and tokens[k - 1].lower in ("jede", "jegliche", "jedwede", "die", "eine")
        for k, t in enumerate(tokens))


def _demonstrative_object(tokens: tuple[Token, ...], trig: Trigger) -> bool:
    """"wies dies zurück", "hat das bestritten": a demonstrative object right after the verb
    (or before a clause-final one), no noun after it."""
    i = trig.index
    # (an adverb may stand between: "hat das entschieden zurückgewiesen")
    adverb = i >= 2 and tokens[i - 1].text.isalpha() and tokens[i - 1].text.islower()
    for k in (i + 1, i - 1) + ((i - 2,) if adverb else ()):
        if 0 <= k < len(tokens) and tokens[k].lower in ("dies", "das", "dieses") \
                and tokens[k].clause == tokens[i].clause \
                and not (k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper()):
            return True
    return False


def _no_object(tokens: tuple[Token, ...], trig: Trigger, parts: list[Participant]) -> bool:
    """"Washington lehnte ab.", "Kiew hat abgelehnt.": the sentence is one clause that names
    nothing but its subject, the verb, its particle and adverbs (not "Chinas Zensur hat die
    Enthüllungen blockiert", nor a relative clause: "..., was Moskau bestreitet")."""
    clause = tokens[trig.index].clause
    if any(t.clause != clause for t in tokens if t.text[:1].isalpha()) or not parts:
        return False
    subject = parts[0]
    return all(not t.text[:1].isupper() or subject.first <= k <= subject.last
               for k, t in enumerate(tokens) if k > 0 and t.text[:1].isalpha())


# Nouns for any act ("den Schritt", "die Entscheidung"), which only the sentence before names
_STEP_NOUNS = frozenset({"schritt", "entscheidung", "vorgehen", "maßnahme", "maßnahmen",
                         "beschluss", "ankündigung", "vorstoß", "aktion", "test", "tests",
                         "start",
                         # what two did together: "Nordkorea kritisierte die Vereinbarung"
                         "vereinbarung", "abkommen", "einigung", "besuch", "treffen",
                         # what one planned or said: "Peking verurteilte die Pläne"
                         "plan", "pläne", "äußerung", "äußerungen", "aussage", "aussagen",
                         "bemerkung", "bemerkungen"})


# Nouns for wrongs done, which take up only a hostile act ("verurteilte die Gräueltaten")
_WRONG_NOUNS = frozenset({"gewalt", "gräueltaten", "gräueltat", "verbrechen", "übergriffe",
                          "gewalttaten"})


def _doer_of_step_taken_up(
    tokens: tuple[Token, ...], trig: Trigger, doer: ActorRef, src: ActorRef,
    parts: list[Participant], hostile: bool = False,
) -> ActorRef | None:
    """The doer of the last sentence's act when the judging verb's object is a definite
    noun for any act and the object names no actor of its own ("kritisierte den Schritt
    scharf", "begrüßte die Entscheidung"; not "die Entscheidung der Regierung"); a noun
    for a wrong only when that doer's act was ``hostile``."""
    k = trig.index + 1
    while k < min(len(tokens), trig.index + 3) and tokens[k].text.isalpha() \
            and tokens[k].text.islower() and tokens[k].lower not in _DEFINITE | ALL_PREPS:
        k += 1  # an adverb: "kritisierte scharf den Schritt", "protestierte energisch gegen"
    if k < len(tokens) and tokens[k].lower == "gegen":
        k += 1  # "protestierte gegen das Vorgehen"
    start = k
    while k < len(tokens) and tokens[k].clause == tokens[trig.index].clause and (
            tokens[k].lower in _DEFINITE or _adjective_like(tokens[k])):
        k += 1
    if k >= len(tokens) or k == start or tokens[k - 1].lower not in _DEFINITE \
            and not any(tokens[j].lower in _DEFINITE for j in range(start, k)):
        return None
    noun = tokens[k].lower
    if not (noun in _STEP_NOUNS or hostile and noun in _WRONG_NOUNS) \
            or tokens[k].clause != tokens[trig.index].clause:
        return None
    if any(p.first > trig.index and tokens[p.first].clause == tokens[trig.index].clause
           for p in parts):
        return None  # "kritisierte den Schritt der Regierung": the act names its doer
    return doer if _other_side(doer, src) else None

_SUMMONING_VERBS = frozenset({"einbestellen", "zitieren"})


def _subject_noun_against(
    groups: list[list[Participant]], agent: list[Participant] | None, trig: Trigger,
) -> list[Participant] | None:
    """In a passive whose subject is no actor, whom the subject's noun is against: "Die
    Sanktionen gegen Syrien wurden (von der EU) aufgehoben"."""
    before = agent[0].first if agent else trig.index
    return next((g for g in groups if g[0].role == "target" and g[0].prep in ("gegen", "auf")
                 and g[0].first < before), None)


_GATHERINGS = ("gipfel", "konferenz", "tagung", "treffen", "forum")
_DEPLOYING_TYPES = frozenset({"MOBILIZE", "AID", "RETREAT"})


def _own_forces(ref: ActorRef, src: ActorRef) -> bool:
    """``ref`` is the armed forces of ``src``'s own state ("Truppen", "Soldaten")."""
    return ref.sector == "MIL" and ref.country is not None and ref.country == src.country \
        and not _named(ref)


def _called_an_act(tokens: tuple[Token, ...], trig: Trigger, parts: list[Participant]) -> bool:
    """"sprach von einer Provokation": the speaker's word for an act the clause does not
    name the doer of."""
    i = trig.index
    return tokens[i].lemma == "sprechen" and i + 1 < len(tokens) \
        and tokens[i + 1].lower == "von" and tokens[i].lemma != trig.entry.lemma \
        and not any(p.first > i and tokens[p.first].clause == tokens[i].clause for p in parts)


# acts that answer another's act, whose doer a cause phrase names ("nach den Angriffen")
_ANSWERING_TYPES = frozenset({"SANCTION", "ACCUSE", "THREATEN", "PROTEST"})


def _cause_doer(
    tokens: tuple[Token, ...], trig: Trigger, triggers: list[Trigger], src: ActorRef,
    doer_of: Callable[[Trigger], ActorRef | None],
) -> ActorRef | None:
    """The doer of a hostile act a cause phrase of the verb's clause names ("nach russischen
    Angriffen", "wegen der Blockade durch China"), if it is another state's."""
    clause = tokens[trig.index].clause
    for t in triggers:
        if t.entry.pos != "N" or tokens[t.index].clause != clause \
                or t.entry.type not in _HITTING_TYPES | _HOSTILE_TYPES \
                or _governing_prep(tokens, t.index) not in _CAUSE_PREPS:
            continue
        doer = doer_of(t)
        if doer is not None and doer.country and doer.country != src.country:
            return doer  # (another state is another side: no _other_side test needed)
    return None


def _doer_called(context: Context, src: ActorRef) -> ActorRef | None:
    """Whose act a speaker's word names ("sprach von einer Provokation"): the last
    sentence's doer, or when that was the speaker's own state, its counterpart then
    ("Venezuela forderte die USA auf, ihre Schiffe abzuziehen. Außenminister Gil sprach von
    einer Bedrohung")."""
    last = context.last_doer
    if last is None:
        return None
    if src.country and last.country == src.country and not _domestic_pair(src, last):
        # (only after a demand or a charge: "Merz traf Macron. Der Kanzler sprach von einer
        # Provokation" is not Macron's)
        pressed = any(t in _PRESSING_TYPES and _actor_key(d) == _actor_key(last)
                      for t, d in context.acts)
        return dict(context.partners).get(src.country) if pressed else None
    return last if _other_side(last, src) else None


# acts that press a counterpart, whose own act the next sentence may name
_PRESSING_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "SANCTION"})


def _answers_what_went_before(tokens: tuple[Token, ...], trig: Trigger) -> bool:
    """The trigger's clause says it answers what was told before: "daraufhin", "im
    Gegenzug", "als Reaktion" (not "als Reaktion auf ...", which names what it answers)."""
    clause = tokens[trig.index].clause
    for k, t in enumerate(tokens):
        if t.clause != clause:
            continue
        if t.lower in ("daraufhin", "gegenzug"):
            return True
        if t.lower == "reaktion" and k > 0 and tokens[k - 1].lower in ("als", "in") \
                and (k + 1 >= len(tokens) or tokens[k + 1].lower != "auf"):
            return True
    return False


def _other_side(doer: ActorRef, src: ActorRef) -> bool:
    return doer.actor_id != src.actor_id and (doer.country, doer.sector) != (
        src.country, src.sector)



def _governing_speaker(
    tokens: tuple[Token, ...], trig: Trigger, sources_at: dict[int, ActorRef],
) -> tuple[ActorRef | None, str | None]:
    """The source of the sentence's event whose verb governs the trigger's zu-infinitive
    ("warf Russland vor, ... zu verschleppen": the accuser), if that verb made one, and
    whether the verb's subject or object acts in the infinitive."""
    infinitive = trig.index if modality.zu_infinitive(tokens, trig.index) else \
        modality.clause_infinitive(tokens, tokens[trig.index].clause)
    control = modality.infinitive_control(tokens, infinitive) if infinitive is not None else None
    if control is None:
        return None, None
    return sources_at.get(control.index), control.controller


def _state_or_government(ref: ActorRef) -> bool:
    """A government, an international organisation or a state itself (a Wikidata id and no
    sector; an unknown organisation has a "lb:" id)."""
    return ref.sector in ("GOV", "IGO") or ref.sector is None and (ref.actor_id or "").startswith("Q")


def _verb_before(tokens: tuple[Token, ...], trig: Trigger, verbs: frozenset[int]) -> bool:
    """One of ``verbs`` (trigger indexes: the sentence's demand or judging verbs) stands
    before the trigger in its clause: the noun is that verb's object."""
    clause = tokens[trig.index].clause
    return any(v < trig.index and tokens[v].clause == clause
               and not _next_verb_between(tokens, v, trig.index) for v in verbs)


def _governing_verb(
    tokens: tuple[Token, ...], trig: Trigger, verbs: frozenset[int], memo: _Memo,
) -> bool:
    """:func:`_verb_before`, or one of ``verbs`` is the participle or infinitive that ends the
    noun's clause ("hat eine Gegenoffensive angekündigt", "will eine Offensive starten")."""
    if _verb_before(tokens, trig, verbs):
        return True
    clause = tokens[trig.index].clause
    # (no conjunction or comma between: in "hat die Offensive verurteilt und Sanktionen
    # angekündigt" the noun is the first verb's)
    breaks = memo.get("conjunct breaks", -1, lambda: _last_breaks(tokens))
    return any(v > trig.index and tokens[v].clause == clause and breaks[v] < trig.index
               for v in verbs)


def _last_breaks(tokens: tuple[Token, ...]) -> list[int]:
    """For each token, the index of the last conjunction or comma before it (-1: none)."""
    out: list[int] = []
    last = -1
    for k, t in enumerate(tokens):
        out.append(last)
        if t.lower in _VERB_CONJUNCTIONS or t.text == ",":
            last = k
    return out


def _next_verb_between(tokens: tuple[Token, ...], v: int, i: int) -> bool:
    """A conjunction and another verb stand between the verb at ``v`` and the noun at ``i``
    ("verurteilte das Manöver und versetzte seine Truppen in Alarmbereitschaft"): the noun
    belongs to that verb."""
    return any(tokens[k].lower in _VERB_CONJUNCTIONS and _finite_after_conjunction(tokens[k + 1])
               for k in range(v + 1, i - 1))


# Acts a condition on the target turns into threats
_THREATENED_ACTS = frozenset({"SANCTION", "ASSAULT", "COERCE"})
# clauses that state a condition: "falls Moskau ...", ", sollte Russland ... brechen"
_CONDITION_OPENERS = frozenset({"wenn", "falls", "sofern", "sollte", "sollten"})


def _on_condition_of(tokens: tuple[Token, ...], parts: list[Participant], trig: Trigger,
                     target: ActorRef) -> bool:
    """Another clause of the sentence is a condition that names the target's side ("sollte
    Moskau die Waffenruhe brechen" for sanctions on Russia; not "wenn der Rat zustimmt")."""
    clause = tokens[trig.index].clause
    conditions = {t.clause for k, t in enumerate(tokens) if t.clause != clause
                  and t.lower in _CONDITION_OPENERS and _first_word(tokens, t.clause) == k}
    return any(tokens[p.first].clause in conditions and p.ref.country == target.country
               and p.ref.country is not None for p in parts)


# verb-first conditional clauses open with these: ", sollten kurdische Kämpfer ... einnehmen"
_CONDITIONAL_OPENERS = frozenset({"sollte", "sollten", "würde", "würden", "hätte", "hätten",
                                  "wäre", "wären", "könnte", "könnten", "müsste", "müssten"})


def _continues_narration(tokens: tuple[Token, ...], clause: int) -> bool:
    """The main clause ``clause`` goes on with a verb of the same subject after its comma
    ("Die Türkei begrüßte die Einigung, forderte aber die Entwaffnung der YPG"): the next
    clause is no complement clause whose subject the first verb addresses."""
    head = _first_word(tokens, clause)
    opener = _first_word(tokens, clause + 1)
    return head is not None and opener is not None \
        and (tokens[head].text[:1].isupper() or tokens[head].lower in _DETERMINERS) \
        and not _opens_subordinate(tokens, head, _NOT_MAIN_CLAUSE_OPENERS) \
        and tokens[opener].lower not in _CONDITIONAL_OPENERS \
        and _finite_after_conjunction(tokens[opener])


def _bracket_closed(tokens: tuple[Token, ...], trig: Trigger) -> bool:
    """The trigger's clause ends with its separable particle and has words between the verb
    and it ("lehnte dies ab,"): a complete clause, where "wies zurück, dass" or "warnte, die
    USA ..." go on into their complement."""
    clause, last = tokens[trig.index].clause, trig.index
    for k in range(trig.index + 1, len(tokens)):
        if tokens[k].clause != clause:
            break
        if tokens[k].text[:1].isalpha():
            last = k
    return last > trig.index + 1 and tokens[last].lower in modality.PARTICLES


def _own_main_clause(tokens: tuple[Token, ...], parts: list[Participant], clause: int) -> bool:
    """``clause`` is a main clause of its own after a comma, its named subject first and its
    finite verb second (", die Ukraine stimmte zu"): no complement of the verb before it
    (which reports words in Konjunktiv I: ", die Ukraine habe ... angegriffen")."""
    head = _first_word(tokens, clause)
    if head is None or modality.reported_clause(tokens, clause) \
            or modality.clause_infinitive(tokens, clause) is not None:
        return False
    subject = next((p for p in parts if p.first >= head and tokens[p.first].clause == clause), None)
    if subject is None or subject.role != "core" or any(
            tokens[k].lower not in _DETERMINERS and not _adjective_like(tokens[k])
            for k in range(head, subject.first)):
        return False
    verb = subject.last + 1
    return verb < len(tokens) and tokens[verb].clause == clause \
        and _finite_after_conjunction(tokens[verb])


def _finite_after_conjunction(t: Token) -> bool:
    return modality.verb_form(t) and not _adjective_like(t) and t.lower not in _DETERMINERS


def _with_person(after: Context, before: Context, mentions: list[Mention]) -> Context:
    """``after`` with ``subject_person``, ``subject_neuter`` and ``person`` set: whether its
    subject is a person, or a state or place that "er" cannot take up, and the last person."""
    if after.subject is before.subject:
        return replace(after, subject_person=before.subject_person, subject_singular=before.subject_singular,
                       subject_neuter=before.subject_neuter, person=before.person)
    subject = after.subject
    kinds = {m.actor.kind for m in mentions if subject is not None and m.actor is not None
             and m.actor.actor_id == subject.actor_id}
    person = "person" in kinds
    neuter = subject is not None and bool(kinds) and kinds <= {"state", "place"} \
        and subject.name not in _MASCULINE_STATES
    return replace(after, subject_person=person, subject_neuter=neuter,
                   person=subject if person else _only_person(mentions) or before.person)


def _only_person(mentions: list[Mention]) -> ActorRef | None:
    """The one person a sentence names, if it names one: whom "ihm" next takes up when the
    subject was no person ("Die USA haben Sanktionen gegen Petro verhängt. Washington wirft
    ihm vor, ...")."""
    people = {m.actor.actor_id: m for m in mentions if m.actor is not None
              and m.actor.kind == "person" and m.actor.actor_id}
    if len(people) != 1:
        return None
    m = next(iter(people.values()))
    a = cast(Actor, m.actor)
    return ActorRef(m.text, a.actor_id, a.country, a.sector)


# states and regions named with "der": "er" may take them up ("Der Iran ... Er drohte")
_MASCULINE_STATES = frozenset({
    "Iran", "Irak", "Libanon", "Sudan", "Südsudan", "Jemen", "Tschad", "Niger", "Kongo",
    "Vatikan", "Oman", "Kosovo", "Senegal", "Gazastreifen", "Balkan", "Kaukasus", "Westen"})


def _object_pronoun(tokens: tuple[Token, ...], trig: Trigger, memo: _Memo) -> bool:
    """The trigger's clause has "ihm" or "ihn" as an object (not after a preposition:
    "mit ihm" is a partner, see ``_pronoun_partner``)."""
    return any(not after_prep for _, after_prep in _him_in_clause(tokens, trig, memo))


def _pronoun_partner(tokens: tuple[Token, ...], trig: Trigger, memo: _Memo) -> bool:
    """The trigger's clause has "ihm" or "ihn" after a preposition after the trigger ("sprach
    mit ihm", "telefonierte lediglich mit ihm"; not "mit ihm" before a verb at the end,
    whose own clause the rules cannot see)."""
    return any(after_prep and k > trig.index for k, after_prep in _him_in_clause(tokens, trig, memo))


def _him_in_clause(tokens: tuple[Token, ...], trig: Trigger, memo: _Memo) -> list[tuple[int, bool]]:
    """Where "ihm"/"ihn" stands in the trigger's clause, and whether after a preposition (the
    sentence is scanned once, not once per trigger)."""
    clause = tokens[trig.index].clause
    found: list[tuple[int, int, bool]] = memo.get("him", -1, lambda: [
        (k, t.clause, k > 0 and tokens[k - 1].lower in ALL_PREPS)
        for k, t in enumerate(tokens) if t.lower in ("ihm", "ihn")])
    return [(k, after_prep) for k, c, after_prep in found if c == clause]


def _person_named_before(tokens: tuple[Token, ...], parts: list[Participant], trig: Trigger,
                         src: ActorRef, mentions: list[Mention]) -> ActorRef | None:
    """The one person other than the doer that the sentence named before the trigger's
    clause, if it named one."""
    clause = tokens[trig.index].clause
    persons = {m.actor.actor_id for m in mentions if m.actor is not None and m.actor.kind == "person"}
    people = {p.ref.actor_id: p.ref for p in parts if tokens[p.first].clause < clause
              and p.ref.actor_id in persons and p.ref.actor_id != src.actor_id}
    return next(iter(people.values())) if len(people) == 1 else None


# "das Land", "dem Land", "diesem Land": a state the text named before (not as the
# clause's first words: "Das Land hat ..." is a subject the rules cannot place)
_LAND_ARTICLES = frozenset({"das", "dem", "dieses", "diesem", "jenes", "jenem"})
_LAND_NOUNS = frozenset({"land", "lande", "nachbarland", "nachbarlande", "nachbarstaat"})


def _land_taken_up(
    doc: Document, sentence: Sentence, tokens: tuple[Token, ...], trig: Trigger, src: ActorRef,
    memo: _Memo,
) -> ActorRef | None:
    """The state "das Land" in the trigger's clause takes up: of the states named before it
    whose country is not the doer's, the one named most (the one the report is about: "Moskau
    hatte Militärexperten in das Land entsandt" in a report on Venezuela that has just named
    the USA), the last of them on a tie."""
    k = memo.get("das Land", -1, lambda: _land_nouns(tokens)).get(tokens[trig.index].clause)
    if k is not None:
        offset = sentence.start + tokens[k].start
        before = [m for m in doc.mentions if m.end <= offset and m.actor is not None
                  and is_state_code(m.actor.country) and m.actor.country != src.country]
        if not before:
            return None
        named = Counter(cast(Actor, m.actor).country for m in before)
        last = {cast(Actor, m.actor).country: n for n, m in enumerate(before)}
        country = max(named, key=lambda c: (named[c], last[c]))
        # the state itself, as the article names it anywhere ("Venezuela" for the
        # "venezolanischen Staatschef"), else a reference with the country alone
        state = next((m.actor for m in doc.mentions if m.actor is not None
                      and m.actor.kind == "state" and m.actor.country == country), None)
        if state is not None:
            return ActorRef(state.name, state.actor_id, state.country, None)
        return ActorRef(f"{tokens[k - 1].text} {tokens[k].text}", None, country, None)
    return None


def _land_nouns(tokens: tuple[Token, ...]) -> dict[int, int]:
    """Clause -> the index of its "Land" after "das"/"dem"/"diesem", not at its start."""
    out: dict[int, int] = {}
    for k, t in enumerate(tokens[1:], 1):
        if t.lower in _LAND_NOUNS and tokens[k - 1].lower in _LAND_ARTICLES \
                and t.clause not in out:
            start = _first_word(tokens, t.clause)
            if start is not None and k - 1 > start:
                out[t.clause] = k
    return out


def _er_in_clause(tokens: tuple[Token, ...], trig: Trigger) -> bool:
    """The trigger's clause has the pronoun "er"."""
    clause = tokens[trig.index].clause
    return any(t.lower == "er" and t.clause == clause for t in tokens)


def _plural_pronoun_subject(tokens: tuple[Token, ...], trig: Trigger) -> bool:
    """The trigger's clause has "sie" next to a plural verb ("eroberten sie", "Sie haben")."""
    clause = tokens[trig.index].clause
    for k, t in enumerate(tokens):
        if t.clause != clause or t.lower != "sie":
            continue
        near = [tokens[j] for j in (k - 1, k + 1) if 0 <= j < len(tokens) and tokens[j].clause == clause]
        return any(n.text[:1].islower() and _plural_form(n) and n.lower not in _DETERMINERS
                   for n in near)
    return False


def _prep_index(tokens: tuple[Token, ...], p: Participant) -> int:
    """Where the preposition of ``p``'s phrase stands ("aus den USA": before the article)."""
    k = p.first - 1
    while k > 0 and (tokens[k].lower in _DETERMINERS or _adjective_like(tokens[k])):
        k -= 1
    return k


def _after_noun(tokens: tuple[Token, ...], prep: int) -> bool:
    """Whether the preposition at ``prep`` follows a noun (so its phrase describes the noun)."""
    return prep > 0 and tokens[prep - 1].text[:1].isupper() and tokens[prep - 1].lower not in \
        _DETERMINERS and tokens[prep - 1].clause == tokens[prep].clause


# Modes of acts done to a person, whose noun's von-phrase is that person ("die Festnahme von
# zwei Journalisten"), where an attack's is the attacker ("Angriffe von Rebellen")
_DONE_TO_PERSON = frozenset({"arrest", "expel", "targeted", "abduct", "torture"})
# Modes whose noun's genitive is who it is done to, whatever the type: "die Freilassung der
# Geiseln", "die Anerkennung der Taliban-Regierung"
_GENITIVE_IS_TARGET_MODES = _DONE_TO_PERSON | {"release", "diplomatic"}
# "die Schließung des russischen Konsulats": whose mission is closed is hit
_GENITIVE_IS_TARGET_NOUNS = frozenset({"schließung"})
# Uses of force whose target may be a place: inside the actor's own state they are coded
# without a target
_FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
# Modes of acts only a state's authorities perform (an arrest, an expulsion, a seizure): an
# agentless passive of one was done by the state where it happened
_STATE_ACTS = frozenset({"arrest", "expel", "seize", "restrict", "censor"})


_NON_STATE_SECTORS = frozenset({"REB", "OPP"})


def _domestic_pair(src: ActorRef, tgt: ActorRef | None, mode: str | None = None) -> bool:
    """Whether two actors of one state make a domestic event (the police and protesters, a
    party and the government: ICEWS and POLECAT code these by sector). Only two bodies of
    different known sectors do; the state itself and its places (no sector) are no
    counterpart of its own organs ("Maduro" and "Venezuela"), and two members of one
    government are rather a mistaken role. Two parties are the exception: "Podemos nahm
    Verhandlungen mit der PSOE auf" is the domestic politics of coalitions and rivals. (A party
    in brackets after a person, "Außenminister Kurz (ÖVP)", is no participant at all:
    ``_without_bracketed_affiliations``.)"""
    if tgt is None or not tgt.sector:
        return False
    if not src.sector:
        # "die türkische Offensive gegen die PKK": the state itself against its rebels or
        # opposition (its civilians are more often a misread phrase: "ein Raketenangriff aus
        # dem Gazastreifen ..., bei dem zwei Palästinenser verletzt wurden"; not a place of it),
        # but only its authorities arrest or expel: "Die Türkei hat Dutzende Anhänger
        # İmamoğlus festnehmen lassen" is the state against its own people
        if (src.actor_id or "").startswith("lb:place:"):
            return False
        return tgt.sector in _NON_STATE_SECTORS or mode in _STATE_ACTS and tgt.sector != "GOV"
    if src.sector == tgt.sector == "PTY":
        return src.actor_id is not None and src.actor_id != tgt.actor_id
    return src.sector != tgt.sector


def _event(
    doc: Document, sentence: Sentence, tokens: tuple[Token, ...], trig: Trigger,
    src: ActorRef | None, tgt: ActorRef | None, previous_attribution: str | None,
    told_by: ActorRef | None = None,
) -> Event:
    entry = trig.entry
    tok = tokens[trig.index]
    mod = modality.classify(
        tokens, trig.index, sentence.text,
        trigger_is_speech=entry.type in SPEECH_TYPES and entry.pos == "V",
        previous_attribution=previous_attribution,
    )
    if mod.modality in ("reported", "planned") and mod.attributed_to is None and told_by is not None:
        mod = replace(mod, attributed_to=told_by.name)  # "..., sagte er": the one named before
    if mod.modality == "planned" and mod.attributed_to and src is not None and _same_speaker(
            mod.attributed_to, src, tokens):
        mod = replace(mod, attributed_to=None)  # "Er werde Putin treffen, kündigte Trump an"
    if mod.modality == "reported" and mod.attributed_to and src is not None and _same_speaker(
            mod.attributed_to, src, tokens):
        # "Maduro warnte ... und ließ die Streitkräfte trainieren": the actor speaking for
        # itself asserts its own act, or its plan ("Er wolle mit Putin sprechen, sagte Trump")
        plan = modality.own_plan(tokens, trig.index)
        mod = modality.ModalityResult("planned", cue=plan) if plan else modality.ModalityResult(
            "asserted", cue="own words")
    if mod.modality == "planned" and entry.type == "THREATEN" and (entry.announced or (
            mod.cue or "").startswith(("kündig", "angekündigt"))):
        # "Die Hisbollah kündigte Vergeltung an": announcing retaliation is the threat itself
        mod = modality.ModalityResult("asserted", cue="announced threat")
    if mod.modality == "asserted" and entry.pos == "V" and entry.type != "THREATEN" and (
            tok.lemma == "ankündigen" or tok.lemma == "kündigen" and any(
                t.lower == "an" and t.clause == tok.clause for t in tokens[trig.index + 1:])):
        # "hat neue Zölle angekündigt": the announcing verb carries the act, which is to come
        mod = modality.ModalityResult("planned", cue=tok.text)
    if mod.modality == "asserted" and entry.pos == "N" and _temporal_before(tokens, trig.index):
        mod = modality.ModalityResult("planned", cue="vor")
    if mod.modality == "planned" and entry.pos == "N" and _temporal_after(tokens, trig.index):
        # "Nach seinem Besuch in Washington wollte Xi weiterreisen": the visit is over
        mod = modality.ModalityResult("asserted", cue="nach")
    if mod.modality == "negated" and entry.type in _GIVING_TYPES and entry.mode != "asylum" \
            and _no_longer(tokens, trig.index):
        # "liefert keine Waffen mehr an die Ukraine": aid that stops is aid withdrawn (not
        # refuge: "nimmt keinen Flüchtling mehr auf" withdraws nothing from a state)
        entry = replace(entry, type="SANCTION", mode="withdraw")
        mod = modality.ModalityResult(
            "planned" if modality.planned_in_clause(tokens, trig.index) else "asserted", cue="mehr")
    if mod.modality == "negated" and _consent_withheld(tokens, trig):
        # "kündigte an, dem Paket nicht zuzustimmen": consent denied is a refusal (PLOVER
        # REJECT), not a non-event (but "hat noch nicht zugestimmt" is still pending)
        entry = replace(entry, type="REJECT", mode=None)
        mod = modality.ModalityResult(
            "planned" if modality.planned_in_clause(tokens, trig.index) else "asserted",
            cue=mod.cue)
    # (a report of what is to come points forward too: "Putin werde Xi am Montag treffen")
    when = dates.event_date(sentence.text, tok.start, doc.published,
                            planned=mod.modality == "planned" or mod.modality == "reported"
                            and modality.in_future(tokens, trig.index))
    confidence = entry.conf * (1.0 if src is not None and tgt is not None else 0.7)
    return Event(
        type=entry.type,
        source=src,
        target=tgt,
        modality=mod.modality,
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        mode=entry.mode,
        date=when.iso if when else None,
        date_precision=when.precision if when else None,
        attributed_to=mod.attributed_to,
        confidence=round(confidence, 3),
        trigger=tok.text,
    )


_GIVING_TYPES = frozenset({"AID", "COOPERATE"})
_SENDING_VERBS = frozenset({"entsenden", "schicken"})
# what armed forces are called: "Truppen", "Kriegsschiffe", "Marineinfanteristen", "Kampfjets"
_FORCES = ("truppe", "truppen", "soldat", "soldaten", "schiff", "schiffe", "flugzeugträger",
           "zerstörer", "fregatte", "fregatten", "infanterist", "infanteristen", "jet", "jets",
           "bomber", "kontingent", "streitkräfte", "einheiten", "verbände", "u-boote", "u-boot")


def _forces_in_clause(tokens: tuple[Token, ...], i: int) -> bool:
    """The clause of the verb at ``i`` names armed forces (not "entsendet Mitarbeiter")."""
    return any(t.clause == tokens[i].clause and t.noun and t.lower.endswith(_FORCES)
               for t in tokens)
_NEGATORS = frozenset({"nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines"})


# consent to another's proposal, whose author is its target: "nahm das Angebot von X an"
_ACCEPTING_VERBS = frozenset({"zustimmen", "annehmen", "akzeptieren"})


def _consent_withheld(tokens: tuple[Token, ...], trig: Trigger) -> bool:
    """A consent verb negated outright in its clause (what `_event` codes as REJECT), not in
    a condition ("Wenn Russland nicht zustimmt, ...")."""
    if trig.entry.lemma not in _ACCEPTING_VERBS or modality.hypothetical_in_clause(tokens, trig.index):
        return False
    clause = tokens[trig.index].clause
    return any(t.clause == clause and _refused(tokens, t.lower) for t in tokens)


def _refused(tokens: tuple[Token, ...], cue: str | None) -> bool:
    """The negation ``cue`` denies consent outright ("nicht", "auf keinen Fall", "niemals"),
    not just so far ("noch nicht", "bisher nicht")."""
    if cue not in _NEGATORS | {"nie", "niemals"}:
        return False
    return not any(t.lower == cue and (
        k > 0 and tokens[k - 1].lower in ("noch", "bisher", "bislang")
        or k + 1 < len(tokens) and tokens[k + 1].lower in ("nur", "zuletzt"))
        for k, t in enumerate(tokens))


def _no_longer(tokens: tuple[Token, ...], i: int) -> bool:
    """The trigger's clause says its act no longer happens: a negation, then "mehr" within a
    few words ("keine Waffen mehr", "nicht mehr"; not "nicht mehr als zehn")."""
    clause = tokens[i].clause
    for k, t in enumerate(tokens):
        if t.clause != clause or t.lower not in _NEGATORS:
            continue
        for j in range(k + 1, min(k + 5, len(tokens))):
            if tokens[j].clause != clause:
                break
            if tokens[j].lower == "mehr":
                return not (j + 1 < len(tokens) and tokens[j + 1].lower == "als")
    return False


def _to_come(tokens: tuple[Token, ...], trig: Trigger, sentence: Sentence) -> bool:
    """The trigger's act is announced or in the future tense ("kündigte an, angemessen zu
    reagieren", "werde entschieden reagieren"), not done ("reagierte scharf")."""
    return modality.in_future(tokens, trig.index) or modality.classify(
        tokens, trig.index, sentence.text).modality == "planned"


def _private_people(actor: ActorRef) -> bool:
    """People named by their nationality ("die Italienerin", "Tausende Syrer"): whatever they
    do, they do not represent their state."""
    return (actor.actor_id or "").startswith("lb:people:")


def _joint(tokens: tuple[Token, ...], i: int) -> bool:
    """A "mit" phrase right after an exercise noun, or "gemeinsam" right before it: a joint
    exercise ("Manöver mit Südkorea", "eine gemeinsame Militärübung")."""
    return any(t.lower == "mit" for t in tokens[i + 1 : i + 5] if t.clause == tokens[i].clause) \
        or any(t.lower.startswith("gemeinsam") for t in tokens[max(0, i - 2) : i])


def _same_speaker(attributed: str, src: ActorRef, tokens: tuple[Token, ...]) -> bool:
    words = set(attributed.split())
    return bool(words & set(src.name.split())) or (src.actor_id is not None and any(
        w in src.name for w in words))


def _temporal_before(tokens: tuple[Token, ...], i: int) -> bool:
    """"kurz vor dem Besuch", "vor dem Treffen": the event is still to come."""
    return i >= 2 and tokens[i - 2].lower == "vor" and tokens[i - 1].lower in _DETERMINERS


def _temporal_after(tokens: tuple[Token, ...], i: int) -> bool:
    """"nach dem Besuch", "Nach seinem Besuch": the event is over."""
    return i >= 2 and tokens[i - 2].lower in ("nach", "seit") and (
        tokens[i - 1].lower in _DETERMINERS or tokens[i - 1].lower.startswith(("sein", "ihr")))


def extract_events(doc: Document, keep_irrealis: bool = False) -> tuple[Event, ...]:
    """All events of a document that has sentences and actor mentions."""
    events: list[Event] = []
    context = Context()
    for n, sentence in enumerate(doc.sentences):
        found, context = extract_sentence(doc, sentence, context, keep_irrealis)
        told = _told_next(doc.sentences, n) if found else None
        if told is not None:
            tokens = tokenize(sentence)
            found = [_as_told(event, told, tokens) for event in found]
        events.extend(found)
    return tuple(events)


def _told_next(sentences: tuple[Sentence, ...], n: int) -> modality.ToldBefore | None:
    """Who the sentence after ``n`` says told it: "... verlegt. Das teilte der Grenzschutz mit"."""
    if n + 1 >= len(sentences) or not sentences[n + 1].text.startswith(("Das ", "Dies")):
        return None
    following = sentences[n + 1]
    return modality.told_before(tokenize(following), following.text)


_PAST_AUXILIARIES = frozenset({"hat", "haben", "hatte", "hatten", "ist", "sind", "war", "waren",
                               "wurde", "wurden"})
# a noun in these phrases is the time of what is told, not told itself ("Während des Besuchs
# von Papst Franziskus sind 50 Dissidenten festgenommen worden. Das sagte ...")
_TIME_PREPS = frozenset({"während", "bei", "beim", "nach", "seit", "vor"})


def _as_told(event: Event, told: modality.ToldBefore, tokens: tuple[Token, ...]) -> Event:
    """An event of a sentence the next names the teller of: the teller's report ("Die USA
    haben Sanktionen verhängt. Das teilte das Finanzministerium mit"), or the actor's own word
    on its own act (asserted); announced ("Das kündigte Pistorius an"), an act not yet done is
    planned. An event that already names its source keeps it."""
    if event.attributed_to is not None:
        return event
    at = next((k for k, t in enumerate(tokens) if t.text == event.trigger), None)
    if at is not None and tokens[at].noun and _governing_prep(tokens, at) in _TIME_PREPS:
        return event
    announced = told.announced and not _told_as_done(tokens, event.trigger)
    own = event.source is not None and _same_speaker(told.speaker, event.source, tokens)
    if event.modality == "asserted":
        modality_now: Modality = "planned" if announced else "asserted" if own else "reported"
        return replace(event, modality=modality_now, attributed_to=None if own else told.speaker)
    return event if own else replace(event, attributed_to=told.speaker)


def _told_as_done(tokens: tuple[Token, ...], trigger: str | None) -> bool:
    """The sentence tells of a past act: a perfect, pluperfect or passive auxiliary, or a
    preterite trigger ("hat ... verlegt", "verlegte"), not "verlegt eine Brigade"."""
    return any(t.lower in _PAST_AUXILIARIES for t in tokens) or (
        trigger is not None and dates.looks_preterite(trigger))


class EventStage:
    """The "events" stage. ``keep_irrealis`` also keeps negated and hypothetical events."""

    name: str = "events"
    requires: tuple[str, ...] = ("body", "sentences", "mentions")
    assigns: tuple[str, ...] = ("events",)

    def __init__(self, keep_irrealis: bool = False) -> None:
        self.keep_irrealis = keep_irrealis

    def __call__(self, doc: Document) -> Document:
        return replace(doc, events=extract_events(doc, self.keep_irrealis))


@register_stage("events")
def make_events() -> EventStage:
    return EventStage()


def may_hold_event(sentence: Sentence) -> bool:
    """Whether ``sentence`` has an event trigger, i.e. whether this stage will read it.

    Earlier stages use it to spend costly work (the NER model) only where events can come from.
    Most sentences hold no trigger word at all; a per-word cached test rules those out before
    the full (contextual) trigger search runs.
    """
    return _may_have_trigger_word(words(sentence)) and bool(find_triggers(tokenize(sentence)))


def _may_have_trigger_word(sentence_words: list[str]) -> bool:
    """False only if no word can be a trigger in any context: a superset test of
    :func:`find_triggers` (which then applies context: particles, blockers, case)."""
    present = None
    for word in sentence_words:
        if not word[:1].isalpha():
            continue
        if len(word) > MAX_CACHED_WORD:
            return True  # not worth a cache entry: let the full search decide
        alone, with_particle = _trigger_word(word)
        if alone:
            return True
        if with_particle:
            if present is None:
                present = {w.lower() for w in sentence_words if w.lower() in modality.PARTICLES}
            if with_particle & present:
                return True
    return False


@lru_cache(maxsize=131072)
def _trigger_word(word: str) -> tuple[bool, frozenset[str]]:
    """(can ``word`` be a trigger by itself, the separable particles that would make it one).

    The keys and compound heads of :func:`_entries_for` without its context checks, which
    only remove entries.
    """
    lex = trigger_lexicon()
    lem = _lemma(word)
    if lem in _not_triggers():
        return False, frozenset()
    alone = any(k in lex for k in _word_keys(word, lem, word.lower()))
    if not alone and word[:1].isupper():
        alone = _compound_head(lem) is not None
    particles = frozenset(p for p in modality.PARTICLES if p + lem in lex)
    return alone, particles
