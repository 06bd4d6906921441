"""`make demo PORT=… HOST=…`: the server answers there, and the printed account list names that address."""

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def recipe(*args: str) -> str:
    result = subprocess.run(["make", "-n", "--always-make", "demo", *args], cwd=REPO, capture_output=True, text=True,
                            check=True)
    return result.stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize("args, address", [((), "127.0.0.1:8000"), (("PORT=8001",), "127.0.0.1:8001"),
                                           (("PORT=8002", "HOST=0.0.0.0"), "0.0.0.0:8002")])
def test_make_demo_serves_on_the_port_and_names_it(args, address):
    lines = recipe(*args).splitlines()
    served = [line for line in lines if "manage.py runserver" in line]
    listed = [line for line in lines if "manage.py demo-accounts" in line]
    assert served and served[-1].rstrip().endswith(f"runserver {address}")
    assert listed and f'--url "http://{address}/"' in listed[-1]
