"""Entering what monitoring cannot derive: survey results, users of general provisions, and notes on figures."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from regie.audit.models import Action
from regie.audit.services import audit_record
from regie.core.errors import DomainError, Forbidden
from regie.core.formatting import number
from regie.core.parse import care_window, check_month, check_year, parse_text
from regie.core.rows import row_store
from regie.regions.models import Municipality, Role

from .indicators import indicator_get
from .models import FigureNote, GeneralProvisionUsers, SurveyQuestion, SurveyResult

_PERIOD = re.compile(r"[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?", re.ASCII)

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


def note_add(*, actor, indicator: str, text: str, period: str = "") -> FigureNote:
    """A municipality's note on one of its figures; its policy advisers and access officers may write it."""
    if not actor.is_municipality:
        raise Forbidden("note-not-allowed", _("Only a municipality can add a note to a figure."))
    actor.require(Role.POLICY_ADVISER, Role.ACCESS_OFFICER)
    indicator_get(indicator)
    text = parse_text(text, field="text", max_length=FigureNote.MAX_LENGTH)
    if not text:
        raise DomainError("note-empty", _("Write the note first."), field="text")
    if period and not _PERIOD.fullmatch(period):
        raise DomainError("period-invalid", _("'%(value)s' is not a period: use YYYY, YYYY-Qn or YYYY-MM.") % {
            "value": period[:20]}, field="period")
    with transaction.atomic():
        note = FigureNote.objects.create(region_id=actor.region_id, municipality_id=actor.municipality_id,
                                         indicator=indicator, period=period, text=text, author=actor.user)
        audit_record(actor=actor, action=Action.CREATE, subject="figure_note", object_id=note.pk,
                     detail={"indicator": indicator})
    return note


def note_remove(*, actor, note_id: int) -> None:
    """A note is taken back by its own municipality."""
    note = FigureNote.objects.filter(pk=note_id, region_id=actor.region_id).first()
    if note is None or not actor.is_municipality or note.municipality_id != actor.municipality_id:
        raise Forbidden("note-not-yours", _("Only the municipality that wrote a note can remove it."))
    actor.require(Role.POLICY_ADVISER, Role.ACCESS_OFFICER)
    with transaction.atomic():
        note.delete()
        audit_record(actor=actor, action=Action.DELETE, subject="figure_note", object_id=note_id)
