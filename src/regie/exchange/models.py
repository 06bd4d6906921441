"""The region's iWmo inbox and outbox: every message in and out, as the bytes that travelled.

A message row carries its identity in the standard's terms (sender, message code,
BerichtIdentificatie = identificatie + dagtekening), the XML itself, where it stands, and
the rows it touched. The same received message can be stored only once (a database
constraint), so receiving it again changes nothing and gives back the first answer.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Direction(models.TextChoices):
    IN = "in", "Ontvangen"
    OUT = "out", "Verzonden"


class MessageStatus(models.TextChoices):
    # incoming
    ACCEPTED = "accepted", "Goedgekeurd"
    PARTLY = "partly", "Deels afgekeurd"
    REJECTED = "rejected", "Afgekeurd"
    # outgoing
    QUEUED = "queued", "Klaar om te verzenden"
    SENT = "sent", "Verzonden"
    HELD = "held", "Niet verzendbaar"


class Message(models.Model):
    """One iWmo message, received by or sent from the region.

    `sender`/`receiver` are the Afzender/Ontvanger of the Header (AGB code of a provider,
    CBS code of a municipality). For a retour message the identity is its own
    IdentificatieRetour/DagtekeningRetour, and the sender is the party that sent the retour.
    """

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="messages")
    direction = models.CharField(max_length=3, choices=Direction.choices)
    code = models.CharField("berichtsoort", max_length=3, help_text="301, 305, 323, …")
    sender = models.CharField("afzender", max_length=8)
    receiver = models.CharField("ontvanger", max_length=8)
    identification = models.CharField("identificatie", max_length=12, blank=True)
    dated = models.DateField("dagtekening", null=True, blank=True)
    declaration_number = models.CharField(
        "declaratienummer", max_length=12, blank=True, help_text="DeclaratieNummer van een declaratie (323)."
    )
    status = models.CharField(max_length=10, choices=MessageStatus.choices)
    xml = models.BinaryField(blank=True)
    filename = models.CharField(max_length=255, blank=True)
    schema_checked = models.BooleanField(
        default=False, help_text="Tegen het officiële XSD gecontroleerd (uit als IWMO_SCHEMA_DIR leeg is)."
    )
    problems = models.JSONField(
        default=list, blank=True, help_text="Bevindingen: regel, retourcode, elementpad en melding."
    )
    provider = models.ForeignKey(
        "regions.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="messages"
    )
    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.PROTECT, null=True, blank=True, related_name="messages"
    )
    reply_to = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replies",
        help_text="Het heenbericht waarop dit retour- of antwoordbericht antwoordt.",
    )
    allocations = models.ManyToManyField("care.Allocation", blank=True, related_name="messages")
    declaration = models.ForeignKey(
        "billing.Declaration", on_delete=models.PROTECT, null=True, blank=True, related_name="messages"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # TR056 and "the same message twice changes nothing": one row per received identity.
            models.UniqueConstraint(
                fields=["region", "sender", "code", "identification", "dated"],
                condition=Q(direction="in"),
                name="message_received_once",
            ),
            models.UniqueConstraint(
                fields=["region", "sender", "code", "identification"],
                condition=Q(direction="out") & ~Q(identification=""),
                name="message_sent_identification_unique",
            ),
            models.CheckConstraint(
                condition=Q(direction="in", status__in=["accepted", "partly", "rejected"])
                | Q(direction="out", status__in=["queued", "sent", "held"]),
                name="message_status_fits_direction",
            ),
        ]
        indexes = [
            models.Index(fields=["region", "direction", "status"]),
            models.Index(fields=["provider", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.sender}→{self.receiver} {self.identification}"

    @property
    def answer(self) -> Message | None:
        return self.replies.order_by("pk").first()
