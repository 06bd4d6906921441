"""Entering what monitoring cannot derive: survey results and users of general provisions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext as _

from regie.core.errors import DomainError
from regie.core.formatting import number
from regie.core.parse import care_window, check_month, check_year
from regie.core.rows import row_store
from regie.regions.models import Municipality

from .models import GeneralProvisionUsers, SurveyQuestion, SurveyResult

MAX_RESPONDENTS = 1_000_000
MAX_USERS = 10_000_000


def survey_result_set(*, municipality: Municipality, year: int, question: str, agree_percent: Decimal,
                      respondents: int) -> bool:
    check_year(year, window=care_window(municipality.region))
    if question not in SurveyQuestion.values:
        raise DomainError("survey-question-unknown", _("'%(question)s' is not a question of the client experience "
                                                       "survey.") % {"question": question}, field="question")
    if not Decimal(0) <= agree_percent <= Decimal(100):
        raise DomainError("percent-out-of-range", _("A percentage lies between 0 and 100."), field="agree_percent")
    if not 0 <= respondents <= MAX_RESPONDENTS:
        raise DomainError("respondents-out-of-range", _("A number of respondents lies between 0 and %(max)s.") % {
            "max": number(MAX_RESPONDENTS)}, field="respondents")
    return row_store(SurveyResult, keys={"municipality": municipality, "year": year, "question": question},
                     values={"agree_percent": agree_percent, "respondents": respondents})


def general_provision_set(*, municipality: Municipality, quarter: dt.date, users: int) -> bool:
    check_month(quarter, field="quarter", window=care_window(municipality.region))
    if quarter.day != 1 or quarter.month not in (1, 4, 7, 10):
        raise DomainError("quarter-invalid", _("A quarter starts on 1 January, April, July or October."),
                          field="quarter")
    if not 0 <= users <= MAX_USERS:
        raise DomainError("users-out-of-range", _("A number of users lies between 0 and %(max)s.") % {
            "max": number(MAX_USERS)}, field="users")
    return row_store(GeneralProvisionUsers, keys={"municipality": municipality, "quarter": quarter},
                     values={"users": users})
