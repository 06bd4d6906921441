"""The crawler itself, over a made-up site: what it follows, what it skips, and what fails."""

from django.template import TemplateSyntaxError

from .crawler import crawl
from .language import DataPhrases


class Response(dict):
    def __init__(self, status, html="", location=None):
        super().__init__({"Content-Type": "text/html; charset=utf-8"})
        if location:
            self["Location"] = location
        self.status_code, self.content = status, html.encode()


def page(*hrefs, text="Toewijzingen"):
    anchors = "".join(f'<a href="{h}">x</a>' for h in hrefs)
    return f'<html lang="nl"><body><p>{text}</p>{anchors}</body></html>'


class Site:
    """Pages by path; a callable raises like a view would; what was asked is kept."""

    def __init__(self, pages):
        self.pages, self.asked = pages, []

    def get(self, url):
        self.asked.append(url)
        answer = self.pages.get(url, Response(404))
        if callable(answer):
            answer()
        return answer


def run(pages, **kw):
    site = Site(pages)
    result = crawl(site, account="a", language="nl", provider=kw.pop("provider", False), data=DataPhrases(), **kw)
    return site, result


def raises():
    raise TemplateSyntaxError("template variable x.y does not resolve")


ALLOCATIONS = [f"/toewijzingen/{n}/" for n in range(1, 6)]


def test_at_most_three_of_a_route_are_visited_but_a_must_url_always():
    pages = {"/": Response(200, page("/toewijzingen/", *ALLOCATIONS)), "/toewijzingen/": Response(200, page())}
    pages.update({url: Response(200, page()) for url in ALLOCATIONS})
    site, _ = run(pages)
    assert site.asked == ["/", "/toewijzingen/", *ALLOCATIONS[:3]]
    site, _ = run(pages, must={ALLOCATIONS[4]})
    assert ALLOCATIONS[4] in site.asked and ALLOCATIONS[3] not in site.asked


def test_logout_admin_static_and_other_sites_are_not_followed_and_a_provider_downloads_nothing():
    pages = {"/": Response(200, page("/uitloggen/", "/beheer/", "/static/x.css", "https://example.org/",
                                     "/berichten/7/xml/", "#top"))}
    site, _ = run(pages, provider=True)
    assert site.asked == ["/"]
    site, result = run(pages)
    assert site.asked == ["/", "/berichten/7/xml/"]  # only reads for anyone else (and 404 here: a failure)
    assert [f.url for f in result.failures] == ["/berichten/7/xml/"]


def test_a_server_error_an_exception_a_broken_link_and_mixed_languages_fail():
    pages = {"/": Response(200, page("/toewijzingen/", "/clienten/", "/declaraties/", "/berichten/")),
             "/toewijzingen/": Response(500), "/clienten/": raises,
             "/declaraties/": Response(200, page(text="Search the allocation"))}
    _, result = run(pages)
    failures = {f.url: f.what for f in result.failures}
    assert failures["/toewijzingen/"] == "status 500"
    assert failures["/clienten/"].startswith("TemplateSyntaxError")
    assert "allocation" in failures["/declaraties/"] and "search" in failures["/declaraties/"]
    assert failures["/berichten/"] == "status 404"
    assert all(f.found_on == "/" for f in result.failures)


def test_a_redirect_is_followed():
    pages = {"/": Response(302, location="/toewijzingen/"), "/toewijzingen/": Response(200, page())}
    site, result = run(pages)
    assert site.asked == ["/", "/toewijzingen/"] and not result.failures
