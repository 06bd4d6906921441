"""Declarative permissions: a view states which organisation kinds may use it, with which roles.

`allowed` maps each kind to the roles it needs there (an empty tuple: any role); `kinds` and
`roles` are the shorthand when every kind needs the same roles. Another organisation's object
is not found (404) — selectors only see the actor's own rows; the actor's own object without
the right role is forbidden (403). The navigation asks the same rule (`permits`), so a link
shows exactly when its page would open.
"""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils.translation import gettext as _

from regie.core.errors import Forbidden

from .actors import actor_for


class ActorRequiredMixin(LoginRequiredMixin):
    allowed: dict[str, tuple[str, ...]] | None = None
    kinds: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    @classmethod
    def rule(cls) -> dict[str, tuple[str, ...]] | None:
        """Kind → roles needed; None when every kind may come, with `roles` if any."""
        if cls.allowed is not None:
            return cls.allowed
        return {kind: cls.roles for kind in cls.kinds} if cls.kinds else None

    @classmethod
    def check(cls, actor) -> None:
        rule = cls.rule()
        if rule is not None and actor.kind not in rule:
            raise Forbidden("kind-not-allowed", _("This page is not meant for your organisation."))
        roles = cls.roles if rule is None else rule[actor.kind]
        if roles:
            actor.require(*roles)

    @classmethod
    def permits(cls, actor) -> bool:
        try:
            cls.check(actor)
        except Forbidden:
            return False
        return True

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.actor = actor_for(request.user)
        self.check(self.actor)
        return super().dispatch(request, *args, **kwargs)
