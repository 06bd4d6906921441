"""Follow every same-origin link from the start page as one logged-in user, GET only.

A few instances of each URL pattern (by resolver route, query strings included) are visited;
`must` URLs are always followed when a visited page links to them. A page fails on a server
error (a status of 500 or more, or an exception the test client re-raises: an invalid template
variable included) and on a page that mixes languages.
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urldefrag, urljoin, urlsplit

from django.urls import Resolver404, resolve

from .forms import post_forms
from .language import DataPhrases, foreign_context, foreign_words, read_page

PER_ROUTE = 3
SKIPPED_PREFIXES = ("/static/", "/beheer/", "/media/")
SKIPPED_ROUTES = {"logout", "login"}
# GETs with an effect: the provider fetching an outgoing message's XML marks it as sent
# (exchange.views.xml_response). Followed for every other kind of organisation, where it only reads.
PROVIDER_SKIPPED_ROUTES = {"exchange:message-download"}


def links(html: str | list[str], base: str) -> list[str]:
    """The same-origin links of a page (or of its hrefs), as paths with their query string, without fragments."""
    found = []
    for href in read_page(html, "").hrefs if isinstance(html, str) else html:
        url = urldefrag(urljoin(base, href)).url
        parts = urlsplit(url)
        if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


@lru_cache(maxsize=4096)
def route(url: str) -> str | None:
    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return None


@dataclass
class Failure:
    url: str
    what: str
    found_on: str

    def __str__(self) -> str:
        return f"{self.url} (linked from {self.found_on}): {self.what}"


@dataclass
class Crawl:
    account: str
    language: str
    visited: dict[str, int] = field(default_factory=dict)  # url → status
    failures: list[Failure] = field(default_factory=list)
    per_route: Counter = field(default_factory=Counter)
    forms: dict = field(default_factory=dict)  # the route of a form's action → (page, Form), the first seen


def crawl(client, *, account: str, language: str, provider: bool, data: DataPhrases,
          must: frozenset[str] | set[str] = frozenset(), per_route: int = PER_ROUTE, start: str = "/") -> Crawl:
    """Visit breadth-first from `start`; a link to a page that does not open (4xx) fails too."""
    result = Crawl(account=account, language=language)
    skipped = SKIPPED_ROUTES | (PROVIDER_SKIPPED_ROUTES if provider else set())
    queue: deque[tuple[str, str]] = deque([(start, "(start)")])
    seen = {start}
    planned = Counter({route(start): 1})
    while queue:
        url, found_on = queue.popleft()
        result.per_route[route(url)] += 1
        try:
            response = client.get(url)
        except Exception as error:  # the test client re-raises what the view raised
            result.visited[url] = 500
            result.failures.append(Failure(url, f"{type(error).__name__}: {error}", found_on))
            continue
        status = result.visited[url] = response.status_code
        if status >= 400:
            result.failures.append(Failure(url, f"status {status}", found_on))
            continue
        if status in (301, 302, 303, 307, 308):
            targets = links([response["Location"]], url)
        elif status == 200 and response.get("Content-Type", "").startswith("text/html"):
            page = read_page(response.content.decode(), language)
            mixed = foreign_words(page, language, data)
            if mixed:
                result.failures.append(Failure(url, f"{language} page has words of the other language: {mixed} in "
                                               f"{foreign_context(page, language, data)}",
                                               found_on))
            targets = links(page.hrefs, url)
            for form in post_forms(response.content.decode(), url):
                action = urlsplit(urljoin(url, form.action)).path
                form.action = action
                result.forms.setdefault(route(action), (url, form))
        else:
            continue
        for target in targets:
            if target in seen or target.startswith(SKIPPED_PREFIXES):
                continue
            name = route(target)
            if name in skipped:
                continue
            if target in must or planned[name] < per_route:
                seen.add(target)
                planned[name] += 1
                queue.append((target, url))
    return result
