"""The Dutch catalogue, in pure Python (Babel), so no GNU gettext is needed on any machine.

- `extract()` finds every msgid in `src/regie`: Python files with Babel's extractor, templates
  through Django's own `templatize` (the same step `makemessages` takes) and then Babel.
- `update()` merges them into `locale/nl/LC_MESSAGES/django.po`: new msgids arrive with an empty
  translation, vanished ones are dropped, translations are kept.
- `problems()` lists what makes the catalogue incomplete: untranslated, fuzzy, obsolete,
  missing or stale msgids, and placeholders that differ from the msgid.
- `compile()` writes the `.mo` beside the `.po` (a build artefact, made by `make setup`).

Used by `manage.py translations update|check|compile` and by tests/i18n.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract as babel_extract
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

SOURCE = Path(__file__).resolve().parent.parent  # src/regie
LOCALE = SOURCE / "locale"
LANGUAGE = "nl"
DOMAIN = "django"
PO = LOCALE / LANGUAGE / "LC_MESSAGES" / f"{DOMAIN}.po"
MO = PO.with_suffix(".mo")

KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
SKIPPED_DIRS = {"migrations", "static", "locale", "__pycache__"}


def _sources():
    for path in sorted(SOURCE.rglob("*")):
        if path.is_file() and not SKIPPED_DIRS.intersection(path.relative_to(SOURCE).parts):
            if path.suffix in {".py", ".html", ".txt"}:
                yield path


def extract() -> Catalog:
    """Every msgid in the source, with the places it occurs."""
    from django.utils.translation.template import templatize

    template = Catalog(locale=None, domain=DOMAIN)
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        if path.suffix != ".py":
            if "{% load" not in text or "i18n" not in text:
                continue
            text = templatize(text, origin=str(path))
        location = str(path.relative_to(SOURCE.parent))
        for lineno, message, comments, context in babel_extract(
            "python", io.BytesIO(text.encode("utf-8")), keywords=KEYWORDS, comment_tags=("Translators:",),
            strip_comment_tags=True,
        ):
            template.add(message, None, [(location, lineno)], auto_comments=comments, context=context)
    return template


def read() -> Catalog:
    with PO.open("rb") as handle:
        return read_po(handle, locale=LANGUAGE, domain=DOMAIN)


def write(catalog: Catalog) -> None:
    PO.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    # File names without line numbers: edits elsewhere in a file do not churn the catalogue.
    write_po(buffer, catalog, width=100, sort_by_file=False, sort_output=True, include_previous=False,
             include_lineno=False)
    PO.write_bytes(buffer.getvalue())


def update() -> tuple[int, int]:
    """Merge the source's msgids into the catalogue; returns (added, removed)."""
    template = extract()
    if PO.exists():
        catalog = read()
    else:
        catalog = Catalog(locale=LANGUAGE, domain=DOMAIN, project="Regie", version="0.1", fuzzy=False)
    template.creation_date = catalog.creation_date  # no date churn in the diff
    before = {_key(m) for m in catalog if m.id}
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()
    catalog.fuzzy = False
    catalog.project, catalog.version = "Regie", "0.1"
    catalog.copyright_holder = catalog.msgid_bugs_address = ""
    catalog.last_translator = catalog.language_team = "Regie"
    catalog.header_comment = "# The Dutch texts of Regie: English msgids, Dutch translations (docs/development.md)."
    write(catalog)
    after = {_key(m) for m in catalog if m.id}
    return len(after - before), len(before - after)


def _key(message) -> tuple:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return msgid, message.context


def problems() -> list[str]:
    """Why the catalogue is not complete; empty when it is."""
    catalog = read()
    found = []
    for message in catalog:
        if not message.id:
            continue
        name = _key(message)[0]
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if not all(strings):
            found.append(f"untranslated: {name!r}")
        if message.fuzzy:
            found.append(f"fuzzy: {name!r}")
        for error in message.check(catalog):
            found.append(f"placeholders differ: {name!r}: {error}")
    for message in catalog.obsolete.values():
        found.append(f"obsolete: {_key(message)[0]!r}")
    in_source = {_key(m) for m in extract() if m.id}
    in_catalogue = {_key(m) for m in catalog if m.id}
    found += [f"missing from the catalogue: {msgid!r}" for msgid, _ in sorted(in_source - in_catalogue, key=str)]
    found += [f"no longer in the source: {msgid!r}" for msgid, _ in sorted(in_catalogue - in_source, key=str)]
    return found


def compile() -> Path:  # noqa: A001 - the gettext word for it
    """Write the .mo beside the .po (fuzzy entries are left out, as msgfmt does)."""
    catalog = read()
    with MO.open("wb") as handle:
        write_mo(handle, catalog, use_fuzzy=False)
    return MO


def compile_if_stale() -> None:
    if PO.exists() and (not MO.exists() or MO.stat().st_mtime < PO.stat().st_mtime):
        compile()
