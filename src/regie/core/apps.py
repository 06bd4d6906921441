from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "regie.core"
    label = "core"
    verbose_name = "Regie"

    def ready(self):
        from . import languages  # noqa: F401 - connects the log-in signal
