"""The test settings make a template variable that does not resolve an error (tests/conftest.py)."""

import pytest
from django.template import Context, Engine, TemplateSyntaxError, engines


def test_a_variable_that_does_not_resolve_raises():
    template = engines["django"].from_string("{{ allocation.missing }}")
    with pytest.raises(TemplateSyntaxError):
        template.render({"allocation": object()})


def test_a_filter_over_a_missing_variable_raises_too():
    template = engines["django"].from_string('{{ version.changed_by.name|default:"systeem" }}')
    with pytest.raises(TemplateSyntaxError):
        template.render({"version": None})


def test_if_and_for_still_treat_a_missing_variable_as_empty():
    template = engines["django"].from_string("{% if nothing.here %}x{% endif %}{% for i in nothing %}y{% endfor %}.")
    assert template.render({}) == "."


def test_without_the_setting_django_renders_empty():
    assert Engine().from_string("[{{ missing }}]").render(Context({})) == "[]"
