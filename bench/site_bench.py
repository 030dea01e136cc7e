"""`make bench`: the demo site under gunicorn and PostgreSQL, measured page type by page type.

For each public page type (French pages of tests/demo_pages.py) it prints:
- SQL queries of an uncached render (the site chrome cached, as in production);
- median server time (wrk, one connection) and throughput (wrk, 8 connections: a bounded
  load on loopback), uncached (PAGE_CACHE off: every request renders) and cached (PAGE_CACHE
  on: rendered pages from Redis, consortium.caching.page_cache);
- the throughput of a static file of the same size served by the same server (WhiteNoise),
  the ceiling, measured in rounds alternating with the cached page's, and their ratio
  (the median of the rounds'), with its minimum and median over the pages kept;
- page weight (bytes transferred) and requests of a first load, layout shift and the four
  Lighthouse scores (npm `lighthouse` driving /usr/bin/chromium, default mobile profile);
and, once, the MDN HTTP Observatory grade of the production server behind TLS (a
self-signed certificate on localhost:443, plain HTTP on :80 redirecting to it).

It works in its own database (`consortium_bench`, dropped and rebuilt from the demo) on the
PostgreSQL server of BENCH_DATABASE_URL, and in Redis database 13; it never touches the
site's own. Figures are recorded in docs/performance.md.
"""

import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.demo_pages import DEMO_PAGES  # noqa: E402
from tests.processes import free_port  # noqa: E402

ADMIN_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres:postgres@127.0.0.1:5432/postgres"
)
DATABASE_URL = ADMIN_URL.rsplit("/", 1)[0] + "/consortium_bench"
REDIS_URL = "redis://127.0.0.1:6379/13"
NODE_BIN = ROOT / "bench" / "node_modules" / ".bin"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
HTTPS = {"X-Forwarded-Proto": "https"}
WORKDIR = Path(tempfile.mkdtemp(prefix="consortium-bench-"))
QUICK = os.environ.get("BENCH_QUICK") == "1"  # shorter runs, no Lighthouse (a smoke test)
ROUNDS = 3 if QUICK else 5  # alternating 1 s rounds of a cached page and its static file


def env(**extra) -> dict:
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DEBUG"}
    }
    base.update(
        DJANGO_SETTINGS_MODULE="consortium.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=DATABASE_URL,
        REDIS_URL=REDIS_URL,
        STATIC_ROOT=str(WORKDIR / "static"),
        MEDIA_ROOT=str(WORKDIR / "media"),
        PRIVATE_MEDIA_ROOT=str(WORKDIR / "private"),
        WAGTAILADMIN_BASE_URL="http://localhost",
        MEDIA_URL=f"http://localhost:{MEDIA_PORT}/media/",
        CSP_IMG_HOSTS=f"http://localhost:{MEDIA_PORT}",
        LOG_LEVEL="WARNING",
        WEB_CONCURRENCY=os.environ.get("WEB_CONCURRENCY", str(os.cpu_count() or 2)),
    )
    base.update(extra)
    return base


def run(*command, **kwargs):
    return subprocess.run(command, cwd=ROOT, check=True, text=True, **kwargs)  # noqa: S603


def manage(*args, **extra):
    run(sys.executable, "manage.py", *args, env=env(**extra), stdout=subprocess.DEVNULL)


def prepare():
    print("preparing: database consortium_bench, demo content, static files…", flush=True)
    for statement in (
        "DROP DATABASE IF EXISTS consortium_bench",
        "CREATE DATABASE consortium_bench",
    ):
        run("psql", ADMIN_URL, "-q", "-c", statement)
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    manage("migrate", "--noinput")
    manage("build_demo")
    manage("collectstatic", "--noinput")


MEDIA_PORT = free_port()


@contextmanager
def media_server():
    """Uploads (the demo's images) on their own host, as object storage or a web server in
    front would serve them: gunicorn serves no media in production."""
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "http.server", str(MEDIA_PORT), "--bind", "127.0.0.1"],
        cwd=WORKDIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def server(
    page_cache: bool,
    bind: str | None = None,
    tls: tuple[str, str] | None = None,
    https_redirect: bool = False,
    root: Path = ROOT,
    **extra,
):
    """gunicorn with the production settings on the bench database; ``root`` and ``extra``
    (environment) run another checkout of the site (bench/ab.py)."""
    port = free_port()
    bind = bind or f"127.0.0.1:{port}"
    command = [sys.executable, "-m", "gunicorn", "-c", "site/gunicorn.conf.py"]
    if tls:
        command += ["--certfile", tls[0], "--keyfile", tls[1]]
    process = subprocess.Popen(  # noqa: S603
        [*command, "consortium.wsgi"],
        cwd=root,
        # No HTTPS redirect for the measures on plain HTTP (Lighthouse fetches robots.txt
        # without our X-Forwarded-Proto header); the Observatory's servers redirect.
        env=env(
            GUNICORN_BIND=bind,
            PAGE_CACHE="1" if page_cache else "0",
            SECURE_SSL_REDIRECT="1" if https_redirect else "0",
            **extra,
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://{bind}"
    try:
        for _attempt in range(150):
            try:
                if tls or fetch(base + "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        time.sleep(4 if tls else 0)  # no plain-HTTP health check through TLS: give it time
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def fetch(url: str, headers: dict | None = None):
    """(status, body); the response's headers go into ``headers`` when given."""
    request = urllib.request.Request(url, headers=HTTPS)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            if headers is not None:
                headers.update(response.headers)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wrk(url: str, connections: int, seconds: int) -> tuple[float, float]:
    """(requests per second, median latency in ms)."""
    output = run(
        "wrk",
        f"-t{min(connections, 2)}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "-H",
        "X-Forwarded-Proto: https",
        url,
        capture_output=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    value, unit = re.search(r"\s50%\s+([\d.]+)(us|ms|s)", output).groups()
    median = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    if "Non-2xx" in output:
        rate = -rate  # flagged in the table: the page did not answer 200
    return rate, median


def query_counts(urls: list[str]) -> dict[str, int]:
    """Queries of each page rendered in-process with the production settings, measured as
    tests/test_query_budget.py does: every page visited once (images get their renditions),
    the cache emptied, the home pages visited (the chrome is cached again), then each page
    counted on its first request."""
    code = f"""
import json, django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.core.cache import cache
client = Client(HTTP_HOST="localhost")
for url in {urls!r}:
    client.get(url, secure=True)
cache.clear()
client.get("/fr/", secure=True); client.get("/en/", secure=True)
counts = {{}}
for url in {urls!r}:
    with CaptureQueriesContext(connection) as captured:
        client.get(url, secure=True)
    counts[url] = len(captured)
print(json.dumps(counts))
"""
    output = run(sys.executable, "-c", code, env=env(PAGE_CACHE="0"), capture_output=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def lighthouse(url: str) -> dict:
    """Lighthouse's figures for ``url``; a run where a metric failed (a missed trace on a
    busy machine: the score is null) is tried again, up to three times."""
    if QUICK or not (NODE_BIN / "lighthouse").exists():
        return {}
    for _attempt in range(3):
        result = lighthouse_once(url)
        if result and "err" not in result.values():
            break
    return result


def lighthouse_once(url: str) -> dict:
    report = WORKDIR / "lighthouse.json"
    flags = (
        "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run "
        "--disable-background-networking --disable-component-update --disable-sync"
    )
    subprocess.run(  # noqa: S603
        [
            str(NODE_BIN / "lighthouse"),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={flags}",
            f"--extra-headers={json.dumps(HTTPS)}",
            "--only-categories=performance,accessibility,best-practices,seo",
        ],
        cwd=ROOT,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        timeout=180,
    )
    if not report.exists():
        return {}
    data = json.loads(report.read_text())
    report.unlink()
    audits = data["audits"]
    scores = {
        key: "err"
        if data["categories"][key]["score"] is None
        else round(data["categories"][key]["score"] * 100)
        for key in ("performance", "accessibility", "best-practices", "seo")
    }
    failing = [
        ref["id"]
        for category in data["categories"].values()
        for ref in category["auditRefs"]
        if ref["weight"]
        and (audits[ref["id"]].get("score") is None or audits[ref["id"]]["score"] < 1)
    ]
    return {
        **scores,
        "cls": audits["cumulative-layout-shift"].get("numericValue", float("nan")),
        "bytes": audits["total-byte-weight"].get("numericValue", 0),
        "requests": len(audits["network-requests"].get("details", {}).get("items", [])),
        "failing": sorted(set(failing)),
    }


def observatory() -> str:
    """Grade of the production server with TLS on localhost:443 (HTTP :80 redirects)."""
    scanner = NODE_BIN / "mdn-http-observatory-scan"
    if QUICK or not scanner.exists():
        return "not run"
    # The HSTS preload list is downloaded by the package's own maintenance script, which
    # this offline machine cannot run: an empty list (localhost is in none anyway).
    preload = NODE_BIN.parent / "@mdn" / "mdn-http-observatory" / "conf" / "hsts-preload.json"
    if not preload.exists():
        preload.write_text("{}")
    # A local certificate authority that the scanner trusts, and a certificate it signed for
    # localhost: the scan then sees a valid chain, as behind a real load balancer.
    authority, authority_key = WORKDIR / "ca.pem", WORKDIR / "ca-key.pem"
    certificate, key, request = WORKDIR / "cert.pem", WORKDIR / "key.pem", WORKDIR / "cert.csr"
    names = WORKDIR / "san.cnf"
    names.write_text("subjectAltName=DNS:localhost\n")
    for command in (
        ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
         "/CN=Consortium bench CA", "-keyout", authority_key, "-out", authority],
        ["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
         "-keyout", key, "-out", request],
        ["x509", "-req", "-in", request, "-CA", authority, "-CAkey", authority_key,
         "-CAcreateserial", "-days", "2", "-extfile", names, "-out", certificate],
    ):  # fmt: skip
        run("openssl", *map(str, command), capture_output=True)
    package = NODE_BIN.parent / "@mdn" / "mdn-http-observatory"
    with (
        server(True, bind="0.0.0.0:443", tls=(str(certificate), str(key)), https_redirect=True),
        server(True, bind="0.0.0.0:80", https_redirect=True),
    ):
        # The package's own script, without its wrapper (which replaces NODE_EXTRA_CA_CERTS).
        result = subprocess.run(  # noqa: S603
            [
                shutil.which("node") or "/usr/bin/node",
                str(package / "src" / "scan.js"),
                "localhost",
            ],
            env={**os.environ, "NODE_EXTRA_CA_CERTS": str(authority)},
            capture_output=True,
            text=True,
            timeout=120,
        )
    try:
        scan = json.loads(result.stdout)["scan"]
    except (ValueError, KeyError):
        return f"scan failed: {(result.stdout + result.stderr).strip()[:300]}"
    tests = json.loads(result.stdout).get("tests", {})
    missed = [
        f"{name} ({test.get('result')})" for name, test in tests.items() if not test.get("pass")
    ]
    return f"{scan['grade']} ({scan['score']}/100); tests not passed: {missed or 'none'}"


def main():
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install wrk")
    prepare()
    pages = [(kind, fr) for kind, fr, _en, status in DEMO_PAGES if status == 200]
    duration = 2 if QUICK else 4
    queries = query_counts([url for _kind, url in pages] + [en for *_x, en, _s in DEMO_PAGES])
    rows = {kind: {"url": url, "queries": queries[url]} for kind, url in pages}

    print("uncached: every request renders…", flush=True)
    with server(page_cache=False) as base:
        for kind, url in pages:
            status, body = fetch(base + url)
            assert status == 200, (url, status)
            rows[kind]["size"] = len(body)
            rows[kind]["results"] = body.count(b'<li class="search-result"')
            rows[kind]["uncached_rps"], _ = wrk(base + url, 8, duration)
            _, rows[kind]["uncached_ms"] = wrk(base + url, 1, duration // 2)
    # Static files of each page's size, picked up by WhiteNoise when the server starts.
    static = WORKDIR / "static" / "bench"
    static.mkdir(parents=True, exist_ok=True)
    for index, row in enumerate(rows.values()):
        (static / f"page-{index}.html").write_bytes(b"x" * row["size"])
    print("cached: pages from Redis; static ceiling; Lighthouse…", flush=True)
    with media_server(), server(page_cache=True) as base:
        for index, (kind, url) in enumerate(pages):
            row = rows[kind]
            fetch(base + url)  # the first request renders and keeps the page
            served = {}
            fetch(base + url, served)
            row["kept"] = served.get("X-Page-Cache") == "hit"
            _, row["cached_ms"] = wrk(base + url, 1, duration // 2)
            # The page and the static file in alternating rounds: their ratio is measured
            # under the same conditions (a noisy neighbour slows both).
            cached, static_file = [], []
            for _round in range(ROUNDS):
                cached.append(wrk(base + url, 8, 1)[0])
                static_file.append(wrk(f"{base}/static/bench/page-{index}.html", 8, 1)[0])
            row["cached_rps"] = statistics.median(cached)
            row["static_rps"] = statistics.median(static_file)
            row["ratio"] = statistics.median(
                c / s for c, s in zip(cached, static_file, strict=True)
            )
            local = base.replace("127.0.0.1", "localhost")  # a secure context for Chromium
            row["lighthouse"] = lighthouse(local + url)
            print(f"  {kind}", flush=True)
    grade = observatory()
    report(rows, queries, grade)


def report(rows: dict, queries: dict, grade: str):
    header = (
        f"{'page type':<32}{'SQL':>4}{'KB':>6}{'ms unc.':>8}{'req/s unc.':>11}{'ms cached':>10}"
        f"{'req/s cached':>13}{'req/s static':>13}{'cached/static':>14}"
        f"{'LH perf':>8}{'a11y':>5}{'BP':>5}{'SEO':>5}{'CLS':>6}{'KB 1st load':>12}"
        f"{'requests':>9}"
    )
    print()
    print(header)
    for kind, row in rows.items():
        lh = row["lighthouse"] or {}
        ratio = row["ratio"]
        print(
            f"{kind:<32}{row['queries']:>4}{row['size'] / 1024:>6.1f}{row['uncached_ms']:>8.1f}"
            f"{row['uncached_rps']:>11.0f}{row['cached_ms']:>10.2f}{row['cached_rps']:>13.0f}"
            f"{row['static_rps']:>13.0f}{ratio:>14.2f}"
            f"{lh.get('performance', '-'):>8}{lh.get('accessibility', '-'):>5}"
            f"{lh.get('best-practices', '-'):>5}{lh.get('seo', '-'):>5}"
            f"{lh.get('cls', float('nan')):>6.3f}{lh.get('bytes', 0) / 1024:>12.1f}"
            f"{lh.get('requests', 0):>9}"
        )
    failing = {
        kind: row["lighthouse"].get("failing") for kind, row in rows.items() if row["lighthouse"]
    }
    if any(failing.values()):
        print("\nLighthouse audits not at 100%:")
        for kind, audits in failing.items():
            if audits:
                print(f"  {kind}: {', '.join(audits)}")
    for kind, row in rows.items():
        if "?q=" in row["url"]:  # a search that finds something, not an empty page
            query = row["url"].split("?q=", 1)[1]
            print(f"\n{kind}: {row['results']} results for « {query} » (first page)")
            assert row["results"] > 0, "the search index is empty"
    kept = [row["ratio"] for row in rows.values() if row["kept"]]
    print(
        f"\ncached ÷ static, the {len(kept)} page types kept in the cache (the others are"
        f" forms, search and personal pages): min {min(kept):.2f}, median"
        f" {statistics.median(kept):.2f}"
    )
    print(f"\nSQL queries, every page in both languages: max {max(queries.values())}")
    medians = [row["uncached_ms"] for row in rows.values()]
    print(f"median of the uncached median server times: {statistics.median(medians):.1f} ms")
    print(f"MDN HTTP Observatory: {grade}")


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORKDIR, ignore_errors=True)
