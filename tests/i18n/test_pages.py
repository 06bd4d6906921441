"""Pages in English show no Dutch interface words; pages in Dutch stay Dutch whatever the browser asks."""

import re

import pytest
from django.urls import reverse

from regie.billing.models import Declaration
from regie.care.models import Allocation

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en"}
# Words of the Dutch interface that no data of the test region contains.
DUTCH = ["Uitloggen", "Hoofdmenu", "Toewijzingen", "Toewijzing", "Declaraties", "Verrekening", "Berichten",
         "Tijdigheid", "Verzoeken", "Catalogus", "Aanbieders", "Aanbieder", "Cliënten", "Cliënt", "Welkom",
         "Kerncijfers", "Uw taken", "niet verplicht", "Annuleren", "Zoeken", "Filteren", "Vorige", "Volgende",
         "pagina", "Periode", "Maand", "Bedrag", "Tarief", "goedgekeurd", "afgekeurd", "Geen ",
         "Er zijn", "Er is", " uw ", "Uw ", " wordt ", " niet ", " voor ", " met ", " bij ", " naar ", " geen ",
         "Toegewezen", "Gestart", "Onbekend", "Versie", "heden", "lopend", "Dagtekening", "Richting", "Status:",
         "januari", "februari", "maart", "april", " mei ", "juni", "juli", "augustus", "oktober", "inspannings"]


def dutch_in(text: str) -> list[str]:
    return [word for word in DUTCH if re.search(r"(?<!\w)" + re.escape(word.strip()) + r"(?!\w)", text)]


def visible_text(html: str) -> str:
    html = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.S)
    html = re.sub(r'<[^>]+lang="nl"[^>]*>[^<]*<', "<", html)  # the switch names Dutch in Dutch
    attributes = " ".join(re.findall(r'(?:aria-label|title|placeholder|alt)="([^"]*)"', html))
    return re.sub(r"<[^>]+>", " ", html) + " " + attributes


def pages(people, world, march):
    allocation = Allocation.objects.filter(region=world.region).order_by("pk").first()
    client = allocation.client
    declaration = Declaration.objects.filter(provider=world.p1).first()
    started = Allocation.objects.filter(region=world.region, provider=world.p1, status="started").first()
    from regie.catalogue.models import Product
    from regie.contracting.models import Contract
    from regie.exchange.models import Message

    message = Message.objects.filter(region=world.region, provider=world.p1).order_by("pk").first()
    product = Product.objects.filter(region=world.region).first()
    contract = Contract.objects.filter(region=world.region).first()
    return {
        people.purchaser: ["home", "billing:declaration-list", "billing:settlement-list", "catalogue:product-list",
                           "contracting:provider-list", "monitoring:dashboard", "exchange:message-list",
                           "timeliness:overview", "catalogue:tariff-index",
                           reverse("billing:settlement-detail", args=["2025-03"]),
                           reverse("billing:declaration-detail", args=[declaration.pk]),
                           reverse("contracting:provider-detail", args=[world.p1.pk]),
                           reverse("catalogue:product-detail", args=[product.pk]),
                           reverse("catalogue:tariff-add", args=[product.pk]),
                           reverse("contracting:contract-terminate", args=[contract.pk]),
                           *([reverse("exchange:message-detail", args=[message.pk])] if message else []),
                           "/toewijzingen/999999/", "/clienten/1/"],
        people.access_a: ["home", "care:client-list", "care:allocation-list", "requests:request-list",
                          "care:client-create", reverse("care:client-detail", args=[client.pk]),
                          reverse("care:allocation-detail", args=[allocation.pk]),
                          reverse("care:allocation-create", args=[client.pk]),
                          reverse("care:plan-create", args=[client.pk]),
                          reverse("care:allocation-change", args=[allocation.pk]),
                          reverse("care:allocation-end", args=[allocation.pk])],
        people.staff_p1: ["home", "care:allocation-list", "billing:declaration-list", "billing:declaration-create",
                          "billing:declaration-upload", "exchange:message-upload", "monitoring:dashboard",
                          "exchange:message-list", "timeliness:overview",
                          *([reverse("care:allocation-stop", args=[started.pk])] if started else []),
                          *([reverse("exchange:message-detail", args=[message.pk])] if message else [])],
        people.member: ["home", "monitoring:dashboard", "catalogue:product-list"],
    }


def url(page):
    return page if page.startswith("/") else reverse(page)


def test_english_pages_show_no_dutch_interface(client, people, world, march):
    found = {}
    for user, names in pages(people, world, march).items():
        client.force_login(user)
        client.post(reverse("set_language"), {"language": "en"})
        for page in names:
            response = client.get(url(page), **ENGLISH_BROWSER)
            assert response.status_code in (200, 403, 404), (user.username, page)
            text = visible_text(response.content.decode())
            assert '<html lang="en">' in response.content.decode()
            dutch = dutch_in(text)
            if dutch:
                found[f"{user.username} {page}"] = dutch
        client.logout()
    assert found == {}


def test_dutch_pages_stay_dutch_for_an_english_browser(client, people, world, march):
    for user, names in pages(people, world, march).items():
        client.force_login(user)
        for page in names[:4]:
            html = client.get(url(page), **ENGLISH_BROWSER).content.decode()
            assert '<html lang="nl">' in html
            assert "Uitloggen" in html and "Log out" not in html
        client.logout()


def test_the_check_would_see_dutch(client, people):
    """The word list catches the Dutch interface, so the English test above can fail."""
    client.force_login(people.purchaser)
    text = visible_text(client.get(reverse("home")).content.decode())
    assert {"Uitloggen", "Welkom", "Kerncijfers", "Uw taken"} <= set(dutch_in(text))
