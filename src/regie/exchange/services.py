"""The exchange's business rules, in two small modules: `outbox` (301s, answers, sending) and
`inbox` (receiving, checking, applying, answering). This module is the one entry point."""

from .inbox import MessageRefused, message_receive, schema_validation_on
from .outbox import message_sent, outbox_allocation, outbox_send

__all__ = ["MessageRefused", "message_receive", "message_sent", "outbox_allocation", "outbox_send",
           "schema_validation_on"]
