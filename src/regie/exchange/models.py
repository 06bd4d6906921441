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
from django.utils.translation import gettext_lazy as _

from regie.core.authorship import Authored


class Direction(models.TextChoices):
    IN = "in", _("Received")
    OUT = "out", _("Sent")


class MessageStatus(models.TextChoices):
    # incoming
    ACCEPTED = "accepted", _("Approved")
    PARTLY = "partly", _("Partly rejected")
    REJECTED = "rejected", _("Rejected")
    # outgoing
    QUEUED = "queued", _("Ready to send")
    SENT = "sent", _("Sent")
    HELD = "held", _("Cannot be sent")


class Message(Authored):
    """One iWmo message, received by or sent from the region.

    `sender`/`receiver` are the Afzender/Ontvanger of the Header (AGB code of a provider,
    CBS code of a municipality). For a retour message the identity is its own
    IdentificatieRetour/DagtekeningRetour, and the sender is the party that sent the retour.
    """

    author_field = "received_by"

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="messages")
    direction = models.CharField(max_length=3, choices=Direction.choices)
    code = models.CharField(_("message kind"), max_length=3, help_text="301, 305, 323, …")
    sender = models.CharField(_("sender"), max_length=8)
    receiver = models.CharField(_("receiver"), max_length=8)
    identification = models.CharField(_("identification"), max_length=12, blank=True)
    dated = models.DateField(_("date"), null=True, blank=True)
    declaration_number = models.CharField(
        _("declaration number"), max_length=12, blank=True, help_text=_("DeclaratieNummer of a declaration (323).")
    )
    status = models.CharField(max_length=10, choices=MessageStatus.choices)
    xml = models.BinaryField(blank=True)
    filename = models.CharField(max_length=255, blank=True)
    schema_checked = models.BooleanField(
        default=False, help_text=_("Checked against the official XSD (off when IWMO_SCHEMA_DIR is empty).")
    )
    problems = models.JSONField(
        default=list, blank=True, help_text=_("Findings: rule, return code, element path and report.")
    )
    provider = models.ForeignKey(
        "regions.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="messages"
    )
    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.PROTECT, null=True, blank=True, related_name="messages"
    )
    reply_to = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replies",
        help_text=_("The original message this return or answer message answers."),
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


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Open")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")


class _Request(models.Model):
    """What a verzoek om toewijzing (315) and a verzoek om wijziging (317) share.

    Scoped like the chain: `municipality` (the client's municipality, the Ontvanger when the
    client is not in the register) and `provider` (the Afzender). `due_on` is the answer deadline
    (OP274/OP346: five working days after receipt).
    """

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    municipality = models.ForeignKey("regions.Municipality", on_delete=models.PROTECT, related_name="+")
    provider = models.ForeignKey("regions.Organisation", on_delete=models.PROTECT, related_name="+")
    message = models.ForeignKey(Message, on_delete=models.PROTECT, related_name="+",
                                help_text=_("The received request (315 or 317)."))
    client = models.ForeignKey("care.Client", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               help_text=_("Empty when the BSN is not in the client register (yet)."))
    bsn = models.CharField("BSN", max_length=9)
    client_name = models.CharField(_("client name"), max_length=200, blank=True)
    reference = models.CharField(_("provider reference"), max_length=15, help_text="ReferentieAanbieder")
    status = models.CharField(max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("to answer before"))
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    refusal_reason = models.CharField(_("reason for refusal"), max_length=1, blank=True,
                                      help_text="RedenAfwijzingVerzoek (WJ759).")
    answer = models.ForeignKey(Message, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               help_text=_("The answer: an allocation (301) or an answer message (319)."))

    class Meta:
        abstract = True


class AllocationRequest(_Request):
    """One AangevraagdProduct of a verzoek om toewijzing (315): the access team grants or refuses it."""

    beschikking_number = models.PositiveIntegerField(_("decision number"), null=True, blank=True)
    product_category = models.CharField(_("product category"), max_length=2, blank=True)
    product_code = models.CharField(_("product code"), max_length=5, blank=True)
    product = models.ForeignKey("catalogue.Product", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", help_text=_("The product from the catalogue with this product code."))
    start = models.DateField(_("requested start date"))
    end = models.DateField(_("requested end date"), null=True, blank=True)
    volume = models.CharField(_("volume"), max_length=100, blank=True, help_text=_("Requested volume, readable."))
    referrer = models.CharField(_("referrer"), max_length=100, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    allocation = models.ForeignKey("care.Allocation", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", help_text=_("The allocation when granted."))

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["region", "provider", "reference"]),
                   models.Index(fields=["municipality", "status"]), models.Index(fields=["provider", "status"])]

    def __str__(self) -> str:
        return _("Request for allocation %(reference)s") % {"reference": self.reference}


class ChangeRequest(_Request):
    """A verzoek om wijziging (317): the whole wanted situation, granted or refused as one (OP344).

    `items` holds the request's products as sent: `{"kind": "unchanged"|"change"|"new", "number", "start",
    "end", "category", "code", "volume"}` (dates ISO).
    """

    reason = models.CharField(_("reason for request"), max_length=1, help_text="RedenVerzoek (WJ758).")
    items = models.JSONField(default=list)
    allocations = models.ManyToManyField("care.Allocation", blank=True, related_name="+",
                                         help_text=_("The current allocations the request names; after granting also the new ones."))

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["region", "provider", "reference"]),
                   models.Index(fields=["municipality", "status"]), models.Index(fields=["provider", "status"])]

    def __str__(self) -> str:
        return _("Request for change %(reference)s") % {"reference": self.reference}
