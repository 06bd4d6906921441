"""The REST API of the message store (docs/api.md): machine clients of providers send their iWmo
messages and read the answers.

    POST /api/berichten/        raw XML (application/xml) or multipart `file` → 201 (200 when received before),
                                422 problem+json when the file is refused
    GET  /api/berichten/        the messages the actor may see, newest first, filtered like the screen
    GET  /api/berichten/<id>/   one message with its findings (audited); `?xml=1` for the XML itself

Session authentication (the portal's log-in) and HTTP Basic for machine clients; the same
permissions and scoping as the screens (the rule of `views.MessageListView` to read, of
`views.MessageUploadView` to send).
Errors are RFC 9457 problem documents (`regie.core.api.problem_exception_handler`).
"""

from __future__ import annotations

from django.conf import settings
from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.authentication import BasicAuthentication, SessionAuthentication
from rest_framework.exceptions import ParseError
from rest_framework.parsers import BaseParser, FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from regie.core.api import problem, problem_responses, query_integer
from regie.core.parsers import BodyTooLarge
from regie.regions.permissions import ActorRequiredMixin
from regie.regions.actors import actor_for

from . import selectors, services
from .forms import CODES, MAX_BYTES, MessageFilterForm, read_upload
from .models import Direction, Message, MessageStatus
from .serializers import (MessageDetailSerializer, MessagePageSerializer, MessageReceivedSerializer,
                          MessageUploadSerializer)
from .views import MessageListView, MessageUploadView, findings, xml_response

PAGE_SIZE = 100
MAX_OFFSET = 1_000_000_000


class XMLBytesParser(BaseParser):
    """The request body as bytes, read no further than one byte past the standard's 25 MB."""

    media_type = "application/xml"

    def parse(self, stream, media_type=None, parser_context=None):
        return b"" if stream is None else stream.read(MAX_BYTES + 1)


class TextXMLBytesParser(XMLBytesParser):
    media_type = "text/xml"


class MessageAPIView(APIView):
    authentication_classes = (BasicAuthentication, SessionAuthentication)  # Basic first: anonymous → 401
    permission_classes = (IsAuthenticated,)

    def screen_for(self, request) -> type[ActorRequiredMixin]:
        """The screen whose permission rule this request follows."""
        return MessageListView

    def initial(self, request, *args, **kwargs):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REGIE_API_MAX_BYTES:
            raise BodyTooLarge("body-too-large", _("The request is larger than %(limit)d bytes.")
                               % {"limit": settings.REGIE_API_MAX_BYTES})
        super().initial(request, *args, **kwargs)
        self.actor = actor_for(request.user)
        self.screen_for(request).check(self.actor)


def message_json(message: Message, request, *, detail: bool = False) -> dict:
    body = {
        "id": message.pk,
        "url": reverse("exchange-api:message-detail", args=[message.pk], request=request),
        "code": message.code,
        "direction": message.direction,
        "status": message.status,
        "status_text": MessageStatus(message.status).label,
        "sender": message.sender,
        "receiver": message.receiver,
        "identification": message.identification,
        "dated": message.dated.isoformat() if message.dated else None,
        "created_at": message.created_at.isoformat(),
        "declaration_number": message.declaration_number or None,
        "reply_to_id": message.reply_to_id,
        "answer_id": getattr(message, "answer_id", None),
    }
    if detail:
        body.update(
            filename=message.filename,
            schema_checked=message.schema_checked,
            sent_at=message.sent_at.isoformat() if message.sent_at else None,
            declaration_id=message.declaration_id,
            problems=[{"rule": p.get("regel", ""), "retourcode": p.get("retourcode", ""),
                       "retourcode_text": p["toelichting"], "path": p.get("pad", ""), "message": p.get("melding", "")}
                      for p in findings(message)],
            xml_url=reverse("exchange-api:message-detail", args=[message.pk], request=request) + "?xml=1"
            if message.xml else None,
        )
    return body


REFUSED = problem_responses(s400="An invalid filter or upload.", s401="Not logged in.",
                            s403="Not for your organisation or role.")


class MessageCollection(MessageAPIView):
    parser_classes = (XMLBytesParser, TextXMLBytesParser, MultiPartParser, FormParser)

    def screen_for(self, request) -> type[ActorRequiredMixin]:
        return MessageUploadView if request.method == "POST" else MessageListView

    @extend_schema(
        operation_id="messages_list", summary="The messages you may see, newest first",
        parameters=[
            OpenApiParameter("richting", enum=Direction.values, description="Received (`in`) or sent (`out`)."),
            OpenApiParameter("code", enum=CODES, description="The message kind."),
            OpenApiParameter("status", enum=MessageStatus.values),
            OpenApiParameter("maand", description="`YYYY-MM`, on the message's date."),
            OpenApiParameter("offset", int, description="Where the page starts (default 0)."),
            OpenApiParameter("limit", int, description=f"At most {PAGE_SIZE} (the default)."),
        ],
        responses={200: MessagePageSerializer, **REFUSED})
    def get(self, request):
        form = MessageFilterForm.from_query(request.query_params)
        if form.is_bound and not form.is_valid():
            return problem(status.HTTP_400_BAD_REQUEST, "filter-invalid", _("Invalid filter."),
                           errors={k: [str(e) for e in v] for k, v in form.errors.items()})
        messages = selectors.with_answer(form.apply(selectors.messages_for(actor=self.actor).defer("xml")))
        offset = query_integer(request.query_params, "offset", default=0, minimum=0, maximum=MAX_OFFSET)
        limit = query_integer(request.query_params, "limit", default=PAGE_SIZE, minimum=1, maximum=PAGE_SIZE)
        rows = list(messages[offset:offset + limit + 1])
        more = len(rows) > limit
        return Response({"offset": offset, "limit": limit, "more": more,
                         "results": [message_json(m, request) for m in rows[:limit]]})

    @extend_schema(
        operation_id="messages_create", summary="Send one iWmo message",
        request={"application/xml": OpenApiTypes.BINARY, "text/xml": OpenApiTypes.BINARY,
                 "multipart/form-data": MessageUploadSerializer},
        parameters=[OpenApiParameter("X-Filename", location=OpenApiParameter.HEADER,
                                     description="The file's name, with a raw XML body.")],
        responses={201: OpenApiResponse(MessageReceivedSerializer, description="Received and answered."),
                   200: OpenApiResponse(MessageReceivedSerializer, description="Received before (`duplicate`)."),
                   **REFUSED,
                   **problem_responses(s415="Another Content-Type.", s422="Not an iWmo 3.2 message the region "
                                       "can answer; nothing is kept.")})
    def post(self, request):
        data, filename = self.body(request)
        try:
            message = services.message_receive(actor=self.actor, provider=self.actor.organisation, data=data,
                                               filename=filename)
        except services.MessageRefused as error:
            return problem(status.HTTP_422_UNPROCESSABLE_ENTITY, error.code, error.message, problems=error.problems)
        duplicate = message.duplicate
        answer = message.answer
        message.answer_id = answer.pk if answer else None
        body = {**message_json(message, request, detail=True), "duplicate": duplicate}
        return Response(body, status=status.HTTP_200_OK if duplicate else status.HTTP_201_CREATED)

    @staticmethod
    def body(request) -> tuple[bytes, str]:
        """The raw XML body (application/xml, text/xml), or the one `file` of a multipart form."""
        media = request.content_type.split(";")[0].strip().lower()
        if media not in ("multipart/form-data", "application/x-www-form-urlencoded"):
            data = request.data if isinstance(request.data, bytes) else b""
            return data, request.headers.get("X-Filename", "")[:255] or "api.xml"
        files = request.FILES.getlist("file")
        if len(files) != 1:
            raise ParseError(_("Send one file in the field 'file', or the XML itself with Content-Type application/xml."))
        return read_upload(files[0]), (files[0].name or "api.xml")[:255]


class MessageItem(MessageAPIView):
    @extend_schema(
        operation_id="messages_retrieve", summary="One message with its findings",
        parameters=[OpenApiParameter("xml", enum=["1"], description="The XML of the message instead (an "
                                     "outgoing message that is ready to send is then sent).")],
        responses={(200, "application/json"): MessageDetailSerializer, (200, "application/xml"): OpenApiTypes.BINARY,
                   **REFUSED, **problem_responses(s404="No such message of yours.")})
    def get(self, request, pk: int):
        message = selectors.message_get(actor=self.actor, pk=pk)
        if request.query_params.get("xml"):
            return xml_response(actor=self.actor, message=message)
        message.answer_id = message.answer.pk if message.answer else None
        return Response(message_json(message, request, detail=True))


app_name = "exchange-api"
urlpatterns = [
    path("berichten/", MessageCollection.as_view(), name="message-list"),
    path("berichten/<int:pk>/", MessageItem.as_view(), name="message-detail"),
]
