"""The exchange's business rules, in small modules: `outbox` (301s, answers, sending), `inbox`
(receiving, checking, applying, answering) and `delivery` (fetching a message's XML). This module
is the one entry point."""

from .delivery import message_fetch
from .inbox import MessageRefused, message_receive, schema_validation_on
from .outbox import message_sent, outbox_allocation, outbox_send

__all__ = ["MessageRefused", "message_fetch", "message_receive", "message_sent", "outbox_allocation", "outbox_send",
           "schema_validation_on"]
