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

from regie.core.authorship import Authored


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


class Message(Authored):
    """One iWmo message, received by or sent from the region.

    `sender`/`receiver` are the Afzender/Ontvanger of the Header (AGB code of a provider,
    CBS code of a municipality). For a retour message the identity is its own
    IdentificatieRetour/DagtekeningRetour, and the sender is the party that sent the retour.
    """

    author_field = "received_by"

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


class RequestStatus(models.TextChoices):
    OPEN = "open", "Open"
    GRANTED = "granted", "Toegewezen"
    REFUSED = "refused", "Afgewezen"


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
                                help_text="Het ontvangen verzoek (315 of 317).")
    client = models.ForeignKey("care.Client", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               help_text="Leeg als de BSN (nog) niet in het cliëntenregister staat.")
    bsn = models.CharField("BSN", max_length=9)
    client_name = models.CharField("naam cliënt", max_length=200, blank=True)
    reference = models.CharField("referentie aanbieder", max_length=15, help_text="ReferentieAanbieder")
    status = models.CharField(max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    received_on = models.DateField("ontvangen op")
    due_on = models.DateField("te beantwoorden voor")
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    refusal_reason = models.CharField("reden afwijzing", max_length=1, blank=True,
                                      help_text="RedenAfwijzingVerzoek (WJ759).")
    answer = models.ForeignKey(Message, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               help_text="Het antwoord: een toewijzing (301) of een antwoordbericht (319).")

    class Meta:
        abstract = True


class AllocationRequest(_Request):
    """One AangevraagdProduct of a verzoek om toewijzing (315): the access team grants or refuses it."""

    beschikking_number = models.PositiveIntegerField("beschikkingnummer", null=True, blank=True)
    product_category = models.CharField("productcategorie", max_length=2, blank=True)
    product_code = models.CharField("productcode", max_length=5, blank=True)
    product = models.ForeignKey("catalogue.Product", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", help_text="Het product uit de catalogus met deze productcode.")
    start = models.DateField("gevraagde ingangsdatum")
    end = models.DateField("gevraagde einddatum", null=True, blank=True)
    volume = models.CharField("omvang", max_length=100, blank=True, help_text="Gevraagde omvang, leesbaar.")
    referrer = models.CharField("verwijzer", max_length=100, blank=True)
    comment = models.TextField("commentaar", blank=True)
    allocation = models.ForeignKey("care.Allocation", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", help_text="De toewijzing bij honorering.")

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["region", "provider", "reference"]),
                   models.Index(fields=["municipality", "status"]), models.Index(fields=["provider", "status"])]

    def __str__(self) -> str:
        return f"Verzoek om toewijzing {self.reference}"


class ChangeRequest(_Request):
    """A verzoek om wijziging (317): the whole wanted situation, granted or refused as one (OP344).

    `items` holds the request's products as sent: `{"kind": "unchanged"|"change"|"new", "number", "start",
    "end", "category", "code", "volume"}` (dates ISO).
    """

    reason = models.CharField("reden verzoek", max_length=1, help_text="RedenVerzoek (WJ758).")
    items = models.JSONField(default=list)
    allocations = models.ManyToManyField("care.Allocation", blank=True, related_name="+",
                                         help_text="De actuele toewijzingen die het verzoek noemt; na honorering ook de nieuwe.")

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["region", "provider", "reference"]),
                   models.Index(fields=["municipality", "status"]), models.Index(fields=["provider", "status"])]

    def __str__(self) -> str:
        return f"Verzoek om wijziging {self.reference}"
