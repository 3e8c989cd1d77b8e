"""The web app in-process (FastAPI TestClient): JSON API, HTML pages, escaping, errors.

The store is filled the way a user fills it: the real pipeline over the seed articles and a
JSONL file with a hostile article. Two hand-annotated articles add events between states,
so the dyad, network and evidence views have something to show whatever the extractors
find today. ``build_store`` is shared with ``test_browser.py``.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import pytest

from lagebild.config import Settings
from lagebild.models import Actor, ActorRef, Document, Event, Mention, content_id
from lagebild.nlp import ner
from lagebild.pipeline import Pipeline
from lagebild.relate import merge
from lagebild.runner import run
from lagebild.store import Store

fastapi = pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
from fastapi.testclient import TestClient  # noqa: E402

from lagebild.errors import StoreError  # noqa: E402
from lagebild.web import create_app  # noqa: E402
from lagebild.web.app import safe_href  # noqa: E402
from lagebild.web.views import snippet_parts  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "examples" / "seeds"

# Payloads that would run if any text reached the page unescaped. Each one, if it ran, leaves
# a trace the browser test looks for (a dialog, a console line, a global variable).
XSS_TITLE = "<script>alert('xss-title');window.__xss='title'</script> Angriff auf <b>die</b> Pressefreiheit"
XSS_BODY = (
    "Berlin meldete am Montag einen Vorfall. "
    "<img src=x onerror=\"console.log('XSS-FIRED');window.__xss='img'\"> Der Text enthielt Markup. "
    "<a href=\"javascript:console.log('XSS-FIRED')\">Hier klicken</a> stand darunter. "
    "<svg onload=\"window.__xss='svg'\"></svg> Ende der Meldung."
)
XSS_URL = "javascript:console.log('XSS-FIRED')"
HOSTILE_ACTOR = "<img src=y onerror=\"window.__xss='actor'\">Miliz"

# The hand-annotated articles are about a triangle no seed article mentions (Norway, Chile,
# Portugal), so what the extractors find in the seeds never changes what these tests expect.
PARTNERSHIP_TITLE = "Norwegen und Chile besiegeln Lithium-Abkommen"
PARTNERSHIP_BODY = (
    "Norwegen und Chile haben am 27. Oktober 2025 ein Abkommen über Lithium unterzeichnet. "
    "Portugal warf Chile im November 2025 vor, Fischereirechte zu verletzen. "
    "Norwegen verurteilte im Dezember 2025 die Strafzölle Portugals auf Stockfisch. "
    "Chile bat Norwegen um technische Hilfe."
)
SUPPORT_TITLE = "Støre sichert Boric Unterstützung zu"
SUPPORT_BODY = (
    "Jonas Gahr Støre hat Gabriel Boric am 11. Dezember 2025 in einem Telefonat "
    "seine Unterstützung zugesichert. "
    "Das teilte die Regierung in Oslo mit."
)

NOR = Actor("Q20", "Norwegen", "state", "NOR", "GOV")
CHL = Actor("Q298", "Chile", "state", "CHL", "GOV")
PRT = Actor("Q45", "Portugal", "state", "PRT", "GOV")
STORE = Actor("lb:per:jonas-gahr-store", "Jonas Gahr Støre", "person", "NOR", "GOV")
BORIC = Actor("lb:per:gabriel-boric", "Gabriel Boric", "person", "CHL", "GOV")


def _ref(actor: Actor) -> ActorRef:
    return ActorRef(actor.name, actor.actor_id, actor.country, actor.sector)


def _annotated(title: str, body: str, names: dict[str, Actor], facts: list[dict[str, Any]]) -> Document:
    """A Document split by the real sentence stage, with mentions and events added by hand."""
    doc = Pipeline.from_names(["sentences"])(
        Document(
            id=content_id(title, body),
            doc=f"hand-{content_id(title, body)[:6]}",
            source="hand",
            body=body,
            title=title,
            published="2025-12-12",
            outlet="Testblatt",
            language="de",
        )
    )
    mentions = []
    for name, actor in names.items():
        for m in re.finditer(re.escape(name), body):
            index = next(i for i, s in enumerate(doc.sentences) if s.start <= m.start() < s.end)
            label = "PER" if actor.kind == "person" else "LOC" if actor.kind == "state" else "ORG"
            mentions.append(Mention(m.start(), m.end(), name, label, actor, index, "hand"))
    events = []
    for fact in facts:
        s = next(s for s in doc.sentences if fact["in"] in s.text)
        events.append(
            Event(
                type=fact["type"],
                source=fact["source"],
                target=fact["target"],
                modality=fact.get("modality", "asserted"),
                sentence=s.text,
                start=s.start,
                end=s.end,
                date=fact.get("date"),
                date_precision="day" if fact.get("date") and len(fact["date"]) == 10 else "month",
                attributed_to=fact.get("by"),
                confidence=0.9,
                trigger=fact.get("trigger"),
            )
        )
    return dataclasses.replace(
        doc, mentions=tuple(sorted(mentions, key=lambda m: m.start)), events=tuple(events)
    )


def hand_documents() -> list[Document]:
    partnership = _annotated(
        PARTNERSHIP_TITLE,
        PARTNERSHIP_BODY,
        {"Norwegen": NOR, "Chile": CHL, "Portugal": PRT},
        [
            {
                "in": "Lithium unterzeichnet",
                "type": "AGREE",
                "source": _ref(NOR),
                "target": _ref(CHL),
                "date": "2025-10-27",
                "trigger": "unterzeichnet",
            },
            {
                "in": "Fischereirechte",
                "type": "ACCUSE",
                "source": _ref(PRT),
                "target": _ref(CHL),
                "date": "2025-11",
                "modality": "reported",
                "trigger": "warfen vor",
            },
            {
                "in": "verurteilte",
                "type": "ACCUSE",
                "source": _ref(NOR),
                "target": _ref(PRT),
                "date": "2025-12",
                "trigger": "verurteilte",
            },
            {
                "in": "technische Hilfe",
                "type": "REQUEST",
                "source": _ref(CHL),
                "target": _ref(NOR),
                "trigger": "bat",
            },
        ],
    )
    support = _annotated(
        SUPPORT_TITLE,
        SUPPORT_BODY,
        {"Jonas Gahr Støre": STORE, "Gabriel Boric": BORIC, "Oslo": NOR},
        [
            {
                "in": "Unterstützung zugesichert",
                "type": "SUPPORT",
                "source": _ref(STORE),
                "target": _ref(BORIC),
                "date": "2025-12-11",
                "modality": "reported",
                "by": "Regierung in Oslo",
                "trigger": "zugesichert",
            },
        ],
    )
    hostile = _annotated(
        "Bericht über " + XSS_TITLE,
        "Die " + HOSTILE_ACTOR + " griff Chile am 1. Dezember 2025 an. " + XSS_BODY,
        {"Chile": CHL},
        [
            {
                "in": "griff",
                "type": "ASSAULT",
                "source": ActorRef(HOSTILE_ACTOR, None, "XSS", None),
                "target": _ref(CHL),
                "date": "2025-12-01",
                "by": "<script>window.__xss='by'</script>",
            },
        ],
    )
    return [partnership, support, hostile]


def hostile_jsonl(folder: Path) -> Path:
    path = folder / "hostile.jsonl"
    record = {
        "id": "hostile-1",
        "title": XSS_TITLE,
        "text": XSS_BODY,
        "url": XSS_URL,
        "outlet": "<i>Böse</i>",
    }
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def pipeline_settings() -> Settings:
    """The default pipeline; without the NER stage while no trained model is shipped yet."""
    settings = Settings()
    if (ner.model_path() / "config.cfg").exists():
        return settings
    stages = tuple(s for s in settings.pipeline.stages if s != "ner")
    return dataclasses.replace(settings, pipeline=dataclasses.replace(settings.pipeline, stages=stages))


def build_store(folder: Path, merged: bool = True) -> Path:
    """The seeds and a hostile JSONL article through the real pipeline, plus hand-annotated events.

    ``merged``: also merge the events into real-world events (``relate.merge``), as a full run does.
    """
    db = folder / "web.db"
    inputs = folder / "inputs"
    inputs.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (inputs / seed.name).write_bytes(seed.read_bytes())
    hostile_jsonl(inputs)
    with Store(db) as store:
        summary = run([str(inputs)], store, pipeline_settings())
        assert summary.added == len(list(SEEDS.glob("*.txt"))) + 1, summary.problems
        for doc in hand_documents():
            store.write(doc)
        if merged:
            merge(store)
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def _article_id(client: TestClient, title: str) -> str:
    rows = client.get("/api/articles").json()["articles"]
    return next(r["id"] for r in rows if r["title"] == title)


# --- API --------------------------------------------------------------------------------


def test_api_articles_lists_seeds_and_hand_articles(client: TestClient) -> None:
    rows = client.get("/api/articles").json()["articles"]
    docs = {r["doc"] for r in rows}
    assert {p.name for p in SEEDS.glob("*.txt")} <= docs
    assert "hostile-1" in docs
    assert {PARTNERSHIP_TITLE, SUPPORT_TITLE} <= {r["title"] for r in rows}
    assert all("body" not in r and r["html_url"] == f"/articles/{r['id']}" for r in rows)


def test_api_article_has_body_sentences_mentions_and_events(client: TestClient) -> None:
    aid = _article_id(client, PARTNERSHIP_TITLE)
    data = client.get(f"/api/articles/{aid}").json()
    assert data["article"]["body"] == PARTNERSHIP_BODY
    assert len(data["sentences"]) == 4
    assert {m["actor"]["country"] for m in data["mentions"]} == {"NOR", "CHL", "PRT"}
    agree = next(e for e in data["events"] if e["type"] == "AGREE")
    assert agree["source"]["country"] == "NOR" and agree["target"]["country"] == "CHL"
    assert agree["sentence_index"] == 0 and agree["evidence_url"] == f"/articles/{aid}#s0"
    request = next(e for e in data["events"] if e["type"] == "REQUEST")
    assert request["sentence_index"] == 3
    assert data["sentences"][3]["text"] in request["sentence"]


def test_api_article_by_doc_name_and_unknown(client: TestClient) -> None:
    data = client.get("/api/articles/001_b7f47c553c0be28e.txt").json()
    assert "Wladimir Putin unterzeichnete die Vereinbarung" in data["article"]["body"]
    missing = client.get("/api/articles/no-such-article")
    assert missing.status_code == 404 and "no-such-article" in missing.json()["error"]


def test_api_events_filters_like_the_cli(client: TestClient) -> None:
    all_events = client.get("/api/events").json()["events"]
    assert {"AGREE", "ACCUSE", "REQUEST", "SUPPORT", "ASSAULT"} <= {e["type"] for e in all_events}
    accuse = client.get("/api/events", params={"type": "accuse"}).json()["events"]
    assert accuse and {e["type"] for e in accuse} == {"ACCUSE"}
    prt = client.get("/api/events", params={"actor": "PRT"}).json()["events"]
    assert len(prt) == 2 and all("PRT" in (e["source"]["country"], e["target"]["country"]) for e in prt)
    reported = client.get("/api/events", params={"modality": "reported"}).json()["events"]
    assert reported and {e["modality"] for e in reported} == {"reported"}
    december = client.get("/api/events", params={"since": "2025-12", "until": "2025-12"}).json()["events"]
    assert december and all(e["date"].startswith("2025-12") for e in december)
    one = client.get("/api/events", params={"limit": 1}).json()
    assert len(one["events"]) == 1 and one["truncated"] is True


@pytest.mark.parametrize(
    "params",
    [{"type": "BOMB"}, {"modality": "maybe"}, {"since": "gestern"}, {"until": "2025-13-99x"}, {"limit": 0}],
)
def test_api_events_rejects_bad_filters_with_a_reason(client: TestClient, params: dict[str, Any]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code in (400, 422)
    assert response.json()


def test_api_dyad_timeline_and_story_from_merged_events(client: TestClient) -> None:
    data = client.get("/api/dyad", params={"a": "nor", "b": "CHL"}).json()
    assert data["source"] == "relate" and (data["a"], data["b"]) == ("NOR", "CHL")
    assert (data["a_name"], data["b_name"]) == ("Norwegen", "Chile")  # the state, not the first person
    # AGREE, REQUEST and SUPPORT (Støre -> Boric counts as NOR-CHL at country level).
    assert data["totals"]["types"] == {"AGREE": 1, "REQUEST": 1, "SUPPORT": 1}
    assert data["totals"]["cooperation"] == 2 and data["totals"]["conflict"] == 1  # a demand is pressure
    months = {m["month"]: m for m in data["timeline"]}
    assert months["2025-10"]["types"] == {"AGREE": 1}
    assert months["2025-10"]["score"] > 0
    # The undated REQUEST is placed at its article's publication day by relate.
    assert months["2025-12"]["types"] == {"REQUEST": 1, "SUPPORT": 1}
    assert [s["type"] for s in data["story"]] == ["AGREE", "SUPPORT", "REQUEST"]
    support = data["story"][1]
    assert support["modality"] == "reported" and support["attributed_to"] == "Regierung in Oslo"
    source = support["sources"][0]
    assert source["evidence_url"] == f"/articles/{source['article_id']}#s0"
    assert client.get("/api/dyad", params={"a": "NOR", "b": "nor"}).status_code == 400


def _dyad(rows: list[dict[str, Any]], a: str, b: str) -> dict[str, Any]:
    return next(r for r in rows if (r["a"], r["b"]) == (a, b))


def test_api_dyads_network_storylines(client: TestClient) -> None:
    dyads = client.get("/api/dyads").json()["dyads"]
    events = [d["events"] for d in dyads]
    assert events == sorted(events, reverse=True)  # busiest first
    chl_nor = _dyad(dyads, "CHL", "NOR")
    assert chl_nor["events"] == 3 and chl_nor["url"] == "/dyad?a=CHL&b=NOR" and chl_nor["a_name"] == "Chile"
    graph = client.get("/api/network").json()
    assert {"NOR", "CHL", "PRT", "XSS"} <= {n["id"] for n in graph["nodes"]}
    nor_prt = next(link for link in graph["links"] if {link["source"], link["target"]} == {"NOR", "PRT"})
    assert nor_prt["conflict"] == 1 and nor_prt["score"] < 0
    busy = client.get("/api/network", params={"min_events": 3}).json()["links"]
    assert busy and all(link["events"] >= 3 for link in busy)
    lines = client.get("/api/storylines", params={"limit": 200}).json()["storylines"]
    assert ("CHL", "NOR") in [(s["a"], s["b"]) for s in lines]
    assert ("NOR", "PRT") not in [(s["a"], s["b"]) for s in lines]  # one event is no storyline
    line = _dyad(lines, "CHL", "NOR")
    assert line["first"] == "2025-10-27" and [s["type"] for s in line["story"]] == [
        "AGREE",
        "SUPPORT",
        "REQUEST",
    ]


@pytest.fixture(scope="module")
def unmerged_client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(build_store(tmp_path_factory.mktemp("unmerged"), merged=False)))


def test_views_work_on_a_store_that_was_never_merged(unmerged_client: TestClient) -> None:
    data = unmerged_client.get("/api/dyad", params={"a": "NOR", "b": "CHL"}).json()
    assert data["source"] == "raw-events"
    assert data["totals"]["types"] == {"AGREE": 1, "REQUEST": 1, "SUPPORT": 1}
    assert [m["month"] for m in data["timeline"]] == ["2025-10", "2025-12"]
    assert data["left_out"] == 1  # the undated REQUEST: raw events know no publication fallback
    assert [s["type"] for s in data["story"]] == ["AGREE", "SUPPORT", "REQUEST"]
    assert data["story"][0]["sources"][0]["evidence_url"].endswith("#s0")
    graph = unmerged_client.get("/api/network").json()
    assert {"NOR", "CHL", "PRT"} <= {n["id"] for n in graph["nodes"]}
    lines = unmerged_client.get("/api/storylines", params={"limit": 200}).json()["storylines"]
    assert ("CHL", "NOR") in [(s["a"], s["b"]) for s in lines]
    html = unmerged_client.get("/dyad?a=NOR&b=CHL").text
    assert "Lithium unterzeichnet" in html


def test_api_overview_and_actors(client: TestClient) -> None:
    data = client.get("/api/overview").json()
    assert data["counts"]["articles"] == len(list(SEEDS.glob("*.txt"))) + 1 + 3
    assert data["counts"]["merged_events"] > 0 and data["counts"]["unmerged_events"] == 0
    dated = [e["date"] for e in data["latest_events"] if e["date"]]
    assert dated and dated == sorted(dated, reverse=True)  # newest first
    strongest = [d["events"] for d in data["strongest_dyads"]]
    assert strongest and strongest == sorted(strongest, reverse=True)
    actors = client.get("/api/actors").json()["actors"]
    assert {"Q20", "Q298", "Q45", "lb:per:jonas-gahr-store"} <= {a["actor_id"] for a in actors}


def test_api_search(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "Papiertiger"}).json()["hits"]
    assert [h["article"]["doc"] for h in hits] == ["003_4825ce159035b7a9.txt"]
    assert "[Papiertiger]" in hits[0]["snippet"]
    # FTS syntax in user text is quoted, never parsed.
    assert client.get("/api/search", params={"q": 'NEAR( "x" OR title:*'}).status_code == 200


def test_every_page_is_also_json(client: TestClient) -> None:
    aid = _article_id(client, PARTNERSHIP_TITLE)
    pairs = [
        ("/", "/api/overview"),
        ("/articles", "/api/articles"),
        (f"/articles/{aid}", f"/api/articles/{aid}"),
        ("/events?type=ACCUSE", "/api/events?type=ACCUSE"),
        ("/actors", "/api/actors"),
        ("/dyads", "/api/dyads"),
        ("/dyad?a=NOR&b=CHL", "/api/dyad?a=NOR&b=CHL"),
        ("/network", "/api/network"),
        ("/search?q=Lithium", "/api/search?q=Lithium"),
        ("/storylines", "/api/storylines"),
    ]
    for page, api in pairs:
        sep = "&" if "?" in page else "?"
        as_json = client.get(page + sep + "format=json")
        assert as_json.headers["content-type"].startswith("application/json"), page
        assert as_json.json() == client.get(api).json(), page
        html = client.get(page)
        assert html.status_code == 200 and html.headers["content-type"].startswith("text/html"), page
        assert "format=json" in html.text  # every page links to its JSON


def test_openapi_and_offline_docs(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {
        "/api/events",
        "/api/articles/{article_id}",
        "/api/dyad",
        "/api/network",
        "/api/storylines",
    } <= set(schema["paths"])
    assert "/events" not in schema["paths"]  # HTML twins stay out of the API schema
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text
    assert "cdn" not in docs.text.lower() and "http://" not in docs.text and "https://" not in docs.text
    assert client.get("/redoc").status_code == 404


# --- HTML -------------------------------------------------------------------------------


def test_article_page_marks_sentences_mentions_and_evidence(client: TestClient) -> None:
    aid = _article_id(client, PARTNERSHIP_TITLE)
    html = client.get(f"/articles/{aid}").text
    for i in range(4):
        assert f'id="s{i}"' in html
    assert re.search(r'<span class="sentence evidence" id="s0">', html)
    assert re.search(r'<mark class="mention linked label-LOC"[^>]*>Norwegen</mark>', html)
    assert f'href="/articles/{aid}#s2"' in html  # the event row links to its evidence sentence
    assert 'class="event-ref" href="#e' in html  # the sentence links to its event row


def test_dyad_page_embeds_timeline_data_safely(client: TestClient) -> None:
    html = client.get("/dyad", params={"a": "NOR", "b": "CHL"}).text
    match = re.search(r'<script type="application/json" id="timeline-data">(.*?)</script>', html, re.S)
    assert match
    months = [row["month"] for row in json.loads(match.group(1))]
    assert months == ["2025-10", "2025-12"]
    assert '<script src="/static/vendor/echarts/echarts.min.js"></script>' in html
    assert "Lithium unterzeichnet" in html


def test_hostile_text_is_escaped_everywhere(client: TestClient) -> None:
    pages = ["/", "/articles", "/events", "/dyads", "/network", "/storylines", "/search?q=Angriff"]
    pages += [f"/articles/{r['id']}" for r in client.get("/api/articles").json()["articles"]]
    for page in pages:
        html = client.get(page).text
        assert "<script>alert" not in html and "<script>window" not in html, page
        assert "<img src=x" not in html and "<img src=y" not in html and "<svg onload" not in html, page
        assert 'href="javascript:' not in html, page
    hostile = client.get("/articles/hostile-1").text
    assert "&lt;script&gt;alert(&#39;xss-title&#39;)" in hostile
    assert "&lt;img src=x onerror=" in hostile
    assert XSS_URL not in re.findall(r'href="([^"]*)"', hostile)
    network = client.get("/network").text
    data = re.search(r'id="network-data">(.*?)</script>', network, re.S)
    assert data and "</" not in data.group(1) and "\\u003c" in data.group(1)


def test_security_headers_and_static_files(client: TestClient) -> None:
    response = client.get("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    js = client.get("/static/vendor/echarts/echarts.min.js")
    assert js.status_code == 200 and len(js.content) > 500_000
    assert client.get("/static/vendor/echarts/LICENSE").status_code == 200
    for probe in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2f..%2fpyproject.toml"):
        assert client.get(probe).status_code == 404, probe


def test_article_ids_never_reach_the_filesystem(client: TestClient) -> None:
    for probe in ("..%2F..%2Fpyproject.toml", "%2Fetc%2Fpasswd", "web.db"):
        assert client.get(f"/api/articles/{probe}").status_code == 404
        assert "root:" not in client.get(f"/articles/{probe}").text


def test_error_pages_are_html_for_pages_and_json_for_api(client: TestClient) -> None:
    page = client.get("/events?type=BOMB")
    assert page.status_code == 400 and "text/html" in page.headers["content-type"] and "BOMB" in page.text
    api = client.get("/api/events?type=BOMB")
    assert api.status_code == 400 and "unknown event type" in api.json()["error"]


def test_store_is_opened_read_only(client: TestClient, db: Path) -> None:
    assert client.get("/api/overview").status_code == 200
    before = db.stat().st_mtime_ns
    client.get("/api/events")
    assert db.stat().st_mtime_ns == before


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="lagebild run"):
        create_app(tmp_path / "nope.db")


def test_serve_binds_loopback_by_default() -> None:
    import inspect

    from lagebild.web import serve

    params = inspect.signature(serve).parameters
    assert params["host"].default == "127.0.0.1" and params["port"].default == 8000


def test_trusted_hosts_guard_against_dns_rebinding(db: Path) -> None:
    guarded = TestClient(
        create_app(db, allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://127.0.0.1"
    )
    assert guarded.get("/api/overview").status_code == 200
    assert guarded.get("/api/overview", headers={"host": "evil.example"}).status_code == 400


# --- helpers ----------------------------------------------------------------------------


def test_safe_href_keeps_only_http_links() -> None:
    assert safe_href("https://www.tagesschau.de/a.html") == "https://www.tagesschau.de/a.html"
    for bad in (XSS_URL, " JavaScript:alert(1)", "data:text/html,<b>x</b>", "vbscript:x", "", None):
        assert safe_href(bad) is None


def test_snippet_parts_marks_only_matches() -> None:
    assert snippet_parts("die [Partnerschaft] mit [Russland] …") == [
        ("die ", False),
        ("Partnerschaft", True),
        (" mit ", False),
        ("Russland", True),
        (" …", False),
    ]


# --- article markup -------------------------------------------------------------------------


def _text(blocks: list[Any]) -> str:
    return "".join(p.text for b in blocks for p in b.parts)


def test_blocks_keep_every_character_once_whatever_the_annotations() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from lagebild.models import Sentence
    from lagebild.web.markup import blocks

    body = "Norwegen und Chile unterzeichnen. Portugal protestiert.\n\nChile bittet um Hilfe."

    spans = st.tuples(st.integers(-5, len(body) + 5), st.integers(-5, len(body) + 5))

    @given(st.lists(spans, max_size=6), st.lists(spans, max_size=8))
    def check(sentence_spans: list[tuple[int, int]], mention_spans: list[tuple[int, int]]) -> None:
        sentences = [Sentence(s, e, body[max(0, s) : max(0, e)]) for s, e in sorted(sentence_spans)]
        mentions = [Mention(s, e, body[max(0, s) : max(0, e)], "LOC") for s, e in mention_spans]
        out = blocks(body, sentences, mentions, {})
        assert _text(out) == body  # broken offsets never hide or repeat text

    check()


def test_blocks_mark_mentions_inside_their_sentence() -> None:
    from lagebild.models import Sentence
    from lagebild.web.markup import blocks

    body = "Norwegen hilft Chile. Portugal schweigt."
    sentences = [Sentence(0, 21, body[0:21]), Sentence(22, 40, body[22:40])]
    mentions = [Mention(0, 8, "Norwegen", "LOC", NOR), Mention(15, 20, "Chile", "LOC", CHL)]
    out = blocks(body, sentences, mentions, {0: (7,)})
    assert [b.sentence for b in out] == [0, None, 1]
    assert out[0].events == (7,) and out[2].events == ()
    assert [(p.text, p.mention) for p in out[0].parts] == [
        ("Norwegen", 0),
        (" hilft ", None),
        ("Chile", 1),
        (".", None),
    ]
