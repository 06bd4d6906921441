from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "regie.regions"
    label = "regions"
    verbose_name = "Regio's en organisaties"
