"""`make bench-ab REF=<commit>`: this checkout against another commit, in one run.

A change's effect measured as a ratio, not as two absolute figures taken at different
times on a machine whose two cores are shared with everything else. Both versions run at
once under gunicorn with the production settings, on the same bench database
(`consortium_bench`, built from the demo by this checkout, as `make bench` builds it) and
each in a Redis database of its own; every round measures every page on both servers one
after the other, the order alternating from round to round, so that a slower moment of the
machine falls on both sides.

For each public page type it prints the median server time of one connection (`wrk -c1`)
uncached (PAGE_CACHE off: every request renders) and cached (PAGE_CACHE on), for REF and for
this checkout, and the median over the rounds of this ÷ REF: below 1 is faster.

REF is checked out in a `git worktree` (removed afterwards) and run with this checkout's
virtual environment: both must share the dependency pins and the migrations (the script
refuses otherwise). `BENCH_ROUNDS` (7) rounds of `BENCH_SECONDS` (1) per measure.
"""

import os
import shutil
import statistics
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import redis
import site_bench
from site_bench import DEMO_PAGES, ROOT, WORKDIR, env, media_server, run, server, wrk

REF = os.environ.get("REF", "HEAD~1")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "7"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "1"))
REF_REDIS_URL = "redis://127.0.0.1:6379/12"
SHARED = ("*/migrations/*.py", "pyproject.toml", "requirements/constraints.txt")


def checkout(ref: str) -> tuple[Path, dict]:
    """REF in a worktree, and the environment that runs it: its own `consortium` package
    (the `site/` folder, which this checkout's editable install would otherwise supply)."""
    changed = run("git", "diff", "--name-only", ref, "--", *SHARED, capture_output=True).stdout
    if changed.strip():
        sys.exit(f"{ref} differs in migrations or pins; A/B needs the same:\n{changed}")
    tree = WORKDIR / "ref"
    run("git", "worktree", "add", "--detach", "--quiet", str(tree), ref)
    shim = WORKDIR / "ref-path"
    shim.mkdir()
    (shim / "consortium").symlink_to(tree / "site")
    extra = {
        "PYTHONPATH": f"{shim}{os.pathsep}{tree}",
        "REDIS_URL": REF_REDIS_URL,
        "STATIC_ROOT": str(WORKDIR / "ref-static"),
    }
    # Its own compiled catalogue (not in git: without it French routes and texts are
    # missing) and its own static files.
    for command in (["compile_catalogue"], ["collectstatic", "--noinput"]):
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *command],
            cwd=tree,
            env=env(**extra),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return tree, extra


def measure(bases: dict[str, str], pages: list[tuple[str, str]]) -> dict:
    """{page type: {side: [median ms per round]}}, sides interleaved, order alternating."""
    figures = {kind: {side: [] for side in bases} for kind, _url in pages}
    for kind, url in pages:  # a first request each: renditions made, copies kept
        for side, base in bases.items():
            status, _body = site_bench.fetch(base + url)
            assert status == 200, f"{side}: {kind} {url} answered {status}"
    for round_number in range(ROUNDS):
        sides = list(bases.items())
        if round_number % 2:
            sides.reverse()
        for kind, url in pages:
            for side, base in sides:
                _rate, median = wrk(base + url, 1, SECONDS)
                figures[kind][side].append(median)
    return figures


def ratio(figures: dict) -> float:
    return statistics.median(
        new / old for new, old in zip(figures["this"], figures["ref"], strict=True) if old
    )


def main():
    sha = run("git", "rev-parse", "--short", REF, capture_output=True).stdout.strip()
    head = run("git", "rev-parse", "--short", "HEAD", capture_output=True).stdout.strip()
    dirty = (
        " (with uncommitted changes)"
        if run("git", "status", "--porcelain", capture_output=True).stdout.strip()
        else ""
    )
    tree, extra = checkout(REF)
    try:
        site_bench.prepare()
        redis.Redis.from_url(REF_REDIS_URL).flushdb()
        pages = [(kind, fr) for kind, fr, _en, status in DEMO_PAGES if status == 200]
        results = {}
        for cached in (False, True):
            print(f"{'cached' if cached else 'uncached'}: {ROUNDS} rounds…", flush=True)
            with ExitStack() as stack:
                stack.enter_context(media_server())
                bases = {
                    "ref": stack.enter_context(server(cached, root=tree, **extra)),
                    "this": stack.enter_context(server(cached)),
                }
                results[cached] = measure(bases, pages)
        print(f"\nREF = {REF} ({sha}); this = {head}{dirty}; median ms of one connection")
        print(
            f"{'page type':<32}{'unc. REF':>9}{'unc. this':>10}{'ratio':>7}"
            f"{'cached REF':>11}{'cached this':>12}{'ratio':>7}"
        )
        for kind, _url in pages:
            uncached, cached = results[False][kind], results[True][kind]
            print(
                f"{kind:<32}{statistics.median(uncached['ref']):>9.1f}"
                f"{statistics.median(uncached['this']):>10.1f}{ratio(uncached):>7.2f}"
                f"{statistics.median(cached['ref']):>11.2f}"
                f"{statistics.median(cached['this']):>12.2f}{ratio(cached):>7.2f}"
            )
    finally:
        subprocess.run(  # noqa: S603
            ["git", "worktree", "remove", "--force", str(tree)],  # noqa: S607
            cwd=ROOT,
            check=False,
        )


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORKDIR, ignore_errors=True)
