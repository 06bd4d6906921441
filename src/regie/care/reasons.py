"""Reasons for ending an allocation: the iWmo codelist WMO588 (RedenBeeindiging).

The codes and their order come from the codelist (`iwmo.codelists`, generated from the standard), so
a code the standard adds or drops cannot be missed: importing this module fails until it has a text.
Care offers the whole list: a municipality ending and a provider stopping (iWmo 307) both use it.
Each text is an English msgid whose Dutch translation is the codelist's own description, with
the diacritics the standard's ASCII leaves out; tests/care/test_reasons.py holds the two together.
A version records its reason in Dutch (`reason_record`) and shows it in the active language
(`reason_shown`).
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_lazy

from iwmo.codelists import RedenBeeindiging

_TEXTS = {
    RedenBeeindiging.OVERLIJDEN: gettext_lazy("Death"),
    RedenBeeindiging.VOLGENS_PLAN: gettext_lazy("Delivery ended according to plan"),
    RedenBeeindiging.TIJDELIJK: gettext_lazy("Delivery ended temporarily"),
    RedenBeeindiging.EENZIJDIG_DOOR_CLIENT: gettext_lazy("Delivery ended unilaterally by the client"),
    RedenBeeindiging.EENZIJDIG_DOOR_AANBIEDER: gettext_lazy("Delivery ended unilaterally by the provider"),
    RedenBeeindiging.VOORTIJDIG_IN_OVERLEG: gettext_lazy("Delivery ended early by agreement"),
    RedenBeeindiging.VERHUIZING_ANDERE_GEMEENTE: gettext_lazy("Move to another municipality"),
    RedenBeeindiging.DOOR_GEMEENTE: gettext_lazy("Initiated by the municipality"),
    RedenBeeindiging.WIJZIGINGSVERZOEK: gettext_lazy("In connection with a change request"),
    RedenBeeindiging.OVERSTAP_ANDERE_AANBIEDER: gettext_lazy("Switch to another provider"),
    RedenBeeindiging.UITSTROOM_ANDER_DOMEIN: gettext_lazy("Outflow to another domain"),
}

END_REASONS = {reason.value: _TEXTS[reason] for reason in RedenBeeindiging}

WITHDRAW_REASON = RedenBeeindiging.DOOR_GEMEENTE.value


def reason_record(code: str) -> str:
    """The reason as a version records it: in Dutch, whatever language the actor reads."""
    with translation.override("nl"):
        return str(END_REASONS[code])


def reason_shown(recorded: str) -> str:
    """A recorded reason in the active language; a text that is no reason is shown as recorded."""
    codes = {reason_record(code): code for code in END_REASONS}
    return str(END_REASONS[codes[recorded]]) if recorded in codes else recorded
