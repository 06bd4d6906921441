"""Write audit records. Call inside the transaction of the change the record describes."""

from __future__ import annotations

from collections.abc import Iterable

from .models import Action, AuditRecord, Outcome


def audit_record(
    *, actor, action: str, subject: str, client_id: int | None = None, object_id: str = "",
    outcome: str = Outcome.OK, detail: dict | None = None,
) -> AuditRecord:
    return AuditRecord.objects.create(**_who(actor), client_id=client_id, action=action, subject=subject,
                                      object_id=str(object_id), outcome=outcome, detail=detail or {})


def audit_reads(*, actor, subject: str, client_ids: Iterable[int], detail: dict | None = None) -> None:
    """One record per client whose data was shown, written in one statement."""
    who = _who(actor)
    AuditRecord.objects.bulk_create(
        AuditRecord(**who, client_id=client_id, action=Action.READ, subject=subject, detail=detail or {})
        for client_id in sorted(set(client_ids))
    )


def _who(actor) -> dict:
    if actor is None:  # the system itself: a command run by an operator
        return {"user_id": None, "username": "system", "organisation_id": None,
                "organisation_name": "", "roles": ""}
    return {
        "user_id": actor.user.pk,
        "username": actor.user.get_username(),
        "organisation_id": actor.organisation.pk,
        "organisation_name": actor.organisation.name,
        "roles": ",".join(sorted(actor.roles)),
    }
