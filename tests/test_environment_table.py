"""Every environment variable the settings and gunicorn read has a row in the README's
configuration table (issue #33): an administrator learns of a knob from the table, not
from the code. A variable added without a row fails here, by name."""

import ast
import re
from pathlib import Path

from django.conf import settings

READERS = {"env", "os.environ.get", "os.getenv", "_int"}
TABLE_HEADER = "| variable | default | meaning |"
NAME = re.compile(r"[A-Z][A-Z0-9_]+")


def read_variables() -> set[str]:
    """Names passed as the first argument to the environment's readers (``env.str``,
    ``env.int``, …, ``os.environ.get``, gunicorn.conf's ``_int``), in the settings that
    a deployment uses and in gunicorn's configuration."""
    site = Path(settings.BASE_DIR) / "site"
    files = [path for path in (site / "settings").glob("*.py") if path.name != "test.py"]
    files.append(site / "gunicorn.conf.py")
    names = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            reader = ast.unparse(node.func)
            first = node.args[0]
            is_reader = reader in READERS or reader.startswith("env.")
            if is_reader and isinstance(first, ast.Constant) and NAME.fullmatch(str(first.value)):
                names.add(str(first.value))
    return names


def documented_variables() -> set[str]:
    lines = (Path(settings.BASE_DIR) / "README.md").read_text().splitlines()
    start = lines.index(TABLE_HEADER)
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(line.split("|")[1])  # the first column names the variables
    return set(re.findall(r"`([A-Z][A-Z0-9_]+)`", "\n".join(rows)))


def test_the_readers_are_found():
    """The scan still sees the settings' and gunicorn's reads (a rename would empty it)."""
    names = read_variables()
    assert {"SECRET_KEY", "S3_BUCKET", "GUNICORN_THREADS", "PUBLIC_CACHE_MAX_AGE"} <= names
    assert len(names) > 80


def test_every_environment_variable_has_a_row_in_the_readme():
    missing = read_variables() - documented_variables()
    assert not missing, f"add a row to the README's configuration table for {sorted(missing)}"
