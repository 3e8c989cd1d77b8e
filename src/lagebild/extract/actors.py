"""Actor linking: every state, person, organisation and place named in the body -> an Actor.

A left-to-right matcher over each sentence's tokens (dict lookups on normalised tokens, see
``kb.norm``), using the compiled knowledge base (``kb.load_kb``):

* names from the KB, longest first ("Wladimir Putin", "Vereinigte Staaten", "Weißes Haus");
* country adjectives/genitives/compound prefixes, optionally followed by a role noun:
  "der russische Präsident" / "Russlands Präsident" / "US-Präsident" / "Kreml-Chef" -> the
  office holder at the article's date; "der russische General Oleg Makarewitsch" -> a new
  person with the state the text gives; "die russischen Geheimdienste" -> RUS/SPY group;
  an adjective alone ("russischen Beständen") -> the state;
* a capital or seat of power is the government ("Moskau hoffe", "der Kreml teilte mit")
  unless it stands after a locative preposition or as a dateline ("in Moskau", "Damaskus –");
* inside an article: surnames after the full name ("Putin"), names of people the text
  introduced ("Makarewitsch"), a bare role noun for the last person in that office
  ("der Ministerpräsident");
* NER spans (``how="ner"``) that the KB does not cover stay as ``how="ner-only"`` actors; a
  person the NER model introduced by full name ("Harold Bornstein") is meant by its surname
  later in the article ("Bornstein"), before any KB person of that surname;
* a person, organisation or place without a state of its own (NER-only, or a role without a
  country: "Präsident Mathiripala Sirisena") takes the article's home state, the state it
  names most (``how`` gets ``+home``): unknown names in a report from Madrid are Spanish far
  more often than not.

Dates: offices are resolved with ``doc.published``. Without a date, a holder of the office who
is named in the article wins; else the latest known holder (documented in the report).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from ..models import Actor, Document, EntityLabel, Mention, Sentence, is_state_code
from ..pipeline import register_stage
from ._tokens import counts
from .kb import NAME_PARTICLES, KnowledgeBase, family_name, load_kb, name_key, norm, slug

# After these a capital is the place, not its government ("in Moskau", "nach Peking").
LOCATIVE = frozenset({"in", "im", "nach", "bei", "beim", "nahe", "vor", "ins", "nordlich",
                      "sudlich", "ostlich", "westlich", "zwischen"})
# Words between a country adjective and its role noun: "der russische *nationale* Sicherheitsrat".
_MODIFIER_ENDINGS = ("e", "en", "er", "es", "em")
_ADJ_STEM_ENDINGS = tuple(
    norm(x) for x in ("ig", "isch", "lich", "al", "är", "ell", "iv", "ant", "ent", "los", "bar", "sam")
)
_MODIFIER_PREFIXES = tuple(norm(x) for x in (
                      "ehemalig", "frueher", "früher", "damalig", "amtierend", "designiert",
                      "stellvertretend", "neu", "abgesetzt", "gestürzt", "gestuerzt", "gewählt",
                      "gewaehlt", "scheidend", "künftig", "kuenftig", "langjährig", "oberst", "erst"))
def _former(toks: list[_Tok], i: int) -> bool:
    """"der ehemalige EU-Kommissar", "Ex-Nato-Chef": the role is no longer held."""
    return toks[i].key.startswith("ex-") or i > 0 and toks[i - 1].key.startswith(_FORMER)


_FORMER = tuple(norm(w) for w in ("ehemalig", "früher", "einstig"))


# Sectors of institutions that belong to a state (a bare "Regierungsvertreter" can take the
# state named next to it; "Aktivisten" or "Unternehmen" cannot).
_STATE_SECTORS = frozenset({"GOV", "MIL", "SPY", "COP", "LEG", "JUD"})
# Groups a text names without a state ("die Polizei", "die Opposition", "Demonstranten") are
# the home state's -- the domestic actors POLECAT codes by the story's country -- when the
# article is mostly about one state. Not soldiers, spies or rebels: in a war report they are
# as often the other side's ("von Soldaten beschossen" in a report from the West Bank). Nor
# nouns that name no group of the home state as a rule ("die Seite", "Vertreter", "die
# Botschaft" = a foreign mission or a message, "die Führung" of anything, the UN
# "Sicherheitsrat") or the whole population ("Bürger", "Wähler").
_HOME_GROUP_SECTORS = frozenset({"GOV", "LEG", "COP", "JUD", "OPP", "CVL", "PTY"})
# ... but a state's armed forces as an institution ("die Armee", "das Militär": a report on
# one state names the other side's by its state) and its insurgents ("Dschihadisten haben
# in Mali ... angegriffen": rebels fight in their own state) are the home state's
_HOME_FORCES = frozenset(norm(w) for w in (
    "armee", "militär", "streitkräfte", "marine", "luftwaffe", "regierungstruppen",
    "nationalgarde",
))
_NOT_HOME_GROUPS = frozenset(norm(w) for w in (
    "seite", "seiten", "vertreter", "vertretern", "botschaft", "botschaften", "führung",
    "delegation", "delegationen", "diplomaten", "diplomatenkreise", "diplomatenkreisen",
    "sicherheitsrat", "sicherheitsrats", "sicherheitsrates", "bürger", "bürgern",
    "bevölkerung", "öffentlichkeit", "wähler", "wählern", "schüler", "schülern", "studenten",
    "anhänger", "anhängern", "nationalisten", "rechtsextremisten",
    # "nach Angaben eines leitenden Beamten": officials of any service, mostly a source
    "beamte", "beamten", "beamter",
))
# Nouns that make a capitalised country adjective before them a sea's name
# articles between coordinated country adjectives ("die deutsche und die französische Regierung")
_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})
_WATERS = frozenset({"meer", "meeres", "ozean", "ozeans", "golf", "golfs"})
# Nouns of an account ("nach Angaben Südkoreas"): their genitive is a source, not an owner
# (normalised keys: no umlauts)
_ACCOUNT_KEYS = frozenset({"angaben", "informationen", "darstellung", "einschatzung",
                           "erkenntnissen", "berichten"})
# Counts that make people a crowd ("Tausende Menschen"); alone they are one ("Zehntausende
# demonstrierten"). A few people ("zwei Menschen") are rather victims or passers-by.
_CROWDS = frozenset({"hunderte", "tausende", "zehntausende", "hunderttausende"})
_CROWD_COUNTS = _CROWDS | {"hundert", "tausend", "millionen", "dutzende"}


def _crowd_count(key: str) -> bool:
    digits = key.replace(".", "")
    return key in _CROWD_COUNTS or digits.isdigit() and int(digits) >= 100


# generic person roles that, like the home groups, are the home state's when no state is named
_HOME_PERSON_SECTORS = frozenset({"OPP", "LEG"})
_DATELINE_MARKS = frozenset({"–", "-", "—", "/"})
_MAX_NAME_TOKENS = 3  # an unknown person's name after a role noun
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_WORD_AFTER = re.compile(r"\s+(\w+)")
# Nouns whose "von X" is the place they are named after, not an actor ("Abkommen von Minsk").
_NAMED_AFTER_PLACE = tuple(norm(w) for w in (
    "abkommen", "friedensplan", "friedensabkommen", "vereinbarung", "protokoll", "vertrag",
    "vertrages", "prozess", "format", "gipfel", "konferenz", "erklärung"))
_INDEFINITE_ARTICLES = frozenset({"ein", "eine", "einen", "einem", "einer", "eines"})
# Heads of nouns for what happened at a place: "die Anschläge von Paris", "dem Attentat von
# Sarajevo", "das Massaker von Srebrenica" name where, not who (compounds too: "Terroranschlag")
_HAPPENED_AT_PLACE = tuple(norm(w) for w in (
    "anschlag", "anschlags", "anschläge", "anschlägen", "attentat", "attentats", "attentate",
    "attentaten", "massaker", "massakers", "amoklauf", "amoklaufs", "geiselnahme", "explosion",
    "explosionen", "erdbeben", "erdbebens", "blutbad", "blutbads", "katastrophe"))
# Heads of nouns for a settlement: "Hauptstadt", "Hafenstadt", "Schwarzmeerort", "Grenzdorf".
_TOWN_HEADS = ("stadt", "ort", "dorf", "metropole", "gemeinde", "provinz", "region")


# Words that make a noun someone's own: "seine Diplomaten aus Niger"
_POSSESSIVES = frozenset(
    "sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres unser unsere "
    "unseren unserem unserer".split())
# Before a town of the gazetteer (which only counts after one of these): "in Dresden".
_TOWN_PREPS = frozenset({"in", "im", "nach", "aus", "bei", "nahe"})  # not "von": "eine Rede von Iglesias"
# Prepositions whose object is where people go or what they act on, not whose they are
# ("nach Litauen weitere Soldaten verlegen" sends German soldiers); "in"/"aus" place them.
_OBJECT_PREPS = frozenset({"nach", "zu", "zum", "zur", "gegen", "gegenüber", "mit", "an", "für",
                           "über", "um", "zwischen", "wegen", "auf"})


def _verb_between(toks: list[_Tok], k: int, i: int) -> bool:
    """A verb stands between the state at ``k`` and the noun at ``i``: the state is the
    subject, the noun its object ("Frankreich und Großbritannien wollen Truppen entsenden":
    not British troops). Not after a preposition ("In Caracas betrachten Regierungsvertreter"
    places them), nor with a possessive ("Kroatien seine Außenministerin") or adjectives
    after a genitive ("Russlands neue Regierung")."""
    between = [t for t in toks[k + 1:i] if t.text[:1].islower() and t.text.isalpha()]
    if not between or k > 0 and toks[k - 1].key in _TOWN_PREPS:
        return False
    if any(t.key in _POSSESSIVES for t in between):
        return False
    genitive = toks[k].text.endswith("s")
    return not (genitive and all(t.key.endswith(_MODIFIER_ENDINGS) for t in between))


def _next_phrase(toks: list[_Tok], k: int, i: int) -> bool:
    """The state at ``k`` right before the noun at ``i`` is a phrase of its own: "..., dass
    Nordkorea Truppen nach Russland entsandt hat" (an owner would be the genitive
    "Nordkoreas Truppen"; a place is "in Nordkorea")."""
    return k == i - 1 and not toks[k].text.endswith("s") and not (
        k > 0 and toks[k - 1].key in _TOWN_PREPS)


def _town(entry: list[str]) -> Actor:
    """A gazetteer town ([name, ISO3]) as a place actor."""
    return Actor(f"lb:place:{slug(entry[0])}", entry[0], "place", entry[1])


def _town_context(toks: list[_Tok], i: int) -> bool:
    """Where a gazetteer town may stand: after a locative preposition or a town noun, or as
    the dateline ("in Dresden", "im Schwarzmeerort Rize", "Dresden – Das Bundesland ...")."""
    if i > 0 and (toks[i - 1].key in _TOWN_PREPS or _is_town_noun(toks[i - 1])):
        return True
    return i <= 2 and any(t.text in _DATELINE_MARKS for t in toks[i + 1:i + 4])


def _is_town_noun(tok: _Tok) -> bool:
    return _capitalised(tok.text) and tok.key.endswith(_TOWN_HEADS) and not tok.key.endswith("sort")


class _Tok(NamedTuple):  # a tuple: built for every token of every sentence
    start: int
    end: int
    text: str
    key: str


@dataclass
class _DocState:
    """What the article established so far: who was named, aliases it introduced."""

    date: str | None
    body: str = ""
    seen: list[str] = field(default_factory=list)  # person actor ids, in order of mention
    local_names: dict[str, Actor] = field(default_factory=dict)  # surname key -> actor
    # office -> people the article named in it; a bare "der Präsident" is resolved only when
    # exactly one person held that office in the article (else it is ambiguous).
    by_office: dict[str, dict[str, Actor]] = field(default_factory=dict)
    people: dict[str, Actor] = field(default_factory=dict)
    # (country, role noun) -> the person the article named with a role that has no office in
    # the KB: "der russische Botschafter Sergey Kiselev" ... "der russische Botschafter"
    by_role: dict[tuple[str | None, str], Actor] = field(default_factory=dict)
    ner_people: dict[int, int] = field(default_factory=dict)  # start -> end of NER PER spans
    _ner_starts: list[int] = field(default_factory=list)

    def inside_ner_person(self, start: int) -> bool:
        """Whether ``start`` lies inside (not at the start of) a person span of the NER model:
        "Ortega" in "Juan Ortega" is not the KB's Daniel Ortega."""
        if not self.ner_people:
            return False
        if not self._ner_starts:
            self._ner_starts = sorted(self.ner_people)
        k = bisect_left(self._ner_starts, start) - 1
        return k >= 0 and self.ner_people[self._ner_starts[k]] > start


class _Spans:
    """Character spans already taken by a mention; "does a span overlap one?" in O(log n).

    A scan of all of them for every NER span is O(n^2) on a page of thousands of names.
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        fixed = sorted(spans)  # may overlap each other: the largest end so far answers for them
        self._starts = [s for s, _ in fixed]
        self._max_end = list(accumulate((e for _, e in fixed), max))
        # spans added later overlap nothing taken (add() is called only then), so sorted by
        # start they are sorted by end too
        self._added_starts: list[int] = []
        self._added_ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self._starts, end)  # the spans that start before ``end``
        if k and self._max_end[k - 1] > start:
            return True
        j = bisect_left(self._added_starts, end)
        return j > 0 and self._added_ends[j - 1] > start

    def add(self, start: int, end: int) -> None:
        j = bisect_left(self._added_starts, start)
        self._added_starts.insert(j, start)
        self._added_ends.insert(j, end)


def _tokens(body: str, sentence: Sentence) -> list[_Tok]:
    spans = sentence.tokens or ((sentence.start, sentence.end),)
    out: list[_Tok] = []
    for n, (s, e) in enumerate(spans):
        # spaCy keeps the full stop on a sentence's last word when it looks like an
        # abbreviation ("Digi24."); the name is the word without it.
        if n == len(spans) - 1 and e - s > 2 and body[e - 1] == "." and body[s:e - 1].isalnum():
            out.append(_Tok(s, e - 1, body[s:e - 1], norm(body[s:e - 1])))
            out.append(_Tok(e - 1, e, ".", "."))
            continue
        out.append(_Tok(s, e, body[s:e], norm(body[s:e])))
    return out


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


def _name_ok(entry: list[str], text: str) -> bool:
    flag = entry[2] if len(entry) > 2 else ""
    if flag == "cs":
        return text.isupper()
    if flag == "lc":
        return True
    return _capitalised(text) or text[:3].lower() in ("al-", "as-", "el-", "de ", "von")


_CACHE_LIMIT = 100_000  # words per per-word cache: a long run meets every word once


def _cached(cache: dict[str, str | None], key: str, find: Callable[[str], str | None]) -> str | None:
    """``find(key)``, remembered in ``cache``, which is emptied when it reaches the limit."""
    if key not in cache:
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        cache[key] = find(key)
    return cache[key]


class Linker:
    """Links one Document's mentions; holds the KB and the per-name first-token index."""

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or load_kb()
        first: dict[str, int] = {}
        for key in self.kb.names:
            n = key.count(" ") + 1
            head = key.split(" ", 1)[0]
            if first.get(head, 0) < n:
                first[head] = n
        self._first = first
        self._states = {
            entry[2]: actor_id for actor_id, entry in self.kb.actors.items() if entry[1] == "state"
        }
        # Keys that can begin a KB mention: most tokens ("und", "hatte") are none of these,
        # and _at rejects them with one set lookup instead of six.
        self._starters = frozenset(
            [*self.kb.adjectives, *first, *self.kb.roles, *self.kb.demonyms]
        )
        self._town_starts = frozenset(k.split(" ", 1)[0] for k in self.kb.gazetteer)
        self._regional: dict[str, str | None] = {}
        self._regional_nouns: dict[str, str | None] = {}
        self._city_adjectives: dict[str, str | None] = {}
        self._longest_role = max(map(len, self.kb.roles), default=0)

    # ---- public ------------------------------------------------------------------------

    def link(self, doc: Document) -> tuple[Mention, ...]:
        state = _DocState(date=doc.published, body=doc.body, ner_people={
            m.start: m.end for m in doc.mentions if m.label == "PER" and m.actor is None})
        found: list[Mention] = []
        for index, sentence in enumerate(doc.sentences):
            found.extend(self._sentence(doc.body, sentence, index, state))
        ner = [m for m in doc.mentions if m.actor is None]
        found = _names_around_places(ner, found)
        found.extend(self._bare_unions(doc, found))
        found.extend(self._ner_only(doc.body, ner, found, state))
        found = _surnames_of_new_people(doc, found)
        found = _surnames_before_full_names(found)
        found.sort(key=lambda m: (m.start, m.end))
        found = _organisations_after_role_nouns(doc.body, found)
        found = _party_in_brackets(doc.body, found)
        found = _organisations_taken_up(doc.body, found)
        home = home_state(found, dateline_state(doc, found))
        if home is not None:
            found = [_with_home(m, home) for m in found]
            if home[1] >= _PLACE_HOME_SHARE:
                found = [self._group_home(m, home[0]) for m in found]
        found = _governments_taken_up(doc.body, found)
        # a group no state claimed stays unlinked: "die Regierung" of nobody in particular
        found = [m for m in found if m.how != "role-bare"]
        found = [self._peoples_home(m, home) for m in found]
        return tuple(found)

    def _bare_unions(self, doc: Document, found: Sequence[Mention]) -> list[Mention]:
        """"die Union" alone: the CDU/CSU where the article names a German party ("CDU-Chef
        Merz", "der SPD") and not the EU, the EU where it names the EU and neither party; else nobody
        (German news uses it for both)."""
        parties = _UNION_PARTY_NAMES.search(doc.body) is not None
        if parties == (_EU_NAMES.search(doc.body) is not None):
            return []
        actor_id = _CDU_CSU if parties else _EU
        if actor_id not in self.kb.actors:
            return []
        taken = _Spans((m.start, m.end) for m in found)
        starts = [sentence.start for sentence in doc.sentences]
        out: list[Mention] = []
        for hit in _BARE_UNION.finditer(doc.body):
            before = hit.group(1) or ""
            if before[:1].isupper() and before.endswith(("e", "en")) \
                    and before.lower() not in ("die", "der", "den", "dem", "des"):
                continue  # "Europäische Union", "Christlich-Soziale Union"
            start, end = hit.span(2)
            # (by bisection, as for the surnames below: a long page has many sentences)
            index = bisect_right(starts, start) - 1
            if index < 0 or start >= doc.sentences[index].end or taken.overlaps(start, end):
                continue
            actor = self.kb.actor(actor_id, date=None)
            out.append(Mention(start, end, hit.group(2), _label(actor), actor, index, "context"))
        return out

    def _group_home(self, m: Mention, country: str) -> Mention:
        if m.how != "role-bare" or m.actor is None or m.actor.sector not in _HOME_GROUP_SECTORS \
                and norm(m.text) not in _HOME_FORCES:
            return m  # ("die Miliz" nobody was named as is no militia of the home state)
        if _inflection_stem(norm(m.text)) in _KIND_NOUNS:
            return m  # ("die einzige Partei, die Neuwahlen fordert" is none in particular)
        return replace(m, actor=self._group(country, m.actor.sector), how="role-bare+home")

    def _peoples_home(self, m: Mention, home: tuple[str, float] | None) -> Mention:
        """A people's mention takes the home state if the people lives there, or its one
        state ("Uiguren": CHN); "Kurden" in a report on Syria are Syrian Kurds."""
        a = m.actor
        if a is None or a.country or not a.actor_id.startswith("lb:people:"):
            return m
        states = self.kb.peoples.get(":".join(a.actor_id.split(":")[:3]))
        if not states:
            return m
        if home is not None and (home[0] in states or states == ["*"]):
            country = home[0]
        elif len(states) == 1 and states != ["*"]:
            country = states[0]
        else:
            return m
        return replace(m, actor=replace(a, country=country), how=f"{m.how}+home")

    # ---- one sentence ------------------------------------------------------------------

    def _sentence(self, body: str, sentence: Sentence, index: int, st: _DocState) -> list[Mention]:
        toks = _tokens(body, sentence)
        out: list[Mention] = []
        i = 0
        while i < len(toks):
            key = toks[i].key
            may = self._may_start(key, st) or key in self._town_starts and _town_context(toks, i)
            got = self._at(toks, i, st) if may else None
            if got is None:
                i += 1
                continue
            end, actor, how = got
            start_tok = toks[i]
            last = toks[end - 1]
            mention = Mention(
                start=start_tok.start,
                end=last.end,
                text=body[start_tok.start:last.end],
                label=_label(actor),
                actor=actor,
                sentence_index=index,
                how=how,
            )
            out.append(mention)
            i = end
        return out

    def _at(self, toks: list[_Tok], i: int, st: _DocState) -> tuple[int, Actor, str] | None:
        """The mention starting at token ``i``: (end token, actor, how), or None."""
        tok = toks[i]
        key = tok.key
        # 1. a country adjective, possibly heading a role phrase (not a sea's name: "ins
        # Japanische Meer", "im Südchinesischen Meer")
        if tok.text[:1].isupper() and i + 1 < len(toks) and toks[i + 1].key in _WATERS:
            return None
        if key in self.kb.adjectives:
            # (a longer name of the base that opens with it wins: "der Deutschen Welle",
            # "die Russische Föderation")
            named = self._name(toks, i, st)
            if named is not None and named[0] > i + 1:
                return self._after_name(toks, i, named[0], named[1], named[2], st)
            return self._country_phrase(toks, i, i + 1, self.kb.adjectives[key], st, "adj")
        regional = self._regional_adjective(key) if key.startswith(_COMPASS) else None
        if regional is not None:
            return self._country_phrase(toks, i, i + 1, regional, st, "adj")
        if i > 0 and counts(toks[i - 1].text.lower()) and key in self.kb.demonyms \
                and _capitalised(tok.text):
            # "zehntausende Ungarn", "zwei Israelis": people, though the state has that name
            return self._demonym(toks, i)
        # 2. names from the KB (longest match), and names the article introduced; a town's
        # -er adjective before a role ("Prager Außenministerium", "Moskauer Führung") unless a
        # longer KB name starts there ("Berliner Zeitung")
        named = self._name(toks, i, st)
        city = self._city_phrase(toks, i, st) if key.endswith("er") else None
        if city is not None and (named is None or named[0] <= i + 1):
            return city
        if named is not None:
            end, actor_id, how = named
            return self._after_name(toks, i, end, actor_id, how, st)
        local = st.local_names.get(key)
        if local is not None and _capitalised(tok.text):
            return i + 1, local, "coref"
        region = self._regional_noun(key) if key.startswith(_COMPASS) and _capitalised(tok.text) \
            else None
        if region is not None:
            return i + 1, Actor(f"lb:place:{slug(tok.text)}", tok.text, "place", region), "region"
        # 3. hyphenated compounds: "US-Präsident", "Kreml-Chef", "UN-Konferenz"
        if "-" in key:
            compound = self._compound(toks, i, st)
            if compound is not None:
                return compound
        # 4. role nouns without a country: "Außenminister Sergej Lawrow", "der Ministerpräsident"
        role = self.kb.roles.get(key)
        if role is not None and _capitalised(tok.text):
            return self._bare_role(toks, i, role, st)
        # 5. a town of the gazetteer after a locative preposition or a town noun, or as the
        # dateline: "in Dresden", "im Schwarzmeerort Rize", "Dresden – Das Bundesland ..."
        if key in self._town_starts and _capitalised(tok.text) and _town_context(toks, i):
            town = self._town(toks, i)
            if town is not None:
                return town
        # 6. demonyms: "die Palästinenser", "zwei Afghanen"
        if key in self.kb.demonyms and _capitalised(tok.text):
            return self._demonym(toks, i)
        return None

    def _demonym(self, toks: list[_Tok], i: int) -> tuple[int, Actor, str]:
        state_id = self.kb.demonyms[toks[i].key]
        if state_id in self.kb.peoples:
            return i + 1, self.kb.actor(state_id), "demonym"
        country = self.kb.actors[state_id][2]
        # "Tausende Isländer", "zwei Afghanen": counted people are civilians; "die Russen"
        # alone is as often the state or its army, so it keeps no sector
        sector = "CVL" if i > 0 and counts(toks[i - 1].text.lower()) else None
        return i + 1, Actor(f"lb:people:{country.lower()}", toks[i].text, "group", country,
                            sector), "demonym"

    def _town(self, toks: list[_Tok], i: int) -> tuple[int, Actor, str] | None:
        """The longest gazetteer name (up to three words) starting at token ``i``."""
        for n in range(min(3, len(toks) - i), 0, -1):
            key = " ".join(t.key for t in toks[i:i + n])
            town = self.kb.gazetteer.get(key)
            if town is not None and all(_capitalised(t.text) or t.key in ("al", "el", "de")
                                        for t in toks[i:i + n]):
                return i + n, _town(town), "gazetteer"
        return None

    def _may_start(self, key: str, st: _DocState) -> bool:
        """Whether a mention can begin with this token: most tokens ("und", "hatte") are no
        KB key, no compound, no name of the article, and one set lookup rejects them."""
        return (
            key in self._starters
            or "-" in key
            or key in st.local_names
            or key.startswith(_COMPASS) and (
                self._regional_adjective(key) is not None or self._regional_noun(key) is not None)
            or key.endswith("er") and self._city_adjective(key) is not None
        )

    def _city_phrase(self, toks: list[_Tok], i: int, st: _DocState) -> tuple[int, Actor, str] | None:
        if not _capitalised(toks[i].text):
            return None
        country = self._city_adjective(toks[i].key)
        phrase = self._role_after(toks, i, i + 1, country, st) if country else None
        return (phrase[0], phrase[1], "city-adj") if phrase is not None else None

    def _city_adjective(self, key: str) -> str | None:
        """"prager", "moskauer", "münchner": the state of the town an -er adjective is made
        from (the KB's places, then the gazetteer). Only a role noun after it makes a mention:
        "Berliner Zeitung" and "Wiener Schnitzel" name no actor."""
        return _cached(self._city_adjectives, key, self._find_city_adjective)

    def _find_city_adjective(self, key: str) -> str | None:
        base = key[:-2]
        if len(base) < 4:
            return None
        # Prag-er, Bremen -> Brem-er, München -> Münchn-er
        for town in (base, base + "en", base[:-1] + "en" if base.endswith("n") else ""):
            for entry in self.kb.names.get(town, ()):
                actor = self.kb.actors.get(entry[0])
                if actor is not None and actor[1] == "place" and actor[2]:
                    return str(actor[2])
            found = self.kb.gazetteer.get(town) if town else None
            if found is not None:
                return found[1]
        return None

    def _regional_adjective(self, key: str) -> str | None:
        """"westlibyschen", "ostukrainische", "nordsyrischen": a compass prefix before a state
        adjective names a region of that state. Whole adjectives the KB knows come first
        ("nordkoreanisch", "südafrikanisch")."""
        return _cached(self._regional, key, self._find_regional)

    def _regional_noun(self, key: str) -> str | None:
        """"Nordirak", "Ostukraine", "Nordsyrien": a compass prefix before a state's name is a
        region of that state (names the KB holds whole, "Südsudan", come first)."""
        return _cached(self._regional_nouns, key, self._find_regional_noun)

    def _find_regional_noun(self, key: str) -> str | None:
        for prefix in _COMPASS:
            rest = key[len(prefix):]
            if key.startswith(prefix) and len(rest) >= 4 and rest not in _NOT_REGIONAL_NAMES:
                entries = self.kb.names.get(rest, ())
                state = next((self.kb.actors[e[0]][2] for e in entries
                              if self.kb.actors[e[0]][1] == "state"), None)
                if state is not None:
                    return str(state)
        return None

    def _find_regional(self, key: str) -> str | None:
        for prefix in _COMPASS:
            if key.startswith(prefix) and len(key) > len(prefix) + 4:
                base = key[len(prefix):]
                if base.startswith(_NOT_REGIONAL):
                    return None
                return self.kb.adjectives.get(base)
        return None

    def _name(self, toks: list[_Tok], i: int, st: _DocState) -> tuple[int, str, str] | None:
        longest = self._first.get(toks[i].key, 0)
        if not longest:
            return None
        for n in range(min(longest, len(toks) - i), 0, -1):
            key = toks[i].key if n == 1 else " ".join(t.key for t in toks[i:i + n])
            entries = self.kb.names.get(key)
            if not entries:
                continue
            for entry in entries:
                actor_id, how = entry[0], entry[1]
                if not (all(_capitalised(t.text) for t in toks[i + 1:i + n]) if entry[2] == "art"
                        else _name_ok(entry, toks[i].text)):
                    continue  # ("die Linke" is the party, "die linke Szene" is not)
                if how == "short" and actor_id not in st.seen:
                    continue
                if actor_id not in st.seen and self.kb.actors[actor_id][1] == "person" \
                        and st.inside_ner_person(toks[i].start):
                    continue  # another person's name: "Juan Ortega" is not Daniel Ortega
                return i + n, actor_id, how
        return None

    def _after_name(
        self, toks: list[_Tok], i: int, end: int, actor_id: str, how: str, st: _DocState
    ) -> tuple[int, Actor, str]:
        kb = self.kb
        kind = kb.actors[actor_id][1]
        if kind == "person":
            actor = kb.actor(actor_id, date=st.date)
            self._remember(actor, st)
            return end, actor, "coref" if how == "short" else how
        if kind == "state":
            country = kb.actors[actor_id][2]
            # "Russlands Präsident", "Syriens Staatschef Bashar al-Assad"; not a name that
            # ends in -s itself ("an der Grenze zu Belarus zusätzliche Soldaten")
            if toks[end - 1].key.endswith("s") and end < len(toks) \
                    and toks[end - 1].key != name_key(kb.actors[actor_id][0]):
                phrase = self._role_after(toks, i, end, country, st)
                if phrase is not None:
                    return phrase
            return end, kb.actor(actor_id), "kb"
        meto = kb.metonym(actor_id)
        if meto is not None:
            target, sector = meto
            if self._is_place_use(toks, i, end):
                return end, kb.actor(actor_id), "place"
            t = kb.actor(target)
            return end, replace(t, sector=sector or t.sector), "metonym"
        return end, kb.actor(actor_id), "kb"

    def _is_place_use(self, toks: list[_Tok], i: int, end: int) -> bool:
        if i > 0 and toks[i - 1].key in LOCATIVE:
            return True
        if i > 0 and toks[i - 1].key == "/":
            return True
        # dateline: "Damaskus – Bei Kämpfen ...", "Washington/ Caracas –"
        if end < len(toks) and toks[end].text in _DATELINE_MARKS and i <= 2:
            return True
        # "der ukrainischen Hauptstadt Kiew", "im Schwarzmeerort Sotschi": a town noun names it
        if i > 0 and _is_town_noun(toks[i - 1]):
            return True
        # "die Anschläge von Brüssel und Paris": a name coordinated with a place is one too
        if i > 2 and toks[i - 1].key in ("und", "sowie") and self._is_place_use(toks, i - 2, i - 1):
            return True
        # "der Friedensplan von Minsk", "das Abkommen von Dayton": where it was agreed; "die
        # Anschläge von Paris": where they happened
        # (a name is definite: "eine Erklärung von Moskau" is Moscow's or asked of it)
        return i > 1 and toks[i - 1].key == "von" and (
            toks[i - 2].key.startswith(_NAMED_AFTER_PLACE) and not (
                i > 2 and toks[i - 3].key in _INDEFINITE_ARTICLES)
            or toks[i - 2].key.endswith(_HAPPENED_AT_PLACE))

    # ---- role phrases ------------------------------------------------------------------

    def _country_phrase(
        self, toks: list[_Tok], i: int, end: int, state_id: str, st: _DocState, how: str
    ) -> tuple[int, Actor, str]:
        country = self.kb.actors[state_id][2]
        phrase = self._role_after(toks, i, end, country, st)
        if phrase is not None:
            return self._of_people(phrase, state_id)
        shared = self._shared_role(toks, end) if how == "adj" else None
        if shared is not None and state_id not in self.kb.peoples:
            # "russische und belarussische Truppen", "die deutsche und die französische
            # Regierung": the adjective shares the next phrase's role noun
            role_key, role = shared
            return self._resolve_role(toks, i, end, country, role, role_key, st)
        return end, self.kb.actor(state_id), how

    def _shared_role(self, toks: list[_Tok], end: int) -> tuple[str, list[str]] | None:
        """The role noun of a country adjective's phrase coordinated right after one at
        ``end`` ("und belarussische Truppen", "oder der chinesische Präsident")."""
        j = end
        if j >= len(toks) or toks[j].key not in ("und", "oder", "sowie"):
            return None
        j += 1
        if j < len(toks) and toks[j].key in _ARTICLES:
            j += 1  # "die deutsche und die französische Regierung"
        if j + 1 >= len(toks) or toks[j].key not in self.kb.adjectives \
                or not toks[j].text[:1].islower():
            return None
        k = j + 1
        while k < len(toks) and k - j <= 2 and _is_modifier(toks[k]) and not _capitalised(toks[k].text):
            k += 1  # "und belarussische reguläre Truppen"
        if k >= len(toks) or not _capitalised(toks[k].text):
            return None
        role = self._role(toks[k].key)
        return (toks[k].key, role) if role is not None else None

    def _of_people(self, phrase: tuple[int, Actor, str], people_id: str) -> tuple[int, Actor, str]:
        """A role phrase of a people without a state ("kurdische Kämpfer") as that people's
        group; the article's home state may give it a country later (``_peoples_home``)."""
        end, actor, how = phrase
        if people_id not in self.kb.peoples or actor.kind != "group" or actor.country:
            return phrase
        sect = actor.sector or "UNK"
        name = f"{self.kb.actors[people_id][0]} ({sect})"
        return end, Actor(f"{people_id}:{sect.lower()}", name, "group", None, actor.sector), how

    def _role_after(
        self, toks: list[_Tok], i: int, end: int, country: str, st: _DocState
    ) -> tuple[int, Actor, str] | None:
        """A role noun after a country word at ``end`` (skipping modifiers and "Staats- und")."""
        j = end
        for _ in range(3):
            if j >= len(toks):
                return None
            key = toks[j].key
            if _capitalised(toks[j].text) and self._role(key) is not None:
                break
            if key.endswith("-") and j + 1 < len(toks) and toks[j + 1].key in ("und", "oder"):
                j += 2  # "Staats- und Parteichef"
                continue
            if _is_modifier(toks[j]):
                j += 1  # "der russische nationale Sicherheitsrat", "Russlands ehemaliger"
                continue
            return None
        else:
            return None
        if j >= len(toks):
            return None
        role_key = toks[j].key
        role = self._role(role_key)
        assert role is not None
        if role_key in _CROWDS and self._counts_a_role(toks, j):
            # "nach Angaben Südkoreas Tausende weitere Soldaten": a count of men the role
            # noun names, whose state the genitive of the account is not
            return None
        return self._resolve_role(toks, i, j + 1, country, role, role_key, st)

    def _counts_a_role(self, toks: list[_Tok], j: int) -> bool:
        """The crowd word at ``j`` counts a role noun after it, over at most two inflected
        adjectives ("Tausende weitere Soldaten")."""
        k = j + 1
        while k < len(toks) and k - j <= 2 and toks[k].text.isalpha() \
                and toks[k].text.islower() and toks[k].key.endswith(("e", "en", "er", "es", "em")):
            k += 1
        return k < len(toks) and _capitalised(toks[k].text) and self._role(toks[k].key) is not None

    def _role(self, key: str) -> list[str] | None:
        """A role noun, or a compound ending in one ("Übergangspräsidentin",
        "Sicherheitsratssekretär"): the compound keeps sector and kind, not the office."""
        role = self.kb.roles.get(key)
        if role is not None:
            return role
        # a tail longer than the longest role cannot match (and slicing every tail of a huge
        # "word" would be quadratic)
        for k in range(max(3, len(key) - self._longest_role), len(key) - 4):
            tail = self.kb.roles.get(key[k:])
            if tail is not None:
                return ["", *tail[1:3]]
        return None

    def _holders_named_in(self, country: str, office: str, body: str) -> list[str]:
        """Holders of the office whose surname the (undated) article names anywhere:
        "Griechenlands Premier ... Tsipras" in an archive text is Tsipras, not whoever
        holds the office today."""
        named = []
        for _, _, actor_id in self.kb.holders(country, office):
            surname = self.kb.actors[actor_id][0].split()[-1]
            if len(surname) >= 5 and re.search(rf"\b{re.escape(surname)}\b", body):
                named.append(actor_id)
        return named

    def _resolve_role(
        self,
        toks: list[_Tok],
        i: int,
        end: int,
        country: str | None,
        role: list[str],
        role_key: str,
        st: _DocState,
    ) -> tuple[int, Actor, str]:
        office, sector, kind = role[:3]
        if len(role) > 3 and role[3]:
            # "der argentinische Papst": a role that implies its state ("papst" -> VAT) is
            # that state's office; the adjective says where the holder comes from
            country = role[3]
        kb = self.kb
        if kind == "person":
            name = self._name_after(toks, end, st)
            if name is not None:
                name_end, actor = name
                if not (_former(toks, i) and country and self._state_id(country) is None):
                    # ("der ehemalige EU-Kommissar Stefan Füle" no longer acts for the EU)
                    actor = self._in_office(actor, country)
                if actor.sector is None and sector:
                    actor = replace(actor, sector=sector)
                self._remember(actor, st, office)
                if not office:
                    st.by_role[(country, self._role_stem(role_key))] = actor
                return name_end, actor, "role-name"
            if office and country:
                prefer = list(reversed(st.seen))
                if st.date is None:
                    prefer += self._holders_named_in(country, office, st.body)
                holder = kb.holder(country, office, st.date, prefer=prefer)
                if holder is not None:
                    actor = self._in_office(kb.actor(holder, date=st.date), country)
                    self._remember(actor, st, office)
                    return end, actor, "role"
            named = st.by_role.get((country, self._role_stem(role_key))) if not office else None
            if named is not None:
                return end, named, "coref"
            label = " ".join(t.text for t in toks[i:end])
            return end, Actor(f"lb:role:{(country or 'xxx').lower()}:{slug(role_key)}", label,
                              "person", country, sector or None), "role"
        # a group or institution: "die russischen Geheimdienste", "venezolanische Regierungsvertreter"
        return end, self._group(country, sector), "role"

    def _in_office(self, actor: Actor, country: str | None) -> Actor:
        """The person as the holder of a role of ``country``: the role gives a state the text
        did not, and an international office acts for its organisation, not for the holder's
        own state ("EU-Kommissionschef Jean-Claude Juncker", "der EU-Kommissionschef",
        "Nato-Generalsekretär Jens Stoltenberg")."""
        if country and (actor.country is None or self._state_id(country) is None):
            return replace(actor, country=country)
        return actor

    def _group(self, country: str | None, sector: str | None) -> Actor:
        """A state's institution or group of one sector: "Russland (SPY)"."""
        sect = sector or "UNK"
        state_id = self._state_id(country)
        name = f"{self.kb.actors[state_id][0] if state_id else country} ({sect})"
        return Actor(f"lb:grp:{(country or 'xxx').lower()}:{sect.lower()}", name, "group", country,
                     sector or None)

    def _role_stem(self, key: str) -> str:
        """A role noun without its case ending: "botschafters", "botschaftern" -> "botschafter"
        (the feminine "botschafterin" stays: another person)."""
        for ending in ("en", "s", "n"):
            if key.endswith(ending) and key[: -len(ending)] in self.kb.roles:
                return key[: -len(ending)]
        return key

    def _state_id(self, country: str | None) -> str | None:
        return self._states.get(country) if country else None

    def _name_after(self, toks: list[_Tok], j: int, st: _DocState) -> tuple[int, Actor] | None:
        """A person's name right after a role noun: a KB person or new capitalised tokens."""
        if j < len(toks) and toks[j].key == ",":  # "Staatschef, Nicolás Maduro"
            j += 1
        if j >= len(toks) or not _capitalised(toks[j].text) or not toks[j].text[:1].isalpha():
            return None
        named = self._name(toks, j, st)
        if named is not None:
            end, actor_id, _ = named
            if self.kb.actors[actor_id][1] == "person":
                return end, self.kb.actor(actor_id, date=st.date)
            return None
        local = st.local_names.get(toks[j].key)
        if local is not None:
            return j + 1, local
        ner_end = st.ner_people.get(toks[j].start)
        if ner_end is not None:  # the model's span: "Otto Warmbier" though "Warmbier" is a word
            k = j
            while k < len(toks) and toks[k].end <= ner_end:
                k += 1
            name = " ".join(t.text for t in toks[j:k])
            return k, Actor(f"lb:per:{slug(name)}", name, "person", None, None)
        k = j
        while k < len(toks) and k - j < _MAX_NAME_TOKENS and _looks_like_name(toks[k]):
            k += 1
        # A one-word name is no German word ("Venezuela-Diktator Asyl" is no person called
        # Asyl); after a first name the surname may be one ("Jens-Frederik Nielsen", "Lars
        # Løkke Rasmussen", "Hans Müller") unless it is an inflected or abstract noun
        # ("sagte Außenminister Lawrow Journalisten", "sicherte Ministerin Nina Warken
        # Unterstützung zu").
        while k > j and _is_german_word(toks[k - 1].text) and (
                k - j == 1 or _common_noun(toks[k - 1].text)):
            k -= 1
        if k == j:
            return None
        words = [t.text for t in toks[j:k]]
        name = " ".join(words)
        actor = Actor(f"lb:per:{slug(name)}", name, "person", None, None)
        return k, actor

    def _bare_role(
        self, toks: list[_Tok], i: int, role: list[str], st: _DocState
    ) -> tuple[int, Actor, str] | None:
        office, sector, kind = role[:3]
        implied = role[3] if len(role) > 3 else ""
        if kind == "person" and not office and i > 0 and _crowd_count(toks[i - 1].key):
            # "Tausende Studenten protestierten": counted, a person's noun names a crowd
            return self._unplaced_group(toks, i, sector)
        if self._coordinated_genitive(toks, i):
            # "Vertreter Israels und der Hamas", "die Außenminister des Irans und Ägyptens":
            # the men of two sides, which are linked themselves (not the dateline's state)
            return None
        if kind != "person":
            # "In Caracas betrachten Regierungsvertreter ...": a state institution next to a
            # state or capital in the same clause belongs to it; otherwise it stays unlinked.
            if sector == "REB":
                # "Dschihadisten haben in Mali einen Konvoi angegriffen", "Rebellen in Syrien":
                # insurgents fight in their own state (the home state alone is no evidence:
                # a report from Washington speaks of Syrian or Colombian rebels)
                where = next((c for k in range(i, min(len(toks) - 2, i + 4))
                              if toks[k + 1].key not in (",", ";", ".", ":")
                              and (c := self._country_after(toks, k, ("in", "im"))) is not None), None)
                if where is not None:
                    return self._resolve_role(toks, i, i + 1, where, role, toks[i].key, st)
            if sector not in _STATE_SECTORS:
                # "die Opposition in Georgien": the opposition of the state it is in;
                # "Unternehmen aus China": the firms of the state they come from
                where = self._country_after(toks, i, ("in",)) if sector == "OPP" else \
                    self._country_after(toks, i, ("aus",)) if sector == "BUS" \
                    and not self._owned(toks, i) else None
                if where is not None:
                    return self._resolve_role(toks, i, i + 1, where, role, toks[i].key, st)
                return self._unplaced_group(toks, i, sector, crowd=kind == "crowd")
            # "die Führung in Kiew", "die Regierung in Warschau", "die Regierung von Nauru": the
            # place after it names the state, whatever state stood before ("Der Kreml
            # kritisierte die Führung in Kiew")
            # ("die Truppen in Afghanistan" may be anyone's troops; the police and the courts
            # of a town are its state's: "Die Staatsanwaltschaft in Ankara")
            after = self._genitive_state(toks, i) or (
                self._country_after(toks, i, ("in", "aus", "von")) if sector == "GOV" else
                self._country_after(toks, i, ("in",), places=True) if sector in ("JUD", "COP")
                else None)
            country = after or self._country_before(toks, i, window=3, agent_ok=False)
            if country is None:
                return self._unplaced_group(toks, i, sector)
            return self._resolve_role(toks, i, i + 1, country, role, toks[i].key, st)
        name = self._name_after(toks, i + 1, st)
        if name is not None:
            end, actor = name
            if actor.country is None:
                country = self._country_before(toks, i)
                if country:
                    actor = replace(actor, country=country)
            if actor.sector is None and sector:
                actor = replace(actor, sector=sector)
            self._remember(actor, st, office)
            return end, actor, "role-name"
        of = self._country_after(toks, i, ("von",)) or self._genitive_state(toks, i)
        if of is None and not office and sector in ("GOV", "BUS") and not self._owned(toks, i):
            # "sechs Diplomaten aus Argentinien", "Unternehmen aus China": officials and firms
            # from a state are its own (not "seine Diplomaten aus Niger abziehen": that
            # owner's people leave)
            of = self._country_after(toks, i, ("aus",))
        if of is not None:
            # "dem Staatspräsidenten von Vietnam": that state's office holder, whoever the
            # article named before
            return self._resolve_role(toks, i, i + 1, of, role, toks[i].key, st)
        if implied and office:
            # "der Papst", "der Kremlchef": the role names its state (not the president the
            # article named last: "Trump ... nach einem Telefonat mit dem Kremlchef")
            return self._resolve_role(toks, i, i + 1, implied, role, toks[i].key, st)
        holders = st.by_office.get(office) if office else None
        if holders and len(holders) == 1:
            return i + 1, next(iter(holders.values())), "coref"
        holder = self._seen_holder(office, st) if office else None
        if holder is not None:  # "Erdoğan ... der Staatschef": the named man holds that office
            return i + 1, holder, "coref"
        taken_up = self._named_in_role(toks, i, st) if not office else None
        if taken_up is not None:
            return i + 1, taken_up, "coref"
        if not office and sector in _HOME_PERSON_SECTORS:
            # "Lukaschenko hat sechs inhaftierte Oppositionsführer begnadigt": opposition
            # figures and members of parliament no state names are the home state's, as the
            # groups are ("die Opposition"); an ambassador or a spokesman is anyone's
            return self._unplaced_group(toks, i, sector)
        return None

    def _named_in_role(self, toks: list[_Tok], i: int, st: _DocState) -> Actor | None:
        """"der Botschafter", "der Diplomat" after "den russischen Botschafter Sergej Andrejew":
        a definite role noun with no office takes up the one person the article named in that
        role (or in a role it stands for: _ROLES_TAKEN_UP_BY), whatever their state."""
        if i == 0 or toks[i - 1].key not in ("der", "die", "dem", "den", "des"):
            return None
        stem = self._role_stem(toks[i].key)
        stems = {stem} | _ROLES_TAKEN_UP_BY.get(stem, frozenset())
        named = {a.actor_id: a for (_, role), a in st.by_role.items() if role in stems}
        return next(iter(named.values())) if len(named) == 1 else None

    def _genitive_state(self, toks: list[_Tok], i: int) -> str | None:
        """The state a genitive right after the noun at ``i`` names: "der Präsident
        Frankreichs", "die Regierung des Iran", "der Außenminister der Ukraine"."""
        j = i + 1
        if j + 1 < len(toks) and toks[j].key in ("des", "der"):
            j += 1
        elif j >= len(toks) or not toks[j].text.endswith("s"):
            return None  # a bare state name only in the genitive: "Russlands", "Irans"
        if not _capitalised(toks[j].text) or j + 1 < len(toks) and toks[j + 1].key in (
                "und", "sowie", "oder", ","):
            return None  # ("die Außenminister des Irans und Ägyptens" are two states' men)
        for entry in self.kb.names.get(toks[j].key, ()):
            if self.kb.actors[entry[0]][1] == "state":
                return str(self.kb.actors[entry[0]][2])
        return None

    def _coordinated_genitive(self, toks: list[_Tok], i: int) -> bool:
        """Whether two coordinated genitives of known actors follow the noun at ``i``."""
        j = i + 1
        if j < len(toks) and toks[j].key in ("des", "der"):
            j += 1
        if j + 1 >= len(toks) or not _capitalised(toks[j].text) \
                or toks[j + 1].key not in ("und", "sowie") or not self.kb.names.get(toks[j].key):
            return False
        k = j + 2
        if k < len(toks) and toks[k].key in ("des", "der"):
            k += 1
        return k < len(toks) and _capitalised(toks[k].text) and bool(self.kb.names.get(toks[k].key))

    @staticmethod
    def _owned(toks: list[_Tok], i: int) -> bool:
        """Whether a possessive opens the phrase of the noun at ``i`` ("ihre eigenen
        Diplomaten", "seine zwei Botschafter")."""
        for k in range(i - 1, max(-1, i - 4), -1):
            if toks[k].key in _POSSESSIVES:
                return True
            if _capitalised(toks[k].text) or toks[k].key in (",", ";", ".", ":"):
                return False
        return False

    def _unplaced_group(
        self, toks: list[_Tok], i: int, sector: str, crowd: bool = False,
    ) -> tuple[int, Actor, str] | None:
        """"Die Polizei nahm ... fest", "die Opposition fordert": an institution the sentence
        does not place is the article's home state's, if the article has one (``link``).
        ``crowd``: people who are a group only when counted ("Tausende Landwirte")."""
        if sector not in _HOME_GROUP_SECTORS and toks[i].key not in _HOME_FORCES \
                and _inflection_stem(toks[i].key) not in _TAKEN_UP_NOUNS:
            return None  # (a bare "die Miliz" may take up an armed group named before)
        if (crowd or toks[i].key in _NOT_HOME_GROUPS) \
                and not (i > 0 and _crowd_count(toks[i - 1].key)):
            # ("Tausende Studenten", "mehrere tausend Menschen" are a crowd of the home state,
            # "die Bürger" or "Menschen" in general are not)
            return None
        if toks[i].key in _CROWDS and i + 1 < len(toks) and _capitalised(toks[i + 1].text):
            return None  # "Tausende Studenten": the noun counted names the crowd
        if i > 0 and toks[i - 1].key == "vor":
            return None  # "vor Gericht ziehen": a place to go, not an actor
        return i + 1, Actor(f"lb:grp:xxx:{sector.lower()}", toks[i].text, "group", None, sector), \
            "role-bare"

    def _seen_holder(self, office: str, st: _DocState) -> Actor | None:
        """The person named last in the article who holds ``office`` of their state then."""
        for actor_id in reversed(st.seen[-20:]):
            person = st.people.get(actor_id)
            if person is not None and person.country and self.kb.holder(
                    person.country, office, st.date, prefer=(actor_id,)) == actor_id:
                return person
        return None

    def _country_after(
        self, toks: list[_Tok], i: int, preps: tuple[str, ...] = ("in", "aus"),
        places: bool = False,
    ) -> str | None:
        """The state of "in <state or capital>" (or another of ``preps``) right after token
        ``i``; with ``places``, also of a town or region of the KB."""
        if i + 2 >= len(toks) or toks[i + 1].key not in preps:
            return None
        for entry in self.kb.names.get(toks[i + 2].key, ()):
            if not _capitalised(toks[i + 2].text):
                return None
            kind = self.kb.actors[entry[0]][1]
            if kind == "state" or self.kb.metonym(entry[0]) is not None \
                    or places and kind == "place" and self.kb.actors[entry[0]][2]:
                return str(self.kb.actors[entry[0]][2])
        return None

    def _country_before(
        self, toks: list[_Tok], i: int, window: int = 4, agent_ok: bool = True
    ) -> str | None:
        # "Kroatien seine Außenministerin Vesna Pusic": a state a few tokens back, same clause.
        # Not the agent of a participle: "die von Russland unterstützte Regierung" is not RUS.
        for k in range(i - 1, max(-1, i - window - 1), -1):
            if toks[k].key in (",", ";", ".", ":"):
                return None
            if not agent_ok and k > 0 and toks[k - 1].key in ("von", "durch"):
                continue
            if k > 0 and toks[k - 1].key in _ACCOUNT_KEYS:
                continue  # "nach Angaben Südkoreas Tausende Soldaten": whose account, no owner
            if k > 0 and toks[k - 1].key in _OBJECT_PREPS:
                return None  # "an der Grenze zu Belarus zusätzliche Soldaten": not Belarus's
            for entry in self.kb.names.get(toks[k].key, ()):
                kind = self.kb.actors[entry[0]][1]
                if kind != "state" and self.kb.metonym(entry[0]) is None:
                    continue
                if _verb_between(toks, k, i) or _next_phrase(toks, k, i):
                    return None
                return str(self.kb.actors[entry[0]][2])
        return None

    def _compound(self, toks: list[_Tok], i: int, st: _DocState) -> tuple[int, Actor, str] | None:
        tok = toks[i]
        head, _, rest = tok.key.partition("-")
        target = self.kb.prefixes.get(head)
        adjective = self.kb.adjectives.get(head)
        if target is None and adjective is None:
            return self._party_role_compound(toks, i, head, rest, st) \
                or self._person_compound(toks, i, head, rest, st)
        if target is None:
            target = adjective
        assert target is not None
        kind = self.kb.actors[target][1]
        meto = self.kb.metonym(target)
        country: str | None
        if meto is not None:
            country = self.kb.actors[meto[0]][2]
            base = self.kb.actor(meto[0])
        else:
            country = self.kb.actors[target][2]
            base = self.kb.actor(target)
        last = rest.rsplit("-", 1)[-1]
        if last in _THING_HEADS:
            return None  # "3,4 Milliarden US-Dollar": a currency, no actor
        if kind == "organisation" and last in _MEMBER_HEADS:
            # "das Nato-Land Türkei", "ein EU-Staat": one member, not the organisation (the plural
            # "die EU-Staaten" stands for the bloc); a state name after it links on its own
            return None
        if kind in ("organisation", "group") and _inflection_stem(last) in _KIND_NOUNS:
            return i + 1, base, "prefix"  # "die Fidesz-Partei", "die Hisbollah-Miliz": itself
        role_key = next((k for k in (tok.key, rest, last) if k in self.kb.roles), last)
        role = self._role(role_key)  # "kreml-chef" as a whole before "chef"
        if role is not None:
            if base.sector and (not role[1] or base.sector == "PTY" and _party_role(role_key)):
                # "FPÖ-Chef", "CDU-Generalsekretär", "ÖVP-Politiker", "SPÖ-Bautensprecherin":
                # the party's sector (not for offices of state: "CDU-Ministerpräsident";
                # nor members of parliament or opposition leaders: "CHP-Abgeordneter")
                role = [role[0], base.sector, *role[2:]]
            return self._of_people(self._resolve_role(toks, i, i + 1, country, role, role_key, st), target)
        if kind in ("organisation", "group"):
            return i + 1, base, "prefix"
        return i + 1, base, "prefix"

    def _party_role_compound(
        self, toks: list[_Tok], i: int, head: str, rest: str, st: _DocState
    ) -> tuple[int, Actor, str] | None:
        """"Grünen-Chefin Franziska Brantner", "Linken-Chef": a person role after a party
        noun that names no state (the Greens of several states) is a party official, whose
        state the article's home state gives (``link``)."""
        party = self.kb.roles.get(self._role_stem(head)) or self.kb.roles.get(head)
        role = self._role(rest.rsplit("-", 1)[-1])
        if party is None or party[1] != "PTY" or party[2] != "group" or role is None \
                or role[2] != "person":
            return None
        name = self._name_after(toks, i + 1, st)
        if name is None:
            return None
        end, actor = name
        if actor.sector is None:
            # (a member of parliament stays one: "Grünen-Abgeordnete Madeleine Petrovic")
            party_role = not role[1] or _party_role(rest.rsplit("-", 1)[-1])
            actor = replace(actor, sector="PTY" if party_role else role[1])
        self._remember(actor, st)
        return end, actor, "role-name"

    def _person_compound(
        self, toks: list[_Tok], i: int, head: str, rest: str, st: _DocState
    ) -> tuple[int, Actor, str] | None:
        """"Assad-Regime", "Trump-Anhänger": a group noun after the surname of a person the
        article named is a group of that person's state."""
        person = st.local_names.get(head)
        role = self.kb.roles.get(rest.rsplit("-", 1)[-1]) if person is not None else None
        if person is None or role is None or role[2] not in ("group", "crowd") \
                or not person.country:
            return None
        return self._resolve_role(toks, i, i + 1, person.country, role, rest, st)

    # ---- memory ------------------------------------------------------------------------

    def _remember(self, actor: Actor, st: _DocState, office: str | None = None) -> None:
        if actor.kind != "person":
            return
        st.seen.append(actor.actor_id)
        st.people[actor.actor_id] = actor
        parts = actor.name.split()
        if len(parts) >= 2:
            surname = norm(family_name(actor.name, actor.country))
            st.local_names.setdefault(surname, actor)
            st.local_names.setdefault(surname + "s", actor)
            particle, _, bare = surname.partition("-")
            if bare and particle in NAME_PARTICLES:  # "al-Assad" is also "Assad"
                st.local_names.setdefault(bare, actor)
                st.local_names.setdefault(bare + "s", actor)
        if office:
            st.by_office.setdefault(office, {})[actor.actor_id] = actor

    # ---- NER spans the KB did not cover ------------------------------------------------

    def _ner_only(
        self, body: str, ner: Sequence[Mention], found: Sequence[Mention], st: _DocState
    ) -> list[Mention]:
        out: list[Mention] = []
        taken = _Spans((m.start, m.end) for m in found)
        adjectives = {m.end: m for m in found if m.how == "adj" and m.actor is not None}
        for m in ner:
            if m.label == "MISC" or taken.overlaps(m.start, m.end):
                continue  # MISC ("Ukraine-Krieg", "Brexit") names no actor
            if m.label == "PER" and _abstract_noun(m.text):
                continue  # "kündigte Gegenmaßnahmen an": the model's person is no name
            key = " ".join(norm(w) for w in m.text.split())
            actor: Actor | None = None
            # a KB surname ("Aden") only after the person's full name, as in the KB pass
            entries = [e for e in self.kb.names.get(key, ()) if e[1] != "short" or e[0] in st.seen]
            if m.label == "PER" and not entries and _noun_after_article(body, m):
                continue  # "auf die erste Phase des Friedensplans": a noun, no unknown person
            town = self.kb.gazetteer.get(key) if m.label == "LOC" else None
            if entries:
                actor = self.kb.actor(entries[0][0], date=st.date)
            elif town is not None:
                out.append(replace(m, actor=_town(town), how="gazetteer"))
                taken.add(m.start, m.end)
                continue
            elif norm(m.text.split()[-1]) in st.local_names and _same_person(
                    m.text, st.local_names[norm(m.text.split()[-1])]):
                actor = st.local_names[norm(m.text.split()[-1])]
            else:
                kind = {"PER": "person", "LOC": "place", "ORG": "organisation"}.get(m.label, "group")
                before = _WORD_BEFORE.search(body, max(0, m.start - 40), m.start)
                if before and _is_town_noun(_Tok(0, 0, before[1], norm(before[1]))):
                    kind = "place"  # "im Schwarzmeerort Rize": whatever the model called it
                actor = Actor(f"lb:{kind[:3]}:{slug(m.text)}", m.text, kind,  # type: ignore[arg-type]
                              sector=_name_sector(m.text) if kind == "organisation" else None)
                if kind == "organisation":
                    actor = _described_by_state(body, m, actor, adjectives, out)
            out.append(replace(m, actor=actor, how="ner-only" if not entries else "kb"))
            taken.add(m.start, m.end)
        return out


_EU = "Q458"
_CDU_CSU = "lb:org:cdu-csu"
# (the CDU's rivals too: "Die Union hat der SPD vorgeworfen ..." is domestic politics)
_UNION_PARTY_NAMES = re.compile(r"(?<![\w-])(?:CDU|CSU|SPD|AfD|FDP|BSW|Grünen)(?![a-zäöü])")
_EU_NAMES = re.compile(r"(?<![\w-])EU(?![a-zäöü])|Europäischen? Union|Brüssel")
# "die Union", "der Union", "Union und SPD" -- not "Europäische Union", "Afrikanischen Union"
# (an adjective before it) nor a compound ("Unionsfraktion", "Union-geführte")
_BARE_UNION = re.compile(r"(?<![\w-])(?:(\w+)\s+)?(Union)(?![\w-])")


# "den russischen Ölkonzern Lukoil": a state's adjective, one noun, the name; "Rosneft und
# Lukoil": a name coordinated with the first
_DESCRIBED_NAME = re.compile(r"\s(\w[\w-]*)\s+$")
_COORDINATED_NAME = re.compile(r"\s([A-ZÄÖÜ][\w-]*)\s+(?:und|sowie)\s+$")


def _described_by_state(
    body: str, m: Mention, actor: Actor, adjectives: dict[int, Mention], before: list[Mention],
) -> Actor:
    """An unknown organisation after "<state adjective> <noun>" is of that state, in the
    sector its noun names ("die russischen Ölkonzerne Rosneft und Lukoil": RUS, BUS); so is a
    name coordinated with such a one."""
    described = _state_and_noun_before(body, m.start, adjectives)
    if described is None:
        first = _COORDINATED_NAME.search(body, max(0, m.start - 40), m.start)
        described = _state_and_noun_before(body, first.start(1), adjectives) if first else None
    if described is None:
        return actor
    country, noun = described
    sector = actor.sector or _name_sector(noun) or _name_sector(noun.removesuffix("e"))
    return replace(actor, country=country, sector=sector)


def _state_and_noun_before(
    body: str, start: int, adjectives: dict[int, Mention],
) -> tuple[str, str] | None:
    noun = _DESCRIBED_NAME.search(body, max(0, start - 40), start)
    if noun is None or not noun[1][:1].isupper():
        return None
    adj = adjectives.get(noun.start(1) - 1) or adjectives.get(noun.start(1) - 2)
    if adj is None or adj.actor is None or not adj.actor.country \
            or body[adj.end:noun.start(1)].strip():
        return None
    return adj.actor.country, noun[1]


def _same_person(span: str, known: Actor) -> bool:
    """An NER span ending in a known person's surname is that person when it is the bare
    surname or the full name; "Juan Ortega" is not Daniel Ortega."""
    words = span.split()
    return len(words) == 1 or norm(" ".join(words)) == norm(known.name)


# Compass prefixes of regional adjectives, longest first ("nordostsyrisch" before "nordsyrisch")
# (keys are normalised: "süd" is "sud")
_COMPASS = ("nordost", "nordwest", "sudost", "sudwest", "nord", "sud", "ost", "west", "zentral")
# ... but not before these: "südamerikanisch", "westindisch" (the Caribbean), "nordirisch" (GBR,
# listed in kb_countries.tsv), "südsudanesisch" (SSD, listed there too)
_NOT_REGIONAL = ("amerikanisch", "indisch", "irisch", "sudanesisch")
# ... and not before these names: "Nordirland" (GBR), "Osttimor" (a state of its own)
_NOT_REGIONAL_NAMES = frozenset({"irland", "timor", "zypern"})
# Singular heads that make an organisation prefix name one of its members ("Nato-Land Türkei")
_MEMBER_HEADS = frozenset({"land", "staat", "mitglied", "mitgliedsland", "mitgliedstaat",
                           "mitgliedsstaat", "partner", "partnerland", "partnerstaat", "gründungsmitglied"})
# Compound heads that name a thing of the state, never an actor: "Milliarden US-Dollar"
# (and an accession is the joiner's: "den EU-Beitritt der Ukraine ablehnen" rebuffs Ukraine,
# "die Nato-Mitgliedschaft Schwedens" is Sweden's)
_THING_HEADS = frozenset({"dollar", "dollars", "beitritt", "beitritts", "mitgliedschaft"})


_PLACE_WORDS = frozenset({"state", "place"})


# Roles of the government sector that, after a party's name, are the party's
_PARTY_ROLES = frozenset(norm(w) for w in (
    "politiker", "politikerin", "generalsekretär", "generalsekretärin"))


def _party_role(key: str) -> bool:
    """A role noun (KB key) that names a party office after the party's name: politicians,
    secretaries general and spokespeople ("SPÖ-Bautensprecherin")."""
    return key in _PARTY_ROLES or key.endswith(("sprecher", "sprecherin"))


def _only_spaces_between(m: Mention, inside: Sequence[Mention]) -> bool:
    """The KB matches ``inside`` cover the span ``m`` but for the spaces between them."""
    pos = m.start
    for f in inside:
        if m.text[pos - m.start:f.start - m.start].strip():
            return False
        pos = f.end
    return not m.text[pos - m.start:].strip()


def _names_around_places(ner: Sequence[Mention], found: list[Mention]) -> list[Mention]:
    """KB matches of a state or place word inside a longer name the NER model found give way.

    "Syrische Beobachtungsstelle für Menschenrechte", "Oberste Gerichtshof Nordkoreas" are
    organisations of that state (not the state); "Riad Haddad" is a person, not Riyadh. A name
    holding a KB person or organisation ("Russlands Präsident Putin") is left to the KB.
    Linear in the mentions (bisect on the sorted KB matches): a page of thousands of names
    must not cost their square.
    """
    ordered = sorted(found, key=lambda f: (f.start, f.end))
    starts = [f.start for f in ordered]
    dropped: set[int] = set()
    added: list[Mention] = []
    for m in ner:
        if m.label not in ("PER", "ORG"):
            continue
        lo, hi = bisect_left(starts, m.start), bisect_left(starts, m.end)
        inside = ordered[lo:hi]
        if not inside or any(f.end > m.end or f.end - f.start >= m.end - m.start for f in inside):
            continue  # nothing inside, or a match that crosses the span's end or fills it
        if lo > 0 and ordered[lo - 1].end > m.start:
            continue  # a match that crosses the span's start: not a clean name
        if any(f.actor is None or f.actor.kind not in _PLACE_WORDS for f in inside):
            continue
        if m.label == "PER" and inside[-1].end == m.end and inside[-1].actor is not None \
                and inside[-1].actor.kind == "state":
            continue  # "in Kaschmir Pakistan" read as one person: no name ends in a state
        if _only_spaces_between(m, inside):
            continue  # "hat Pakistan Afghanistan ... vorgeworfen": two names, not one
        if m.label == "ORG" and _noun_of_state(m, inside):
            continue  # "mit einem Militärmanöver Russlands": the state's act, no organisation
        first = inside[0].actor
        country = first.country if m.label == "ORG" and first is not None else None
        kind = "person" if m.label == "PER" else "organisation"
        actor = Actor(f"lb:{kind[:3]}:{slug(m.text)}", m.text, kind, country)  # type: ignore[arg-type]
        dropped.update(range(lo, hi))
        added.append(replace(m, actor=actor, how="ner-only" if country is None else "ner-state"))
    if not added:
        return found
    return [f for k, f in enumerate(ordered) if k not in dropped] + added


def _noun_of_state(m: Mention, inside: list[Mention]) -> bool:
    """A span of one common German noun and a state's genitive after it ("Militärmanöver
    Russlands"), where a name would have a word of its own ("Oberste Gerichtshof Nordkoreas")."""
    words = m.text.split()
    last = inside[-1]
    return len(words) == 2 and len(inside) == 1 and last.end == m.end and last.actor is not None \
        and last.actor.kind == "state" and words[1].endswith("s") and _is_german_word(words[0]) \
        and _name_sector(words[0]) is None


def _surnames_of_new_people(doc: Document, found: list[Mention]) -> list[Mention]:
    """Surnames of people the NER model introduced by full name, linked after that point.

    "Roberto Azevedo ... Azevedo sagte": the later "Azevedo" is the man the article named,
    not a KB person of that surname whose full name the article never gave; and a surname the
    model missed in a later sentence is still his.
    """
    introduced: dict[str, tuple[int, Actor]] = {}  # surname key -> (where, actor)
    for m in found:
        actor = m.actor
        if actor is None or m.how != "ner-only" or actor.kind != "person":
            continue
        parts = m.text.split()
        if len(parts) >= 2 and _capitalised(parts[-1]):
            introduced.setdefault(norm(parts[-1]), (m.end, actor))
    if not introduced:
        return found
    full_names = {m.actor.actor_id for m in found if m.actor is not None and " " in m.text}
    out: list[Mention] = []
    for m in found:
        got = introduced.get(norm(m.text))
        if got is not None and m.start >= got[0] and m.actor is not None \
                and m.actor.kind == "person" and m.actor.actor_id not in full_names:
            m = replace(m, actor=got[1], how="coref")
        out.append(m)
    taken = _Spans((m.start, m.end) for m in out)
    # One regex pass over the body, not a second tokenisation of every sentence.
    surnames = {m.text.split()[-1] for m in found if m.how == "ner-only" and m.actor is not None
                and m.actor.kind == "person" and norm(m.text.split()[-1]) in introduced}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(surnames))) + r")s?\b")
    starts = [sentence.start for sentence in doc.sentences]
    for hit in pattern.finditer(doc.body):
        got = introduced.get(norm(hit[1]))
        if got is None or hit.start() < got[0] or taken.overlaps(hit.start(), hit.end()):
            continue
        index = max(0, bisect_left(starts, hit.start() + 1) - 1)
        out.append(Mention(start=hit.start(), end=hit.end(), text=hit[0], label="PER",
                           actor=got[1], sentence_index=index, how="coref"))
        taken.add(hit.start(), hit.end())
    return out


def _surnames_before_full_names(found: list[Mention]) -> list[Mention]:
    """A bare surname with no state that the article names in full only later -- the
    headline "Außenminister Zaorálek" before "Tschechiens Außenminister Lubomír Zaorálek" --
    is that person, when exactly one person of the article has that surname."""
    people: dict[str, set[Actor]] = {}
    first_full: dict[Actor, int] = {}
    for m in found:
        a = m.actor
        if a is not None and a.kind == "person" and a.country and " " in a.name:
            people.setdefault(norm(a.name.split()[-1]), set()).add(a)
            first_full.setdefault(a, m.start)
    if not people:
        return found
    out: list[Mention] = []
    for m in found:
        a = m.actor
        if a is not None and a.kind == "person" and not a.country and " " not in a.name:
            same = people.get(norm(a.name), set())
            if len(same) == 1:
                (person,) = same
                if first_full[person] > m.start:
                    m = replace(m, actor=person, how="coref")
        out.append(m)
    return out


_HOME_KINDS = frozenset({"state", "place", "group", "person", "organisation"})


# "Berlin –", "Damaskus/Wien –", "Berlin, 14.01.2026 –", "Kiew (dpa) –" after the place
_DATELINE_TAIL = re.compile(r"\s*(?:\([^()\n]{1,20}\)\s*)?(?:,\s*[\d.]{6,10}\s*)?(?:/[^–—\n]{1,30})?[–—-]\s")
_DATELINE_SENTENCES = 3  # a dateline follows a lead sentence or two at most
_DATELINE_WEIGHT = 2  # mentions the dateline is worth when counting the home state


def dateline_state(doc: Document, mentions: Sequence[Mention]) -> str | None:
    """The state of the place an article is reported from ("Berlin, 14.01.2026 – Die
    Bundesregierung ..."): the report's bare "die Opposition" and "die Regierung" are
    most often that state's."""
    for m in mentions:
        if m.sentence_index is None or m.sentence_index >= _DATELINE_SENTENCES:
            break
        a = m.actor
        sentence = doc.sentences[m.sentence_index]
        if a is None or a.kind not in ("place", "state") or not a.country \
                or doc.body[sentence.start : m.start].strip():
            continue
        if _DATELINE_TAIL.match(doc.body, m.end):
            return a.country
    return None


def home_state(mentions: Sequence[Mention], dateline: str | None = None) -> tuple[str, float] | None:
    """The state an article is about and its share: the one its mentions of states, places,
    groups, known people and organisations name most, if it has at least two of them, a third
    of all, and more than any other state. The dateline's state, when the text names it
    again, counts ``_DATELINE_WEIGHT`` times and wins a tie ("Berlin – ... die russische Botschaft ...
    Moskau ... die Opposition" is about Germany).
    (Only states count: "EU", "UN" are no home; nor do news media: a Vienna paper reports
    on Spain.)"""
    counts: dict[str, int] = {}
    for m in mentions:
        a = m.actor
        if a is None or a.kind == "organisation" and a.sector == "JRN":
            continue
        if a.kind in _HOME_KINDS and is_state_code(a.country) \
                and "+home" not in m.how and m.how != "ner-only":
            counts[a.country] = counts.get(a.country, 0) + 1
    if not counts:
        return None
    weighted = dict(counts)
    if dateline is not None and counts.get(dateline, 0) >= 2:
        weighted[dateline] += _DATELINE_WEIGHT - 1
    ranked = sorted(weighted.items(), key=lambda kv: (-kv[1], kv[0] != dateline))
    best, n = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    total = sum(weighted.values())
    # (a tie goes to the dateline)
    if counts[best] >= 2 and (n > runner_up or best == dateline) and 3 * n >= total:
        return best, n / total
    return None


# A place takes the home state only when the article is mostly about that state: places
# travel ("Kaliningrad" in a report on Lithuania), people and parties less so. So does a
# group named without a state: "die Regierung" in a report on two states is either's.
_PLACE_HOME_SHARE = 0.5


def _organisations_after_role_nouns(body: str, found: list[Mention]) -> list[Mention]:
    """"gegen den US-Konzern Google", "den chinesischen Konzern Wahaha", "das deutsche BKA": a
    group's role noun or a state's adjective right before an organisation's name is that
    organisation, not a second actor; its state is the organisation's when it has none of
    its own (``found`` is sorted: this runs before the home state is given)."""
    out: list[Mention] = []
    for m in found:
        role = out[-1] if out else None
        if role is None or role.actor is None or m.actor is None or not _names_role_group(role) \
                or m.label != "ORG" or m.actor.kind != "organisation" \
                or body[role.end:m.start].strip():
            out.append(m)
            continue
        a = m.actor
        how = m.how if a.country else f"{m.how}+role"
        out[-1] = replace(m, start=role.start, text=body[role.start:m.end],
                          actor=replace(a, country=a.country or role.actor.country,
                                        sector=a.sector or role.actor.sector), how=how)
    return out


def _names_role_group(m: Mention) -> bool:
    """``m`` is a role noun of a state's group ("US-Konzern", "die Behörde") or a state's
    adjective ("das deutsche BKA"), not a name."""
    return m.actor is not None and m.actor.country is not None and (
        m.actor.kind == "group" and m.how == "role" and m.actor.actor_id.startswith("lb:grp:")
        or m.how == "adj")


def _party_in_brackets(body: str, found: list[Mention]) -> list[Mention]:
    """"Finanzminister Hans Jörg Schelling (ÖVP)": a person of no known state is of the
    state of the party in brackets after the name (``found`` is sorted)."""
    out = list(found)
    for k in range(len(out) - 1):
        m, party = out[k], out[k + 1]
        a, p = m.actor, party.actor
        if a is None or p is None or a.kind != "person" or a.country is not None \
                or p.sector != "PTY" or not p.country or len(p.country) != 3:
            continue
        if body[m.end:party.start].strip() == "(" and body[party.end:party.end + 1] == ")":
            out[k] = replace(m, actor=replace(a, country=p.country), how=f"{m.how}+party")
    return out


# Institution nouns that, definite and placed by nothing, take up the organisation of their
# kind the article named last ("Der Internationale Strafgerichtshof ... Die Taliban wiesen das
# Gericht zurück"; "Die Hisbollah ... Die Miliz drohte"): the noun's stem and the sectors such
# an organisation has (keys normalised as the KB's are: "behorde")
# Of these, the nouns that say what kind of body it is (not an institution every state or
# body has, as a court): untaken they are nobody's, and after a body's name they are that
# body ("die Fidesz-Partei", "die Hisbollah-Miliz"; but "das EU-Gericht" is the EU's court)
_KIND_NOUNS: dict[str, frozenset[str]] = {norm(noun): frozenset(sectors.split()) for noun, sectors in (
    ("miliz", "REB"), ("terrormiliz", "REB"), ("terrororganisation", "REB"),
    ("terrorgruppe", "REB"), ("islamistenmiliz", "REB"), ("partei", "PTY"),
    ("bündnis", "IGO"), ("militärbündnis", "IGO"), ("organisation", "NGO IGO REB"))}
# A generic role noun that takes up a person named with a narrower one: "den russischen
# Botschafter Sergej Andrejew ... in dem der Diplomat Warschau vorwarf"
_ROLES_TAKEN_UP_BY: dict[str, frozenset[str]] = {
    "diplomat": frozenset({"botschafter", "botschafterin", "gesandter", "gesandte", "chefdiplomat"}),
    "diplomatin": frozenset({"botschafterin", "gesandte", "chefdiplomatin"}),
}
_TAKEN_UP_NOUNS: dict[str, frozenset[str]] = {norm(noun): frozenset(sectors.split()) for noun, sectors in (
    ("gericht", "JUD"), ("gerichtshof", "JUD"), ("behörde", "GOV"), ("geheimdienst", "SPY"),
    ("unternehmen", "BUS"), ("konzern", "BUS"))
} | _KIND_NOUNS
_DEFINITE_BEFORE = re.compile(r"(?:\b(?:der|die|das|dem|den|des|vom|beim|zum|im)\s+)$", re.I)


def _organisations_taken_up(body: str, found: list[Mention]) -> list[Mention]:
    """"das Gericht", "die Miliz", "die Behörde" that no state places (``role-bare``) are the
    organisation of that kind the article named last before them: one of the noun's sector,
    or whose name holds the noun ("Atomenergiebehörde"). ``found`` is sorted."""
    return _taken_up(body, found, _organisation_antecedents)


def _governments_taken_up(body: str, found: list[Mention]) -> list[Mention]:
    """"Die Regierung in Niger hat ... Die Militärjunta warf ... vor": a definite government
    noun that neither its sentence nor the article's home state places (a report on two
    states has no home) is the government the article named last. Only governments: a bare
    "die Polizei" or "die Armee" is nobody's in particular. ``found`` is sorted."""
    return _taken_up(body, found, _government_antecedents)


def _taken_up(
    body: str, found: list[Mention],
    antecedents: Callable[[str, list[Mention], int], list[Mention]],
) -> list[Mention]:
    """Each definite ``role-bare`` mention becomes the most salient of the earlier mentions
    ``antecedents`` offers for it (``how="coref"``); the rest stay as they are."""
    out = list(found)
    for k, m in enumerate(out):
        if m.how != "role-bare" or m.actor is None \
                or not _DEFINITE_BEFORE.search(body[max(0, m.start - 8):m.start]):
            continue
        named = _most_salient(antecedents(body, out, k), m.sentence_index)
        if named is not None:
            out[k] = replace(m, actor=named.actor, how="coref")
    return out


def _organisation_antecedents(body: str, out: list[Mention], k: int) -> list[Mention]:
    """The named organisations before ``out[k]`` that its institution noun may stand for."""
    m = out[k]
    noun = _inflection_stem(norm(m.text))
    sectors = _TAKEN_UP_NOUNS.get(noun)
    if sectors is None:
        return []
    if k + 1 < len(out) and not body[m.end:out[k + 1].start].strip() or _name_follows(body, m.end):
        return []  # "von der Organisation Attac": the name after it is who it is
    return [p for p in out[:k] if p.actor is not None
            and _named_organisation(p) and p.how != "ner-only"
            and (p.actor.sector in sectors or noun in norm(p.actor.name))]


def _government_antecedents(body: str, out: list[Mention], k: int) -> list[Mention]:
    """The state governments a sentence placed before ``out[k]``, if it is a government noun."""
    actor = out[k].actor
    if actor is None or actor.sector != "GOV":
        return []
    return [p for p in out[:k] if p.actor is not None and p.how == "role"
            and p.actor.actor_id.startswith("lb:grp:") and p.actor.sector == "GOV"]


def _most_salient(candidates: list[Mention], sentence: int | None) -> Mention | None:
    """Of the organisations a noun may take up, the one named first in the latest earlier
    sentence that names one: the subject is the topic the next sentence goes on with ("Die
    Hamas hat ... an das Rote Kreuz übergeben. Israel warf der Organisation vor" is the
    Hamas). Within the noun's own sentence the nearest before it."""
    if not candidates:
        return None
    last = candidates[-1]
    if sentence is None or last.sentence_index is None or last.sentence_index == sentence:
        return last
    return next(p for p in candidates if p.sentence_index == last.sentence_index)


def _name_follows(body: str, end: int) -> bool:
    """A capitalised word that is no German word comes right after ``end`` ("der
    Organisation Attac"; not "bittet die Organisation Privatpersonen")."""
    word = _WORD_AFTER.match(body, end)
    return word is not None and word.group(1)[:1].isupper() and not _is_german_word(word.group(1))


def _named_organisation(m: Mention) -> bool:
    """``m`` names an organisation or an armed group of the KB ("Hisbollah"), not a group a
    role noun makes of a state's people ("die Regierung", "Soldaten")."""
    a = m.actor
    return a is not None and (a.kind == "organisation" or a.kind == "group"
                              and not a.actor_id.startswith("lb:grp:"))


def _inflection_stem(key: str) -> str:
    """A noun key without a genitive ending: "gerichts" -> "gericht", "gerichtshofes"."""
    for ending in ("es", "s"):
        if key.endswith(ending) and key[: -len(ending)] in _TAKEN_UP_NOUNS:
            return key[: -len(ending)]
    return key


def _with_home(m: Mention, home: tuple[str, float]) -> Mention:
    a = m.actor
    if a is None or a.country is not None or a.kind not in ("person", "organisation", "place"):
        return m
    if m.how not in ("ner-only", "role-name", "coref", "role"):
        return m
    if m.how == "coref" and a.kind != "person":
        return m  # "Amnesty ... Die Organisation": the body taken up, stateless as it is
    if a.kind == "place" and (home[1] < _PLACE_HOME_SHARE or norm(m.text.split()[-1]) in _WATERS):
        return m  # (a sea is nobody's: "das Japanische Meer")
    if a.kind != "person" and _is_description(m.text):
        return m  # "Stealth-Jagdflugzeuge", "Nato-Land": the model's span is no name
    return replace(m, actor=replace(a, country=home[0]), how=f"{m.how}+home")


# What the last word of an unknown organisation's name says it is (normalised like the KB's
# keys): "Tageszeitung Hürriyet" reports and does not act, "Arbeiterpartei PKK" is a party,
# "Verfassungsgericht" a court. Checked as endings of the word, longest first.
_NAME_SECTORS: tuple[tuple[str, str], ...] = tuple(sorted((
    (norm(end), sector) for end, sector in (
        ("zeitung", "JRN"), ("agentur", "JRN"), ("sender", "JRN"), ("rundfunk", "JRN"),
        ("fernsehen", "JRN"), ("magazin", "JRN"), ("partei", "PTY"), ("ministerium", "GOV"),
        ("regierung", "GOV"), ("behörde", "GOV"), ("gericht", "JUD"), ("gerichtshof", "JUD"),
        ("staatsanwaltschaft", "JUD"), ("polizei", "COP"), ("armee", "MIL"),
        ("streitkräfte", "MIL"), ("geheimdienst", "SPY"), ("gewerkschaft", "LAB"),
        ("universität", "EDU"), ("bank", "BUS"), ("konzern", "BUS"))),
    key=lambda pair: -len(pair[0])))


def _name_sector(text: str) -> str | None:
    """The sector an unknown organisation's name gives it ("Ärztegewerkschaft Asklepios":
    LAB), None when the name says nothing."""
    for word in (norm(w) for w in text.replace("-", " ").split()):
        sector = next((sec for end, sec in _NAME_SECTORS if word.endswith(end)), None)
        if sector is not None:
            return sector
    return None


def _is_description(text: str) -> bool:
    """A span that ends in a German common noun: a compound ("Nato-Land", "Labour-Basis") or
    an inflected noun ("Jagdflugzeuge" -> "Jagdflugzeug"). Names are rarely either."""
    import simplemma

    last = text.split()[-1]
    if "-" in last:
        tail = last.rsplit("-", 1)[1]
        return tail[:1].isupper() and not tail.isupper() and _is_german_word(tail)
    return last[:1].isupper() and not last.isupper() and _is_german_word(last) \
        and simplemma.lemmatize(last, lang="de") != last


def _is_modifier(tok: _Tok) -> bool:
    """An attributive adjective that may stand between a country word and its role noun."""
    if not tok.text.islower():
        return False
    key = tok.key
    if key.startswith(_MODIFIER_PREFIXES):
        return True
    for ending in _MODIFIER_ENDINGS:
        if key.endswith(ending) and key[: -len(ending)].endswith(_ADJ_STEM_ENDINGS):
            return True
    return False


@lru_cache(maxsize=65536)
def _is_german_word(text: str) -> bool:
    import simplemma

    return bool(simplemma.is_known(text, lang="de"))


_ABSTRACT_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "sion", "tät", "ismus", "nahme")


def _common_noun(text: str) -> bool:
    """A capitalised word that is a common noun, not a surname: inflected ("Journalisten"
    -> "Journalist") or abstract ("Unterstützung"). Surnames are not inflected."""
    from ._tokens import raw_lemma

    return raw_lemma(text) != text or len(text) > 6 and text.endswith(_ABSTRACT_ENDINGS)


def _abstract_noun(text: str) -> bool:
    """One word whose lemma is a German abstract noun ("Gegenmaßnahmen", "Unterstützung"):
    never a person's name."""
    from ._tokens import raw_lemma

    if " " in text or "-" in text:
        return False
    lemma = raw_lemma(text)
    # (inflected or long: "Jung", "Hartung" are surnames as well as words)
    return lemma.endswith(_ABSTRACT_ENDINGS) and _is_german_word(lemma) and (
        lemma.lower() != text.lower() or len(lemma) >= 9)


def _noun_after_article(body: str, m: Mention) -> bool:
    """One word right after a genitive article: news name a person with a role noun or
    adjective between ("des Präsidenten Trump", "des inhaftierten Nawalny"), so a bare "des
    Friedensplans" the model called a person is a noun. (Not "der", "die", "dem": they are
    relative pronouns too, "der Trump seit 1980 betreut", "mit der Celmins arbeitet".)"""
    if " " in m.text or "-" in m.text:
        return False
    before = _WORD_BEFORE.search(body, max(0, m.start - 40), m.start)
    return before is not None and before[1].lower() in ("des", "eines")


def _looks_like_name(tok: _Tok) -> bool:
    text = tok.text
    if not text[:1].isupper() or not any(ch.isalpha() for ch in text):
        return False
    return not text.isupper() or len(text) <= 1


def _label(actor: Actor) -> EntityLabel:
    labels: dict[str, EntityLabel] = {"person": "PER", "place": "LOC", "state": "LOC"}
    return labels.get(actor.kind, "ORG")


def link_actors(doc: Document, linker: Linker | None = None) -> Document:
    """``doc`` with ``mentions`` linked to actors (needs ``sentences``)."""
    return replace(doc, mentions=(linker or _default_linker()).link(doc))


def actor_mentions_in(doc: Document, sentence_index: int) -> list[Mention]:
    """The linked mentions of one sentence, in text order (for the events extractor)."""
    return [m for m in doc.mentions if m.sentence_index == sentence_index and m.actor is not None]


_LINKER: Linker | None = None


def _default_linker() -> Linker:
    global _LINKER
    if _LINKER is None:
        _LINKER = Linker()
    return _LINKER


class ActorStage:
    name: str = "actors"
    requires: tuple[str, ...] = ("body", "sentences")
    assigns: tuple[str, ...] = ("mentions",)

    def __init__(self, linker: Linker | None = None) -> None:
        self._linker = linker

    def __call__(self, doc: Document) -> Document:
        if self._linker is None:
            self._linker = _default_linker()
        return link_actors(doc, self._linker)


@register_stage("actors")
def make_actors() -> ActorStage:
    return ActorStage()


# --------------------------------------------------------------------------------------
# scoring against hand-annotated mentions (tests/data/*_mentions.jsonl, see MENTIONS.md)


def gold_span(body: str, gold: dict[str, object]) -> tuple[int, int] | None:
    """Where a gold mention is in ``body``: its recorded offsets, else found by its context."""
    text = str(gold["text"])
    start, end = int(gold.get("start", -1)), int(gold.get("end", -1))  # type: ignore[call-overload]
    if 0 <= start and body[start:end] == text:
        return start, end
    context = str(gold.get("context", ""))
    inner = context.find(text)
    if inner < 0:
        return None
    # The cleaner may rejoin lines or drop a neighbouring caption: fall back from the whole
    # context to the part of it on the mention's own line, then to a few words either side.
    line_start = context.rfind("\n", 0, inner) + 1
    line_end = context.find("\n", inner + len(text))
    line_end = len(context) if line_end < 0 else line_end
    left = context[line_start:inner]
    right = context[inner + len(text):line_end]
    for lo, hi in ((left, right), (left[-15:], right[:15]), (left[-8:], right[:8])):
        probe = lo + text + hi
        if len(probe) <= len(text) + 3 and probe != context:
            continue
        at = body.find(probe)
        if at >= 0 and body.find(probe, at + 1) < 0:
            return at + len(lo), at + len(lo) + len(text)
    return None


def gold_matches(gold: dict[str, object], span: tuple[int, int], mentions: Sequence[Mention]) -> bool:
    """True when a linked mention overlapping ``span`` agrees on country, kind and name."""
    for m in mentions:
        if m.actor is None or not (m.start < span[1] and span[0] < m.end):
            continue
        a = m.actor
        if a.country != gold.get("country"):
            continue
        if gold.get("kind") and a.kind != gold["kind"]:
            continue
        if gold.get("name") and _spelling(a.name) != _spelling(str(gold["name"])):
            continue
        return True
    return False


def _spelling(name: str) -> str:
    """A name without case, accents, spaces, hyphens and dots: "Kim Jong-un" is "Kim Jong Un"
    and "Felipe VI." is "Felipe VI" (other transliterations stay different)."""
    return re.sub(r"[\s.\-]", "", norm(name))


def mention_record(doc: Document, mention: Mention) -> dict[str, object]:
    """One linked mention as a flat JSON-able record (for ``lagebild actors --format jsonl``)."""
    actor = mention.actor
    return {
        "doc": doc.doc,
        "id": doc.id,
        "sentence": mention.sentence_index,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "label": mention.label,
        "how": mention.how,
        "actor_id": actor.actor_id if actor else None,
        "name": actor.name if actor else None,
        "kind": actor.kind if actor else None,
        "country": actor.country if actor else None,
        "sector": actor.sector if actor else None,
    }
