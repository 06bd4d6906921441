"""What the portal and API tests share: the moment they run at, and files a provider sends."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.exchange.provider import read_301, start_305

APRIL = dt.date(2025, 4, 1)
TODAY = dt.datetime(2025, 4, 3, 9, 0)
XXE = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
       b'<r>&x;</r>')


def upload(client, *files):
    return client.post(reverse("exchange:message-upload"),
                       {"files": [SimpleUploadedFile(name, data, content_type="application/xml")
                                  for name, data in files]})


def start_file(outgoing, identification="S1", **kw):
    return start_305(read_301(outgoing), identification=identification, dated=dt.date(2025, 4, 3),
                     begindatum=dt.date(2025, 4, 2), **kw)
