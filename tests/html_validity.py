"""HTML validity helper: the Nu HTML Checker (vnu), the W3C's own validator, on rendered
pages. The checker is the `vnu-jar` package from npm (pinned in package.json, installed by
`make test` with `npm ci --ignore-scripts`) and runs on the machine's Java; one Java process
checks every file of a test, so the cost is paid once.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_available() -> bool:
    return VNU_JAR.exists() and shutil.which("java") is not None


def problems(paths: list[Path]) -> list[dict]:
    """The checker's errors and warnings for ``paths`` (informational notes left out)."""
    result = subprocess.run(  # noqa: S603 - a fixed command on files this test wrote
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", "--stdout"]
        + [str(path) for path in paths],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    messages = json.loads(result.stdout)["messages"]
    return [
        message
        for message in messages
        if message["type"] == "error" or message.get("subType") == "warning"
    ]


def format_problems(found: list[dict]) -> str:
    return "\n".join(
        f"- {Path(m.get('url', '?')).name}:{m.get('lastLine', '?')}: {m['message']}"
        f"\n    {m.get('extract', '').strip()[:160]}"
        for m in found
    )


def assert_valid_html(paths: list[Path]):
    found = problems(paths)
    if found:
        pytest.fail(f"{len(found)} HTML problem(s):\n{format_problems(found)}", pytrace=False)
