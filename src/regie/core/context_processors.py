"""The support reference for every template (the actor is `regions.context_processors.actor`)."""


def request_id(request):
    """The request's support reference (regie.core.middleware.RequestIdMiddleware), for error pages."""
    return {"request_id": getattr(request, "request_id", "")}
