from functools import lru_cache

from django import template
from django.urls import URLPattern, URLResolver, get_resolver

register = template.Library()


@lru_cache(maxsize=None)
def _view_class(url_name: str):
    """The view class of a named URL ("app:name"), also one that takes arguments such as a pk."""
    *namespaces, name = url_name.split(":")

    def find(patterns, path):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                found = find(pattern.url_patterns, path + ([pattern.namespace] if pattern.namespace else []))
                if found is not None:
                    return found
            elif isinstance(pattern, URLPattern) and pattern.name == name and path == namespaces:
                return getattr(pattern.callback, "view_class", None)
        return None

    view_class = find(get_resolver().url_patterns, [])
    if view_class is None:
        raise template.TemplateSyntaxError(f"may: no view is named {url_name!r}")
    return view_class


@register.filter
def may(actor, url_name: str) -> bool:
    """`{% if actor|may:"care:client-detail" %}`: would this page open for the actor? (Its arguments do not
    matter: the permission is the view's, and scoping an object is the selector's.)"""
    return actor is not None and _view_class(url_name).permits(actor)
