"""The shapes of the message API's answers (docs/api.md), for its OpenAPI description.

`api.message_json` writes the answers; these serializers describe them field by field, and
tests/exchange/test_api.py checks that the two name the same fields, so the description cannot
drift from what the API sends.
"""

from __future__ import annotations

from rest_framework import serializers

from .forms import CODES
from .models import Direction, MessageStatus


class ProblemLineSerializer(serializers.Serializer):
    rule = serializers.CharField(help_text="The rule of the standard or the region (`TR019`, `IV028`).")
    retourcode = serializers.CharField(help_text="The return code of the iWmo WJ001 list.")
    retourcode_text = serializers.CharField()
    path = serializers.CharField(help_text="Where in the message, e.g. `/Client/StartProduct[2]`.")
    message = serializers.CharField()


class MessageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField()
    code = serializers.ChoiceField(choices=CODES, help_text="The message kind: `305` is WMO305.")
    direction = serializers.ChoiceField(choices=Direction.values)
    status = serializers.ChoiceField(choices=MessageStatus.values)
    status_text = serializers.CharField(help_text="The status in the request's language.")
    sender = serializers.CharField(help_text="AGB code of a provider, or municipality code.")
    receiver = serializers.CharField()
    identification = serializers.CharField()
    dated = serializers.DateField(allow_null=True)
    created_at = serializers.DateTimeField()
    declaration_number = serializers.CharField(allow_null=True)
    reply_to_id = serializers.IntegerField(allow_null=True, help_text="The message this one answers.")
    answer_id = serializers.IntegerField(allow_null=True, help_text="The answer (306, 308, 325) to this one.")


class MessageDetailSerializer(MessageSerializer):
    filename = serializers.CharField()
    schema_checked = serializers.BooleanField(help_text="Checked against the XSD of iWmo 3.2.")
    sent_at = serializers.DateTimeField(allow_null=True)
    declaration_id = serializers.IntegerField(allow_null=True)
    problems = ProblemLineSerializer(many=True, help_text="Every refused message class with its return code.")
    xml_url = serializers.URLField(allow_null=True, help_text="The XML of the message itself.")


class MessageReceivedSerializer(MessageDetailSerializer):
    duplicate = serializers.BooleanField(help_text="Received before: nothing changed, the first answer is given.")


class MessagePageSerializer(serializers.Serializer):
    offset = serializers.IntegerField()
    limit = serializers.IntegerField()
    more = serializers.BooleanField(help_text="Another page follows at `offset + limit`.")
    results = MessageSerializer(many=True)


class MessageUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="One iWmo 3.2 XML file, UTF-8 without BOM, at most 25 MB.")
