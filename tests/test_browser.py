"""The web UI in a real browser: Debian's chromium driven by Playwright, against a real server.

The server is `lagebild.web.serve` in a subprocess on a free loopback port, over a store the
real pipeline filled from the seeds plus a hostile JSONL article (see ``test_web.build_store``).
Never runs `playwright install` (that downloads a browser): it uses /usr/bin/chromium, which
CI installs with apt. Skips with the reason when either is missing.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_web import PARTNERSHIP_TITLE, XSS_BODY, XSS_TITLE, build_store

CHROMIUM = Path(os.environ.get("LAGEBILD_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

if not CHROMIUM.exists():
    pytest.skip(f"no chromium at {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_store(tmp_path_factory.mktemp("browser"))
    port = _free_port()
    code = f"from lagebild.web import serve; serve({str(db)!r}, port={port})"
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, proc)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_until_up(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            with urllib.request.urlopen(base + "/api/overview", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server did not come up within 30 s")


class Watch:
    """Everything a page did that an injected payload would have caused."""

    def __init__(self, page: sync_api.Page, base: str) -> None:
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        self.outside: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda msg: self.console.append(msg.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("request", lambda req: None if req.url.startswith(base) else self.outside.append(req.url))

    def _dialog(self, dialog: sync_api.Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: sync_api.Browser) -> Iterator[sync_api.Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    context.close()


def test_overview_to_dyad_to_article(server: str, page: sync_api.Page) -> None:
    watch = Watch(page, server)
    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "Lagebild"
    # The strongest dyad (whatever the extractors found in the seeds) opens with its timeline.
    strongest = page.locator("a.dyad-link").first
    strongest_text = strongest.inner_text()
    strongest.click()
    page.wait_for_url("**/dyad?a=*&b=*")
    assert page.locator("h1.dyad-title").inner_text() == strongest_text
    page.wait_for_selector("#timeline[data-rendered=true] canvas")

    # Overview -> all dyads -> the hand-annotated Norway-Chile dyad.
    page.goto(server + "/")
    page.click("header nav >> text=Dyaden")
    page.wait_for_url("**/dyads")
    page.click("a.dyad-link[href='/dyad?a=CHL&b=NOR']")
    page.wait_for_url("**/dyad?a=CHL&b=NOR")
    assert page.locator("h1.dyad-title").inner_text() == "Chile (CHL) – Norwegen (NOR)"
    page.wait_for_selector("#timeline[data-rendered=true] canvas")
    assert page.locator("table.timeline tbody tr").all_inner_texts()[0].startswith("2025-10")
    evidence = page.locator("td.evidence a", has_text="Lithium unterzeichnet")
    assert evidence.count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dyad_timeline.png"), full_page=True)

    evidence.click()
    page.wait_for_url("**/articles/*#s0")
    assert page.locator("h1.article-title").inner_text() == PARTNERSHIP_TITLE
    target = page.locator("#s0")
    assert "evidence" in (target.get_attribute("class") or "")
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == "s0"
    linked = page.locator("#s0 mark.mention.linked")
    assert linked.all_inner_texts() == ["Norwegen", "Chile"]
    assert page.locator("table.events tbody tr").count() == 4
    page.screenshot(path=str(ARTIFACTS / "article_evidence.png"), full_page=True)

    assert not watch.errors and not watch.dialogs and not watch.outside, (watch.errors, watch.outside)


def test_network_and_event_filters(server: str, page: sync_api.Page) -> None:
    watch = Watch(page, server)
    page.goto(server + "/network")
    page.wait_for_selector("#network[data-rendered=true] canvas")
    page.screenshot(path=str(ARTIFACTS / "network.png"))
    page.goto(server + "/events")
    page.select_option("select[name=type]", "ACCUSE")
    page.click("form.filters button")
    page.wait_for_url("**/events?*type=ACCUSE*")
    types = page.locator("table.events tbody tr td:nth-child(2)").all_inner_texts()
    assert types and set(types) == {"ACCUSE"}
    page.goto(server + "/search?q=Papiertiger")
    assert page.locator("ol.hits mark").first.inner_text() == "Papiertiger"
    assert not watch.errors and not watch.dialogs and not watch.outside, (watch.errors, watch.outside)


def test_hostile_article_never_executes(server: str, page: sync_api.Page) -> None:
    watch = Watch(page, server)
    hostile_pages = ["/articles/hostile-1", "/search?q=Angriff", "/events", "/", "/network", "/storylines"]
    hand = [a for a in _articles(page, server) if (a["title"] or "").startswith("Bericht über")]
    hostile_pages += [a["html_url"] for a in hand]
    for path in hostile_pages:
        page.goto(server + path)
        page.wait_for_load_state("load")
        # Hover and click on everything that could carry a payload (tooltips, links).
        for link in page.locator("a").all()[:30]:
            link.hover()
        assert page.evaluate("typeof window.__xss") == "undefined", path
    # The network's tooltips are HTML built in JavaScript: show every one of them.
    page.goto(server + "/network")
    page.wait_for_selector("#network[data-rendered=true] canvas")
    shown = page.evaluate(
        """() => {
            const chart = echarts.getInstanceByDom(document.getElementById('network'));
            const graph = JSON.parse(document.getElementById('network-data').textContent);
            const texts = [];
            graph.nodes.forEach((n, i) => {
                chart.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: i});
                texts.push(document.querySelector('#network div:last-child').innerText);
            });
            graph.links.forEach((l, i) => {
                chart.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: i, dataType: 'edge'});
            });
            return texts.join('\\n');
        }"""
    )
    assert "<img src=y onerror=" in shown  # the hostile actor's name, as text
    assert page.evaluate("typeof window.__xss") == "undefined"
    page.goto(server + "/articles/hostile-1")
    assert page.locator("h1.article-title").inner_text() == XSS_TITLE  # shown as text, not run
    body = page.locator("div.body").inner_text()
    assert "<img src=x onerror=" in body and '<a href="javascript:' in body
    assert XSS_BODY.split(". ")[0] in body
    assert page.locator("div.body img, div.body svg, div.body script").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert not watch.dialogs, watch.dialogs
    assert not [line for line in watch.console if "XSS-FIRED" in line]
    assert not watch.errors and not watch.outside, (watch.errors, watch.outside)


def _articles(page: sync_api.Page, server: str) -> list[dict[str, str]]:
    response = page.request.get(server + "/api/articles")
    return list(response.json()["articles"])
