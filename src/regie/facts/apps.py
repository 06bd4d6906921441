from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FactsConfig(AppConfig):
    name = "regie.facts"
    label = "facts"
    verbose_name = _("Facts")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (listens to regie.core.changes)
