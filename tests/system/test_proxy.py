"""The proxy configuration we ship (deploy/nginx.conf), run as it is by Debian's nginx in
front of gunicorn with the production settings and the demo: HTML compressed when the
client asks (and only then), the site served over its TLS without a redirect loop, plain
HTTP sent to HTTPS, the request id passed on, a body over the cap refused by nginx itself.

Only the addresses are changed (ports of the test's own, a throw-away certificate); the
test fails if one of them is no longer where it expects, so it always runs the file
deployment uses."""

import gzip
import http.client
import os
import shutil
import ssl
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests.processes import free_port
from tests.production_stack import prepare_site, start_server, wait_until_up

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

CONFIG = Path(settings.BASE_DIR, "deploy", "nginx.conf")


def certificate(directory: Path) -> tuple[Path, Path]:
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(  # noqa: S603
        [  # noqa: S607
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def shipped_config(app_port: int, http_port: int, https_port: int, cert: Path, key: Path):
    text = CONFIG.read_text()
    replacements = {
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{app_port};",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "/etc/ssl/certs/leconsortium.coop.pem": str(cert),
        "/etc/ssl/private/leconsortium.coop.key": str(key),
    }
    for old, new in replacements.items():
        assert text.count(old) == 1, f"deploy/nginx.conf no longer has « {old} »"
        text = text.replace(old, new)
    return text


@pytest.fixture
def nginx(tmp_path):
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    assert os.path.exists(binary), "nginx is needed (apt-get install nginx-light)"

    def start(app_port: int) -> tuple[int, int, subprocess.Popen]:
        http_port, https_port = free_port(), free_port()
        cert, key = certificate(tmp_path)
        (tmp_path / "consortium.conf").write_text(
            shipped_config(app_port, http_port, https_port, cert, key)
        )
        temp = {name: tmp_path / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
        for path in temp.values():
            path.mkdir()
        main = f"""
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
error_log {tmp_path / "error.log"} warn;
pid {tmp_path / "nginx.pid"};
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {temp["body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    include {tmp_path / "consortium.conf"};
}}
"""
        (tmp_path / "nginx.conf").write_text(main)
        process = subprocess.Popen(  # noqa: S603
            [binary, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for _attempt in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", http_port, timeout=1).request("HEAD", "/")
                break
            except OSError:
                assert process.poll() is None, process.communicate()[0].decode()
                time.sleep(0.05)
        processes.append(process)
        return http_port, https_port

    processes = []
    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


def get(port: int, path: str, headers=None, method="GET", body=None):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=context)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    return response.status, response.headers, response.read()


def test_the_shipped_nginx_configuration_in_front_of_the_site(committed_demo, tmp_path, nginx):
    env = prepare_site(committed_demo, tmp_path, "proxy", "proxy-1-mot-de-passe")
    app_port = free_port()
    server = start_server(app_port, env)
    try:
        wait_until_up(app_port)
        http_port, https_port = nginx(app_port)

        # Compressed when asked, with Vary; the same page either way.
        status, headers, body = get(https_port, "/fr/", {"Accept-Encoding": "gzip"})
        assert status == 200, body[:500]
        assert headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in headers["Vary"]
        html = gzip.decompress(body).decode()
        assert '<html lang="fr"' in html
        status, headers, plain = get(https_port, "/fr/")
        assert status == 200 and "Content-Encoding" not in headers
        assert len(body) < len(plain) / 3  # the HTML is about a fifth of its size
        # The application knows it is served over HTTPS (no redirect loop) and sees the
        # proxy's request id.
        assert "max-age" in headers["Strict-Transport-Security"]
        assert len(headers["X-Request-ID"]) == 32

        # Plain HTTP goes to HTTPS.
        connection = http.client.HTTPConnection("127.0.0.1", http_port, timeout=10)
        connection.request("GET", "/fr/adhesion/")
        response = connection.getresponse()
        assert response.status == 301
        assert response.headers["Location"] == "https://127.0.0.1/fr/adhesion/"

        # A body over the cap is refused by nginx, from its declared length, unread.
        status, _headers, _body = get(
            https_port,
            "/fr/adhesion/",
            {"Content-Length": str(41 * 1024 * 1024), "Content-Type": "multipart/form-data"},
            method="POST",
            body=b"",
        )
        assert status == 413
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
        # Shown by pytest when the test fails: the server's own log (a 500's traceback).
        print(output.decode(errors="replace")[-20000:])
