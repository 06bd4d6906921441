from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "regie.care"
    label = "care"
    verbose_name = "Cliënten en toewijzingen"
