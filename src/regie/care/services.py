"""Care rules: clients and where they live, support plans, and allocations with history.

The actor is `None` when an operator runs a command (an import): then the region's own
rules still apply, only the role checks do not.

Care decides and does not announce: these services send no iWmo message. A decision the provider must
hear of (create, change, end, withdraw) is made through `exchange.decisions`, which adds the 301.

Each public service opens its transaction with `with transaction.atomic():` instead of the decorator:
mutmut 3 does not mutate a decorated function (docs/development.md "Mutation testing"). The behaviour
is the same, and a flow that calls a service inside its own transaction still gets one, as atomic nests.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from regie.audit.models import Action
from regie.audit.services import audit_record
from regie.catalogue.selectors import tariff_on
from regie.contracting.services import contract_covering
from regie.core.bsn import bsn_clean
from regie.core import changes
from regie.core.errors import DomainError, Forbidden
from regie.core.formatting import short_date
from regie.core.months import month_end
from regie.core.parse import care_window, check_date, residence_window
from regie.core.periods import VALIDITY, day_check, overlapping_q, overlaps, period_check, valid_on_q
from regie.regions.models import ResidenceRule

from .models import (
    POSTCODE_PATTERN, Allocation, AllocationStatus, AllocationVersion, Client, Gender, Goal, Residence, SupportPlan,
)
from .reasons import END_REASONS, WITHDRAW_REASON, reason_record
from .references import reference_next, reference_taken


@dataclass(frozen=True)
class ResidencePeriod:
    municipality: object
    valid_from: dt.date
    valid_to: dt.date | None = None


def payer_day(*, rule: str, month: dt.date) -> dt.date:
    """The day of a month whose residence decides which municipality pays for that month."""
    return month_end(month) if rule == ResidenceRule.LAST_DAY_OF_MONTH else month


def residence_on(*, client: Client, day: dt.date) -> Residence | None:
    return (
        client.residences.filter(valid_on_q(day, **VALIDITY))
        .select_related("municipality").first()
    )


def _check_periods(periods: list[ResidencePeriod]) -> None:
    ordered = sorted(periods, key=lambda p: p.valid_from)
    for period in ordered:
        period_check(start=period.valid_from, end=period.valid_to, field="resident_to")
    for earlier, later in zip(ordered, ordered[1:]):
        if overlaps(earlier.valid_from, earlier.valid_to, later.valid_from, later.valid_to):
            raise DomainError("residence-overlap", _("A client's residence periods may not overlap."),
                              field="resident_from")


def _in_window(window, **dates: dt.date | None) -> None:
    """Refuse a care date outside the region's window (regie.core.parse): not before the region's
    start, not far in the future; the first one outside names its field."""
    for field, day in dates.items():
        if day is not None:
            check_date(day, field=field, window=window)


def _contact_clean(*, gender: str, street: str, house_number: int | None, house_number_addition: str,
                   postcode: str, town: str) -> dict:
    """Gender (COD046) and the Dutch address, normalised; an address needs at least postcode and house number
    (iWmo TR006, CD025, CS089), the lengths are iWmo's."""
    gender = (gender or "").strip() or Gender.UNKNOWN
    if gender not in Gender.values:
        raise DomainError("gender-invalid", _("'%(gender)s' is not a gender; choose 0 (unknown), 1 (male) or 2 (female).") % {"gender": gender},
                          field="gender")
    street, addition, town = street.strip(), house_number_addition.strip(), town.strip()
    postcode = re.sub(r"\s", "", postcode).upper()
    if postcode and not re.fullmatch(POSTCODE_PATTERN, postcode):
        raise DomainError("postcode-invalid", _("'%(postcode)s' is not a Dutch postcode; write four digits and two letters, "
                            "such as 5211AB.") % {"postcode": postcode}, field="postcode")
    if house_number is not None and (isinstance(house_number, bool) or not isinstance(house_number, int)
                                     or not 1 <= house_number <= 99999):
        raise DomainError("house-number-invalid", _("'%(number)s' is not a house number (1 to 99999).") % {"number": house_number},
                          field="house_number")
    for name, value, length, label in (("street", street, 24, _("The street name")),
                                       ("house_number_addition", addition, 4, _("The addition")),
                                       ("town", town, 80, _("The town"))):
        if len(value) > length:
            raise DomainError(f"{name.replace('_', '-')}-too-long", _("%(label)s is longer than %(length)s characters "
                                                                "(the limit of iWmo).") % {"label": label, "length": length}, field=name)
    if (street or addition or town or postcode or house_number is not None) and not (postcode and house_number):
        missing = "postcode" if not postcode else "house_number"
        raise DomainError("address-incomplete", _("An address has at least a postcode and a house number."),
                          field=missing)
    return {"gender": gender, "street": street, "house_number": house_number, "house_number_addition": addition,
            "postcode": postcode, "town": town}


def client_create(*, actor, region, bsn: str, family_name: str, initials: str, birth_date: dt.date,
                  residences: list[ResidencePeriod], gender: str = Gender.UNKNOWN, street: str = "",
                  house_number: int | None = None, house_number_addition: str = "", postcode: str = "",
                  town: str = "") -> Client:
    """A client with residence periods; gender and address are optional (without an address the 301 the
    provider gets fails iWmo rules TR006 and CD034, see docs/exchange.md)."""
    with transaction.atomic():
        bsn = bsn_clean(bsn)
        if not family_name.strip():
            raise DomainError("name-missing", _("The family name is missing."), field="family_name")
        check_date(birth_date, field="birth_date")
        for period in residences:
            _in_window(residence_window(region), resident_from=period.valid_from, resident_to=period.valid_to)
        if birth_date > dt.date.today():
            raise DomainError("birth-date-future", _("The date of birth lies in the future."), field="birth_date")
        for period in residences:
            day_check(day=period.valid_from, first=birth_date, before_code="residence-before-birth", field="resident_from",
                      message_before=_("The residence starts on %(day)s, before the client was born on %(first)s."))
        if not residences:
            raise DomainError("residence-missing", _("A client has at least one residence period."), field="municipality_code")
        _check_periods(residences)
        contact = _contact_clean(gender=gender, street=street, house_number=house_number,
                                 house_number_addition=house_number_addition, postcode=postcode, town=town)
        if actor is not None:
            actor.require("access_officer")
            if not any(p.municipality.pk == actor.municipality_id for p in residences):
                raise Forbidden("client-not-resident", _("You can only register residents of your own municipality."))
        if Client.objects.filter(region=region, bsn=bsn).exists():
            raise DomainError("bsn-duplicate", _("There is already a client with BSN %(bsn)s.") % {"bsn": bsn}, field="bsn")
        client = Client.objects.create(region=region, bsn=bsn, family_name=family_name.strip(),
                                       initials=initials.strip(), birth_date=birth_date, **contact)
        Residence.objects.bulk_create(
            Residence(client=client, municipality=p.municipality, valid_from=p.valid_from, valid_to=p.valid_to)
            for p in residences
        )
        audit_record(actor=actor, action=Action.CREATE, subject="client", client_id=client.pk, object_id=client.pk)
        return client


def plan_create(*, actor, client: Client, drawn_up_on: dt.date, goals: list[dict]) -> SupportPlan:
    """A support plan with its goals; each goal has a life domain, a text and a baseline score 1–5."""
    with transaction.atomic():
        actor.require("access_officer")
        _in_window(care_window(client.region), drawn_up_on=drawn_up_on)
        plan = SupportPlan.objects.create(client=client, municipality_id=actor.municipality_id, drawn_up_on=drawn_up_on)
        for goal in goals:
            score = int(goal["baseline_score"])
            if not 1 <= score <= 5:
                raise DomainError("score-invalid", _("A self-reliance score lies between 1 and 5."), field="baseline_score")
            Goal.objects.create(plan=plan, life_domain=goal["life_domain"], description=goal["description"],
                                baseline_score=score)
        audit_record(actor=actor, action=Action.CREATE, subject="plan", client_id=client.pk, object_id=plan.pk)
        changes.plans_touched([client.pk])
        return plan


def goal_close(*, actor, goal: Goal, followup_score: int, result: str, closed_on: dt.date) -> Goal:
    with transaction.atomic():
        actor.require("access_officer")
        if goal.closed_on is not None:
            raise DomainError("goal-closed", _("This goal has already been closed."))
        _in_window(care_window(goal.plan.client.region), closed_on=closed_on)
        if not 1 <= followup_score <= 5:
            raise DomainError("score-invalid", _("A self-reliance score lies between 1 and 5."), field="followup_score")
        day_check(day=closed_on, first=goal.plan.drawn_up_on, before_code="goal_closed_before_plan", field="closed_on",
                  message_before=_("The closing date %(day)s lies before the date of the support plan, %(first)s; "
                                   "a goal closes on or after the day its plan was made."))
        goal.followup_score, goal.result, goal.closed_on = followup_score, result, closed_on
        goal.save(update_fields=["followup_score", "result", "closed_on"])
        audit_record(actor=actor, action=Action.UPDATE, subject="goal", client_id=goal.plan.client_id, object_id=goal.pk)
        changes.plans_touched([goal.plan.client_id])
        return goal


def _next_reference(region, given: str | None) -> str:
    """The typed-in number, or the region's next one (care.references: a locked counter)."""
    if not given:
        return reference_next(region)
    reference_taken(region, given.strip())
    return given


def _record_version(allocation: Allocation, *, change: str, user) -> None:
    AllocationVersion.objects.create(
        allocation=allocation, version=allocation.version, provider_id=allocation.provider_id,
        product_id=allocation.product_id, category_id=allocation.category_id, start=allocation.start,
        end=allocation.end, status=allocation.status, started_on=allocation.started_on,
        stopped_on=allocation.stopped_on, end_reason=allocation.end_reason, change=change, changed_by=user,
    )
    changes.allocations_touched([allocation.pk])


def _check_deliverable(*, provider, product, category, start: dt.date, end: dt.date | None) -> None:
    if category.product_id != product.pk:
        raise DomainError("category-mismatch", _("Category %(number)s does not belong to product %(product)s.") % {
                              "number": category.number, "product": product.code},
                          field="category")
    period_check(start=start, end=end, field="end")
    if contract_covering(provider=provider, product=product, day=start) is None:
        raise DomainError("no-contract", _("%(provider)s has no contract for product %(product)s on %(date)s.") % {
                              "provider": provider, "product": product.code, "date": short_date(start)}, field="provider")
    if tariff_on(category=category, day=start) is None:
        raise DomainError("no-tariff", _("There is no tariff for %(category)s on %(date)s.") % {
                              "category": category, "date": short_date(start)}, field="category")


def _user(actor):
    return actor.user if actor is not None else None


def allocation_duplicates(*, client: Client, product, provider, start: dt.date, end: dt.date | None,
                          exclude: Allocation | None = None):
    """The client's active allocations of the same product at the same provider that share a day with
    start..end. Active: not withdrawn; a stopped one counts up to its stop (care was delivered then)."""
    found = (
        Allocation.objects.filter(client=client, product=product, provider=provider)
        .exclude(status=AllocationStatus.WITHDRAWN)
        .filter(overlapping_q(start, end, end=("end", "stopped_on")))
    )
    if exclude is not None:
        found = found.exclude(pk=exclude.pk)
    return found.order_by("start", "reference")


def _lock_client(client: Client) -> None:
    """Allocations of one client are made one at a time, so two at once cannot both miss the other."""
    Client.objects.select_for_update(no_key=True).filter(pk=client.pk).values_list("pk", flat=True).first()


def _refuse_duplicates(duplicates: list[Allocation], *, confirmable: bool) -> None:
    references = ", ".join(a.reference for a in duplicates)
    if confirmable:
        message = _("The client already has allocation %(references)s of this product at this provider in an "
                    "overlapping period. Confirm that a second allocation is intended, and give the reason.")
    else:
        message = _("The new period overlaps allocation %(references)s of the same client, product and provider; "
                    "end that allocation first.")
    raise DomainError("allocation_duplicate", message % {"references": references}, field="confirm_duplicate",
                      duplicates=[a.reference for a in duplicates])


def allocation_create(*, actor, client: Client, product, category, provider, start: dt.date,
                      end: dt.date | None = None, reference: str | None = None,
                      duplicate_reason: str = "") -> Allocation:
    """A new allocation. One that duplicates an active allocation (same client, product and provider,
    overlapping period) is refused with `allocation_duplicate`, unless `duplicate_reason` confirms it:
    the reason, who and when are then kept in the allocation's audit record."""
    with transaction.atomic():
        _in_window(care_window(client.region), start=start, end=end)
        residence = residence_on(client=client, day=start)
        if residence is None:
            raise DomainError("no-residence", _("%(client)s does not live in the region on %(date)s.") % {
                                  "client": client, "date": short_date(start)}, field="start")
        if actor is not None:
            actor.require("access_officer")
            if residence.municipality_id != actor.municipality_id:
                raise Forbidden("client-not-resident", _("You can only allocate care to residents of your own municipality."))
        _check_deliverable(provider=provider, product=product, category=category, start=start, end=end)
        reference = _next_reference(client.region, reference).strip()
        if Allocation.objects.filter(region=client.region, reference=reference).exists():
            raise DomainError("reference-duplicate", _("Allocation number %(reference)s already exists.") % {"reference": reference}, field="reference")
        _lock_client(client)
        duplicates = list(allocation_duplicates(client=client, product=product, provider=provider, start=start, end=end))
        duplicate_reason = (duplicate_reason or "").strip()
        if duplicates and not duplicate_reason:
            _refuse_duplicates(duplicates, confirmable=True)
        allocation = Allocation.objects.create(
            region=client.region, reference=reference, client=client, municipality_id=residence.municipality_id,
            provider=provider, product=product, category=category, start=start, end=end,
        )
        _record_version(allocation, change="toegewezen", user=_user(actor))
        detail = ({"duplicate_of": [a.reference for a in duplicates], "duplicate_reason": duplicate_reason[:500]}
                  if duplicates else None)
        audit_record(actor=actor, action=Action.CREATE, subject="allocation", client_id=client.pk, object_id=reference,
                     detail=detail)
        return allocation


def _lock(allocation: Allocation) -> Allocation:
    # The allocation row only, and as an update that keeps its key: a plain FOR UPDATE of the joined rows
    # would also block every message and version that refers to this allocation, client, product or provider
    # until commit, and deadlock with a colleague's decision on the same client.
    return (Allocation.objects.select_for_update(of=("self",), no_key=True)
            .select_related("client", "product", "provider").get(pk=allocation.pk))


def _owned_by_municipality(actor, allocation: Allocation) -> None:
    if actor is not None:
        actor.require("access_officer")
        if allocation.municipality_id != actor.municipality_id:
            raise Forbidden("allocation-other-municipality", _("This allocation belongs to another municipality."))


def _save_version(allocation: Allocation, *, change: str, actor) -> Allocation:
    allocation.version += 1
    allocation.save()
    _record_version(allocation, change=change, user=_user(actor))
    audit_record(actor=actor, action=Action.UPDATE, subject="allocation", client_id=allocation.client_id,
                 object_id=allocation.reference, detail={"change": change, "version": allocation.version})
    return allocation


def allocation_change(*, actor, allocation: Allocation, category=None, end: dt.date | None = None,
                      clear_end: bool = False) -> Allocation:
    """A new version with another category or end date; the earlier version stays on record."""
    with transaction.atomic():
        allocation = _lock(allocation)
        _owned_by_municipality(actor, allocation)
        if allocation.status in (AllocationStatus.STOPPED, AllocationStatus.WITHDRAWN):
            raise DomainError("allocation-closed", _("A stopped or withdrawn allocation can no longer change."))
        changes, previous_end = [], allocation.end
        if category is not None and category.pk != allocation.category_id:
            changes.append(f"categorie {allocation.category.number} → {category.number}")
            allocation.category = category
        new_end = None if clear_end else (end if end is not None else allocation.end)
        if new_end != allocation.end:
            _in_window(care_window(allocation.region), end=new_end)
        if new_end != allocation.end:
            changes.append(f"einddatum {allocation.end or 'open'} → {new_end or 'open'}")
            allocation.end = new_end
        if not changes:
            raise DomainError("nothing-changed", _("Nothing was changed."))
        _check_deliverable(provider=allocation.provider, product=allocation.product, category=allocation.category,
                           start=allocation.start, end=allocation.end)
        _check_end_after_care(allocation, allocation.end)
        if new_end != previous_end and (new_end is None or (previous_end is not None and new_end > previous_end)):
            _check_no_new_overlap(allocation, previous_end)
        allocation = _save_version(allocation, change="gewijzigd: " + ", ".join(changes), actor=actor)
        return allocation


def _check_end_after_care(allocation: Allocation, end: dt.date | None) -> None:
    """Care reported as started cannot lose the days it was delivered: the end is on or after the start of care."""
    if end is not None and allocation.started_on is not None:
        day_check(day=end, first=allocation.started_on, before_code="end_before_care_start", field="end",
                  message_before=_("The end date %(day)s lies before the start of care on %(first)s, which the "
                                   "provider has reported."))


def _check_no_new_overlap(allocation: Allocation, previous_end: dt.date | None) -> None:
    """A longer period may not reach into another active allocation of the same product at the same provider."""
    grown_from = previous_end + dt.timedelta(days=1) if previous_end is not None else None
    if grown_from is None:
        return
    _lock_client(allocation.client)
    duplicates = list(allocation_duplicates(client=allocation.client, product=allocation.product,
                                            provider=allocation.provider, start=grown_from, end=allocation.end,
                                            exclude=allocation))
    if duplicates:
        _refuse_duplicates(duplicates, confirmable=False)


def allocation_end(*, actor, allocation: Allocation, end: dt.date, reason: str) -> Allocation:
    """The municipality ends an allocation on `end`, within its period (withdrawing is `allocation_withdraw`)."""
    with transaction.atomic():
        allocation = _lock(allocation)
        _owned_by_municipality(actor, allocation)
        if reason not in END_REASONS:
            raise DomainError("end-reason-unknown", _("'%(reason)s' is not a reason for ending from the iWmo code list.") % {"reason": reason},
                              field="end_reason")
        if allocation.status in (AllocationStatus.STOPPED, AllocationStatus.WITHDRAWN):
            raise DomainError("allocation-closed", _("This allocation has already ended."))
        _in_window(care_window(allocation.region), end=end)
        period_check(start=allocation.start, end=end, field="end")
        if allocation.end is not None:
            day_check(day=end, last=allocation.end, before_code="end_after_allocation_end", field="end",
                      message_before=_("The end date %(day)s lies after the allocation's current end, %(last)s; "
                                       "to extend an allocation, change it."))
        _check_end_after_care(allocation, end)
        allocation.end, allocation.end_reason = end, reason
        change = f"beëindigd per {end:%d-%m-%Y}: {reason_record(reason)}"  # recorded in Dutch, shown translated
        allocation = _save_version(allocation, change=change, actor=actor)
        return allocation


def allocation_withdraw(*, actor, allocation: Allocation, reason: str = WITHDRAW_REASON) -> Allocation:
    """The municipality withdraws (trekt in) an allocation whose care has not started.

    iWmo withdraws by making the end date equal to the start date; the provider gets a 301 with the
    allocation as removed (RedenWijziging 13), and it is no longer current.
    """
    with transaction.atomic():
        allocation = _lock(allocation)
        _owned_by_municipality(actor, allocation)
        if reason not in END_REASONS:
            raise DomainError("end-reason-unknown", _("'%(reason)s' is not a reason for ending from the iWmo code list.") % {"reason": reason},
                              field="end_reason")
        if allocation.status == AllocationStatus.STARTED:
            raise DomainError("allocation_started", _("Care on this allocation has started (%(day)s); it cannot be "
                                                      "withdrawn, only ended.") % {"day": short_date(allocation.started_on)})
        if allocation.status != AllocationStatus.ALLOCATED:
            raise DomainError("allocation-closed", _("This allocation has already ended."))
        allocation.status, allocation.end, allocation.end_reason = AllocationStatus.WITHDRAWN, allocation.start, reason
        allocation = _save_version(allocation, change=f"ingetrokken: {reason_record(reason)}", actor=actor)
        return allocation


def _owned_by_provider(actor, allocation: Allocation) -> None:
    if actor is not None:
        actor.require("provider_staff")
        if allocation.provider_id not in actor.provider_ids:
            raise Forbidden("allocation-other-provider", _("This allocation belongs to another provider."))


def allocation_start(*, actor, allocation: Allocation, started_on: dt.date) -> Allocation:
    """The provider reports the start of care (iWmo 305)."""
    with transaction.atomic():
        allocation = _lock(allocation)
        _owned_by_provider(actor, allocation)
        if allocation.status != AllocationStatus.ALLOCATED:
            raise DomainError("allocation-not-allocated", _("Only an allocated allocation that has not started yet can start."))
        _in_window(care_window(allocation.region), started_on=started_on)
        day_check(day=started_on, first=allocation.start, last=allocation.end, before_code="start-outside-allocation",
                  field="started_on", message_before=_("The start of care %(day)s lies before the allocation starts, on "
                                                       "%(first)s."),
                  message_after=_("The start of care %(day)s lies after the allocation ends, on %(last)s."))
        allocation.status, allocation.started_on = AllocationStatus.STARTED, started_on
        return _save_version(allocation, change=f"gestart per {started_on:%d-%m-%Y}", actor=actor)


def allocation_stop(*, actor, allocation: Allocation, stopped_on: dt.date, reason: str) -> Allocation:
    """The provider reports the end of care (iWmo 307)."""
    with transaction.atomic():
        allocation = _lock(allocation)
        _owned_by_provider(actor, allocation)
        if allocation.status != AllocationStatus.STARTED:
            raise DomainError("allocation-not-started", _("Only a started allocation can stop."))
        _in_window(care_window(allocation.region), stopped_on=stopped_on)
        if reason not in END_REASONS:
            raise DomainError("end-reason-unknown", _("'%(reason)s' is not a reason for ending from the iWmo code list.") % {"reason": reason},
                              field="end_reason")
        day_check(day=stopped_on, first=allocation.started_on, last=allocation.end, before_code="stop-outside-allocation",
                  field="stopped_on", message_before=_("The end of care %(day)s lies before the start of care on "
                                                       "%(first)s."),
                  message_after=_("The end of care %(day)s lies after the allocation ends, on %(last)s."))
        allocation.status, allocation.stopped_on = AllocationStatus.STOPPED, stopped_on
        allocation.end_reason = allocation.end_reason or reason
        return _save_version(allocation, change=f"gestopt per {stopped_on:%d-%m-%Y}", actor=actor)

