"""The service behind the XML download refuses a wrong actor itself; the addressed provider's fetch sends."""

import pytest

from regie.audit.models import AuditRecord
from regie.core.errors import Forbidden, NotFound
from regie.exchange.models import MessageStatus
from regie.exchange.services import message_fetch
from regie.regions.actors import actor_for


@pytest.mark.parametrize("who, code", [("member", "message-fetch-not-allowed"),
                                       ("norole_p2", "message-fetch-not-allowed"),
                                       ("staff_p1", "message-not-found")])
def test_a_wrong_actor_is_refused_and_nothing_is_sent(people, outgoing, who, code):
    with pytest.raises((Forbidden, NotFound)) as refused:
        message_fetch(actor=actor_for(getattr(people, who)), message=outgoing)
    assert refused.value.code == code
    outgoing.refresh_from_db()
    assert outgoing.status == MessageStatus.QUEUED


def test_the_addressed_providers_first_fetch_sends_it_once_and_is_audited(people, outgoing):
    actor = actor_for(people.staff_p2)
    message_fetch(actor=actor, message=outgoing)
    sent_at = outgoing.sent_at
    message_fetch(actor=actor, message=outgoing)
    outgoing.refresh_from_db()
    assert outgoing.status == MessageStatus.SENT and outgoing.sent_at == sent_at
    assert AuditRecord.objects.filter(subject="message.sent", object_id=str(outgoing.pk)).count() == 1


def test_the_office_fetching_sends_nothing(people, outgoing):
    message_fetch(actor=actor_for(people.finance), message=outgoing)
    outgoing.refresh_from_db()
    assert outgoing.status == MessageStatus.QUEUED
