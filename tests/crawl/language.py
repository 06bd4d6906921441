"""Does a page mix languages? Its visible interface text may hold no interface word of the other language.

Visible text: the text nodes and the human-readable attributes (title, placeholder, aria-label,
alt, a button's value), without script, style, code, pre, kbd and samp, and without elements
marked `translate="no"` or with a `lang` other than the page's. Data is removed first: names of
clients, people, organisations, municipalities, products, towns and streets, and the iWmo
codelist descriptions (official Dutch texts), given as phrases. What remains is split into
words and compared with two short lists of unambiguous interface words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from html.parser import HTMLParser

# Words that occur in the interface of one language and are not words (or names, or codes) of the other.
DUTCH = frozenset("""
    toewijzing toewijzingen cliënt cliënten maand maanden niet geen opslaan zoeken aanbieder aanbieders
    declaratie declaraties verrekening bericht berichten verzoek verzoeken uitloggen inloggen ingangsdatum
    einddatum begindatum goedgekeurd afgekeurd wijzigen beëindigen bedrag bedragen totaal het een voor welkom
    gebruikersnaam wachtwoord tijdigheid catalogus gemeenten verzonden ontvangen overzicht afsluiten terug
    volgende vorige alle alleen nieuw nieuwe ingediend afgewezen toegewezen doelen gewijzigd bekijken
    aantal periode zonder waarvan betaald jaar
""".split())
ENGLISH = frozenset("""
    allocation allocations client clients month months the not save search provider providers declaration
    declarations settlement message messages request requests logout login username password timeliness
    catalogue municipality municipalities received sent overview back next previous with and from this your
    new submitted approved rejected refused granted goals changed view amount number period without paid year
    welcome all only none
""".split())

_SKIPPED = {"script", "style", "code", "pre", "kbd", "samp", "template"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


class _Text(HTMLParser):
    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, bool]] = []  # open elements and whether each hides its content
        self.parts: list[str] = []
        self.document_language = ""
        self.hrefs: list[str] = []  # every link's target, for the crawler: one parse per page

    @property
    def hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        lang = (attrs.get("lang") or "").split("-")[0].lower()
        if tag == "html":  # the page's own language is judged, not hidden
            self.document_language, lang = lang, ""
        hides = self.hidden or tag in _SKIPPED or attrs.get("translate") == "no" or bool(lang and lang != self.language)
        if not hides:
            self.parts.extend(attrs[a] for a in _ATTRIBUTES if attrs.get(a))
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.parts.append(attrs["value"])
        if tag not in _VOID:
            self.stack.append((tag, hides))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def read_page(html: str, language: str) -> _Text:
    """The page's visible text (`parts`), its <html lang> and its links."""
    parser = _Text(language)
    parser.feed(html)
    parser.close()
    return parser


def visible_text(html: str, language: str) -> str:
    return "\n".join(read_page(html, language).parts)


class DataPhrases:
    """Phrases that are data, removed from a page's text before its words are judged."""

    def __init__(self, phrases=()):
        self.by_first_word: dict[str, list[str]] = defaultdict(list)
        for phrase in {p.strip() for p in phrases if p and p.strip()}:
            words = WORD.findall(phrase.lower())
            if words:
                self.by_first_word[words[0]].append(phrase)
        for phrases_ in self.by_first_word.values():
            phrases_.sort(key=len, reverse=True)

    def remove(self, text: str) -> str:
        words = set(WORD.findall(text.lower()))
        for word in words & self.by_first_word.keys():
            for phrase in self.by_first_word[word]:
                if phrase in text:
                    text = text.replace(phrase, " ")
        return text


def foreign_words(html: str | _Text, language: str, data: DataPhrases | None = None) -> list[str]:
    """The interface words of the other language on a page in `language` ("nl" or "en"), sorted;
    a page whose <html lang> names another language than `language` gives `<html lang="…">` first."""
    parser = read_page(html, language) if isinstance(html, str) else html
    text = "\n".join(parser.parts)
    if data is not None:
        text = data.remove(text)
    other = ENGLISH if language == "nl" else DUTCH
    found = sorted({w for w in WORD.findall(text.lower()) if w in other})
    if parser.document_language and parser.document_language != language:
        found.insert(0, f'<html lang="{parser.document_language}">')
    return found


def foreign_context(page: _Text, language: str, data: DataPhrases | None = None, *, limit: int = 3) -> list[str]:
    """The pieces of visible text that hold the other language's words: what a failure shows."""
    other = ENGLISH if language == "nl" else DUTCH
    pieces = []
    for part in page.parts:
        text = data.remove(part) if data is not None else part
        if {w for w in WORD.findall(text.lower()) if w in other}:
            pieces.append(" ".join(part.split())[:120])
            if len(pieces) == limit:
                break
    return pieces
