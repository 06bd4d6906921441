from django import template
from django.urls import resolve, reverse

register = template.Library()


@register.filter
def may(actor, url_name: str) -> bool:
    """`{% if actor|may:"billing:settlement-list" %}`: would this page open for the actor?"""
    view_class = getattr(resolve(reverse(url_name)).func, "view_class", None)
    return actor is not None and view_class is not None and view_class.permits(actor)
