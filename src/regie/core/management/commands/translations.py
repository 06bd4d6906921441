from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.core.commands import BaseCommand
from regie.core import i18n


class Command(BaseCommand):
    help = gettext_lazy("The Dutch catalogue: 'update' adds new msgids from the source to django.po, 'check' lists "
                        "what is untranslated, fuzzy or obsolete, 'compile' writes django.mo.")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["update", "check", "compile"])

    def handle(self, *args, action, **options):
        if action == "update":
            added, removed = i18n.update()
            self.stdout.write(_("%(file)s: %(added)s new, %(removed)s removed") % {
                "file": i18n.PO, "added": added, "removed": removed})
        elif action == "compile":
            self.stdout.write(str(i18n.compile()))
        else:
            found = i18n.problems()
            for line in found:
                self.stdout.write(line)
            if found:
                raise CommandError(_("%(count)s problems in %(file)s") % {"count": len(found), "file": i18n.PO})
            self.stdout.write(_("%(file)s: complete") % {"file": i18n.PO})
