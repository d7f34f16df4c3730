"""Fetching pages and feeds as a good citizen and a safe one.

Only http and https; a user agent naming the project; a timeout and a size cap per
response; a delay between two requests to one host; robots.txt respected (unless a
setting says otherwise); and no address on a private, loopback, link-local or otherwise
reserved network, at the first request or after any redirect, unless its host is listed in
``fetch_allow_hosts`` (tests list their own loopback server). Conditional requests
(ETag, Last-Modified) let a refresh download only what changed.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlparse
from urllib.robotparser import RobotFileParser

log = logging.getLogger(__name__)

USER_AGENT = "news-assistant/0.1 (offline newsroom research assistant; fetches articles a user asked for)"
MAX_REDIRECTS = 5


class FetchError(ValueError):
    """A URL that could not be fetched; ``reason`` says why and what to do."""

    def __init__(self, url: str, reason: str):
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


@dataclass(frozen=True)
class FetchPolicy:
    user_agent: str = USER_AGENT
    timeout: float = 15.0
    max_bytes: int = 5 * 1024 * 1024
    host_delay: float = 1.0
    respect_robots: bool = True
    allow_hosts: tuple[str, ...] = ()

    @classmethod
    def from_settings(cls, s) -> "FetchPolicy":
        hosts = tuple(h.strip().lower() for h in s.fetch_allow_hosts.split(",") if h.strip())
        return cls(USER_AGENT, s.fetch_timeout, int(s.fetch_max_mb * 1024 * 1024), s.fetch_host_delay,
                   s.fetch_respect_robots, hosts)


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 when the cached copy is still current
    body: bytes
    content_type: str
    etag: str
    last_modified: str

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    def __init__(self, policy: FetchPolicy = FetchPolicy()):
        import httpx

        self.policy = policy
        self._client = httpx.Client(headers={"User-Agent": policy.user_agent}, timeout=policy.timeout,
                                    follow_redirects=False, trust_env=False)
        self._last: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | None] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, etag: str = "", last_modified: str = "") -> Fetched:
        """The response for ``url``, redirects followed (each hop checked); raises ``FetchError``."""
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            self._check_address(current)
            if self.policy.respect_robots and not self._robots_allow(current):
                raise FetchError(current, "robots.txt of that site disallows fetching it; set ASSISTANT_FETCH_RESPECT_ROBOTS=false "
                                          "only if you have the publisher's permission")
            headers = {}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            status, resp_headers, body = self._request(current, headers)
            if status in (301, 302, 303, 307, 308):
                location = resp_headers.get("location")
                if not location:
                    raise FetchError(current, f"redirect (HTTP {status}) without a Location header")
                current = urljoin(current, location)
                continue
            if status == 304:
                return Fetched(current, 304, b"", "", etag, last_modified)
            if status >= 400:
                raise FetchError(current, f"HTTP {status}; check the address (the page may have moved or need a login)")
            return Fetched(current, status, body, resp_headers.get("content-type", ""),
                           resp_headers.get("etag", ""), resp_headers.get("last-modified", ""))
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def _request(self, url: str, headers: dict) -> tuple[int, dict, bytes]:
        import httpx

        self._wait_for_host(urlparse(url).netloc)
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                if resp.status_code in (301, 302, 303, 307, 308, 304) or resp.status_code >= 400:
                    return resp.status_code, {k.lower(): v for k, v in resp.headers.items()}, b""
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.policy.max_bytes:
                    raise FetchError(url, self._too_large())
                chunks, size = [], 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > self.policy.max_bytes:
                        raise FetchError(url, self._too_large())
                    chunks.append(chunk)
                return resp.status_code, {k.lower(): v for k, v in resp.headers.items()}, b"".join(chunks)
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"no answer within {self.policy.timeout:g} s; try again later, or raise "
                                  "ASSISTANT_FETCH_TIMEOUT") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"could not be fetched ({type(exc).__name__}: {exc})") from exc

    def _too_large(self) -> str:
        return (f"larger than the {self.policy.max_bytes / 1e6:.1f} MB a page may be; raise ASSISTANT_FETCH_MAX_MB "
                "if it is really an article")

    def _wait_for_host(self, host: str) -> None:
        with self._lock:
            wait = self._last.get(host, 0.0) + self.policy.host_delay - time.monotonic()
            self._last[host] = time.monotonic() + max(0.0, wait)
        if wait > 0:
            time.sleep(wait)

    def _check_address(self, url: str) -> None:
        u = urlparse(url)
        if u.scheme not in ("http", "https"):
            raise FetchError(url, f"only http and https addresses are fetched, not {u.scheme or 'a bare path'}")
        host = (u.hostname or "").lower()
        if not host:
            raise FetchError(url, "the address has no host")
        if host in self.policy.allow_hosts:
            return
        try:
            infos = socket.getaddrinfo(host, u.port or (443 if u.scheme == "https" else 80), proto=socket.IPPROTO_TCP)
        except socket.gaierror as exc:
            raise FetchError(url, f"the host {host} cannot be found ({exc.strerror})") from exc
        for info in infos:
            ip = ipaddress.ip_address(info[4][0])
            if not ip.is_global or ip.is_multicast:
                raise FetchError(url, f"{host} is a private, loopback or reserved address ({ip}); such addresses are "
                                      "refused unless listed in ASSISTANT_FETCH_ALLOW_HOSTS")

    def _robots_allow(self, url: str) -> bool:
        u = urlparse(url)
        root = f"{u.scheme}://{u.netloc}"
        if root not in self._robots:
            parser: RobotFileParser | None = RobotFileParser()
            try:
                status, _, body = self._request(root + "/robots.txt", {})
                if status >= 400:
                    parser = None  # no robots.txt: everything allowed
                else:
                    parser.parse(body.decode("utf-8", "replace").splitlines())
            except FetchError as exc:
                log.info("robots.txt of %s could not be read (%s); fetching as allowed", root, exc.reason)
                parser = None
            self._robots[root] = parser
        parser = self._robots[root]
        return parser is None or parser.can_fetch(self.policy.user_agent, url)
