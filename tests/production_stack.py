"""Helpers for tests that run the production stack: gunicorn with the production settings
on the test database, and a small HTTP client that talks to it as a browser behind the TLS
proxy would."""

import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from tests.processes import production_env, run_manage
from tests.two_factor import current_code, give_authenticator


class Browser:
    """A small HTTP client for a server behind a TLS proxy: it says the request came over
    HTTPS (X-Forwarded-Proto) and keeps its cookies itself, the Secure ones included."""

    def __init__(self, port: int):
        self.origin = f"https://127.0.0.1:{port}"
        self.base = f"http://127.0.0.1:{port}"
        self.cookies: dict[str, str] = {}

    def request(self, path: str, data: dict | None = None, files: dict | None = None):
        """GET, or POST ``data`` (with ``files``, {field: (name, bytes)}, as a browser's
        multipart form); returns the status, the headers and the body as text."""
        content_type = None
        if files:
            body, content_type = multipart(data or {}, files)
        else:
            body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)  # noqa: S310
        request.add_header("X-Forwarded-Proto", "https")
        if content_type:
            request.add_header("Content-Type", content_type)
        if body is not None:
            request.add_header("Origin", self.origin)
            request.add_header("Referer", self.origin + path)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.headers, response.read().decode(errors="replace")

    def sign_in(self, username: str, password: str) -> int:
        """The admin's two steps: password, then the code of the account's authenticator
        app (tests.two_factor); returns the status of the last answer (302 when signed in)."""
        token = self.csrf_token("/admin/login/")
        status, headers, _body = self.request(
            "/admin/login/",
            {"username": username, "password": password, "csrfmiddlewaretoken": token},
        )
        if status != 302:
            return status
        device = give_authenticator(get_user_model().objects.get(username=username))
        token = self.csrf_token("/admin/2fa/auth")
        status, _headers, _body = self.request(
            "/admin/2fa/auth",
            {"otp_token": current_code(device), "next": "/admin/", "csrfmiddlewaretoken": token},
        )
        return status

    def csrf_token(self, path: str) -> str:
        status, _headers, html = self.request(path)
        assert status == 200, (path, status)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    """A multipart/form-data body: ``fields`` and ``files`` ({field: (name, bytes)}, each a
    PDF); returns the body and its Content-Type."""
    boundary = "----consortium-form"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    for field, (filename, content) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; '
            f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def database_url() -> str:
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def start_server(port: int, env: dict) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "-c", "site/gunicorn.conf.py", "consortium.wsgi"],
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def wait_until_up(port: int):
    for _attempt in range(150):
        try:
            if Browser(port).request("/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"the server on port {port} did not answer")


def application(number: int, server: int) -> dict:
    return {
        "organisation_name": f"Coopérative du serveur {server} no {number}",
        "neq": f"{server}{number:09d}",
        "legal_form": "worker-coop",
        "sector": "business",
        "region": "06",
        "street_address": "1, rue Principale",
        "city": "Montréal",
        "postal_code": "H2X 1Y4",
        "member_count": "10",
        "employee_count": "3",
        "category": "Membre utilisateur",
        "contact_name": "Alex Roy",
        "contact_role": "Directeur",
        "contact_email": f"alex{server}-{number}@example.org",
        "contact_phone": "418 555-0100",
        "consent": "on",
        "nickname": "",
    }


def prepare_site(demo, tmp_path, username: str, password: str, **extra) -> dict[str, str]:
    """The demo content (``demo``: the run's copy, tests/fixtures/demo.py), a superuser and
    the release steps (docs/deployment.md: `setup_site` and `collectstatic` with the
    production settings); returns the production environment for servers on the test
    database."""
    demo.load()
    # Hashed as production checks it (the tests' settings use a fast hasher it refuses).
    user = get_user_model().objects.create_superuser(username, f"{username}@example.org")
    user.password = PBKDF2PasswordHasher().encode(password, PBKDF2PasswordHasher().salt())
    user.save()
    env = production_env(
        DATABASE_URL=database_url(),
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
        MEMBERSHIP_RATE_LIMIT="1000/h",
        WEB_CONCURRENCY="2",
        ALLOWED_HOSTS="127.0.0.1",
        **extra,
    )
    for command in (["setup_site"], ["collectstatic", "--noinput", "-v0"]):
        done = run_manage(env, *command)
        assert done.returncode == 0, done.stderr
    return env
