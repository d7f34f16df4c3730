"""The chat UI: HTML rendering (unit), then the real app on a free loopback port, via
gradio_client and via a real headless Chromium driven by Playwright."""

from __future__ import annotations

import json
import os
from contextlib import contextmanager
import shutil
import socket
import time
from datetime import date
from pathlib import Path

import pytest

from assistant.citations import build_answer, refusal
from assistant.generators.base import Draft, DraftSentence
from assistant.types import Hit
from assistant.ui import render
from conftest import REPO, write_article

SEED = "000_b36a257934fc05c5"
OUT = REPO / "test-output" / "ui"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"]


@contextmanager
def browser_page(url: str):
    """A page of Debian's chromium (never a downloaded browser) opened on ``url``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            yield page
        finally:
            browser.close()


def _hit(n, text="Text."):
    return Hit(paragraph_id=f"a#p{n}", article_id="a", title="Title <b>", outlet="O", published=date(2024, 1, 2),
               text=text, start=0, end=len(text), score=1.0)


def test_answer_markers_link_to_their_paragraphs_and_text_is_escaped():
    ans = build_answer(Draft(sentences=(DraftSentence("A <script> claim.", (1,)),)), [_hit(1), _hit(2)], None)
    html = render.answer_html(ans, [_hit(1), _hit(2)])
    assert 'href="#cite=a#p2"' in html and "[1]" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'class="sources"' in html and "Title &lt;b&gt;" in html


def test_sources_list_the_other_outlets_of_a_copied_paragraph():
    from dataclasses import replace

    hit = replace(_hit(1, "Wire text."), also_in=("Coast Courier", "Norvale Post"))
    ans = build_answer(Draft(sentences=(DraftSentence("Wire text.", (0,)),)), [hit], None)
    assert "also in: Coast Courier, Norvale Post" in render.sources_html(ans)


def test_refusal_looks_different_and_says_what_is_covered():
    html = render.answer_html(refusal(None), [_hit(1), _hit(2)])
    assert 'class="refusal"' in html and "does not say" in html and "What the corpus does cover" in html
    assert 'class="refusal"' in render.answer_html(refusal(None), []) and "Nothing in the corpus" in render.answer_html(refusal(None), [])


def test_a_refusal_to_a_korean_question_is_worded_in_korean_and_shows_how_it_was_read():
    from dataclasses import replace

    from assistant import voice

    asked = replace(refusal(None), language="ko", text=voice.cannot_answer("ko"),
                    note=voice.read_in_english("ko", "Which airport?", refused=True))
    html = render.answer_html(asked, [_hit(1)])
    assert "기사에 나와 있지 않습니다." in html and "기사가 다루는 가까운 내용" in html  # heading and lead-in
    assert voice.cannot_answer("ko") in html and "Which airport?" in html  # the refusal and the reading
    assert "does not say" not in html and "What the corpus" not in html


def test_the_value_asked_for_is_said_first_in_the_question_language_with_its_citation():
    from dataclasses import replace

    from assistant.brief import Brief

    hits = [_hit(1, "Other."), _hit(2, "The fire killed 14 workers.")]
    ans = build_answer(Draft(sentences=(DraftSentence("The fire killed 14 workers.", (1,)),)), hits, None)
    html = render.answer_html(replace(ans, brief=Brief("요약하면: 14", 1, "number", "14"), language="ko"), hits)
    brief = html.split('<div class="brief">', 1)[1].split("</div>", 1)[0]
    assert brief.startswith("요약하면: 14") and 'href="#cite=a#p2"' in brief  # cited like the quote it sums up
    assert html.index('class="brief"') < html.index('class="answer"')
    assert 'class="brief"' not in render.answer_html(ans, hits)


def test_binding_beyond_loopback_needs_auth(make_assistant):
    from assistant.ui.app import launch

    with pytest.raises(ValueError, match="--auth"):
        launch(make_assistant(), host="0.0.0.0", port=_free_port(), block=False)


def _hover_shows(marker, tip, tries: int = 4) -> bool:
    """Hovers the marker until its tip shows. Right after an answer lands the chat may still scroll itself to
    the newest message (Gradio's autoscroll), which moves the marker from under a pointer that hovered it a
    moment before (CI saw this once); each try scrolls the marker back into view and hovers it again."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(tries):
        marker.hover()
        try:
            tip.wait_for(state="visible", timeout=2_000)
            return True
        except PlaywrightTimeout:
            continue
    return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The real app: packaged embedder, Chroma on disk, corpus/ indexed, on a free loopback port."""
    from assistant import Assistant, Settings
    from assistant.ui.app import launch

    root = tmp_path_factory.mktemp("ui")
    corpus = root / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    a = Assistant(settings=Settings(data_dir=root / "data", generator="extractive"))
    a.ingest([corpus], progress=False)
    port = _free_port()
    app = launch(a, port=port, block=False, corpus_dir=corpus)
    yield {"url": f"http://127.0.0.1:{port}/", "assistant": a, "root": root, "corpus": corpus}
    app.close()


@pytest.mark.integration
def test_ask_endpoint_returns_the_cli_json(served):
    from gradio_client import Client

    client = Client(served["url"], verbose=False)
    got = client.predict("Which train will resume between North Korea and Russia?", "", "", "", api_name="/ask")
    assert set(got) == {"answer", "refused", "as_of", "citations", "time_read", "note", "flagged", "language",
                        "timeline", "brief"}
    assert not got["refused"] and "645/646" in got["answer"]
    assert got["citations"][0]["paragraph_id"] == f"{SEED}#p7"
    refused = client.predict("Which train will resume?", "2024-01-01", "", "", api_name="/ask")
    assert refused["refused"] is True and refused["as_of"] == "2024-01-01"


@pytest.mark.integration
def test_browser_asks_streams_cites_highlights_and_takes_feedback(served):
    from playwright.sync_api import sync_playwright

    if not Path("/usr/bin/chromium").exists():
        pytest.fail("Debian's chromium is missing: apt-get install chromium (.ci/run does)")
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(served["url"])
        page.wait_for_selector("#model-status #models-ready", timeout=60_000)  # the start-up status line
        page.fill("#question textarea", "Which countries' diplomats were withdrawn from Damascus?")
        page.click("#ask")
        page.wait_for_selector(".found li", timeout=60_000)  # sources before the answer is done
        page.wait_for_selector("#chat .answer a.cite", timeout=60_000)
        answer = page.inner_text("#chat .answer")
        assert "Belarus" in answer and "Abkhazia" in answer
        assert page.inner_text("#chat .sources").count("Outlet not named in the source") >= 1
        page.screenshot(path=str(OUT / "answer.png"))

        page.click("#chat .answer a.cite")
        page.wait_for_selector("#reader .para.cited", timeout=30_000)
        cited = page.inner_text("#reader .para.cited")
        assert "Chkalovsky" in cited and cited.startswith("¶2")
        assert page.locator("#reader .para").count() == 8  # the whole article, neighbours around the cited one
        page.screenshot(path=str(OUT / "reader.png"))

        page.click("#chat button[aria-label='Like']")
        feedback = Path(served["assistant"].settings.data_dir) / "feedback.jsonl"
        deadline = time.time() + 15
        while not (feedback.exists() and feedback.read_text(encoding="utf-8").endswith("\n")) and time.time() < deadline:
            time.sleep(0.2)
        row = json.loads(feedback.read_text(encoding="utf-8").splitlines()[-1])
        assert row["liked"] is True and row["question"].startswith("Which countries")
        assert row["answer"]["citations"][0]["paragraph_id"] == f"{SEED}#p2"

        page.fill("#question textarea", "What did China say about the treaty?")
        page.click("#ask")
        page.wait_for_selector("#chat .refusal", timeout=60_000)
        page.screenshot(path=str(OUT / "refusal.png"))
        browser.close()


@pytest.mark.integration
def test_browser_a_spanish_question_opens_with_the_value_in_spanish_and_its_marker_opens_the_paragraph(served):
    from playwright.sync_api import sync_playwright

    from assistant.translation import Translator

    a = served["assistant"]
    kept = a._translator, a._chains
    # the local model's reading, fixed (the real one is measured in eval/bench_multilingual.py)
    a._translator, a._chains = Translator(
        lambda messages: "On what day of the month did the treaty between North Korea and Russia come into effect?",
        frozenset({"es"})), {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(served["url"])
            page.fill("#question textarea", "¿A partir de qué día del mes está en vigor el tratado entre Corea del Norte "
                                            "y Rusia?")
            page.click("#ask")
            page.wait_for_selector("#chat .brief a.cite", timeout=60_000)
            assert page.inner_text("#chat .brief").startswith("En resumen: 4 de diciembre de 2024")
            assert "4th of the month" in page.inner_text("#chat .answer")  # the quote stays as written
            assert "Pregunta hecha en español" in page.inner_text("#chat .editor-note")
            OUT.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(OUT / "brief.png"))
            page.click("#chat .brief a.cite")
            page.wait_for_selector("#reader .para.cited", timeout=30_000)
            assert "effective from the 4th" in page.inner_text("#reader .para.cited")
            browser.close()
    finally:
        a._translator, a._chains = kept


@pytest.mark.integration
def test_browser_upload_indexes_a_new_article_and_reports_a_bad_one(served, tmp_path):
    from playwright.sync_api import sync_playwright

    good = write_article(tmp_path, "lighthouse.md", id="lighthouse", title="Lighthouse keeper retires",
                         outlet="Coast Courier", published="2024-12-01",
                         body="Keeper Anna Vell retired on Monday after 31 years at the Skarn lighthouse.")
    bad = tmp_path / "broken.md"
    bad.write_text("---\npublished: 2024-01-01\n---\nNo title here.\n", encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(served["url"])
        page.get_by_role("tab", name="Corpus").click()
        page.set_input_files("#upload input[type=file]", [str(good), str(bad)])
        page.wait_for_timeout(1500)
        page.click("#index-files")
        page.wait_for_selector("text=Indexed 1 article", timeout=60_000)
        status = page.inner_text("body")
        assert "broken.md: missing title" in status
        page.screenshot(path=str(OUT / "corpus.png"))
        browser.close()
    assert (served["corpus"] / "lighthouse.md").exists() and not (served["corpus"] / "broken.md").exists()
    ans = served["assistant"].ask("How many years was Anna Vell at the Skarn lighthouse?")
    assert "31 years" in ans.text and ans.citations[0].paragraph_id == "lighthouse#p1"


def test_reading_pane_links_only_web_addresses():
    from assistant.types import Article

    def html(url):
        art = Article("a", "T", "O", date(2024, 1, 2), "Body.", url=url)
        return render.article_html(art, [], None)

    assert 'href="https://example.org/x"' in html("https://example.org/x")
    for bad in ("javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "//evil.example"):
        assert "<a " not in html(bad), bad


def test_empty_auth_file_is_a_named_error(tmp_path):
    import subprocess
    import sys

    empty = tmp_path / "auth.txt"
    empty.write_text("\n\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "assistant", "chat", "--auth-file", str(empty)], capture_output=True,
                         text=True, cwd=REPO, timeout=120, env={**os.environ, "ASSISTANT_DATA_DIR": str(tmp_path)})
    assert out.returncode == 2 and "is empty; put USER:PASS on its first line" in out.stderr


@pytest.mark.integration
def test_simultaneous_ask_calls_are_all_answered_and_only_offered_generators_run(served):
    from concurrent.futures import ThreadPoolExecutor

    from gradio_client import Client

    questions = ["Which train will resume between North Korea and Russia?",
                 "Which countries' diplomats were withdrawn from Damascus?"] * 3

    def ask(q):
        return Client(served["url"], verbose=False).predict(q, "", "", "", api_name="/ask")

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(ask, questions))
    assert all(not a["refused"] and a["citations"] for a in answers)
    assert {a["citations"][0]["paragraph_id"] for a in answers} == {f"{SEED}#p7", f"{SEED}#p2"}
    client = Client(served["url"], verbose=False)
    for name in ("openai:gpt-x", "ollama:anything", "local-but-not-configured"):
        with pytest.raises(Exception, match="not offered here"):
            client.predict("Which train will resume?", "", "", name, api_name="/ask")
    assert set(served["assistant"]._generators) == set()  # nothing was built for a caller's name


@pytest.mark.integration
def test_question_html_is_shown_as_text(served):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(served["url"])
        page.fill("#question textarea", '<img src=x id=injected onerror="document.title=1"> Which train will resume?')
        page.click("#ask")
        page.wait_for_selector("#chat .answer, #chat .refusal", timeout=60_000)
        assert page.locator("#chat img#injected").count() == 0
        assert "<img src=x id=injected" in page.inner_text("#chat")
        browser.close()


@pytest.mark.integration
def test_browser_corpus_tab_fetches_urls_and_feeds(tmp_path):
    """The Corpus tab takes a feed URL from a web server of the test's own on loopback."""
    from playwright.sync_api import sync_playwright

    from assistant import Assistant, Settings
    from assistant.ui.app import launch
    from test_web import PARAS, Site, feed, page

    site = Site()
    site.routes["/feed.xml"] = {"body": feed(site.base, [("Ferry", "/news/ferry"), ("Gone", "/news/gone")])}
    site.routes["/news/ferry"] = {"body": page("Night ferry to Villemer to stop", PARAS)}
    a = Assistant(settings=Settings(data_dir=tmp_path / "data", generator="extractive", fetch_allow_hosts="127.0.0.1",
                                    fetch_host_delay=0.0))
    port = _free_port()
    app = launch(a, port=port, block=False, corpus_dir=tmp_path / "corpus")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
            page_ = browser.new_page(viewport={"width": 1400, "height": 1000})
            page_.goto(f"http://127.0.0.1:{port}/")
            page_.get_by_role("tab", name="Corpus").click()
            page_.fill("#urls textarea", f"{site.base}/feed.xml\nnot a url")
            page_.click("#fetch-urls")
            page_.wait_for_selector("text=fetched from the web", timeout=60_000)
            status = page_.inner_text("#corpus-status")
            assert "Indexed 1 article(s)" in status and "/news/gone: HTTP 404" in status and "not a web address" in status
            assert "Night ferry to Villemer to stop" in page_.inner_text("body")
            page_.screenshot(path=str(OUT / "corpus-urls.png"))
            browser.close()
    finally:
        app.close()
        site.close()
    assert a.search("passengers last year annual report", k=1)[0].title == "Night ferry to Villemer to stop"


@pytest.mark.integration
def test_browser_timeline_points_open_paragraphs_and_markers_show_their_quote_on_hover(tmp_path):
    """A timeline question over the invented editor articles: the SVG's points are in date order, hovering a
    marker shows its quote without a click, and clicking a point opens that paragraph in the reading pane."""
    from playwright.sync_api import sync_playwright

    from assistant import Assistant, Settings
    from assistant.ui.app import launch

    a = Assistant(settings=Settings(data_dir=tmp_path / "data", generator="extractive"))
    a.ingest([REPO / "eval" / "editor" / "articles"], progress=False)
    port = _free_port()
    app = launch(a, port=port, block=False, corpus_dir=tmp_path / "corpus")
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"http://127.0.0.1:{port}/")
            page.fill("#question textarea", "Give me the timeline of the Oskarby dam leak.")
            page.click("#ask")
            page.wait_for_selector("#chat svg.timeline a.tl-point", timeout=90_000)
            points = page.locator("#chat svg.timeline a.tl-point")
            assert points.count() >= 3
            xs = [float(points.nth(i).locator("circle").get_attribute("cx")) for i in range(points.count())]
            assert xs == sorted(xs), xs  # left to right is earliest to latest

            marker = page.locator("#chat .answer a.cite:not(.tl-point)").first
            tip = marker.locator(".cite-tip")
            assert not tip.is_visible()
            if not _hover_shows(marker, tip):
                page.screenshot(path=str(OUT / "timeline-hover-failed.png"))
                raise AssertionError("hovering a citation marker never showed its quote (screenshot: "
                                     f"{OUT / 'timeline-hover-failed.png'})")
            quote = tip.inner_text().strip().rstrip("…")
            assert len(quote) > 20 and "Oskarby" in page.inner_text("#chat .answer")
            page.screenshot(path=str(OUT / "timeline-hover.png"))

            last = points.nth(points.count() - 1)
            pid = last.get_attribute("href").split("=", 1)[1]
            last.click()
            page.wait_for_selector("#reader .para.cited", timeout=30_000)
            cited = page.inner_text("#reader .para.cited")
            expected = a.catalog.paragraphs([pid])[0].text
            assert cited.split("\n", 1)[-1].strip()[:40] in expected or expected[:40] in cited, (cited, expected)
            page.screenshot(path=str(OUT / "timeline-reader.png"))
            browser.close()
    finally:
        app.close()


@pytest.mark.integration
def test_browser_waiting_line_counts_seconds_and_start_up_line_ticks_while_an_answer_waits(tmp_path):
    """While the models load and a question waits for them, the page keeps saying so, second by second: the
    chat's waiting line says what it waits for, and the start-up status line counts on."""
    import threading

    from assistant import Assistant, Settings
    from assistant.ui.app import Warming, launch

    class StillLoading(Warming):
        def __init__(self):  # no warm-up thread: ready when the test says so
            self.ready, self.error, self.started, self.seconds = threading.Event(), "", time.monotonic(), 0.0

    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    a = Assistant(settings=Settings(data_dir=tmp_path / "data", generator="extractive"))
    a.ingest([corpus], progress=False)
    real_answer, loading = a.answer, StillLoading()

    def answer_once_loaded(*args, **kwargs):  # as the local generator does: its answer waits for the model
        loading.ready.wait(30)
        return real_answer(*args, **kwargs)

    a.answer = answer_once_loaded
    port = _free_port()
    app = launch(a, port=port, block=False, corpus_dir=corpus, warming=loading)
    try:
        with browser_page(f"http://127.0.0.1:{port}/") as page:
            page.fill("#question textarea", "Which countries' diplomats were withdrawn from Damascus?")
            page.click("#ask")
            page.wait_for_selector("#chat .waiting", timeout=30_000)
            seconds = []
            for _ in range(3):
                page.wait_for_function(
                    "n => { const m = document.querySelector('#model-status').innerText.match(/Loading the models \\((\\d+) s\\)/);"
                    " return m && +m[1] > n; }", arg=seconds[-1] if seconds else 0, timeout=10_000)
                status = page.inner_text("#model-status")
                seconds.append(int(status.split("(")[1].split(" s)")[0]))
            assert seconds == sorted(set(seconds)) and seconds[-1] >= 3, seconds
            assert "the models are still loading" in page.inner_text("#chat .waiting")
            loading.seconds = 4.0
            loading.ready.set()
            page.wait_for_selector("#chat .answer a.cite", timeout=60_000)
            assert "Abkhazia" in page.inner_text("#chat .answer")
            page.wait_for_selector("#model-status #models-ready", timeout=10_000)
    finally:
        app.close()
