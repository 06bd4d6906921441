from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "regie.exchange"
    label = "exchange"
    verbose_name = "iWmo-berichtenverkeer"
