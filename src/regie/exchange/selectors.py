"""Reads of the message store, scoped by the actor; a message holds client data (BSN), so reads are audited.

- provider staff: the messages to and from their organisation (a cooperative also its members');
- municipality staff: the messages of their municipality;
- purchasing office (contract management, finance): every message of the region.
"""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils.translation import gettext as _

from iwmo.codelists import RetourCode
from regie.audit.models import Action, Outcome
from regie.audit.services import audit_record
from regie.core.errors import NotFound

from regie.regions.scoping import scoped

from .models import Message, MessageStatus



def messages_for(*, actor) -> QuerySet[Message]:
    return scoped(Message.objects.all(), actor=actor, what="messages", label=_("iWmo messages"))


def message_list(*, actor, direction: str | None = None, status: str | None = None,
                 limit: int = 100) -> list[Message]:
    """The message screen: newest first, without the XML."""
    messages = messages_for(actor=actor).defer("xml").select_related("provider", "municipality")
    if direction:
        messages = messages.filter(direction=direction)
    if status:
        messages = messages.filter(status=status)
    return list(messages[:limit])


def message_get(*, actor, pk: int) -> Message:
    """One message with its XML; the read is audited (the XML names the client)."""
    try:
        message = messages_for(actor=actor).get(pk=pk)
    except (Message.DoesNotExist, ValueError):
        audit_record(actor=actor, action=Action.READ, subject="message", object_id=str(pk)[:40],
                     outcome=Outcome.NOT_FOUND)
        raise NotFound("message-not-found", _("This message does not exist or lies outside your organisation.")) from None
    audit_record(actor=actor, action=Action.READ, subject="message", object_id=message.pk)
    return message


def retourcode_text(code: str) -> str:
    """The Dutch explanation of a retourcode (WJ001), for the message screen."""
    try:
        return RetourCode(code).omschrijving
    except ValueError:
        return _("Unknown return code.")


def status_text(message: Message) -> str:
    text = str(MessageStatus(message.status).label)
    codes = sorted({p["retourcode"] for p in message.problems if p.get("retourcode")})
    return text + (f" ({', '.join(codes)})" if codes else "")


def with_answer(messages: QuerySet[Message]) -> QuerySet[Message]:
    """Each message (already scoped) with the id of its answer (`answer_id`), in the same query."""
    first_reply = Message.objects.filter(reply_to=OuterRef("pk")).order_by("pk").values("pk")[:1]
    return messages.annotate(answer_id=Subquery(first_reply))
