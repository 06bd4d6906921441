"""The base of Regie's management commands: help texts are translatable (lazy) strings, which
argparse cannot format; the parser gets them as plain text in the active language."""

from __future__ import annotations

from django.core.management.base import BaseCommand as DjangoBaseCommand
from django.utils.functional import Promise


class BaseCommand(DjangoBaseCommand):
    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        if isinstance(parser.description, Promise):
            parser.description = str(parser.description)
        for action in parser._actions:
            if isinstance(action.help, Promise):
                action.help = str(action.help)
        return parser
