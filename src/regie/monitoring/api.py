"""The read-only REST API of the monitoring indicators (docs/api.md):

    GET /api/indicatoren/                 the indicators the reader sees, with their definitions
    GET /api/indicatoren/<code>/waarden/  one figure for the reader, with the filters of the dashboard

The figure is `figures.figure(...)` for the logged-in actor, exactly as the dashboard and its
downloads show it (the same series, the same disclosure control), its records rendered as they are.
Filters pass `filters.filters_parse`, whose refusals are answered as problem documents with their
code and field. Anyone who may open the dashboard may ask; an indicator the reader does not see (a
provider and the goals of the access teams) does not exist for them: 404, as on the screen.
"""

from __future__ import annotations

from django.urls import path
from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework.authentication import BasicAuthentication, SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from regie.core.api import problem_responses
from regie.regions.actors import actor_for

from .figures import available, figure, indicator_for
from .filters import FILTERS, filters_parse
from .indicators import INDICATORS, REGISTRY, Dimension, Indicator, Period
from .serializers import FigureSerializer, IndicatorSerializer
from .views import IndicatorView

REFUSED = problem_responses(s401="Not logged in.", s403="Your account belongs to no organisation.")


class IndicatorAPIView(APIView):
    authentication_classes = (BasicAuthentication, SessionAuthentication)  # Basic first: anonymous → 401
    permission_classes = (IsAuthenticated,)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.actor = actor_for(request.user)
        IndicatorView.check(self.actor)  # the screen's rule, so the API opens exactly where the page does

    def indicator(self, code: str) -> Indicator:
        return indicator_for(self.actor, code)


class IndicatorList(IndicatorAPIView):
    @extend_schema(operation_id="indicators_list", summary="The indicators you may see, with their definitions",
                   responses={200: IndicatorSerializer(many=True), **REFUSED})
    def get(self, request):
        seen = [indicator for indicator in INDICATORS if available(self.actor, indicator)]
        return Response(IndicatorSerializer(seen, many=True, context={"request": request}).data)


FILTER_HELP = {
    "municipality": "A municipality of the region, by id (the purchasing office; others see their own view).",
    "provider": "A provider, by id (the purchasing office).",
    "product": "A product, by id.",
    "category": "A category of a product, by id.",
}


# Two answers over the worked-example region of the tests (docs/api.md shows the first).
EXAMPLES = [
    OpenApiExample("The purchasing office, the cost per provider in a quarter", response_only=True, value={
        "indicator": "cost", "audience": "office", "period": "quarter", "from": "2025-01", "to": "2025-03",
        "by": "provider", "suppressed": False, "values": [
            {"indicator": "cost", "period": "2025-Q1", "series": "region", "label": "Regio Voorbeeld",
             "value": "1850.00", "hidden": None},
            {"indicator": "cost", "period": "2025-Q1", "series": "provider:1", "label": "Zorg Een",
             "value": "1200.00", "hidden": None},
            {"indicator": "cost", "period": "2025-Q1", "series": "provider:2", "label": "Zorg Twee",
             "value": "650.00", "hidden": None}]}),
    OpenApiExample("The advisory council: counts below 10 are hidden", response_only=True, value={
        "indicator": "clients_in_care", "audience": "council", "period": "quarter", "from": "2025-01",
        "to": "2025-03", "by": "municipality", "suppressed": True, "values": [
            {"indicator": "clients_in_care", "period": "2025-Q1", "series": "region",
             "label": "Regio Voorbeeld", "value": None, "hidden": "primary"},
            {"indicator": "clients_in_care", "period": "2025-Q1", "series": "municipality:1",
             "label": "Aadorp", "value": None, "hidden": "primary"}]}),
]


class IndicatorValues(IndicatorAPIView):
    @extend_schema(
        operation_id="indicators_values", summary="One indicator's figure, as the dashboard shows it to you",
        parameters=[
            OpenApiParameter("code", location=OpenApiParameter.PATH, enum=list(REGISTRY)),
            OpenApiParameter("period", enum=Period.values, description="Default `quarter`; an indicator "
                             "measured otherwise (a survey: per year) answers in its own."),
            OpenApiParameter("from", description="`YYYY-MM`, the first month. Default: the last twelve "
                             "complete quarters."),
            OpenApiParameter("to", description="`YYYY-MM`, the last month; at most ten years after `from`."),
            OpenApiParameter("by", enum=Dimension.values, description="The purchasing office: what the series "
                             "are cut by (default `municipality`)."),
            *[OpenApiParameter(name, int, description=FILTER_HELP[name]) for name in FILTERS],
        ],
        responses={200: FigureSerializer, **REFUSED, **problem_responses(
            s400="A filter the region does not know (`period-unknown`, `range-reversed`, `provider-unknown`, "
                 "…); `field` names it.",
            s404="No such indicator, or not one you see (`indicator-unknown`).")},
        examples=EXAMPLES)
    def get(self, request, code: str):
        indicator = self.indicator(code)
        filters = filters_parse(request.query_params, region=self.actor.organisation.region,
                                today=timezone.localdate())
        return Response(FigureSerializer(figure(actor=self.actor, code=indicator.code, filters=filters)).data)


app_name = "monitoring-api"
urlpatterns = [
    path("indicatoren/", IndicatorList.as_view(), name="indicator-list"),
    path("indicatoren/<str:code>/waarden/", IndicatorValues.as_view(), name="indicator-values"),
]
