# ruff: noqa: E501  (the hand-made pages hold one paragraph per line, as saved pages do)
"""Boilerplate pool and page generator for the generalisation test of ``lagebild.clean``.

A real article body (10kGNAD, derStandard) is wrapped in the furniture of *other* kinds of
news sites: navigation, kickers, bylines, photo captions and credits, "Lesen Sie auch" boxes,
video embeds, newsletter and donation boxes, reader comments, teaser lists and footers. The
pool below is written for this test (invented headlines, comments and names) and is
deliberately not the wording of the seed pages, so the test measures whether the cleaner
generalises rather than whether it remembers the seeds.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass
from pathlib import Path

SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[„\"A-ZÄÖÜ0-9])")

NAV = [
    "Startseite › Politik › Ausland",
    "Home > Nachrichten > Welt > Europa",
    "Sie sind hier: Startseite / Politik / Deutschland",
    "Nachrichten | Politik | Wirtschaft | Sport | Kultur | Panorama",
    "Menü",
    "Suche",
    "Login",
]
KICKERS = [
    "Ausland", "Nach dem Gipfel", "Analyse", "Exklusiv", "Krieg in Nahost", "Newsblog",
    "Wirtschaftspolitik", "Eklat im Parlament", "Kommentar", "Hintergrund", "Wahlkampf",
    "Migration", "Nach Angriff", "Europa", "Sicherheitspolitik", "Krieg in der Ukraine",
    "Nach der Wahl in Polen",
]  # fmt: skip
TITLES = [
    "Regierung kündigt umfassende Reform der Pflegeversicherung an",
    "Streit um Haushalt: Koalition ringt um Milliardenlücke",
    "Was hinter dem überraschenden Rücktritt des Ministers steckt",
    "Opposition fordert Aufklärung über geheime Verhandlungen",
    "Neue Sanktionen treffen Banken und Energiekonzerne",
    "Warum die Verhandlungen in Genf erneut gescheitert sind",
    "Bürgermeister will Innenstadt autofrei machen",
    "Gericht kippt umstrittenes Versammlungsgesetz",
    "Zehntausende protestieren gegen Sparpaket der Regierung",
    "Wie sich Europa auf den Winter vorbereitet",
]
TEASER_HEADLINES = [
    "Lehrerverband warnt vor Personalnot an Grundschulen",
    "Ölpreis steigt nach Angriff auf Tanker im Roten Meer",
    "Fünf Tipps für die Steuererklärung 2025",
    "Bahnstreik: Diese Verbindungen fallen am Montag aus",
    "„Wir sind am Limit“: Kliniken schlagen Alarm",
    "Rekordhitze in Südeuropa – Waldbrände außer Kontrolle",
    "Neuer Trainer, alte Probleme beim Traditionsverein",
    "Kanzler trifft Ministerpräsidenten zum Krisengipfel",
    "Mieten in Großstädten steigen weiter kräftig",
    "Wetter am Wochenende: Sturmböen und Starkregen erwartet",
    "Polizei sucht Zeugen nach Überfall auf Juweliergeschäft",
    "Studie: Jeder dritte Jugendliche fühlt sich einsam",
    "EU-Kommission legt neuen Plan für Asylverfahren vor",
    "Festival abgesagt – Veranstalter nennen Sicherheitsbedenken",
]
TEASER_DEKS = [
    "Die Gewerkschaft rechnet mit massiven Ausfällen im Fern- und Regionalverkehr.",
    "Experten sehen darin ein Signal an die Märkte, die Reaktion fiel jedoch verhalten aus.",
    "Der Verband fordert von der Landesregierung ein sofortiges Handeln.",
    "Nach Angaben der Behörden wurden mehrere Menschen leicht verletzt.",
    "Die Entscheidung soll noch in dieser Woche fallen, heißt es aus Regierungskreisen.",
    "Viele Betroffene wissen nicht, welche Unterlagen sie einreichen müssen.",
]
CAPTIONS = [
    "Die Ministerin bei ihrer Ankunft in Brüssel am Dienstag.",
    "Demonstranten vor dem Parlamentsgebäude",
    "Einsatzkräfte sichern den Tatort in der Innenstadt.",
    "Der Präsident bei einer Pressekonferenz im Amtssitz",
    "Blick auf den Hafen, in dem die Schiffe festgehalten werden.",
    "Archivbild: Die Delegationen bei früheren Gesprächen",
    "Wahlplakate in einer Fußgängerzone",
]
CREDITS = [
    "Foto: dpa/Michael Kappeler",
    "Foto: IMAGO/Future Image",
    "Bild: AFP/John Thys",
    "Foto: Reuters/Yves Herman",
    "(Foto: picture alliance / SZ Photo)",
    "© APA/Helmut Fohringer",
    "Bild: Getty Images",
    "Quelle: Wikimedia Commons, CC BY-SA 4.0",
]
ENGLISH_CAPTIONS = [
    "FILE PHOTO: Delegates arrive for a meeting at the European Council headquarters in "
    "Brussels, Belgium, March 3, 2025. REUTERS/Yves Herman/File Photo",
    "Protesters hold placards during a rally in front of the parliament building on Tuesday. "
    "(Photo by Jane Doe/AFP via Getty Images)",
    "The minister speaks to the press after the talks in Geneva, Switzerland, on Friday.",
]
DATELINES = [
    "23.11.2025, 14:07 Uhr",
    "Veröffentlicht am 03.10.2025 um 09:15 Uhr",
    "Stand: 12.01.2026, 18:40 Uhr",
    "Aktualisiert: 5. März 2025, 11:02",
    "Mo, 17.02.2025 07:30",
    "2025-06-14T16:45",
]
BYLINES = [
    "Von Katharina Berger",
    "Von Jonas Albrecht und Miriam Okafor",
    "Ein Kommentar von Thomas Reinhardt",
    "Autorin: Lea Sommerfeld",
    "von Daniel Kowalski, Wien",
]
AUTHOR_BOXES = [
    ["Über die Autorin", "Lea Sommerfeld ist Korrespondentin in Brüssel und berichtet seit "
     "2019 über die Europäische Union."],
    ["Zur Person", "Jonas Albrecht leitet das Ressort Außenpolitik."],
]  # fmt: skip
EMBEDS = [
    ["Bild 1 von 8", "Bild 2 von 8"],
    ["Ein Beitrag geteilt von Beispielnachrichten (@beispiel_news)"],
    ["Zur Merkliste hinzufügen"],
]
SHARE = [
    "Teilen",
    "Facebook Twitter WhatsApp E-Mail",
    "Artikel teilen",
    "Drucken | Merken | Teilen",
    "Link kopieren",
    "Artikel anhören",
]
READING = ["Lesezeit: 4 Min.", "3 Min. Lesezeit", "Lesedauer: ca. 5 Minuten"]
RELATED_CUES = ["Lesen Sie auch:", "Mehr zum Thema", "Lesen Sie mehr", "Zum Thema", "Auch lesenswert:"]
VIDEO = [
    "Video: Die Lage vor Ort • 02:13 Min",
    "Video • 00:58 Min • Ab 12",
    "Videoclip: So lief die Abstimmung 01:45 Min",
]
ADS = ["Anzeige", "Werbung", "ANZEIGE", "Sponsored"]
NEWSLETTER = [
    ["Newsletter", "Melden Sie sich für unseren kostenlosen Newsletter an und erhalten Sie "
     "jeden Morgen die wichtigsten Nachrichten.", "Jetzt anmelden"],
    ["Der Politik-Newsletter", "Die wichtigsten Analysen der Woche kostenlos in Ihr Postfach."],
]  # fmt: skip
DONATION = [
    [
        "Unabhängiger Journalismus braucht Sie",
        "Wenn Ihnen dieser Artikel gefallen hat, unterstützen Sie unsere Redaktion mit einem "
        "freiwilligen Beitrag.",
        "5 €",
        "10 €",
        "20 €",
        "Anderer Betrag",
        "Jetzt unterstützen",
    ],
    [
        "Journalismus kostet Geld.",
        "Unterstütze unsere Arbeit – schon ab 3 Euro im Monat hilfst du uns, unabhängig zu "
        "bleiben.",
        "Per PayPal oder Lastschrift",
    ],
]
PAYWALL = [
    "Jetzt abonnieren und weiterlesen",
    "Sie haben bereits ein Abo? Hier anmelden",
]
SOURCE_LINES = ["Quelle: APA, Reuters", "(dpa/AFP)", "Mit Material von dpa und AFP", "(red)"]
TAGS = ["Themen: Europa, Sicherheit, Diplomatie", "Schlagwörter: Regierung, Haushalt, Reform"]
TERMINAL_TEASER_CUES = [
    "Das könnte Sie auch interessieren",
    "Mehr aus dem Ressort",
    "Weitere Artikel",
    "Meistgelesen",
    "Empfehlungen der Redaktion",
]
COMMENT_HEADERS = ["Kommentare", "37 Kommentare", "Leserkommentare (12)", "Diskutieren Sie mit!"]
USERS = ["Wutbürger_1977", "Karl H.", "lisa.m", "Nordlicht", "Skeptiker99", "Anna_aus_Graz"]
COMMENTS = [
    "Das war doch absehbar, nur wollte es in der Politik wieder niemand hören.",
    "Endlich sagt es mal jemand deutlich. Ich hoffe, dass jetzt auch Taten folgen.",
    "Ich verstehe die ganze Aufregung nicht, das wird sich in ein paar Wochen wieder legen.",
    "Wer soll das alles bezahlen? Am Ende trifft es wie immer die kleinen Leute.",
    "Sehr guter Artikel, vielen Dank für die ausführliche Recherche!",
    "Die Überschrift ist reißerisch, im Text steht dann doch etwas ganz anderes.",
    "Mal sehen, wie lange diese Regierung noch durchhält. Ich gebe ihr kein Jahr mehr.",
]
COMMENT_META = ["vor 2 Stunden", "vor 15 Minuten", "12.03.2025 08:14", "vor einem Tag"]
COMMENT_BUTTONS = ["Antworten", "Melden", "Gefällt mir", "12 Antworten"]
FOOTER = [
    "Impressum | Datenschutz | Kontakt | AGB",
    "© 2025 Beispiel Medien GmbH. Alle Rechte vorbehalten.",
    "Cookie-Einstellungen",
]


@dataclass(frozen=True)
class Page:
    text: str
    body: tuple[str, ...]  # the true article paragraphs, in order
    title: str


def paragraphs(article: str, rng: random.Random) -> list[str]:
    """Cut a one-line 10kGNAD article into a lead and paragraphs of 1-4 sentences."""
    sentences: list[str] = []
    for piece in SENTENCE_SPLIT.split(" ".join(article.split())):
        # "St. Pölten", "John W. Smith": a fragment of under four words is no sentence.
        if sentences and len(sentences[-1].split()) < 4:
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    out = [sentences[0]]
    i = 1
    while i < len(sentences):
        n = rng.randint(1, 4)
        out.append(" ".join(sentences[i : i + n]))
        i += n
    return out


def _photo(rng: random.Random) -> list[str]:
    if rng.random() < 0.25:
        return [rng.choice(ENGLISH_CAPTIONS)]
    # Not generated: a caption sentence with the credit on the same line ("... in Kiew.
    # Foto: dpa"); the seed gold keeps such a sentence as body, minus the credit.
    return [rng.choice(CAPTIONS), rng.choice(CREDITS)]


def _teaser(rng: random.Random, dek: bool) -> list[str]:
    unit = [rng.choice(KICKERS), rng.choice(TEASER_HEADLINES)]
    return unit + [rng.choice(TEASER_DEKS)] if dek else unit


def wrap(article: str, seed: int) -> Page:
    """A plain-text page: ``article`` inside boilerplate chosen by ``seed``."""
    rng = random.Random(seed)
    body = paragraphs(article, rng)
    title = rng.choice(TITLES)
    blocks: list[list[str]] = []  # each block is a group of lines printed without blank lines
    if rng.random() < 0.6:
        blocks.append(rng.sample(NAV, rng.randint(1, 2)))
    head = [rng.choice(KICKERS)] if rng.random() < 0.7 else []
    blocks.append([*head, title])
    meta = []
    if rng.random() < 0.7:
        meta.append(rng.choice(BYLINES))
    if rng.random() < 0.8:
        meta.append(rng.choice(DATELINES))
    if rng.random() < 0.4:
        meta.append(rng.choice(READING))
    if meta:
        blocks.append(meta)
    if rng.random() < 0.4:
        blocks.append([rng.choice(SHARE)])
    if rng.random() < 0.5:
        blocks.append(_photo(rng))
    if rng.random() < 0.2:
        blocks.append([rng.choice(VIDEO)])

    inserts = {
        "photo": lambda: _photo(rng),
        "related": lambda: [rng.choice(RELATED_CUES), rng.choice(TEASER_HEADLINES)],
        "related+dek": lambda: [
            rng.choice(RELATED_CUES), rng.choice(TEASER_HEADLINES), rng.choice(TEASER_DEKS)
        ],
        "embed": lambda: list(rng.choice(EMBEDS)),
        "ad": lambda: [rng.choice(ADS)],
        "video": lambda: [rng.choice(VIDEO)],
        "newsletter": lambda: list(rng.choice(NEWSLETTER)),
        "paywall": lambda: [rng.choice(PAYWALL)],
    }
    gaps = sorted(rng.sample(range(1, len(body)), min(len(body) - 1, rng.randint(0, 3))))
    for i, para in enumerate(body):
        if i in gaps:
            blocks.append(inserts[rng.choice(list(inserts))]())
        blocks.append([para])

    tail: list[list[str]] = []
    if rng.random() < 0.5:
        tail.append([rng.choice(SOURCE_LINES)])
    if rng.random() < 0.4:
        tail.append([rng.choice(TAGS)])
    if rng.random() < 0.4:
        tail.append([rng.choice(SHARE)])
    if rng.random() < 0.4:
        tail.append(list(rng.choice(DONATION)))
    if rng.random() < 0.25:
        tail.append(list(rng.choice(AUTHOR_BOXES)))
    if rng.random() < 0.6:
        teasers = [rng.choice(TERMINAL_TEASER_CUES)] if rng.random() < 0.6 else []
        for _ in range(rng.randint(3, 5)):
            tail.append(teasers + _teaser(rng, dek=rng.random() < 0.5))
            teasers = []
    if rng.random() < 0.6:
        section = [rng.choice(COMMENT_HEADERS)]
        for _ in range(rng.randint(2, 4)):
            section += [rng.choice(USERS), rng.choice(COMMENT_META), rng.choice(COMMENTS)]
            section += rng.sample(COMMENT_BUTTONS, 2)
        tail.append(section)
    if rng.random() < 0.5:
        tail.append(rng.sample(FOOTER, 2))
    blocks += tail

    # Some saved pages keep blank lines between paragraphs, others lose them.
    if rng.random() < 0.65:
        text = "\n\n".join("\n".join(b) for b in blocks)
    else:
        text = "\n".join("\n".join(b) for b in blocks)
    return Page(text, tuple(body), title)


def load_articles(csv_path: Path, n: int = 30) -> list[str]:
    """Every k-th article of the 10kGNAD test split (deterministic), at least 3 sentences."""
    with csv_path.open(encoding="utf-8", newline="") as fh:
        rows = [row for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) >= 2]
    texts = [row[1] for row in rows if len(SENTENCE_SPLIT.split(row[1])) >= 3]
    step = max(1, len(texts) // n)
    return texts[::step][:n]


# --- hand-made pages in the layouts of three large outlets (invented text) ---------------
# Each: the page, snippets that must be in the body, snippets that must not, and metadata.

SPIEGEL = """Zum Inhalt springen
Menü
Ausland
Nahost-Konflikt
Israel und Hamas verhandeln über neue Waffenruhe
Die Gespräche in Kairo gehen in die nächste Runde. Vermittler aus Ägypten und Katar sehen Chancen auf eine Einigung, doch zentrale Fragen sind offen.
Von Anna Beispiel, Kairo
23.11.2025, 14.32 Uhr
Zur Merkliste hinzufügen
X.com Facebook E-Mail
Link kopieren
Weitere Optionen zum Teilen
Delegationen bei Gesprächen in Kairo (Archivbild) Foto: Mohamed Abd El Ghany / REUTERS
In Kairo haben am Sonntag neue Gespräche über eine Waffenruhe im Gazastreifen begonnen. Nach Angaben ägyptischer Sicherheitskreise nahmen Delegationen beider Seiten teil.
Die Vermittler hoffen auf eine Einigung noch vor Monatsende. Strittig sind vor allem die Dauer der Feuerpause und die Zahl der freizulassenden Geiseln.
Israels Regierung erklärte, man sei zu Zugeständnissen bereit, werde aber keine Bedingungen akzeptieren, die die eigene Sicherheit gefährdeten.
Mehr zum Thema
Geiseldeal: Was bisher bekannt ist Von Max Muster
Die Hamas forderte erneut einen vollständigen Abzug der israelischen Truppen aus dem Gazastreifen. Beobachter halten eine rasche Einigung deshalb für unwahrscheinlich.
ala/dpa/Reuters
Mehr lesen über
Israel Hamas Gazastreifen Ägypten
Verwandte Artikel
Netanyahu unter Druck: Proteste in Tel Aviv
Ägypten warnt vor Flüchtlingsstrom
Diskutieren Sie mit
Feedback
"""
TAGESSCHAU = """tagesschau.de
Startseite
Ausland
Europa
Stand: 23.11.2025 14:32 Uhr

Polen und Litauen wollen ihre Zusammenarbeit bei der Grenzsicherung ausbauen. Beide Regierungen unterzeichneten in Warschau eine entsprechende Vereinbarung.

Polen und Litauen vereinbaren engere Grenzkooperation

Die Regierungschefs Polens und Litauens haben in Warschau eine Vereinbarung über eine engere Zusammenarbeit beim Schutz der gemeinsamen Grenze zu Belarus unterzeichnet. Geplant sind gemeinsame Patrouillen und ein Austausch von Lagebildern.

Hintergrund sind zahlreiche Versuche, die Grenze irregulär zu überqueren. Beide Länder werfen Belarus vor, gezielt Migranten an die Grenze zu bringen.

Kritik von Menschenrechtlern

Menschenrechtsorganisationen kritisierten die Pläne. Sie befürchten, dass Schutzsuchende ohne Prüfung ihrer Asylanträge zurückgewiesen werden.

Dieses Thema im Programm: Das Erste, tagesschau, 23. November 2025, 12:00 Uhr

Mehr zum Thema
Belarus: Lukaschenko droht mit Gegenmaßnahmen
EU beschließt neues Sanktionspaket

Dieser Artikel wurde ausgedruckt unter der Adresse: www.tagesschau.de/ausland/europa/polen-litauen-100.html
"""
TONLINE = """Nachrichten
Politik
Ausland
Krieg in der Ukraine
Selenskyj bittet Verbündete um mehr Luftabwehr
Aktualisiert am 23.11.2025 - 14:32 UhrLesedauer: 2 Min.
Wolodymyr Selenskyj: Der ukrainische Präsident fordert mehr Unterstützung. (Quelle: Efrem Lukatsky/AP/dpa)
Der ukrainische Präsident Selenskyj hat die westlichen Verbündeten erneut um zusätzliche Luftabwehrsysteme gebeten. Russland greife weiterhin gezielt die Energieinfrastruktur an, sagte er in seiner abendlichen Videoansprache.
Nach Angaben der ukrainischen Luftwaffe wurden in der Nacht mehr als 50 Drohnen abgeschossen. In mehreren Regionen fiel dennoch der Strom aus.
Auch interessant: Warum die Ukraine auf Patriot-Systeme setzt
Deutschland hatte zuletzt weitere Systeme zugesagt. Die Bundesregierung prüft nach eigenen Angaben zusätzliche Lieferungen.
Verwendete Quellen
Nachrichtenagentur dpa
Videoansprache Selenskyj
Teilen
Weitere Artikel zum Thema
Russland meldet Einnahme eines Dorfes
Kiew: Stromausfälle nach Angriffen
"""

LAYOUTS = {
    "spiegel-like": (
        SPIEGEL,
        ["In Kairo haben am Sonntag neue Gespräche", "Beobachter halten eine rasche Einigung"],
        ["Zur Merkliste", "Geiseldeal: Was bisher bekannt ist", "Netanyahu unter Druck",
         "Foto: Mohamed", "Weitere Optionen zum Teilen", "Israel Hamas Gazastreifen Ägypten"],
        {"title": "Israel und Hamas verhandeln über neue Waffenruhe",
         "published": "2025-11-23T14:32", "author": "Anna Beispiel"},
    ),
    "tagesschau-like": (
        TAGESSCHAU,
        ["Die Regierungschefs Polens und Litauens", "ohne Prüfung ihrer Asylanträge"],
        ["Dieses Thema im Programm", "Lukaschenko droht", "ausgedruckt unter der Adresse"],
        {"published": "2025-11-23T14:32", "outlet": "tagesschau"},
    ),
    "t-online-like": (
        TONLINE,
        ["erneut um zusätzliche Luftabwehrsysteme gebeten", "prüft nach eigenen Angaben"],
        ["Lesedauer", "Auch interessant", "Verwendete Quellen", "Russland meldet Einnahme",
         "(Quelle: Efrem Lukatsky/AP/dpa)"],
        {"title": "Selenskyj bittet Verbündete um mehr Luftabwehr",
         "published": "2025-11-23T14:32"},
    ),
}  # fmt: skip
