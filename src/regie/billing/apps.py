from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "regie.billing"
    label = "billing"
    verbose_name = "Declaraties en verrekening"
