"""Our own error pages (400, 403, CSRF, 404, 500) in both languages, with the support reference;
the request id middleware; one log event per failure with its traceback; problem documents in the API.

Wording is the translators' business: the tests look at statuses, headers, the reference and the
absence of any traceback, never at sentences.
"""

from __future__ import annotations

import json
import logging.config
import re

import pytest
from django.conf import settings
from django.test import Client

from regie.core.logs import REQUEST_ID_PATTERN, logging_config
from tests import factories as f
from tests.core.urls_errors import SECRET

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.core.urls_errors")]

LANGUAGES = ["nl", "en"]


def client_in(language: str, **kwargs) -> Client:
    client = Client(raise_request_exception=False, **kwargs)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def assert_error_page(response, status: int, language: str) -> str:
    """An HTML page of ours: the status, the language, the reference of the request, no traceback."""
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert response["Content-Language"] == language
    request_id = response["X-Request-ID"]
    assert REQUEST_ID_PATTERN.fullmatch(request_id)
    body = response.content.decode()
    assert body.count('id="support-reference"') == 1
    assert f'id="support-reference">{request_id}</code>' in body
    assert '<h1 class="utrecht-heading-1">' in body and "utrecht-alert--error" in body
    assert "Traceback" not in body and SECRET not in body and 'File "' not in body
    return request_id


@pytest.fixture
def log_file(tmp_path):
    """The real logging configuration, writing to a file as with REGIE_LOG_FILE; restored afterwards."""
    path = tmp_path / "regie.log"
    logging.config.dictConfig(logging_config(log_file=str(path), level="INFO"))
    yield path
    logging.config.dictConfig(settings.LOGGING)


def events(path) -> list[dict]:
    for handler in logging.getLogger().handlers:
        handler.flush()
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page(language):
    assert_error_page(client_in(language).get("/no/such/page/"), 404, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_forbidden_page(language):
    assert_error_page(client_in(language).get("/test/forbidden/"), 403, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_bad_request_page(language):
    assert_error_page(client_in(language).get("/test/suspicious/"), 400, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_csrf_failure_page(language):
    client = client_in(language, enforce_csrf_checks=True)
    response = client.post("/inloggen/", {"username": "x", "password": "y"})
    assert_error_page(response, 403, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_server_error_page(language):
    assert_error_page(client_in(language).get("/test/boom/"), 500, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_domain_error_page_shows_the_reference(language):
    """A DomainError (here Forbidden: a provider on the purchasing office's page) keeps its page and code."""
    region = f.RegionFactory()
    user = f.actor(f.ProviderFactory(region=region), "provider_staff").user
    client = client_in(language)
    client.force_login(user)
    response = client.get("/verrekening/afsluiten/")
    assert_error_page(response, 403, language)
    assert "kind-not-allowed" in response.content.decode()


def test_a_failing_view_gives_one_log_event_with_traceback_and_the_same_reference(log_file):
    user = f.actor(f.ProviderFactory(region=f.RegionFactory()), "provider_staff").user
    client = client_in("nl")
    client.force_login(user)
    response = client.get("/test/boom/?q=not-logged")
    request_id = assert_error_page(response, 500, "nl")
    mine = [e for e in events(log_file) if e.get("request_id") == request_id]
    assert len(mine) == 1
    event = mine[0]
    assert event["level"] == "ERROR" and event["logger"] == "django.request"
    assert event["status"] == 500 and event["method"] == "GET" and event["path"] == "/test/boom/"
    assert event["user_id"] == user.pk
    assert "Traceback (most recent call last)" in event["traceback"]
    assert f"RuntimeError: forced failure {SECRET}" in event["traceback"]
    assert event["exc_type"] == "RuntimeError"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", event["time"])
    line = next(line for line in log_file.read_text().splitlines() if request_id in line)
    assert user.username not in line and "not-logged" not in line  # no personal data, no query string


def test_every_event_of_a_request_carries_its_id(log_file):
    response = client_in("nl").get("/no/such/page/")
    mine = [e for e in events(log_file) if e.get("request_id") == response["X-Request-ID"]]
    assert [(e["logger"], e["level"], e["status"]) for e in mine] == [("django.request", "WARNING", 404)]


def test_log_events_are_one_ascii_line_each(log_file):
    logger = logging.getLogger("regie.test")
    try:
        raise ValueError("line one\nline two \u2028 ünïcode")
    except ValueError:
        logger.exception("failed:\n%s", "second line")
    raw = log_file.read_bytes()
    assert raw.count(b"\n") == 1 and raw.isascii()
    (event,) = events(log_file)
    assert event["message"] == "failed:\nsecond line" and "request_id" not in event
    assert "ValueError: line one\nline two" in event["traceback"]


def test_a_sane_incoming_request_id_is_kept():
    response = client_in("nl").get("/no/such/page/", headers={"X-Request-ID": "0f6c2d9e-4b1a-4c3e-9d2f-7a8b9c0d1e2f"})
    assert response["X-Request-ID"] == "0f6c2d9e-4b1a-4c3e-9d2f-7a8b9c0d1e2f"
    assert 'id="support-reference">0f6c2d9e-4b1a-4c3e-9d2f-7a8b9c0d1e2f</code>' in response.content.decode()


@pytest.mark.parametrize("incoming", [
    "short", "x" * 65, "<script>alert(1)</script>", "abc def ghij", "abcdefgh\n", "abcdefgh\r\nSet-Cookie: a=b",
    "ａｂｃｄｅｆｇｈ", "abcdefgh;drop", "../../etc/passwd", "",
])
def test_an_odd_incoming_request_id_is_replaced(incoming):
    response = client_in("nl").get("/", headers={"X-Request-ID": incoming})
    assert response["X-Request-ID"] != incoming
    assert re.fullmatch(r"[0-9a-f]{16}", response["X-Request-ID"])


def test_every_response_has_a_fresh_request_id():
    client = client_in("nl")
    first, second = client.get("/inloggen/"), client.get("/inloggen/")
    assert first.status_code == second.status_code == 200
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_static_files_are_served_with_debug_off():
    assert settings.DEBUG is False
    response = client_in("nl").get(settings.STATIC_URL + "regie/regie.css")
    assert response.status_code == 200
    assert b".regie-code" in b"".join(response.streaming_content)


def test_with_debug_on_the_page_shows_the_traceback(settings):
    """The only way to a traceback on the page: REGIE_DEBUG=1 (here the setting itself)."""
    settings.DEBUG = True
    response = client_in("en").get("/test/boom/")
    assert response.status_code == 500 and SECRET in response.content.decode()


# The API: problem documents (RFC 9457) with the same reference, also for a bug.

def assert_problem(response, status: int, code: str) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["code"] == code
    assert body["request_id"] == response["X-Request-ID"]
    assert body["instance"] == f"urn:regie:request:{response['X-Request-ID']}"
    assert SECRET not in response.content.decode() and "Traceback" not in response.content.decode()
    return body


def test_an_unhandled_exception_in_the_api_is_a_500_problem_document(log_file):
    response = client_in("nl").get("/api/test/boom/")
    assert_problem(response, 500, "server-error")
    mine = [e for e in events(log_file) if e.get("request_id") == response["X-Request-ID"]]
    assert len(mine) == 1
    assert mine[0]["status"] == 500 and f"RuntimeError: forced API failure {SECRET}" in mine[0]["traceback"]


def test_an_unknown_api_url_is_a_404_problem_document():
    assert_problem(client_in("nl").get("/api/no/such/thing/"), 404, "not-found")


def test_api_refusals_carry_the_request_id():
    response = client_in("nl").get("/api/berichten/", headers={"X-Request-ID": "ABCDEF0123456789"})
    body = assert_problem(response, 401, "not_authenticated")
    assert body["request_id"] == "ABCDEF0123456789"
