"""The real URLs plus views that fail on purpose, for tests/core/test_error_pages.py."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path
from rest_framework.views import APIView

from regie.urls import handler400, handler403, handler404, handler500, urlpatterns as regie_urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]

SECRET = "boom-secret-detail-4711"


def boom(request):
    raise RuntimeError(f"forced failure {SECRET}")


def forbidden(request):
    raise PermissionDenied(SECRET)


def suspicious(request):
    raise SuspiciousOperation(SECRET)


class ApiBoom(APIView):
    authentication_classes: list = []
    permission_classes: list = []

    def get(self, request):
        raise RuntimeError(f"forced API failure {SECRET}")


urlpatterns = [
    path("test/boom/", boom),
    path("test/forbidden/", forbidden),
    path("test/suspicious/", suspicious),
    path("api/test/boom/", ApiBoom.as_view()),
    *regie_urlpatterns,
]
