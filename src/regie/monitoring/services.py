"""Entering what monitoring cannot derive: survey results and users of general provisions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext as _

from regie.core.errors import DomainError
from regie.core.parse import care_window, check_month
from regie.regions.models import Municipality

from .models import GeneralProvisionUsers, SurveyQuestion, SurveyResult

MAX_RESPONDENTS = 1_000_000
MAX_USERS = 10_000_000


def _year_in_window(municipality: Municipality, year: int) -> None:
    window = care_window(municipality.region)
    if not window.first.year <= year <= window.last.year:
        raise DomainError("year-out-of-window",
                          _("%(year)s lies outside the years this region accepts (%(first)s to %(last)s).") % {
                              "year": year, "first": window.first.year, "last": window.last.year}, field="year")


def _stored(model, keys: dict, values: dict) -> bool:
    """Create or update one row; True when that changed what was stored."""
    row, created = model.objects.get_or_create(**keys, defaults=values)
    if created:
        return True
    return model.objects.filter(pk=row.pk).exclude(**values).update(**values) > 0


def survey_result_set(*, municipality: Municipality, year: int, question: str, agree_percent: Decimal,
                      respondents: int) -> bool:
    _year_in_window(municipality, year)
    if question not in SurveyQuestion.values:
        raise DomainError("survey-question-unknown", _("'%(question)s' is not a question of the client experience "
                                                       "survey.") % {"question": question}, field="question")
    if not Decimal(0) <= agree_percent <= Decimal(100):
        raise DomainError("percent-out-of-range", _("A percentage lies between 0 and 100."), field="agree_percent")
    if not 0 <= respondents <= MAX_RESPONDENTS:
        raise DomainError("respondents-out-of-range", _("A number of respondents lies between 0 and %(max)s.") % {
            "max": f"{MAX_RESPONDENTS:,}".replace(",", ".")}, field="respondents")
    return _stored(SurveyResult, {"municipality": municipality, "year": year, "question": question},
                   {"agree_percent": agree_percent, "respondents": respondents})


def general_provision_set(*, municipality: Municipality, quarter: dt.date, users: int) -> bool:
    check_month(quarter, field="quarter", window=care_window(municipality.region))
    if quarter.day != 1 or quarter.month not in (1, 4, 7, 10):
        raise DomainError("quarter-invalid", _("A quarter starts on 1 January, April, July or October."),
                          field="quarter")
    if not 0 <= users <= MAX_USERS:
        raise DomainError("users-out-of-range", _("A number of users lies between 0 and %(max)s.") % {
            "max": f"{MAX_USERS:,}".replace(",", ".")}, field="users")
    return _stored(GeneralProvisionUsers, {"municipality": municipality, "quarter": quarter}, {"users": users})
