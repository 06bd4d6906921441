"""A generated corpus of hostile and broken files, each sent through `message_receive`.

Every case is a mutation of a valid 305, 307 or 323 that the provider helpers write for the
`world` region (tests/exchange/provider.py). A file the region cannot answer is refused with a
specific `MessageRefused` code and leaves no row behind (messages, allocation versions,
declarations and their lines, audit records); a file with a content error is stored and answered
with the retour the standard prescribes, and changes no allocation and pays no line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest
import time_machine

import iwmo
from regie.audit.models import AuditRecord
from regie.billing.models import Declaration, DeclarationLine, LineStatus
from regie.care.models import AllocationVersion
from regie.exchange.decisions import allocation_create
from regie.exchange.inbox import MessageRefused, message_receive
from regie.exchange.models import Direction, Message, MessageStatus
from tests import factories as f
from tests.exchange.provider import declaration_323, read_301, start_305, stop_307

APRIL, DATED = dt.date(2025, 4, 1), dt.date(2025, 5, 5)
KINDS = ("305", "307", "323")


@dataclass(frozen=True)
class Refused:
    code: str


@dataclass(frozen=True)
class Answered:
    """Stored and answered: the message's status and the (rule, retourcode) pairs it must report."""

    status: str
    findings: frozenset[tuple[str, str]]
    header_codes: tuple[str, ...] = ()


DECL = re.compile(rb"^<\?xml[^>]*\?>")


def _with_decl(data: bytes, decl: bytes) -> bytes:
    return DECL.sub(decl, data, count=1)


def _after_decl(data: bytes, insert: bytes) -> bytes:
    end = DECL.match(data).end()
    return data[:end] + insert + data[end:]


def _first_text(data: bytes, element: bytes) -> tuple[int, int]:
    """The span of the text of the first `<prefix:element>`."""
    match = re.search(rb"<(\w+):" + element + rb">([^<]*)</", data)
    return match.start(2), match.end(2)


def _replace_text(data: bytes, element: bytes, text: bytes) -> bytes:
    start, end = _first_text(data, element)
    return data[:start] + text + data[end:]


def _drop(data: bytes, element: bytes) -> bytes:
    match = re.search(rb"<(\w+):" + element + rb">[^<]*</\w+:" + element + rb">", data)
    return data[:match.start()] + data[match.end():]


def _insert_after_open(data: bytes, element: bytes, insert: bytes) -> bytes:
    match = re.search(rb"<(\w+):" + element + rb">", data)
    return data[:match.end()] + insert.replace(b"P:", match.group(1) + b":") + data[match.end():]


XXE = b'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
XXE_HTTP = b'<!DOCTYPE r [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]>'
EXTERNAL_DTD = b'<!DOCTYPE r SYSTEM "http://example.invalid/iwmo.dtd">'
PARAMETER = b'<!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'
LAUGHS = b"<!DOCTYPE r [<!ENTITY l0 \"lol\">" + b"".join(
    b'<!ENTITY l%d "%s">' % (i, b"&l%d;" % (i - 1) * 10) for i in range(1, 10)) + b"]>"
QUADRATIC = b'<!DOCTYPE r [<!ENTITY a "' + b"x" * 50_000 + b'">]>'
OVERSIZE = 25 * 1024 * 1024 + 1

# name → (kind or None, mutation of the valid message of that kind, expectation)
CASES: dict[str, tuple[str | None, object, object]] = {}


def case(name: str, kind: str | None, mutate, expected) -> None:
    assert name not in CASES
    CASES[name] = (kind, mutate, expected)


for k in KINDS:
    # --- safe intake: the whole file is refused before it is read --------------------------------
    case(f"bom-{k}", k, lambda d: b"\xef\xbb\xbf" + d, Refused("iwmo-bom"))
    case(f"bom-utf16-{k}", k, lambda d: b"\xff\xfe" + d.decode().encode("utf-16-le"),
         Refused("iwmo-geen-utf8"))
    case(f"utf16-declared-{k}", k, lambda d: _with_decl(d, b'<?xml version="1.0" encoding="UTF-16"?>')
         .decode().encode("utf-16-le"), Refused("iwmo-geen-utf8"))
    case(f"utf16-le-{k}", k, lambda d: d.decode().encode("utf-16-le"), Refused("iwmo-geen-utf8"))
    case(f"utf16-be-{k}", k, lambda d: d.decode().encode("utf-16-be"), Refused("iwmo-geen-utf8"))
    case(f"latin1-declared-{k}", k, lambda d: _with_decl(d, b'<?xml version="1.0" encoding="ISO-8859-1"?>'),
         Refused("iwmo-encoding"))
    case(f"windows1252-declared-{k}", k, lambda d: _with_decl(d, b'<?xml version="1.0" encoding="windows-1252"?>'),
         Refused("iwmo-encoding"))
    case(f"latin1-bytes-{k}", k, lambda d: _after_decl(d, "<!-- Cliënt -->".encode("latin-1")),
         Refused("iwmo-geen-utf8"))
    case(f"invalid-utf8-{k}", k, lambda d: _after_decl(d, b"<!-- \xc3\x28 -->"), Refused("iwmo-geen-utf8"))
    case(f"xxe-file-{k}", k, lambda d: _after_decl(d, XXE), Refused("iwmo-doctype"))
    case(f"xxe-network-{k}", k, lambda d: _after_decl(d, XXE_HTTP), Refused("iwmo-doctype"))
    case(f"external-dtd-{k}", k, lambda d: _after_decl(d, EXTERNAL_DTD), Refused("iwmo-doctype"))
    case(f"parameter-entity-{k}", k, lambda d: _after_decl(d, PARAMETER), Refused("iwmo-doctype"))
    case(f"billion-laughs-{k}", k, lambda d: _after_decl(d, LAUGHS), Refused("iwmo-doctype"))
    case(f"quadratic-blowup-{k}", k, lambda d: _after_decl(d, QUADRATIC), Refused("iwmo-doctype"))
    case(f"undefined-entity-{k}", k, lambda d: _replace_text(d, b"Identificatie", b"&xxe;"),
         Refused("iwmo-entiteit"))
    case(f"oversize-{k}", k, lambda d: d + b" " * (OVERSIZE - len(d)), Refused("iwmo-te-groot"))
    for tenth in range(1, 10):
        case(f"truncated-{tenth}0pct-{k}", k, lambda d, t=tenth: d[: len(d) * t // 10],
             Refused("iwmo-niet-welgevormd"))
    case(f"trailing-element-{k}", k, lambda d: d + b"<extra/>", Refused("iwmo-niet-welgevormd"))
    case(f"unclosed-tag-{k}", k, lambda d: d.replace(b"</", b"<", 1), Refused("iwmo-niet-welgevormd"))
    case(f"release-3-1-{k}", k, lambda d: d.replace(b"iwmo/3_2/", b"iwmo/3_1/"), Refused("iwmo-onbekend-bericht"))
    case(f"jeugdwet-namespace-{k}", k, lambda d, k=k: d.replace(b"iwmo/3_2/wmo" + k.encode(), b"ijw/3_2/jw" + k.encode()),
         Refused("iwmo-onbekend-bericht"))
    # --- schema violations (controleniveau 1): refused, no retour (IV028) --------------------------
    case(f"xsd-afzender-letters-{k}", k, lambda d: _replace_text(d, b"Afzender", b"ABCDEFGH"), Refused("iwmo-xsd"))
    case(f"xsd-dagtekening-30-feb-{k}", k, lambda d: _replace_text(d, b"Dagtekening", b"2025-02-30"),
         Refused("iwmo-xsd"))
    case(f"xsd-bsn-8-digits-{k}", k, lambda d: _replace_text(d, b"Bsn", b"12345678"), Refused("iwmo-xsd"))
    case(f"xsd-no-ontvanger-{k}", k, lambda d: _drop(d, b"Ontvanger"), Refused("iwmo-xsd"))
    case(f"xsd-unknown-element-{k}", k, lambda d: _insert_after_open(d, b"Header", b"<P:Extra>1</P:Extra>"),
         Refused("iwmo-xsd"))
    case(f"xsd-berichtcode-{k}", k, lambda d: _replace_text(d, b"BerichtCode", b"999"), Refused("iwmo-xsd"))
    # --- who sent it, to whom ---------------------------------------------------------------------
    case(f"sender-unknown-{k}", k, lambda d: _replace_text(d, b"Afzender", b"99999999"), Refused("sender-unknown"))
    case(f"receiver-unknown-{k}", k, lambda d: _replace_text(d, b"Ontvanger", b"0999"), Refused("receiver-unknown"))
    # --- content errors in the message itself: whole message rejected with 0001 -------------------
    case(f"bsn-eleven-test-{k}", k, lambda d: _replace_text(d, b"Bsn", b"123456789"),
         Answered(MessageStatus.REJECTED, frozenset({("CS002", "0001")}), ("0001",)))

for name, data in {
    "empty": b"", "whitespace": b" \n\t\r\n ", "not-xml": b"Dit is geen XML", "csv": b"bsn;maand;bedrag\n1;2;3\n",
    "json": b'{"bericht": "323"}', "html": b"<!DOCTYPE html><html><body>hoi</body></html>",
    "deeply-nested": b'<?xml version="1.0" encoding="UTF-8"?>' + b"<a>" * 5000 + b"</a>" * 5000,
    "nul-bytes": b"\x00" * 64, "binary-zip": b"PK\x03\x04" + bytes(range(256)),
    "oversize-zeros": b"\x00" * OVERSIZE,
}.items():
    code = {"empty": "iwmo-leeg", "whitespace": "iwmo-leeg", "html": "iwmo-doctype",
            "nul-bytes": "iwmo-geen-utf8", "binary-zip": "iwmo-geen-utf8", "oversize-zeros": "iwmo-te-groot",
            }.get(name, "iwmo-niet-welgevormd")
    case(name, None, lambda d, data=data: data, Refused(code))


@pytest.fixture
def allocation(world, officer_a, schemas):
    with time_machine.travel(dt.datetime(2025, 3, 28, 10, 0), tick=False):
        return allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding,
                                 category=world.b1, provider=world.p2, start=APRIL)


@pytest.fixture
def valid(world, allocation) -> dict[str, bytes]:
    """A valid 305, 307 and 323 of Zorg Twee for client 1, as its system writes them from our 301."""
    toewijzing = read_301(Message.objects.get(direction=Direction.OUT, code="301", allocations=allocation))
    return {
        "305": start_305(toewijzing, identification="S1", dated=DATED, begindatum=dt.date(2025, 4, 2)),
        "307": stop_307(toewijzing, identification="T1", dated=DATED, begindatum=dt.date(2025, 4, 2),
                        einddatum=dt.date(2025, 4, 30)),
        "323": declaration_323(toewijzing, identification="D1", dated=DATED, month=APRIL, tariff_cents=40000),
    }


def rows() -> tuple[int, ...]:
    return (Message.objects.count(), AllocationVersion.objects.count(), Declaration.objects.count(),
            DeclarationLine.objects.count(), AuditRecord.objects.count())


def test_the_corpus_has_at_least_100_distinct_files():
    assert len(CASES) >= 100


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_or_broken_file(name, world, valid, schemas):
    kind, mutate, expected = CASES[name]
    data = mutate(valid[kind] if kind else b"")
    assert data != valid.get(kind)
    before = rows()
    with time_machine.travel(dt.datetime(2025, 5, 5, 9, 0), tick=False):
        if isinstance(expected, Refused):
            with pytest.raises(MessageRefused) as error:
                message_receive(actor=None, data=data, filename=f"{name}.xml")
            assert error.value.code == expected.code, error.value.problems
            assert error.value.message
            assert rows() == before
            return
        message = message_receive(actor=None, data=data, filename=f"{name}.xml")
    assert message.status == expected.status
    assert expected.findings <= {(p["regel"], p["retourcode"]) for p in message.problems}
    retour = iwmo.read(bytes(message.answer.xml))
    assert list(retour.header.retour_codes) == list(expected.header_codes)
    assert iwmo.validate_schema(bytes(message.answer.xml), schemas) == []
    assert AllocationVersion.objects.count() == before[1]
    assert not DeclarationLine.objects.filter(status=LineStatus.APPROVED).exists()


# --- cross-message content errors and duplicates: stored, answered per part -------------------------

def _receive(data, name="x.xml", **kw):
    with time_machine.travel(dt.datetime(2025, 5, 5, 9, 0), tick=False):
        return message_receive(**{"actor": None, "data": data, "filename": name, **kw})


def _codes(message) -> set[tuple[str, str]]:
    return {(p["regel"], p["retourcode"]) for p in message.problems}


@pytest.mark.parametrize("kind,expected", [("305", ("TR019", "9019")), ("307", ("TR019", "9019")),
                                           ("323", ("TR338", "9338"))])
def test_an_unknown_allocation_number(kind, expected, world, valid, allocation):
    data = valid[kind].replace(b"ToewijzingNummer>%d<" % int(allocation.reference),
                               b"ToewijzingNummer>424242<")
    versions = AllocationVersion.objects.count()
    message = _receive(data)
    assert message.status == MessageStatus.REJECTED and expected in _codes(message)
    assert AllocationVersion.objects.count() == versions and not message.allocations.exists()
    assert not DeclarationLine.objects.filter(status=LineStatus.APPROVED).exists()


def test_a_declaration_for_a_period_before_the_start_gets_9307(world, valid):
    message = _receive(valid["323"])  # April, but care never started
    assert message.status == MessageStatus.REJECTED and ("allocation-not-started", "9307") in _codes(message)
    assert DeclarationLine.objects.get().status != LineStatus.APPROVED


def test_a_stop_without_a_start_gets_9069(world, valid):
    message = _receive(valid["307"])
    assert message.status == MessageStatus.REJECTED and {r for _, r in _codes(message)} == {"9069"}


@pytest.mark.parametrize("kind", KINDS)
def test_the_same_file_twice_changes_nothing_the_second_time(kind, world, valid):
    first = _receive(valid[kind])
    before = rows()
    second = _receive(valid[kind], name="again.xml")
    assert (first.duplicate, second.duplicate) == (False, True) and second.pk == first.pk
    assert second.answer.pk == first.answer.pk and rows() == before


def test_a_message_of_another_provider_through_the_portal(world, valid, schemas):
    staff = f.actor(world.p1, "provider_staff")
    before = rows()
    with pytest.raises(MessageRefused) as error:
        _receive(valid["305"], actor=staff)
    assert error.value.code == "sender-mismatch" and rows() == before


def test_a_301_sent_in_is_not_taken(world, allocation, schemas):
    data = bytes(Message.objects.get(direction=Direction.OUT, code="301").xml)
    before = rows()
    with pytest.raises(MessageRefused) as error:
        _receive(data)
    assert error.value.code == "message-kind-unsupported" and rows() == before
