"""The interface language: Dutch unless the person chose otherwise.

The choice lives in three places, read in this order by `LanguageMiddleware`:

1. the session (`SESSION_KEY`), filled at log-in from the person's `Preference`, so a logged-in
   person's choice follows them to every browser and survives logging out and in again;
2. the language cookie that Django's `set_language` view sets, for the login page and anyone
   not logged in;
3. `settings.LANGUAGE_CODE` ("nl").

The browser's `Accept-Language` is never read: Django's own texts (form errors, the login, the
browsable API) follow the chosen language only.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import translation

SESSION_KEY = "regie_language"


def supported(code: str | None) -> str | None:
    """The code when it is one of ours (`settings.LANGUAGES`), otherwise None."""
    return code if code in dict(settings.LANGUAGES) else None


def chosen_language(request) -> str:
    session = getattr(request, "session", None)
    from_session = supported(session.get(SESSION_KEY)) if session is not None else None
    return (from_session or supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
            or settings.LANGUAGE_CODE)


def remember_language(request, code: str) -> None:
    """Keep the choice in the session and, for a logged-in person, in their preference."""
    from .models import Preference

    if hasattr(request, "session"):
        request.session[SESSION_KEY] = code
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        Preference.objects.update_or_create(user=user, defaults={"language": code})


@receiver(user_logged_in)
def _language_at_login(sender, request, user, **kwargs):
    """At log-in the person's own choice wins; without one, the cookie's choice is kept for them."""
    from .models import Preference

    if request is None or not hasattr(request, "session"):
        return
    preference = Preference.objects.filter(user=user).values_list("language", flat=True).first()
    code = supported(preference) or supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
    if code:
        request.session[SESSION_KEY] = code
        translation.activate(code)
