"""The reasons for ending are the iWmo codelist WMO588, recorded in Dutch and shown in the reader's language."""

import datetime as dt
import unicodedata

from django.utils import translation

from iwmo.codelists import RedenBeeindiging
from regie.care.models import version_change_text
from regie.care.reasons import END_REASONS, WITHDRAW_REASON, reason_record, reason_shown
from regie.care.services import allocation_create, allocation_withdraw
from tests import factories as f


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def test_the_reasons_are_the_codelist_in_its_order():
    assert list(END_REASONS) == [reason.value for reason in RedenBeeindiging]
    assert WITHDRAW_REASON == RedenBeeindiging.DOOR_GEMEENTE


def test_the_dutch_text_of_each_reason_is_the_codelists_description():
    with translation.override("nl"):
        assert {code: _ascii(str(text)) for code, text in END_REASONS.items()} == {
            reason.value: reason.omschrijving for reason in RedenBeeindiging}


def test_a_recorded_reason_is_dutch_whatever_the_language_and_is_shown_in_the_active_one():
    with translation.override("en"):
        recorded = reason_record("23")
        assert reason_shown(recorded) == str(END_REASONS["23"])
    with translation.override("nl"):
        assert recorded == reason_record("23") == str(END_REASONS["23"])
    assert reason_shown("no reason of the list") == "no reason of the list"


def test_withdrawing_in_english_records_the_reason_in_dutch(world, officer_a):
    f.end_a1(world)
    allocation = allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding,
                                   category=world.b1, provider=world.p1, start=dt.date(2025, 5, 1))
    with translation.override("en"):
        allocation = allocation_withdraw(actor=officer_a, allocation=allocation, reason=WITHDRAW_REASON)
    change = allocation.versions.get(version=2).change
    assert change == f"ingetrokken: {reason_record(WITHDRAW_REASON)}"
    with translation.override("en"):
        assert reason_shown(reason_record(WITHDRAW_REASON)) in version_change_text(change)
