"""The message screens: every iWmo message in and out, one message with its findings, its XML, and
the upload of XML files by a provider's staff.

Views parse and render: `selectors` read (scoped by the actor; reading one message is audited,
it names a client), `services.message_receive` checks, applies and answers what is uploaded,
and `services.message_fetch` hands out the XML: the addressed provider's fetch of a queued message sends it.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.views import View
from django.views.generic import FormView, TemplateView
from django.utils.translation import gettext_lazy

import iwmo
from iwmo.tonen import samenvatting
from regie.core.errors import DomainError
from regie.regions.permissions import ActorRequiredMixin
from regie.regions.models import OrganisationKind as Kind

from . import selectors, services
from .delivery import MESSAGE_READERS
from .forms import MessageFilterForm, MessageUploadForm, read_upload
from .models import Direction, Message, MessageStatus

MESSAGE_SENDERS = {Kind.PROVIDER: ("provider_staff",)}
PAGE_SIZE = 50

OUTCOME = {  # how an upload turned out, for the result table
    MessageStatus.ACCEPTED: ("ok", gettext_lazy("approved")),
    MessageStatus.PARTLY: ("warn", gettext_lazy("partly rejected")),
    MessageStatus.REJECTED: ("error", gettext_lazy("rejected")),
}


def findings(message: Message) -> list[dict]:
    """The message's findings, each retourcode with its Dutch explanation (WJ001)."""
    return [{**p, "toelichting": selectors.retourcode_text(p["retourcode"]) if p.get("retourcode") else ""}
            for p in message.problems]


def download_name(message: Message) -> str:
    return f"WMO{message.code or 'XXX'}_{message.pk}.xml"


def xml_response(*, actor, message: Message) -> HttpResponse:
    """The message's XML as an attachment; the addressed provider fetching a queued message sends it
    (`services.message_fetch`)."""
    message = services.message_fetch(actor=actor, message=message)
    response = HttpResponse(bytes(message.xml), content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{download_name(message)}"'
    return response


class MessageListView(ActorRequiredMixin, TemplateView):
    """Every message in and out that the actor may see, newest first, with filters."""

    allowed = MESSAGE_READERS
    template_name = "exchange/message_list.html"

    def get_context_data(self, **kwargs):
        form = MessageFilterForm.from_query(self.request.GET)
        if form.is_bound:
            form.is_valid()
        messages = selectors.with_answer(form.apply(
            selectors.messages_for(actor=self.actor).defer("xml").select_related("provider", "municipality")))
        page = Paginator(messages, PAGE_SIZE).get_page(self.request.GET.get("pagina"))
        query = self.request.GET.copy()
        query.pop("pagina", None)
        return super().get_context_data(
            form=form, page=page, query=query.urlencode(),
            can_upload=MessageUploadView.permits(self.actor),
            shows_provider=not self.actor.is_provider or len(self.actor.provider_ids) > 1,
            schema_on=services.schema_validation_on(), **kwargs)


class MessageDetailView(ActorRequiredMixin, TemplateView):
    """One message: who, what, status, every finding with its retourcode explained, answer and original."""

    allowed = MESSAGE_READERS
    template_name = "exchange/message_detail.html"

    def get_context_data(self, **kwargs):
        message = selectors.message_get(actor=self.actor, pk=self.kwargs["pk"])
        summary = ""
        if message.xml:
            try:
                summary = samenvatting(iwmo.read(bytes(message.xml)))
            except iwmo.IwmoFout:  # pragma: no cover - every stored message was read once
                summary = ""
        original = message.reply_to
        # An answer carries the findings of the message it answers: show them there too.
        reported = findings(original) if original is not None and not message.problems else []
        return super().get_context_data(
            message=message, findings=findings(message), reported=reported, answer=message.answer, original=original,
            summary=summary, can_download=bool(message.xml),
            fetches=self.actor.is_provider and message.direction == Direction.OUT
            and message.status == MessageStatus.QUEUED, **kwargs)


class MessageDownloadView(ActorRequiredMixin, View):
    """The XML as it travelled. A provider fetching an outgoing message sends it (`message_fetch`)."""

    allowed = MESSAGE_READERS

    def get(self, request, *args, **kwargs):
        return xml_response(actor=self.actor, message=selectors.message_get(actor=self.actor, pk=self.kwargs["pk"]))


class MessageUploadView(ActorRequiredMixin, FormView):
    """A provider's staff upload XML files; each file is received on its own and its outcome shown."""

    allowed = MESSAGE_SENDERS
    template_name = "exchange/message_upload.html"
    form_class = MessageUploadForm

    def form_valid(self, form):
        results = [self.receive(upload) for upload in form.cleaned_data["files"]]
        return self.render_to_response(self.get_context_data(form=MessageUploadForm(), results=results))

    def receive(self, upload) -> dict:
        name = (upload.name or "bericht.xml")[:255]
        try:
            message = services.message_receive(actor=self.actor, provider=self.actor.organisation,
                                               data=read_upload(upload), filename=name)
        except services.MessageRefused as error:
            return {"filename": name, "refused": True, "code": error.code, "text": error.message,
                    "problems": error.problems}
        except DomainError as error:
            if error.status in (403, 404):
                raise
            return {"filename": name, "refused": True, "code": error.code, "text": error.message, "problems": []}
        badge, label = OUTCOME[message.status]
        return {"filename": name, "refused": False, "message": message, "badge": badge, "label": label,
                "duplicate": message.duplicate, "answer": message.answer, "findings": findings(message)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(schema_on=services.schema_validation_on(), **kwargs)
