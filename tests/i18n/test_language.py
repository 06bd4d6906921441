"""Dutch is the default; the header's switch chooses English; the browser's Accept-Language never does."""

import pytest
from django.urls import reverse

from regie.core.languages import SESSION_KEY
from regie.core.models import Preference

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}
COOKIE = "regie_language"


def choose(client, code, next_url="/"):
    return client.post(reverse("set_language"), {"language": code, "next": next_url})


def tariff_form_errors(client, people, world):
    """Django's own messages for a field left empty and a number that is none, as a page shows them."""
    from regie.catalogue.models import Product

    client.force_login(people.purchaser)
    product = Product.objects.filter(region=world.region).first()
    response = client.post(reverse("catalogue:tariff-add", args=[product.pk]), {"amount": "abc"}, **ENGLISH_BROWSER)
    assert response.status_code == 200
    return response.content.decode()


def test_dutch_by_default_even_for_an_english_browser(client):
    response = client.get(reverse("login"), **ENGLISH_BROWSER)
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Inloggen" in html and "Wachtwoord" in html
    assert response["Content-Language"] == "nl"


def test_djangos_own_form_errors_are_dutch_in_dutch(client, people, world):
    html = tariff_form_errors(client, people, world)
    # "required" is Django's own message; the number is refused by our edge parser (core.parse).
    assert "Dit veld is vereist." in html and "is geen geldig getal" in html
    assert "This field is required." not in html and "is not a valid number" not in html


def test_djangos_own_form_errors_are_english_in_english(client, people, world):
    choose(client, "en")
    html = tariff_form_errors(client, people, world)
    assert "This field is required." in html and "is not a valid number" in html
    assert "Dit veld is vereist." not in html and "is geen geldig getal" not in html


def test_the_rest_apis_own_texts_follow_the_choice_not_the_browser(client):
    import json

    url = "/api/berichten/"
    dutch = json.loads(client.get(url, HTTP_ACCEPT="application/json", **ENGLISH_BROWSER).content)
    choose(client, "en")
    english = json.loads(client.get(url, HTTP_ACCEPT="application/json", **ENGLISH_BROWSER).content)
    assert dutch["status"] == english["status"] == 401 and dutch["code"] == english["code"]
    assert "credentials" in english["title"].lower()
    assert "credentials" not in dutch["title"].lower()


def test_the_login_page_has_the_switch(client):
    html = client.get(reverse("login")).content.decode()
    assert f'action="{reverse("set_language")}"' in html
    assert 'name="language" value="en"' in html


def test_switching_sets_the_cookie_and_keeps_english(client):
    response = choose(client, "en", "/inloggen/")
    assert response.status_code == 302 and response["Location"] == "/inloggen/"
    assert response.cookies[COOKIE].value == "en"
    html = client.get(reverse("login")).content.decode()
    assert '<html lang="en">' in html and "Log in" in html and "Wachtwoord" not in html
    assert 'name="language" value="nl"' in html


def test_an_unknown_language_is_ignored(client):
    choose(client, "fr")
    assert '<html lang="nl">' in client.get(reverse("login")).content.decode()
    client.cookies[COOKIE] = "xx"
    assert '<html lang="nl">' in client.get(reverse("login")).content.decode()


def test_the_choice_of_a_logged_in_person_is_kept_across_log_ins_and_browsers(client, people, django_user_model):
    user = people.purchaser
    client.force_login(user)
    choose(client, "en")
    assert Preference.objects.get(user=user).language == "en"
    assert client.session[SESSION_KEY] == "en"
    client.post(reverse("logout"))

    from django.test import Client

    elsewhere = Client()  # another browser: no cookie
    assert elsewhere.post(reverse("login"), {"username": user.username, "password": "geheim-wachtwoord"}).status_code == 302
    html = elsewhere.get(reverse("home"), **ENGLISH_BROWSER).content.decode()
    assert '<html lang="en">' in html and "Log out" in html


def test_a_persons_own_choice_wins_over_anothers_cookie(client, people):
    Preference.objects.create(user=people.purchaser, language="nl")
    client.cookies[COOKIE] = "en"  # someone else chose English on this browser
    client.post(reverse("login"), {"username": people.purchaser.username, "password": "geheim-wachtwoord"})
    assert '<html lang="nl">' in client.get(reverse("home")).content.decode()


def test_without_a_preference_the_cookie_choice_is_kept_at_log_in(client, people):
    choose(client, "en")
    client.post(reverse("login"), {"username": people.purchaser.username, "password": "geheim-wachtwoord"})
    assert '<html lang="en">' in client.get(reverse("home")).content.decode()
    client.post(reverse("logout"))
    assert '<html lang="en">' in client.get(reverse("login")).content.decode()


def test_the_switch_only_accepts_post(client):
    assert client.get(reverse("set_language") + "?language=en").status_code == 405
