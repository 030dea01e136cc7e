"""The shape of the code: the core layer (``consortium``, the ``site/`` folder) ← feature
apps (news, expertise, membership, services, reports, events, newsletter, privacy) ←
``home``, and every page
type built on ``BasePage``."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings
from wagtail.models import Page

from consortium.pages.base import BasePage

ROOT = Path(settings.BASE_DIR)
CORE = "consortium"
FEATURES = (
    "news",
    "expertise",
    "members",
    "membership",
    "services",
    "reports",
    "events",
    "newsletter",
    "privacy",
)
LEAF = "home"
FOLDERS = {CORE: ROOT / "site", **{name: ROOT / name for name in (*FEATURES, LEAF)}}


def imported_apps(path: Path) -> set[str]:
    """The project's apps a module imports, at its top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names & set(FOLDERS)


def modules(app: str):
    for path in sorted(FOLDERS[app].rglob("*.py")):
        parts = path.relative_to(FOLDERS[app]).parts
        if "tests" not in parts and "migrations" not in parts:
            yield path


def test_imports_go_one_way():
    allowed = {CORE: {CORE}, **{name: {CORE, *FEATURES} for name in FEATURES}}
    wrong = []
    for app, may_import in allowed.items():
        for path in modules(app):
            if extra := imported_apps(path) - may_import:
                wrong.append(f"{path.relative_to(ROOT)} imports {sorted(extra)}")
    assert wrong == []


def test_the_import_rule_sees_an_import(tmp_path):
    """The check has teeth: a module importing home inside a function is caught."""
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from home.models import HomePage\n    import news.models\n")
    assert imported_apps(module) == {"home", "news"}


def test_every_page_type_derives_from_base_page():
    ours = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and model._meta.app_label in FOLDERS
    ]
    assert len(ours) >= 10
    assert [model.__name__ for model in ours if not issubclass(model, BasePage)] == []


# The membership domain, one way: choices → the register's models → models (and the
# ledger's arithmetic) → workflow (transition table), the register's changes → links
# (tokens, URLs) → notifications and the member space's emails (outbox) → actions → views
# and admin.
MEMBERSHIP_LAYERS = {
    "choices": 0,
    "permissions": 0,
    "register_models": 1,
    "models": 2,
    "ledger": 2,
    "references": 3,
    "workflow": 3,
    "register": 3,
    "links": 4,
    "notifications": 5,
    "member_emails": 5,
    "actions": 6,
}
TOP = 7  # views, admin, forms, hooks, commands…


def membership_imports(path: Path) -> set[str]:
    """The membership modules ``path`` imports at its top. (The page types' routes call
    their views inside the route: Wagtail's routable pages are controllers, so that call
    goes up on purpose and is not counted.)"""
    names = set()
    for node in ast.parse(path.read_text(), filename=str(path)).body:
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                names.add(node.module.split(".")[0])
            elif node.level == 0 and (node.module or "").startswith("membership."):
                names.add(node.module.split(".")[1])
    return names


def test_the_membership_layers_go_one_way():
    wrong = []
    for path in modules("membership"):
        if path.parent != FOLDERS["membership"]:
            continue
        rank = MEMBERSHIP_LAYERS.get(path.stem, TOP)
        if rank == TOP:
            continue
        for name in membership_imports(path):
            if MEMBERSHIP_LAYERS.get(name, TOP) >= rank:
                wrong.append(f"membership/{path.name} (layer {rank}) imports {name}")
    assert wrong == []


def project_apps() -> list[str]:
    """The project's own apps (their folders in the repository), the core's import name
    first."""
    return [
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(ROOT.resolve())
        and ".venv" not in Path(config.path).parts
    ]


def test_every_app_is_known_to_every_list_that_names_apps():
    """A new app is tested, packaged, linted, translated and layered like the others (a
    list that forgets it skips its tests or its messages in silence)."""
    import tomllib

    from tests.system.test_catalogue import SOURCE_DIRS
    from tests.system.test_quality import TEMPLATE_FOLDERS

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    names = project_apps()
    assert names[0] == CORE and set(names) == {CORE, *FEATURES, LEAF}
    folders = [Path(apps.get_app_config(name).path).name for name in names]
    assert set(names) <= set(pyproject["tool"]["setuptools"]["packages"])
    assert set(names) <= set(pyproject["tool"]["ruff"]["lint"]["isort"]["known-first-party"])
    assert set(folders) - {"site"} <= set(pyproject["tool"]["pytest"]["ini_options"]["testpaths"])
    assert set(folders) <= set(SOURCE_DIRS)
    with_templates = {folder for folder in folders if (ROOT / folder / "templates").is_dir()}
    assert {f"{folder}/templates" for folder in with_templates} <= set(TEMPLATE_FOLDERS)
