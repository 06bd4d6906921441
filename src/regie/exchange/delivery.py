"""Who may fetch a message's XML, and what fetching does.

The portal is the provider's mailbox: the addressed provider fetching a queued outgoing message
is its delivery, the moment the answer deadline counts from (the iWmo standard's "sent"). So the
fetch itself marks it sent, here in a service with the role rule and an audit record, not in a
view. It is idempotent: fetching again, or anyone else fetching, changes nothing.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from regie.audit.models import Action
from regie.audit.services import audit_record
from regie.core.errors import Forbidden, NotFound
from regie.regions.models import OrganisationKind as Kind
from regie.regions.scoping import OFFICE_ROLES

from .models import Direction, Message, MessageStatus
from .outbox import message_sent
from .selectors import messages_for

# Who reads messages: a provider's staff their own, a municipality's staff their municipality's,
# the purchasing office (with a role its task needs) the whole region's — as `messages_for` scopes.
MESSAGE_READERS = {
    Kind.PROVIDER: ("provider_staff",),
    Kind.MUNICIPALITY: ("access_officer", "finance", "policy_adviser"),
    Kind.PURCHASING_OFFICE: OFFICE_ROLES,
}


def message_fetch(*, actor, message: Message) -> Message:
    """The message as `actor` fetches it; the addressed provider's first fetch sends it."""
    if not actor.has_role(*MESSAGE_READERS.get(actor.kind, ())):
        raise Forbidden("message-fetch-not-allowed", _("Your role does not allow fetching iWmo messages."))
    if not messages_for(actor=actor).filter(pk=message.pk).exists():
        raise NotFound("message-not-found", _("This message does not exist or lies outside your organisation."))
    if not message.xml:
        raise NotFound("message-without-xml", _("This message has no XML: it could not be drawn up."))
    if actor.is_provider and message.direction == Direction.OUT and message.status == MessageStatus.QUEUED:
        message_sent(message=message)
        audit_record(actor=actor, action=Action.UPDATE, subject="message.sent", object_id=message.pk,
                     detail={"code": message.code})
    return message
