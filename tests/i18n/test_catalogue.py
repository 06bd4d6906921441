"""The Dutch catalogue is complete: every msgid in the source is in it and translated, nothing fuzzy or obsolete."""

import shutil

import pytest

from regie.core import i18n


def test_the_dutch_catalogue_is_complete():
    assert i18n.problems() == []


def test_the_catalogue_has_the_interface_in_it():
    catalog = i18n.read()
    assert catalog.get("Log out").string == "Uitloggen"
    assert catalog.get("Allocations").string == "Toewijzingen"
    assert len([m for m in catalog if m.id]) > 700


@pytest.fixture
def copy(tmp_path, monkeypatch):
    """The source and the catalogue copied, so a test can break them."""
    source = tmp_path / "regie"
    (source / "app").mkdir(parents=True)
    (source / "app" / "views.py").write_text('from django.utils.translation import gettext as _\n_("Log out")\n')
    (source / "app" / "page.html").write_text('{% load i18n %}<p>{% translate "Main menu" %}</p>\n')
    po = tmp_path / "django.po"
    shutil.copy(i18n.PO, po)
    monkeypatch.setattr(i18n, "SOURCE", source)
    monkeypatch.setattr(i18n, "PO", po)
    monkeypatch.setattr(i18n, "MO", po.with_suffix(".mo"))
    return source, po


def kinds(found):
    return {line.split(":")[0] for line in found}


def test_a_new_msgid_without_a_translation_is_found(copy):
    source, _po = copy
    (source / "app" / "new.py").write_text('from django.utils.translation import gettext_lazy as _\nX = _("New thing")\n')
    (source / "app" / "new.html").write_text(
        '{% load i18n %}{% blocktranslate with n=x.count %}{{ n }} new things{% endblocktranslate %}\n')
    found = i18n.problems()
    assert "missing from the catalogue: 'New thing'" in found
    assert "missing from the catalogue: '%(n)s new things'" in found


def test_update_adds_new_msgids_untranslated_and_drops_vanished_ones(copy):
    source, _po = copy
    (source / "app" / "new.py").write_text('from django.utils.translation import gettext as _\n_("New thing")\n')
    i18n.update()
    catalog = i18n.read()
    assert catalog.get("New thing").string == ""
    assert catalog.get("Allocations") is None  # not in the copied source: dropped
    assert catalog.get("Log out").string == "Uitloggen"  # kept with its translation
    assert "untranslated: 'New thing'" in i18n.problems()


def test_fuzzy_obsolete_and_wrong_placeholders_are_found(copy):
    _source, po = copy
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgid "Log out"', '#, fuzzy\nmsgid "Log out"', 1)
    text += '\n#~ msgid "Gone"\n#~ msgstr "Weg"\n'
    text += '\n#, python-format\nmsgid "Hello %(name)s"\nmsgstr "Hallo %(naam)s"\n'
    po.write_text(text, encoding="utf-8")
    found = i18n.problems()
    assert "fuzzy: 'Log out'" in found
    assert "obsolete: 'Gone'" in found
    assert any(line.startswith("placeholders differ: 'Hello %(name)s'") for line in found)
    assert "no longer in the source: 'Hello %(name)s'" in found


def test_compile_writes_a_catalogue_django_reads(copy):
    _source, po = copy
    mo = i18n.compile()
    from babel.messages.mofile import read_mo

    with mo.open("rb") as handle:
        assert read_mo(handle).get("Log out").string == "Uitloggen"
