"""The indicator API's answers (docs/api.md): an indicator's definition, and a figure as its records.

They render what `indicators.REGISTRY` and `figures.figure(...).records()` hold and add nothing, so
the API shows the numbers of the screens and the downloads. Texts are in the request's language
(the registry's names are lazy translations, rendered when the answer is).
"""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from regie.core.months import format_month

from .disclosure import Reason
from .figures import Audience
from .indicators import Dimension, Indicator, Period, Theme, theme_of

AUDIENCES = (Audience.OFFICE, Audience.MUNICIPALITY, Audience.PROVIDER, Audience.COUNCIL, Audience.PUBLIC)
REASONS = tuple(reason.value for reason in Reason)
MONTH = {"type": "string", "pattern": r"^\d{4}-\d{2}$", "example": "2025-01"}


class IndicatorSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    definition = serializers.CharField()
    formula = serializers.CharField()
    unit = serializers.CharField(help_text="`euro` for amounts, which have two decimals.")
    higher_is_better = serializers.BooleanField(allow_null=True, help_text="null: neither (a volume to steer on).")
    dimensions = serializers.ListField(child=serializers.ChoiceField(choices=Dimension.values),
                                       help_text="What it can be cut by (`by`) and filtered on.")
    periods = serializers.ListField(child=serializers.ChoiceField(choices=Period.values),
                                    help_text="The periods it is measured in; the first where another is asked.")
    theme = serializers.SerializerMethodField(help_text="The dashboard page it is on.")
    theme_name = serializers.SerializerMethodField()
    source = serializers.CharField()
    values_url = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ChoiceField(choices=Theme.values))
    def get_theme(self, indicator: Indicator) -> str:
        return theme_of(indicator.code).value

    def get_theme_name(self, indicator: Indicator) -> str:
        return str(theme_of(indicator.code).label)

    def get_values_url(self, indicator: Indicator) -> str:
        url = reverse("monitoring-api:indicator-values", args=[indicator.code])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url


@extend_schema_field(MONTH)
class MonthField(serializers.Field):
    """A first-of-month date as the filters write it: `YYYY-MM`."""

    def to_representation(self, value) -> str:
        return format_month(value)


@extend_schema_field(serializers.ChoiceField(choices=REASONS, allow_null=True))
class HiddenField(serializers.ChoiceField):
    """Why a value is not shown; a record's "" (it is shown) is null here."""

    def __init__(self, **kwargs):
        super().__init__(choices=REASONS, allow_null=True, **kwargs)

    def to_representation(self, value):
        return value or None


class RecordSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    period = serializers.CharField(help_text="`2025`, `2025-Q1` or `2025-01`.")
    series = serializers.CharField(help_text="Stable: `region`, `own`, `peers`, `municipality:<id>`, "
                                             "`provider:<id>`, `product:<id>`, `category:<id>`, `life_domain:<code>`.")
    label = serializers.CharField()
    value = serializers.DecimalField(max_digits=None, decimal_places=None, allow_null=True,
                                     help_text="A decimal as a string; null where there is nothing to measure "
                                               "or where it is hidden.")
    hidden = HiddenField(help_text="`primary`: a count below 10 (reads `<10`); `secondary`, `base`, `peers`: "
                                   "hidden so that no small number can be worked out (reads `–`).")


class FigureSerializer(serializers.Serializer):
    indicator = serializers.CharField(source="indicator.code")
    audience = serializers.ChoiceField(choices=AUDIENCES, help_text="Whose view: decides series and disclosure.")
    period = serializers.ChoiceField(choices=Period.values)
    first = MonthField(source="filters.first", help_text="The first month (`from`).")
    last = MonthField(source="filters.last", help_text="The last month (`to`).")
    by = serializers.ChoiceField(choices=Dimension.values, help_text="What the series are cut by.")
    suppressed = serializers.BooleanField(help_text="Disclosure control was applied.")
    values = RecordSerializer(source="records", many=True)

    # `from` is a keyword of Python: the fields are declared as first/last and named from/to in the answer.
    RENAMED = {"first": "from", "last": "to"}

    def get_fields(self):
        return {self.RENAMED.get(name, name): field for name, field in super().get_fields().items()}
