"""The web app in a real browser: headless Chromium (tests/browser.py) against a real `kg serve`
process on 127.0.0.1 (a free port) over a store loaded into a temporary folder.

What a user does: search from the home page with the keyboard, open an entity, follow a link to
another, read a quote and open its document; fill in a query form; run a query in the YASGUI
editor; open both pictures. Every main page is checked by axe-core (from npm, copied into build/ by
the Makefile, injected into the page by the test): no violation at all on the app's own pages,
none serious or critical in YASGUI's markup (none at all at the time of writing). A screenshot of
each page kind is written to build/screenshots/ (`make screenshots` copies a few into docs/).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT
from servers import kg_serve, reasoned_store

AXE = ROOT / "build" / "vendor" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "build" / "screenshots"
WAIT_SECONDS = 60
XLINK = "http://www.w3.org/1999/xlink"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """`kg serve` over a reasoned store of the project data in a temporary folder; yields its base URL."""
    with kg_serve(reasoned_store(tmp_path_factory.mktemp("web-browser"))) as url:
        yield url


def wait(browser, condition, seconds: float = WAIT_SECONDS):
    return WebDriverWait(browser, seconds).until(condition)


def h1(browser) -> str:
    return browser.find_element(By.TAG_NAME, "h1").text


def texts(browser, selector: str) -> list[str]:
    """The text content of every element matching a CSS selector in the rendered page."""
    return browser.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]), e => e.textContent.trim())", selector)


def press_tab(browser):
    """Press Tab (sent to whatever has the focus, as a user's keyboard does); returns the element focused."""
    ActionChains(browser).send_keys(Keys.TAB).perform()
    return browser.switch_to.active_element


def tab_to(browser, element_id: str, limit: int = 40):
    """Press Tab until the element `element_id` has the focus (from the top of a freshly loaded
    page: in the page's tab order); returns it."""
    for _ in range(limit):
        active = press_tab(browser)
        if active.get_attribute("id") == element_id:
            return active
    raise AssertionError(f"#{element_id} not reached with {limit} presses of Tab")


def shot(browser, name: str, *, full: bool = True, element=None) -> Path:
    """A screenshot as build/screenshots/NAME.png: of the whole page (at most 4000 px high), of the
    window (`full` False) or of one element."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    if element is not None:
        assert element.screenshot(str(path))
        return path
    if not full:
        assert browser.save_screenshot(str(path))
        return path
    size = browser.get_window_size()
    height = browser.execute_script("return Math.min(4000, document.documentElement.scrollHeight)")
    browser.set_window_size(size["width"], max(size["height"], height + 140))
    try:
        assert browser.save_screenshot(str(path))
    finally:
        browser.set_window_size(size["width"], size["height"])
    return path


def axe(browser) -> list[dict]:
    """axe-core's violations on the page now shown (every rule axe runs by default), each as
    {id, impact, help, nodes: [CSS target, …]}."""
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `make install` (it copies axe-core from npm)",
                    pytrace=False)
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    browser.set_script_timeout(WAIT_SECONDS)
    found = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document).then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        "  nodes: v.nodes.map(n => n.target.join(' '))}))), e => done([{id: 'axe-error', impact: 'critical',"
        "  help: String(e), nodes: []}]));")
    return found


def serious(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in ("serious", "critical")]


# ------------------------------------------------------------------ what a user does

def test_search_from_home_open_an_entity_follow_links_and_read_a_quote_with_its_document(browser, app):
    browser.get(app + "/")
    assert h1(browser) == "Internet Governance Knowledge Graph"
    shot(browser, "home")
    field = tab_to(browser, "site-search")  # the header's search field, reached with the keyboard
    field.send_keys("CNNIC", Keys.ENTER)
    wait(browser, ec.url_to_be(app + "/search?q=CNNIC"))
    assert h1(browser) == "Search"
    assert "with a label containing “CNNIC”" in browser.find_element(By.TAG_NAME, "h2").text
    shot(browser, "search")
    browser.find_element(By.LINK_TEXT, "CNNIC").click()
    wait(browser, ec.url_to_be(app + "/id/org/cnnic"))
    assert h1(browser) == "CNNIC"
    shot(browser, "entity", full=False)
    shot(browser, "entity-full")
    figure = wait(browser, ec.presence_of_element_located((By.CSS_SELECTOR, "figure.picture.network")))
    shot(browser, "entity-network", element=figure)
    statement = browser.find_element(By.XPATH, "//li[@class='statement'][p[starts-with(., 'Chu Nan is from CNNIC.')]]")
    assert statement.find_element(By.TAG_NAME, "blockquote").text == "“Shen Zhi and Chu Nan from CNNIC”"
    source = statement.find_element(By.CSS_SELECTOR, "p.source a")
    assert source.text == "igdoc:circleid-icann58-readout"
    statement.find_element(By.CSS_SELECTOR, "a.node").click()  # the affiliation stating it
    wait(browser, ec.url_to_be(app + "/id/affiliation/chu-nan-359b70--cnnic--1"))
    browser.find_element(By.LINK_TEXT, "Chu Nan").click()  # a link to another entity
    wait(browser, ec.url_to_be(app + "/id/person/chu-nan-359b70"))
    assert h1(browser) == "Chu Nan"
    quoted = browser.find_element(By.XPATH, "//li[@class='statement'][blockquote]")
    document = quoted.find_element(By.CSS_SELECTOR, "p.source a")
    quote = quoted.find_element(By.TAG_NAME, "blockquote").text
    assert quote.startswith("“") and quote.endswith("”") and "Chu Nan" in quote
    document.click()
    wait(browser, ec.url_to_be(app + "/id/doc/circleid-icann58-readout"))
    assert "igaff:chu-nan-359b70--cnnic--1" in browser.find_element(By.TAG_NAME, "main").text
    shot(browser, "document")


def test_a_query_form_filled_in_with_the_keyboard_answers_the_expected_rows(browser, app):
    browser.get(app + "/queries/agreements-of-organisation")
    field = tab_to(browser, "p-org")
    field.send_keys("CNNIC", Keys.ENTER)
    wait(browser, ec.presence_of_element_located((By.CSS_SELECTOR, "table.rows tbody tr")))
    assert browser.current_url == app + "/queries/agreements-of-organisation?org=CNNIC"
    assert browser.find_element(By.ID, "rows-h").text == "14 rows"
    columns = texts(browser, "table.rows thead th")
    rows = [dict(zip(columns, r)) for r in browser.execute_script(
        "return Array.from(document.querySelectorAll('table.rows tbody tr'),"
        "  tr => Array.from(tr.cells, td => td.textContent.trim()))")]
    assert [r["partner"] for r in rows] == ["DENIC", "Jordan NICT", "KISA", "KRNIC", "LAONIC", "NOMINET", "PANDI",
                                            ".RU ccTLD", "SGNIC", "TWNIC", "YemenNet", "ZADNA", "KRNIC", ".RU ccTLD"]
    assert {r["org"] for r in rows} == {"CNNIC"}
    assert [(r["agreement"], r["date"], r["place"]) for r in rows[-2:]] == [
        ("CNNIC-KRNIC Strategic Partnership MOU", "2012-05", "Kunming"),
        ("CNNIC-.RU ccTLD Strategic Partnership MOU", "2014-11", "Wuzhen")]
    link = browser.find_element(By.LINK_TEXT, "ZADNA")
    assert link.get_attribute("href") == app + "/id/org/zadna"
    shot(browser, "query", full=False)


EDITOR_QUERY = "SELECT ?mou WHERE { ?mou a igkg:MOU ; igkg:party igorg:cnnic } ORDER BY ?mou"


def test_a_query_run_in_the_editor_shows_its_results(browser, app):
    from urllib.parse import quote

    browser.get(app + "/editor?query=" + quote(EDITOR_QUERY))
    editor = wait(browser, ec.presence_of_element_located((By.CSS_SELECTOR, "#yasgui .CodeMirror textarea")))
    assert EDITOR_QUERY in browser.execute_script("return document.querySelector('.CodeMirror').CodeMirror.getValue()")
    editor.send_keys(Keys.CONTROL, Keys.ENTER)  # YASQE runs the query on Ctrl+Enter
    wait(browser, ec.presence_of_element_located((By.CSS_SELECTOR, ".yasr table.dataTable tbody tr td")))
    cells = texts(browser, ".yasr table.dataTable tbody td")
    assert [c for c in cells if "mou" in c] == ["igagr:cnnic-krnic-strategic-partnership-mou",
                                                "igagr:cnnic-ru-cctld-strategic-partnership-mou"]
    link = browser.find_element(By.LINK_TEXT, "igagr:cnnic-krnic-strategic-partnership-mou")
    assert link.get_attribute("href") == app + "/id/agreement/cnnic-krnic-strategic-partnership-mou"
    shot(browser, "editor")
    browser.find_element(By.CSS_SELECTOR, "#yasgui .CodeMirror").click()
    assert browser.switch_to.active_element == editor
    # Tab leaves the editor (no keyboard trap): its scrolling area, its share and run buttons, then the results
    stops = [press_tab(browser).get_attribute("class") for _ in range(4)]
    assert stops[:3] == ["CodeMirror-scroll", "yasqe_share", "yasqe_queryButton query_valid"]
    assert stops[3].startswith("yasr_btn")


def test_the_network_page_shows_the_expected_nodes_linking_to_their_pages(browser, app):
    browser.get(app + "/network")
    assert h1(browser) == "Cooperation network"
    names = set(texts(browser, "figure.picture g.node text"))
    assert {"CNNIC", "KRNIC", ".RU ccTLD", "DENIC", "ZADNA", "ICANN", "Zhang Jianchuan", "Liyun HAN"} <= names
    shot(browser, "network")
    cnnic = browser.find_element(By.XPATH, "//*[local-name()='g'][contains(@class,'node')]"
                                           "[.//*[local-name()='text' and normalize-space()='CNNIC']]")
    link = cnnic.find_element(By.CSS_SELECTOR, "a")
    assert browser.execute_script("return arguments[0].getAttributeNS(arguments[1], 'href')", link, XLINK) \
        == "/id/org/cnnic"
    cnnic.find_element(By.CSS_SELECTOR, "text").click()
    wait(browser, ec.url_to_be(app + "/id/org/cnnic"))
    wait(browser, ec.presence_of_element_located((By.CSS_SELECTOR, "figure.picture.network g.node")))
    assert texts(browser, "div.pictures.loaded h2") == ["Cooperation network around it", "Timeline around it"]
    around = set(texts(browser, "figure.picture.network g.node text"))
    assert {"CNNIC", "KRNIC", "Liyun HAN", "Chu Nan"} <= around and "ICANN" not in around
    assert len(browser.find_elements(By.CSS_SELECTOR, "figure.picture.network g.node.focus")) == 1


def test_the_timeline_page_shows_events_signings_and_posts(browser, app):
    browser.get(app + "/timeline")
    assert h1(browser) == "Timeline"
    rows = set(texts(browser, "figure.picture a text"))
    assert {"ICANN 58 Copenhagen Meeting — 2017-03-10 – 2017-03-16",
            "CNNIC-KRNIC Strategic Partnership MOU — 2012-05"} <= rows
    shot(browser, "timeline")
    around = tab_to(browser, "around")
    around.send_keys("CNNIC", Keys.ENTER)
    wait(browser, ec.url_to_be(app + "/timeline?around=CNNIC"))
    assert h1(browser) == "Timeline around CNNIC"
    assert "CNNIC-KRNIC Strategic Partnership MOU — 2012-05" in texts(browser, "figure.picture a text")


@pytest.mark.parametrize(("accept", "media", "fmt"), [
    ("text/turtle", "text/turtle", "TURTLE"),
    ("application/n-triples", "application/n-triples", "N_TRIPLES"),
    ("application/ld+json", "application/ld+json", "JSON_LD"),
])
def test_an_entity_iri_answers_rdf_by_content_negotiation(app, accept, media, fmt):
    import httpx
    import pyoxigraph as ox

    r = httpx.get(app + "/id/org/cnnic", headers={"Accept": accept}, trust_env=False)
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == media
    cnnic = ox.NamedNode("https://w3id.org/igkg/id/org/cnnic")
    triples = {(q.subject, q.predicate, q.object) for q in ox.parse(r.content, getattr(ox.RdfFormat, fmt))}
    assert (cnnic, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            ox.NamedNode("https://w3id.org/igkg/ontology#CcTLDOperator")) in triples
    assert (ox.NamedNode("https://w3id.org/igkg/id/agreement/cnnic-krnic-strategic-partnership-mou"),
            ox.NamedNode("https://w3id.org/igkg/ontology#party"), cnnic) in triples
    html = httpx.get(app + "/id/org/cnnic", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
                     trust_env=False)
    assert html.headers["content-type"] == "text/html; charset=utf-8" and "<h1>CNNIC</h1>" in html.text


# ------------------------------------------------------------------ keyboard and accessibility

PAGES = {
    "home": "/",
    "entity": "/id/org/cnnic",
    "query-form": "/queries/agreements-of-organisation?org=CNNIC",
    "editor": "/editor",
    "ontology": "/ontology",
    "network": "/network",
    "timeline": "/timeline",
    "search": "/search?q=CNNIC",
    "browse": "/browse/organisations",
}


@pytest.mark.parametrize("kind", PAGES)
def test_main_pages_work_with_the_keyboard_and_have_no_serious_accessibility_violations(browser, app, kind):
    import json

    browser.get(app + PAGES[kind])
    assert len(browser.find_elements(By.TAG_NAME, "h1")) == 1
    assert press_tab(browser).text == "Skip to content"  # the first stop, then the navigation, then search
    assert [press_tab(browser).text for _ in range(7)] == [
        "igkg", "Browse", "Network", "Timeline", "Queries", "SPARQL editor", "Ontology"]
    field = tab_to(browser, "site-search", limit=1)
    field.send_keys("KRNIC", Keys.ENTER)
    wait(browser, ec.url_to_be(app + "/search?q=KRNIC"))

    browser.get(app + PAGES[kind])
    if kind == "editor":  # YASGUI draws itself after the page has loaded; run a query to draw the results too
        editor = wait(browser, ec.presence_of_element_located((By.CSS_SELECTOR, "#yasgui .CodeMirror textarea")))
        editor.send_keys(Keys.CONTROL, Keys.ENTER)
        wait(browser, ec.presence_of_element_located((By.CSS_SELECTOR, ".yasr table.dataTable tbody tr td")))
    if kind == "entity":  # with its pictures loaded
        wait(browser, ec.presence_of_element_located((By.CSS_SELECTOR, "div.pictures.loaded figure.picture")))
    found = axe(browser)
    report = ROOT / "build" / "axe"
    report.mkdir(parents=True, exist_ok=True)
    (report / f"{kind}.json").write_text(json.dumps(found, indent=1), encoding="utf-8")
    # the app's own markup: no finding at all; YASGUI's (the editor): none serious or critical
    assert (serious(found) if kind == "editor" else found) == []
    if kind in ("ontology", "browse"):
        shot(browser, kind)
