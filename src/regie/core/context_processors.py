from regie.core.errors import DomainError


def actor(request):
    """Expose the acting organisation and roles to every template."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    from regie.regions.actors import actor_for

    try:
        return {"actor": actor_for(request.user)}
    except DomainError:
        return {}


def request_id(request):
    """The request's support reference (regie.core.middleware.RequestIdMiddleware), for error pages."""
    return {"request_id": getattr(request, "request_id", "")}
