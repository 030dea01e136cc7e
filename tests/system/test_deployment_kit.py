"""The deployment kit as shipped (deploy/): systemd's own checker accepts every unit, every
scheduled command exists and every retention command is scheduled, and the example
environment file names only variables the site reads (issue #33)."""

import re
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management import get_commands

from tests.test_environment_table import read_variables

DEPLOY = Path(settings.BASE_DIR) / "deploy"
UNITS = DEPLOY / "systemd"
INSTALLED_AT = "/srv/consortium"


def test_systemd_accepts_every_unit(tmp_path):
    """``systemd-analyze verify`` on each unit, installed here instead of /srv/consortium
    (it checks that every program a unit starts exists and is executable)."""
    for unit in UNITS.iterdir():
        text = unit.read_text().replace(INSTALLED_AT, str(settings.BASE_DIR))
        (tmp_path / unit.name).write_text(text)
    units = sorted(str(path) for path in tmp_path.iterdir())
    assert len(units) >= 15
    checker = shutil.which("systemd-analyze")
    assert checker, "systemd-analyze is missing (Debian's systemd package)"
    result = subprocess.run(  # noqa: S603
        [checker, "verify", *units], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def scheduled_commands() -> set[str]:
    return {
        match
        for timer in UNITS.glob("*.timer")
        for match in re.findall(r"^Unit=consortium-job@(\w+)\.service$", timer.read_text(), re.M)
    }


def test_every_scheduled_command_exists_and_every_retention_command_is_scheduled():
    commands = get_commands()
    scheduled = scheduled_commands()
    assert scheduled <= set(commands), scheduled - set(commands)
    ours = {
        name
        for name, app in commands.items()
        if not app.startswith(("django", "wagtail"))
        and name.startswith(("anonymise_", "purge_", "send_pending", "move_staged"))
    }
    assert ours <= scheduled, f"no timer for {sorted(ours - scheduled)}"
    assert {"clearsessions", "prune_db_task_results", "publish_scheduled"} <= scheduled
    assert (UNITS / "consortium-backup.timer").exists()


def test_the_example_environment_names_only_what_the_site_reads():
    text = (DEPLOY / "consortium.env.example").read_text()
    named = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", text, re.M))
    # Read by boto3 (object storage) rather than the settings.
    outside = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}
    assert named - outside <= read_variables(), (named - outside) - read_variables()
    required = {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "EMAIL_URL"}
    active = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", text, re.M))
    assert required <= active
