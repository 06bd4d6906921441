from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "regie.core"
    label = "core"
    verbose_name = _("Regie")

    def ready(self):
        from . import languages  # noqa: F401 - connects the log-in signal
