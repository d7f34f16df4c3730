"""Articles from the web, against a real HTTP server of the test's own on 127.0.0.1 (never the internet).

Every page and feed here is written by the tests (invented places and people)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.fetch import Fetcher, FetchError, FetchPolicy

PARAS = [
    "The harbour authority of Port Elsen said on Tuesday that the night ferry to Villemer will stop running on 1 May after forty-two years of service.",
    "The ferry carried 118,000 passengers last year, down from 240,000 in 2015, according to the authority's annual report published this week.",
    "Mayor Ingrid Kalt called the decision a betrayal of the islands and said the town council would appeal against it before the summer.",
]


def page(title, paras, *, date="2024-03-05", canonical=None, site="Coast Courier"):
    meta = f'<meta property="og:site_name" content="{site}">'
    if date:
        meta += f'<meta property="article:published_time" content="{date}T10:00:00Z">'
    if canonical:
        meta += f'<link rel="canonical" href="{canonical}">'
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<html><head><title>{title}</title>{meta}</head><body><nav>Home | News | Sport</nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Contact us</footer></body></html>").encode()


def feed(base, items):
    entries = "".join(f"<item><title>{t}</title><link>{base}{p}</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"
                      for t, p in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Courier</title><link>{base}/</link>'
            f"{entries}</channel></rss>").encode()


class Site:
    """Routes: path -> dict(status, body, headers, delay, etag); records each request."""

    def __init__(self):
        self.routes: dict[str, dict] = {}
        self.requests: list[tuple[float, str, dict]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                site.requests.append((time.monotonic(), self.path, dict(self.headers)))
                route = site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                time.sleep(route.get("delay", 0))
                etag = route.get("etag")
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(route.get("status", 200))
                for k, v in route.get("headers", {}).items():
                    self.send_header(k, v)
                if etag:
                    self.send_header("ETag", etag)
                body = route.get("body", b"")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


@pytest.fixture
def web_assistant(make_assistant):
    def make(**overrides):
        return make_assistant(fetch_allow_hosts="127.0.0.1", fetch_host_delay=0.0, fetch_timeout=2.0, **overrides)

    return make


def test_an_article_url_is_fetched_once_whatever_the_address(site, web_assistant):
    canonical = f"{site.base}/news/ferry"
    site.routes["/news/ferry"] = {"body": page("Night ferry to Villemer to stop", PARAS, canonical=canonical)}
    site.routes["/old-ferry"] = {"status": 301, "headers": {"Location": "/news/ferry?utm_source=feed&utm_medium=rss"}}
    a = web_assistant()
    r = a.ingest([f"{site.base}/news/ferry?utm_campaign=x#comments", f"{site.base}/old-ferry"])
    assert r.skipped == [] and r.fetched == 2 and r.articles == 1 and r.added == 3
    (art,) = a.articles()
    assert (art.title, art.outlet, art.published.isoformat(), art.url) == (
        "Night ferry to Villemer to stop", "Coast Courier", "2024-03-05", canonical)
    assert art.body.split("\n\n") == PARAS  # paragraphs from the page's structure, no menus or footer
    hit = a.search("passengers last year annual report", k=1)[0]
    assert hit.paragraph_id == f"{art.id}#p2"
    ua = [h.get("User-Agent", "") for _, _, h in site.requests]
    assert ua and all(u.startswith("news-assistant/") for u in ua)


def test_a_feed_indexes_its_entries_and_names_the_one_that_fails(site, web_assistant):
    site.routes["/feed.xml"] = {"body": feed(site.base, [("Ferry", "/news/ferry"), ("Gone", "/news/gone"), ("Bridge", "/news/bridge")]),
                                "headers": {"Content-Type": "application/rss+xml"}}
    site.routes["/news/ferry"] = {"body": page("Night ferry to stop", PARAS)}
    site.routes["/news/bridge"] = {"body": page("Tessel bridge reopens", [
        "Engineers in Norvale reopened the Tessel bridge on Friday after a repair that took eleven months and cost 31 million euros.",
        "Traffic officials expect 20,000 vehicles a day to cross the bridge again by the summer, the city said on Friday."])}
    a = web_assistant()
    r = a.ingest([f"{site.base}/feed.xml"])
    assert {x.title for x in a.articles()} == {"Night ferry to stop", "Tessel bridge reopens"}
    (bad,) = r.skipped
    assert bad.path == f"{site.base}/news/gone" and "HTTP 404" in bad.reason and "feed.xml" in bad.reason
    assert a.catalog.feeds() == []  # a feed with a failed entry is fetched whole again next time


def test_a_changed_page_updates_only_its_changed_paragraph_and_refresh_downloads_only_what_changed(site, web_assistant, embedder):
    site.routes["/feed.xml"] = {"body": feed(site.base, [("Ferry", "/news/ferry")]), "etag": '"f1"'}
    site.routes["/news/ferry"] = {"body": page("Night ferry to stop", PARAS), "etag": '"v1"'}
    a = web_assistant()
    a.ingest([f"{site.base}/feed.xml"])
    assert a.catalog.feeds() == [f"{site.base}/feed.xml"]
    before = len(site.requests)
    r = a.ingest([], refresh=True)  # what `assistant ingest --refresh` runs
    assert (r.fetched, r.not_modified, r.added, r.updated) == (0, 1, 0, 0)
    fetched = [r for r in site.requests[before:] if r[1] != "/robots.txt"]
    assert len(fetched) == 1 and fetched[0][2].get("If-None-Match") == '"f1"'
    # the page changes; the feed announces it
    site.routes["/news/ferry"] = {"body": page("Night ferry to stop", [PARAS[0], PARAS[1].replace("118,000", "119,500"), PARAS[2]]),
                                  "etag": '"v2"'}
    site.routes["/feed.xml"]["etag"] = '"f2"'
    embedded = embedder.texts
    r = a.ingest([], refresh=True)
    assert (r.fetched, r.added, r.updated, r.unchanged) == (1, 0, 1, 2)
    assert embedder.texts - embedded == 1  # only the changed paragraph was embedded
    assert "119,500" in a.search("How many passengers did the ferry carry?", k=1)[0].text


def test_pages_that_cannot_become_articles_are_named_errors(site, web_assistant):
    site.routes["/undated"] = {"body": page("A page without a date", PARAS, date=None)}
    site.routes["/slow"] = {"body": page("Slow", PARAS), "delay": 4}
    site.routes["/huge"] = {"body": page("Huge", PARAS * 4000)}
    site.routes["/to-private"] = {"status": 302, "headers": {"Location": "http://169.254.169.254/latest/meta-data"}}
    site.routes["/robots.txt"] = {"body": b"User-agent: *\nDisallow: /private/\n"}
    site.routes["/private/story"] = {"body": page("Private", PARAS)}
    site.routes["/fine"] = {"body": page("Night ferry to stop", PARAS)}
    a = web_assistant(fetch_max_mb=0.05)
    urls = [f"{site.base}{p}" for p in ("/undated", "/slow", "/huge", "/to-private", "/private/story", "/fine")]
    r = a.ingest(urls + ["ftp://example.org/x", "http://10.1.2.3/story"])
    reasons = {s.path: s.reason for s in r.skipped}
    assert "no publication date" in reasons[f"{site.base}/undated"]
    assert "no answer within 2 s" in reasons[f"{site.base}/slow"]
    assert "larger than" in reasons[f"{site.base}/huge"]
    assert "private, loopback or reserved" in reasons["http://169.254.169.254/latest/meta-data"]
    assert "robots.txt" in reasons[f"{site.base}/private/story"]
    assert "only http and https" in reasons["ftp://example.org/x"]
    assert "private, loopback or reserved" in reasons["http://10.1.2.3/story"]
    assert [x.title for x in a.articles()] == ["Night ferry to stop"]  # the rest of the batch was indexed


def test_loopback_is_refused_unless_allowed_and_hosts_get_a_delay(site):
    site.routes["/a"] = {"body": b"a"}
    site.routes["/b"] = {"body": b"b"}
    with pytest.raises(FetchError, match="ASSISTANT_FETCH_ALLOW_HOSTS"):
        Fetcher(FetchPolicy(respect_robots=False)).get(f"{site.base}/a")
    f = Fetcher(FetchPolicy(respect_robots=False, allow_hosts=("127.0.0.1",), host_delay=0.4))
    f.get(f"{site.base}/a")
    f.get(f"{site.base}/b")
    (t1, _, _), (t2, _, _) = site.requests[-2:]
    assert t2 - t1 >= 0.35


def test_a_saved_page_is_an_article_with_its_canonical_identity(tmp_path, make_assistant, site):
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "ferry.html").write_bytes(page("Night ferry to stop", PARAS, canonical="https://coast.example/news/ferry"))
    (saved / "undated.htm").write_bytes(page("No date", PARAS, date=None))
    a = make_assistant()
    r = a.ingest([saved])
    (art,) = a.articles()
    assert art.url == "https://coast.example/news/ferry" and art.id.startswith("web-")
    assert "no publication date" in r.skipped[0].reason and r.skipped[0].path.endswith("undated.htm")


@pytest.mark.integration
def test_cli_ingests_a_feed_url_and_refreshes_it(site, tmp_path):
    import json
    import os
    import subprocess
    import sys

    from conftest import REPO

    site.routes["/feed.xml"] = {"body": feed(site.base, [("Ferry", "/news/ferry")]), "etag": '"f1"'}
    site.routes["/news/ferry"] = {"body": page("Night ferry to stop", PARAS), "etag": '"v1"'}
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(tmp_path / "d"), "ASSISTANT_FETCH_ALLOW_HOSTS": "127.0.0.1",
           "ASSISTANT_FETCH_HOST_DELAY": "0", "HF_HUB_OFFLINE": "1"}

    def run(*args):
        out = subprocess.run([sys.executable, "-m", "assistant", "ingest", *args, "--json", "--no-progress"],
                             capture_output=True, text=True, env=env, cwd=REPO, timeout=300)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    first = run(f"{site.base}/feed.xml")
    assert first["articles"] == 1 and first["paragraphs"]["added"] == 3 and first["web"]["fetched"] == 1
    again = run("--refresh")
    assert again["web"] == {"fetched": 0, "not_modified": 1, "seconds": again["web"]["seconds"]}
    assert again["paragraphs"]["added"] == 0


def test_an_atom_feed_file_is_read_and_its_entries_fetched(site, web_assistant, tmp_path):
    site.routes["/news/ferry"] = {"body": page("Night ferry to stop", PARAS, date=None)}  # the entry gives the date
    atom = tmp_path / "coast.atom"
    atom.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Coast Courier</title>'
        f'<id>urn:coast</id><updated>2024-03-06T00:00:00Z</updated><entry><title>Ferry</title><id>urn:1</id>'
        f'<link href="{site.base}/news/ferry"/><published>2024-03-04T08:00:00Z</published>'
        '<updated>2024-03-04T08:00:00Z</updated></entry></feed>', encoding="utf-8")
    a = web_assistant()
    r = a.ingest([atom])
    assert r.skipped == [] and [(x.title, x.published.isoformat()) for x in a.articles()] == [("Night ferry to stop", "2024-03-04")]
    (tmp_path / "not-a-feed.xml").write_text("<root>nothing</root>", encoding="utf-8")
    assert "not an RSS or Atom feed" in a.ingest([tmp_path / "not-a-feed.xml"]).skipped[0].reason
