from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from regie.core.commands import BaseCommand
from regie.monitoring.indicators import indicator_markdown

DOCUMENT = Path(settings.REPO_DIR) / "docs" / "indicators.md"


class Command(BaseCommand):
    help = gettext_lazy("Write docs/indicators.md from the registry of indicators (in English, as all docs).")

    def handle(self, *args, **options) -> None:
        with override("en"):
            DOCUMENT.write_text(indicator_markdown(), encoding="utf-8")
        self.stdout.write(_("Written: %(path)s") % {"path": DOCUMENT})
