"""Every command of Regie explains itself: `manage.py <command> --help` prints its help in the
active language and exits 0 (lazy, translatable help texts once made argparse crash)."""

import pytest
from django.core.management import ManagementUtility, get_commands
from django.utils import translation

COMMANDS = sorted(name for name, app in get_commands().items() if app.startswith("regie."))


def test_the_commands_are_found():
    assert {"refresh-facts", "settle", "demo", "translations"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_help_is_printed_in_dutch_and_exits_zero(name, capsys):
    with translation.override("nl"), pytest.raises(SystemExit) as leaving:
        ManagementUtility(["manage.py", name, "--help"]).execute()
    assert leaving.value.code == 0
    printed = capsys.readouterr().out
    assert f"manage.py {name}" in printed and "--help" in printed
