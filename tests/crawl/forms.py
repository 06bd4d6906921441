"""The forms of a page, and a submission of nonsense to each: what a person sees after a mistake.

The crawl only follows links (GET); the pages a person sees after sending a form with a wrong value
(the form again, with its errors) are reached here. Every value is nonsense of its kind, so a form
refuses it and shows why; the answer may not be a server error nor mix languages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.core.files.uploadedfile import SimpleUploadedFile

NONSENSE = "٣x\u00a0?"  # another script's digit, a letter, a non-breaking space: no field's valid value
SKIPPED_ACTIONS = {"logout", "set_language"}


@dataclass
class Form:
    action: str
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # name, kind, value

    def nonsense(self) -> dict:
        data = {}
        for name, kind, value in self.fields:
            if kind == "hidden":
                data[name] = value  # what the page put there (the CSRF token, a next URL)
            elif kind == "file":
                data[name] = SimpleUploadedFile("nonsense.csv", NONSENSE.encode(), content_type="text/csv")
            elif kind in ("checkbox", "radio", "submit", "button"):
                continue  # left unchosen: a required choice then refuses
            else:
                data[name] = NONSENSE
        return data


class _Forms(HTMLParser):
    def __init__(self, base: str):
        super().__init__(convert_charrefs=True)
        self.base, self.forms, self.current = base, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self.current = Form(action=attrs.get("action") or self.base)
            self.forms.append(self.current)
        elif self.current is not None and tag in ("input", "select", "textarea") and attrs.get("name"):
            kind = tag if tag != "input" else (attrs.get("type") or "text").lower()
            self.current.fields.append((attrs["name"], kind, attrs.get("value") or ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


def post_forms(html: str, base: str) -> list[Form]:
    parser = _Forms(base)
    parser.feed(html)
    parser.close()
    return parser.forms
