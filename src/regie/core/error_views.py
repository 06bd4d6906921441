"""Our own error pages: 400, 403 (and a failed CSRF check), 404 and 500.

Each is in the request's language and shows the request's support reference (`request_id`,
regie.core.middleware.RequestIdMiddleware) and nothing of the failure itself: the traceback
of a 500 is in the log (regie.core.logs), under the same reference. A request under /api/
gets the same answer as an RFC 9457 problem document (regie.core.api).

The 500 page is rendered with the request, so it looks like every other page; if that fails
too (the database is gone, a template is broken), it is rendered without the request's context,
and as a last resort as a few lines of plain HTML.
"""

from __future__ import annotations

import logging

from django.http import HttpResponse
from django.template import loader
from django.utils.html import escape
from django.utils.translation import gettext as _

from .api import problem_response

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"


def _is_api(request) -> bool:
    return request.path_info.startswith(API_PREFIX)


def _page(request, template: str, status: int) -> HttpResponse:
    context = {"request_id": getattr(request, "request_id", ""), "status": status}
    return HttpResponse(loader.render_to_string(template, context, request=request), status=status)


def bad_request(request, exception=None):
    if _is_api(request):
        return problem_response(400, "bad-request", _("The request could not be processed."))
    return _page(request, "400.html", 400)


def permission_denied(request, exception=None):
    if _is_api(request):
        return problem_response(403, "permission_denied", _("You may not do this."))
    return _page(request, "403.html", 403)


def page_not_found(request, exception=None):
    if _is_api(request):
        return problem_response(404, "not-found", _("Not found."))
    return _page(request, "404.html", 404)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the form was too old or came from elsewhere; Django logs the reason."""
    return _page(request, "403_csrf.html", 403)


def server_error(request):
    request_id = getattr(request, "request_id", "")
    if _is_api(request):
        return problem_response(500, "server-error", _("Something went wrong on our side. The error has been "
                                                       "logged; mention the support reference when you report it."))
    context = {"request_id": request_id, "status": 500}
    try:
        return HttpResponse(loader.render_to_string("500.html", context, request=request), status=500)
    except Exception:
        logger.exception("The 500 page could not be rendered with the request; rendering it without")
    try:
        return HttpResponse(loader.render_to_string("500.html", context), status=500)
    except Exception:
        logger.exception("The 500 page could not be rendered; answering plain HTML")
    body = (f"<!DOCTYPE html><title>{escape(_('Something went wrong'))}</title>"
            f"<h1>{escape(_('Something went wrong'))}</h1>"
            f"<p>{escape(_('Support reference'))}: <code id=\"support-reference\">{escape(request_id)}</code></p>")
    return HttpResponse(body, status=500)
