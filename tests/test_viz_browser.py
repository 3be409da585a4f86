"""The pictures in a real browser: headless Chromium (tests/browser.py) opens an HTML page with the
network and the timeline inline, served from 127.0.0.1, reads the rendered DOM, follows a node's
link and takes a screenshot."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import serve_folder

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
XLINK = "http://www.w3.org/1999/xlink"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A folder with index.html (both pictures inline) and a page at /id/org/cnnic/, served on
    127.0.0.1; yields the base URL."""
    from kg.backend import build_backend
    from kg.viz import network_svg, timeline_svg

    backend = build_backend()
    folder = tmp_path_factory.mktemp("site")
    (folder / "index.html").write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Pictures</title></head><body>"
        f"<h1>Pictures</h1><section id='network'><h2>Cooperation network</h2>{network_svg(backend)}</section>"
        f"<section id='cnnic'><h2>Around CNNIC</h2>{network_svg(backend, around='CNNIC')}</section>"
        f"<section id='timeline'><h2>Timeline</h2>{timeline_svg(backend)}</section></body></html>",
        encoding="utf-8")
    page = folder / "id" / "org" / "cnnic"
    page.mkdir(parents=True)
    (page / "index.html").write_text("<!doctype html><title>CNNIC</title><h1>CNNIC page</h1>", encoding="utf-8")
    with serve_folder(folder) as base:
        yield base


def texts(browser, selector: str) -> list[str]:
    """The text content of every element matching a CSS selector in the rendered page."""
    return browser.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]), e => e.textContent.trim())", selector)


def test_the_network_shows_cnnic_and_its_partners_and_links_cnnic_to_its_page(browser, site):
    browser.get(site)
    names = texts(browser, "#network g.node text")
    assert {"CNNIC", "KRNIC", ".RU ccTLD", "DENIC", "ZADNA", "Zhang Jianchuan", "ICANN"} <= set(names)
    assert len(browser.find_elements("css selector", "#network g.node")) == 42
    assert len(browser.find_elements("css selector", "#network g.edge")) == 36
    around = set(texts(browser, "#cnnic g.node text"))
    assert len(around) == 16 and "ICANN" not in around and {"CNNIC", "Liyun HAN", "Chu Nan"} <= around
    href = browser.execute_script(
        "const g = Array.from(document.querySelectorAll('#cnnic g.node'))"
        "  .find(n => n.querySelector('text').textContent.trim() === 'CNNIC');"
        "return g.querySelector('a').getAttributeNS(arguments[0], 'href');", XLINK)
    assert href == "/id/org/cnnic"


def test_a_node_link_opens_the_entity_page(browser, site):
    browser.get(site)
    node = next(g for g in browser.find_elements("css selector", "#cnnic g.node.focus"))
    node.find_element("css selector", "text").click()
    assert browser.current_url == site + "id/org/cnnic/"
    assert browser.find_element("css selector", "h1").text == "CNNIC page"


def test_the_timeline_shows_events_with_dates_and_posts_with_their_bounds(browser, site):
    browser.get(site)
    rows = set(texts(browser, "#timeline a text"))
    assert "ICANN 58 Copenhagen Meeting — 2017-03-10 – 2017-03-16" in rows
    assert "CNNIC-KRNIC Strategic Partnership MOU — 2012-05" in rows
    assert "Guo Feng, Researcher of the CAICT — in office by 2017-03-29, ends on or after 2017-03-29" in rows


def test_a_screenshot_of_the_page_is_a_png(browser, site, tmp_path):
    browser.get(site)
    shot = tmp_path / "pictures.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes().startswith(PNG_SIGNATURE)
    figure = tmp_path / "network.png"
    browser.find_element("css selector", "#cnnic svg").screenshot(str(figure))
    assert figure.read_bytes().startswith(PNG_SIGNATURE) and figure.stat().st_size > 10_000
