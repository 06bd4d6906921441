"""Contract rules: which provider may deliver which product when; tacit renewal and notice."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regie.audit.models import Action
from regie.audit.services import audit_record

from regie.core.errors import DomainError, Forbidden
from regie.core.months import add_months
from regie.core.periods import day_check, period_check, valid_on_q

from .models import Contract

NOTICE_MONTHS = 3


def contract_covering(*, provider, product, day: dt.date) -> Contract | None:
    """A contract of the provider (or its cooperative) for the product, running on `day`."""
    holders = [provider.pk] + ([provider.cooperative_id] if provider.cooperative_id else [])
    return (
        Contract.objects.filter(provider_id__in=holders, products=product).filter(valid_on_q(day))
        .first()
    )


def contract_create(*, region, provider, products, start: dt.date, end: dt.date | None = None) -> Contract:
    if not provider.is_provider:
        raise DomainError("not-a-provider", _("%(organisation)s is not a provider.") % {"organisation": provider})
    period_check(start=start, end=end, field="end")
    contract = Contract.objects.create(region=region, provider=provider, start=start, end=end)
    contract.products.set(products)
    return contract


@transaction.atomic
def contract_terminate(*, actor, contract: Contract, notice_on: dt.date) -> Contract:
    """Notice ends the contract at the end of the term running when the notice period is over."""
    if actor is not None:
        if not actor.is_purchasing_office:
            raise Forbidden("contract-not-yours", _("Only the purchasing office gives notice on contracts."))
        actor.require("purchaser", "contract_manager")
    contract = Contract.objects.select_for_update().select_related("provider").get(pk=contract.pk)
    if contract.end is not None:
        raise DomainError("contract-ended", _("This contract has already ended."))
    running_term_end = contract.term_end_on(max(timezone.localdate(), contract.start))
    day_check(day=notice_on, first=contract.start, last=running_term_end, before_code="notice_before_contract_start",
              after_code="notice_after_running_term", field="notice_on",
              message_before=_("The notice date %(day)s lies before the contract starts, on %(first)s."),
              message_after=_("The notice date %(day)s lies after the end of the running term, %(last)s; notice "
                              "is given within the term that runs now."))
    contract.end = contract.term_end_on(add_months(notice_on, NOTICE_MONTHS))
    contract.save(update_fields=["end"])
    audit_record(actor=actor, action=Action.UPDATE, subject="contract", object_id=contract.pk,
                 detail={"change": "notice", "notice_on": notice_on.isoformat(), "end": contract.end.isoformat(),
                         "provider": contract.provider.name})
    return contract
