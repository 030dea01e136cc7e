"""Other processes for the tests: Python code in a fresh interpreter with a chosen
environment, the production environment for servers the tests start, a free port, a
redis-server of a test's own.

Settings are read once per process, so checking what the environment variables do
(or what happens when the database is unreachable) needs a new process each time.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings

CONFIG_VARIABLES = {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "DEBUG"}


def redis_url(slot: int = 0) -> str:
    """A Redis database of this test process's own (slot 0 or 1): parallel test workers
    (pytest-xdist's gw0, gw1, …) never share one, so one worker's flush cannot empty
    another's cache."""
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    return f"redis://127.0.0.1:6379/{15 - 2 * worker - slot}"


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "consortium.settings.production",
    "SECRET_KEY": "k3y-f0r-t3sts-Zq8#Lm2@Wx9!Rt5&Yp7*Nc4^Bv6%Hd1$Gs0+Fj",
    "ALLOWED_HOSTS": "127.0.0.1,leconsortium.coop",
    "REDIS_URL": redis_url(0),
}


# Set by the browser tests' fixture for Playwright's event loop; never in deployment.
NOT_IN_DEPLOYMENT = {"DJANGO_ALLOW_ASYNC_UNSAFE"}


def production_env(**extra) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in CONFIG_VARIABLES | NOT_IN_DEPLOYMENT
    }
    env.update(PRODUCTION, **extra)
    return env


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


def run_manage(env: dict, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    """``manage.py *args`` in a fresh interpreter with exactly ``env``."""
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A redis-server of the test's own, on a free port, that the test stops and restarts."""

    def __init__(self, directory: Path):
        self.port = free_port()
        self.directory = directory
        self.process = None

    def start(self):
        binary = shutil.which("redis-server")
        assert binary, "redis-server is needed (apt-get install redis-server)"
        self.process = subprocess.Popen(  # noqa: S603
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _attempt in range(100):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("redis-server did not start")

    def kill(self):
        self.process.kill()
        self.process.wait(timeout=10)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"
