"""The crawl's language-mixing detector, on pages made up for it."""

import pytest

from .crawler import links
from .language import DUTCH, ENGLISH, DataPhrases, foreign_words, visible_text


def page(body: str, lang: str = "nl") -> str:
    return (f'<!doctype html><html lang="{lang}"><head><title>t</title><style>.the {{}}</style></head>'
            f"<body>{body}</body></html>")


def test_the_word_lists_do_not_overlap_and_are_lower_case():
    assert not DUTCH & ENGLISH
    assert all(w == w.lower() for w in DUTCH | ENGLISH)


@pytest.mark.parametrize("language, body", [
    ("nl", "<h1>Toewijzingen</h1><p>Er zijn geen toewijzingen in deze maand.</p><button>Opslaan</button>"),
    ("en", "<h1>Allocations</h1><p>There are no allocations this month.</p><button>Save</button>"),
])
def test_a_page_in_one_language_passes(language, body):
    assert foreign_words(page(body, language), language) == []


@pytest.mark.parametrize("language, body, words", [
    ("nl", "<h1>Toewijzingen</h1><p>Search the allocation</p>", ["allocation", "search", "the"]),
    ("nl", '<input placeholder="Search">', ["search"]),
    ("nl", '<a title="Save" href="/">x</a>', ["save"]),
    ("nl", '<input type="submit" value="Save">', ["save"]),
    ("en", "<h1>Allocations</h1><p>Er is geen cliënt.</p>", ["cliënt", "geen"]),
    ("en", "<ul><li>Client<li>Maand</ul>", ["maand"]),
])
def test_a_word_of_the_other_language_is_found(language, body, words):
    assert foreign_words(page(body, language), language) == words


def test_a_page_that_says_it_is_in_another_language_is_found():
    assert foreign_words(page("<p>Allocations</p>", "nl"), "en") == ['<html lang="nl">']


@pytest.mark.parametrize("body", [
    "<script>var the = 'search';</script>",
    "<p>Kolom <code>month</code></p>",
    "<pre>reference,month,debit_credit</pre>",
    '<p>Taal: <a lang="en" href="/">English, the language</a></p>',
    '<p translate="no">the month</p>',
    '<p>Data <span translate="no">search <b>the</b> month</span> toewijzing</p>',
])
def test_what_is_not_interface_text_is_ignored(body):
    assert foreign_words(page(body), "nl") == []


def test_data_is_removed_before_the_words_are_judged():
    body = "<p>Toewijzing aan The Care Company voor cliënt J. Search</p>"
    data = DataPhrases(["The Care Company", "J. Search", ""])
    assert foreign_words(page(body), "nl", data) == []
    assert foreign_words(page(body), "nl") == ["search", "the"]


def test_visible_text_survives_unclosed_elements():
    text = visible_text(page("<ul><li>een<li>twee</ul><p>drie<br>vier"), "nl")
    assert text.split() == ["t", "een", "twee", "drie", "vier"]


def test_links_are_same_origin_paths_without_fragments():
    html = ('<a href="/a/">a</a><a href="b/?x=1#top">b</a><a href="http://testserver/c/">c</a>'
            '<a href="https://example.org/">x</a><a href="mailto:x@example.org">x</a><a href="//other/">x</a>')
    assert links(html, "/base/") == ["/a/", "/base/b/?x=1", "/c/"]
