import datetime as dt

from django.db import migrations, models

WMO_2015 = dt.date(2015, 1, 1)


def derive_care_from(apps, schema_editor):
    """A region that already holds care from before 2015 keeps accepting it: its window starts at its
    earliest allocation or contract."""
    Region = apps.get_model("regions", "Region")
    Allocation = apps.get_model("care", "Allocation")
    Contract = apps.get_model("contracting", "Contract")
    for region in Region.objects.all():
        earliest = [WMO_2015]
        first = Allocation.objects.filter(region=region).order_by("start").values_list("start", flat=True).first()
        if first:
            earliest.append(first)
        first = (Contract.objects.filter(provider__region=region).order_by("start")
                 .values_list("start", flat=True).first())
        if first:
            earliest.append(first)
        region.care_from = min(earliest)
        region.save(update_fields=["care_from"])


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0002_i18n"),
        ("care", "0002_client_contact"),
        ("contracting", "0001_initial"),
    ]

    operations = [
        migrations.AddField("region", "care_from", models.DateField(default=WMO_2015)),
        migrations.AddField("region", "future_years", models.PositiveSmallIntegerField(default=5)),
        migrations.RunPython(derive_care_from, migrations.RunPython.noop),
    ]
