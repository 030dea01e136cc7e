"""Production serving: gunicorn with its configuration file, `check --deploy` clean."""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings

from tests.processes import free_port, production_env


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}"),
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def gunicorn_config(**environ) -> dict:
    """site/gunicorn.conf.py's values with these environment variables (None: unset)."""
    config = {}
    source = Path(settings.BASE_DIR, "site", "gunicorn.conf.py").read_text()
    previous = dict(os.environ)
    for name, value in environ.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    try:
        exec(compile(source, "gunicorn.conf.py", "exec"), config)  # noqa: S102
    finally:
        os.environ.clear()
        os.environ.update(previous)
    return config


def test_the_gunicorn_configuration_reads_the_environment():
    config = gunicorn_config(WEB_CONCURRENCY="3", GUNICORN_MAX_REQUESTS="500", PORT="8123")
    assert config["workers"] == 3 and config["bind"] == "127.0.0.1:8123"  # loopback by default
    assert config["worker_class"] == "gthread" and config["threads"] == 8
    assert config["control_socket"].endswith("gunicorn-127-0-0-1-8123.ctl")
    assert config["max_requests"] == 500 and config["max_requests_jitter"] == 100


def test_workers_are_not_recycled_by_default():
    """Recycling re-imports Django and Wagtail (about 1.3 s of CPU per worker): off unless
    the environment asks for it (site/gunicorn.conf.py)."""
    assert gunicorn_config(GUNICORN_MAX_REQUESTS=None)["max_requests"] == 0


def test_gunicorn_serves_the_site_with_its_configuration(tmp_path):
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "-c", "site/gunicorn.conf.py", "consortium.wsgi"],
        env=production_env(
            DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
            GUNICORN_BIND=f"127.0.0.1:{port}",
            WEB_CONCURRENCY="2",
        ),
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/healthz", headers={"X-Forwarded-Proto": "https"}
        )
        for _attempt in range(100):
            try:
                with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                    assert response.status == 200
                    assert b'"status": "ok"' in response.read()
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError("gunicorn did not answer")
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode()
    assert "Booting worker" in output and output.count("Booting worker") >= 2
