from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "regie.catalogue"
    label = "catalogue"
    verbose_name = "Productcatalogus"
