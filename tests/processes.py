"""Run Python code in a fresh interpreter with a chosen environment.

Settings are read once per process, so checking what the environment variables do
(or what happens when the database is unreachable) needs a new process each time.
"""

import os
import subprocess
import sys

from django.conf import settings

CONFIG_VARIABLES = {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "DEBUG"}


def run_python(code: str, settings_module: str, **env_vars) -> subprocess.CompletedProcess:
    """Run ``code`` with ``settings_module`` and only the configuration in ``env_vars``."""
    env = {key: value for key, value in os.environ.items() if key not in CONFIG_VARIABLES}
    env.update(DJANGO_SETTINGS_MODULE=settings_module, **env_vars)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
