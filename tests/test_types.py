"""The type checker over the core and the register (mypy with django-stubs; its settings
in pyproject.toml's ``[tool.mypy]``): a new signature mismatch in the shared machinery
fails CI.

The core is the ``site/`` folder imported as ``consortium`` (an editable install maps the
name); mypy reads folders, not import hooks, so it is shown the same name through a link
in a temporary folder on its search path. ``STRICT`` modules must annotate every function.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.processes import production_env

pytestmark = pytest.mark.system

ROOT = Path(settings.BASE_DIR)
CHECKED = ["consortium", "members"]


def mypy(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    search = tmp_path / "search"
    search.mkdir(exist_ok=True)
    link = search / "consortium"
    if not link.exists():
        link.symlink_to(ROOT / "site", target_is_directory=True)
    env = {**os.environ, "MYPYPATH": f"{search}{os.pathsep}{ROOT}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def cache_folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("mypy")


def test_the_core_and_the_register_type_check(cache_folder):
    packages = [argument for name in CHECKED for argument in ("-p", name)]
    result = mypy(cache_folder, *packages)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout
    checked = int(result.stdout.split(" in ")[-1].split()[0])
    assert checked > 140  # the packages were read, not skipped


def test_a_signature_mismatch_in_the_shared_machinery_fails(cache_folder):
    """The check has teeth: a caller passing the wrong types to the core is caught."""
    caller = cache_folder / "search" / "wrong_caller.py"
    (cache_folder / "search").mkdir(exist_ok=True)
    caller.write_text(
        "from consortium.pages.links import live_page_url\n"
        "from members.register import record_movement\n"
        "live_page_url('membership.MembershipPage', 1)\n"
        "record_movement(None, 'payment', shares='two')\n"
    )
    result = mypy(cache_folder, str(caller))
    assert result.returncode == 1
    assert 'Argument 2 to "live_page_url" has incompatible type "int"' in result.stdout
    assert 'Argument "shares" to "record_movement" has incompatible type "str"' in result.stdout


def test_production_settings_are_not_what_mypy_reads():
    """The plugin reads the test settings (no secrets needed to type-check)."""
    assert "consortium.settings.test" in (ROOT / "pyproject.toml").read_text()
    assert production_env()["DJANGO_SETTINGS_MODULE"] != "consortium.settings.test"
