from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "regie.core"
    label = "core"
    verbose_name = "Regie"
