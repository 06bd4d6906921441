from django.apps import AppConfig


class ContractingConfig(AppConfig):
    name = "regie.contracting"
    label = "contracting"
    verbose_name = "Contracten"
