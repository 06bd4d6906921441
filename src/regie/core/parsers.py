"""The API's JSON parser: bounded in size and in depth (its own module: the REST framework's
settings import it while `rest_framework.views` loads, so it may not import that)."""

import json
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.parsers import JSONParser

from .errors import DomainError
from .parse import json_depth


class BodyTooLarge(DomainError):
    status = 413


class BodyTooDeep(DomainError):
    status = 400


class BoundedJSONParser(JSONParser):
    """JSON no larger than `REGIE_API_MAX_BYTES` and no deeper than `REGIE_API_JSON_MAX_DEPTH`;
    numbers with a fraction as Decimal, NaN and Infinity refused. A body past either bound is a
    problem document (413, 400 `json-too-deep`), never a RecursionError."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.REGIE_API_MAX_BYTES
        data = b"" if stream is None else stream.read(limit + 1)
        if len(data) > limit:
            raise BodyTooLarge("body-too-large", _("The request is larger than %(limit)d bytes.") % {"limit": limit})
        if json_depth(data) > settings.REGIE_API_JSON_MAX_DEPTH:
            raise BodyTooDeep("json-too-deep", _("The JSON body is nested deeper than %(depth)d levels.")
                              % {"depth": settings.REGIE_API_JSON_MAX_DEPTH})
        try:
            return json.loads(data.decode("utf-8"), parse_float=Decimal, parse_constant=_refuse_constant)
        except (ValueError, RecursionError) as error:
            raise exceptions.ParseError(_("The body is not valid JSON (%(error)s).") % {"error": error}) from None


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a number")
