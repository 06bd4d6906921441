"""The acting organisation and roles for every template."""

from regie.core.errors import DomainError

from .actors import actor_for


def actor(request):
    """Expose the acting organisation and roles to every template."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    try:
        return {"actor": actor_for(request.user)}
    except DomainError:
        return {}
