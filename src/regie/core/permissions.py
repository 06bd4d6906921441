"""Declarative permissions: a view states the organisation kinds and roles it needs.

Another organisation's object is not found (404) — selectors only see the actor's own rows;
the actor's own object without the right role is forbidden (403).
"""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin

from .errors import Forbidden


class ActorRequiredMixin(LoginRequiredMixin):
    kinds: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        from regie.regions.actors import actor_for

        self.actor = actor_for(request.user)
        if self.kinds and self.actor.kind not in self.kinds:
            raise Forbidden("kind-not-allowed", "Deze pagina is niet bedoeld voor uw organisatie.")
        if self.roles:
            self.actor.require(*self.roles)
        return super().dispatch(request, *args, **kwargs)
