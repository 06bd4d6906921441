"""The audit trail of personal data: who read or changed whose data, when, and the outcome.

Records keep names and ids as text so that they outlive the rows they speak of.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from regie.core.authorship import Authored, author_text


class Action(models.TextChoices):
    READ = "read", _("Viewed")
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
    IMPORT = "import", _("Imported")


class Outcome(models.TextChoices):
    OK = "ok", _("Succeeded")
    DENIED = "denied", _("Refused")
    NOT_FOUND = "not_found", _("Not found")


class AuditRecord(Authored):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user_id = models.BigIntegerField(null=True)
    username = models.CharField(max_length=150)
    organisation_id = models.BigIntegerField(null=True)
    organisation_name = models.CharField(max_length=200)
    roles = models.CharField(max_length=200)
    client_id = models.BigIntegerField(null=True, db_index=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    subject = models.CharField(max_length=100, help_text=_("what: for example client, allocation, clients.search"))
    object_id = models.CharField(max_length=40, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.OK)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    @property
    def author(self) -> str:
        """The person by the name recorded then, else what acted without one (see core.authorship)."""
        if self.user_id is not None:
            return self.username
        return author_text(None, self.origin)
