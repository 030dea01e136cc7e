"""The shape of the code (docs/architecture.md), checked on every import of the project,
at a module's top or inside a function (tests/architecture.py). Three tables say what may
import what; each rule has a test that it still catches what it forbids.

1. ``APP_IMPORTS``: which app may import which; acyclic. The core (``consortium``, the
   ``site/`` folder) imports no app; ``home``, the leaf, may import every app.
2. ``CORE_RANKS``: the core's packages by rank; a module imports its own package or a
   package of a lower rank. The core's root holds only ``CORE_ROOT``: configuration and
   Django's discovery points. Nothing new goes there.
3. ``APP_LAYERS``: every module of an app has a rank in its app; a module imports modules
   of a lower rank of its app. The one exception: a Wagtail route importing its app's
   views (``Import.route_to_views``).

And over all of it: no import cycle anywhere.
"""

import ast
import tomllib
from collections import defaultdict
from pathlib import Path

from django.apps import apps
from wagtail.models import Page

from consortium.pages.base import BasePage
from tests.architecture import (
    APPS,
    ROOT,
    Import,
    cycles,
    imports_of,
    project_imports,
    project_modules,
)

CORE = "consortium"
LEAF = "home"

APP_IMPORTS: dict[str, set[str]] = {
    CORE: set(),
    "members": {CORE},
    "news": {CORE},
    "expertise": {CORE, "news"},
    "reports": {CORE},
    "newsletter": {CORE},
    "privacy": {CORE},
    "membership": {CORE, "members", "expertise", "newsletter"},
    "services": {CORE, "members", "expertise"},
    "events": {CORE, "members"},
    "assembly": {CORE, "members", "events"},
    LEAF: set(APPS) - {LEAF},
}

CORE_RANKS = {
    # Nothing of the core below them.
    "upstream": 0,
    "models": 0,
    "messaging": 1,
    "search": 0,
    "security": 0,
    "storage": 1,
    "caching": 1,
    "i18n": 2,
    "pages": 3,
    "intake": 3,
    "staff": 4,
    "cases": 5,
    "bootstrap": 5,
    # Django's discovery points and configuration: they may import any package.
    "factories": 8,
    "settings": 8,
    "apps": 9,
    "views": 8,
    "urls": 9,
    "wsgi": 9,
    "wagtail_hooks": 9,
    "templatetags": 9,
    "management": 9,
}
CORE_ROOT = {
    "__init__.py",
    "apps.py",
    "factories.py",
    "gunicorn.conf.py",
    "urls.py",
    "views.py",
    "wagtail_hooks.py",
    "wsgi.py",
    "management",
    "migrations",
    "models",
    "settings",
    "static",
    "templates",
    "templatetags",
}

# Each app's modules (the first name under the app) by rank: a module imports lower ranks.
ENTRY = 9  # what Django, Wagtail or the command line call: apps, hooks, urls, commands
APP_LAYERS: dict[str, dict[str, int]] = {
    "members": {
        "choices": 0,
        "extensions": 0,
        "permissions": 0,
        "models": 1,
        "access": 2,
        "directory": 2,
        "forms": 2,
        "ledger": 2,
        "factories": 2,
        "setup_steps": 2,
        "register": 3,
        "emails": 4,
        "session": 4,
        "retention": 4,
        "demo": 4,
        "chooser": 3,
        "viewsets": 4,
        "views": 5,
        "apps": ENTRY,
        "urls": ENTRY,
        "wagtail_hooks": ENTRY,
    },
    "membership": {
        "choices": 0,
        "permissions": 0,
        "setup_steps": 0,
        "models": 1,
        "category_names": 2,
        "dashboard": 2,
        "directory_refresh": 2,
        "forms": 2,
        "links": 2,
        "references": 2,
        "retention": 2,
        "workflow": 2,
        "demo": 2,
        "factories": 2,
        "notifications": 3,
        "portability": 3,
        "actions": 4,
        "next_step": 5,
        "views": 5,
        "admin_views": 6,
        "viewsets": 7,
        "apps": ENTRY,
        "urls": ENTRY,
        "management": ENTRY,
        "wagtail_hooks": ENTRY,
    },
    "services": {
        "choices": 0,
        "permissions": 0,
        "recipients": 0,
        "setup_steps": 0,
        "models": 1,
        "dashboard": 2,
        "forms": 2,
        "notifications": 2,
        "references": 2,
        "retention": 2,
        "workflow": 2,
        "templatetags": 2,
        "demo": 2,
        "factories": 2,
        "actions": 3,
        "admin_views": 4,
        "views": 4,
        "viewsets": 5,
        "apps": ENTRY,
        "urls": ENTRY,
        "management": ENTRY,
        "wagtail_hooks": ENTRY,
    },
    "assembly": {
        "choices": 0,
        "permissions": 0,
        "models": 1,
        "setup_steps": 1,
        "factories": 2,
        "roll": 2,
        "attendance": 2,
        "results": 2,
        "voting": 3,
        "minutes": 3,
        "demo": 4,
        "views": 4,
        "member_space": 5,
        "viewsets": 5,
        "admin_views": 5,
        "apps": ENTRY,
        "wagtail_hooks": ENTRY,
    },
    "events": {
        "calendar": 0,
        "forms": 0,
        "templatetags": 0,
        "models": 1,
        "actions": 2,
        "links": 2,
        "retention": 2,
        "viewsets": 2,
        "demo": 2,
        "factories": 2,
        "notifications": 3,
        "views": 3,
        "apps": ENTRY,
        "management": ENTRY,
        "wagtail_hooks": ENTRY,
    },
    "newsletter": {
        "consent": 0,
        "provider": 0,
        "models": 1,
        "actions": 2,
        "forms": 2,
        "links": 2,
        "retention": 2,
        "demo": 2,
        "factories": 2,
        "notifications": 3,
        "templatetags": 3,
        "views": 3,
        "viewsets": 3,
        "apps": ENTRY,
        "urls": ENTRY,
        "management": ENTRY,
        "wagtail_hooks": ENTRY,
    },
    "news": {
        "blocks": 0,
        "feeds": 0,
        "forms": 0,
        "listing": 0,
        "panels": 0,
        "seo": 0,
        "models": 1,
        "templatetags": 2,
        "feedback": 2,
        "importing": 2,
        "demo": 2,
        "factories": 2,
        "apps": ENTRY,
        "urls": ENTRY,
        "management": ENTRY,
    },
    "expertise": {"models": 1, "demo": 2, "factories": 2, "apps": ENTRY},
    "reports": {"sections": 0, "models": 1, "demo": 2, "factories": 2, "apps": ENTRY},
    "privacy": {
        "models": 1,
        "setup_steps": 2,
        "demo": 2,
        "viewsets": 3,
        "apps": ENTRY,
        "wagtail_hooks": ENTRY,
    },
    "home": {
        "blocks": 0,
        "models": 1,
        "search": 1,
        "views": 2,
        "demo": 2,
        "factories": 2,
        "apps": ENTRY,
        "urls": ENTRY,
    },
}


def app_of(module: str) -> str:
    return module.split(".")[0]


def layer_of(module: str) -> str:
    """The module's name under its app (``membership.models`` → ``models``), or its
    package (``consortium.caching.page_cache`` → ``caching``)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


# The rules, each a function of imports, so that their teeth can be tested. -------------


def app_rule(found: list[Import], table=APP_IMPORTS) -> list[str]:
    return [
        f"{i.source}:{i.line} imports {i.target} ({app_of(i.source)} may import "
        f"{sorted(table.get(app_of(i.source), ())) or 'no app'})"
        for i in found
        if app_of(i.source) != app_of(i.target)
        and app_of(i.target) not in table.get(app_of(i.source), ())
    ]


def core_rule(found: list[Import], ranks=CORE_RANKS) -> list[str]:
    wrong = []
    for i in found:
        if app_of(i.source) != CORE or app_of(i.target) != CORE:
            continue
        source, target = layer_of(i.source), layer_of(i.target)
        if source == target or target == "__init__":
            continue
        if source not in ranks or target not in ranks:
            wrong.append(
                f"{i.source}:{i.line}: {source if source not in ranks else target} has no rank"
            )
        elif ranks[target] >= ranks[source]:
            wrong.append(
                f"{i.source}:{i.line} ({source}, rank {ranks[source]}) imports {i.target}"
                f" (rank {ranks[target]})"
            )
    return wrong


def layer_rule(found: list[Import], layers=APP_LAYERS) -> list[str]:
    wrong = []
    for i in found:
        app = app_of(i.source)
        if app == CORE or app != app_of(i.target) or i.route_to_views:
            continue
        table = layers.get(app, {})
        source, target = layer_of(i.source), layer_of(i.target)
        if source == target:
            continue
        if source not in table or target not in table:
            unknown = source if source not in table else target
            wrong.append(f"{i.source}:{i.line}: {unknown} has no layer in {app}")
        elif table[target] >= table[source]:
            wrong.append(
                f"{i.source}:{i.line} ({source}, layer {table[source]}) imports {i.target}"
                f" (layer {table[target]})"
            )
    return wrong


def cycle_rule(found: list[Import]) -> list[list[str]]:
    edges: dict[str, set[str]] = defaultdict(set)
    for i in found:
        if not i.route_to_views and not i.source.startswith(i.target + "."):
            edges[i.source].add(i.target)
    return cycles(edges)


# The project. ---------------------------------------------------------------------------


def test_each_app_imports_only_the_apps_its_table_allows():
    assert app_rule(list(project_imports())) == []


def test_the_app_table_is_acyclic_and_home_is_the_only_leaf():
    assert cycles({app: set(allowed) for app, allowed in APP_IMPORTS.items() if app != LEAF}) == []
    assert APP_IMPORTS[CORE] == set()
    assert all(LEAF not in allowed for app, allowed in APP_IMPORTS.items())
    assert set(APP_IMPORTS) == set(APPS)


def test_the_core_packages_import_downward():
    assert core_rule(list(project_imports())) == []


def test_nothing_new_at_the_root_of_the_core():
    """A new concern is a package with a rank in CORE_RANKS (docs/architecture.md), not a
    module at the root."""
    entries = {path.name for path in (ROOT / "site").iterdir() if path.name != "__pycache__"}
    packages = {
        name for name in entries if (ROOT / "site" / name / "__init__.py").is_file()
    } - CORE_ROOT
    assert entries - packages == CORE_ROOT
    assert packages == {name for name, rank in CORE_RANKS.items() if rank < 8} - {"models"}


def test_every_module_of_an_app_has_a_layer():
    missing = sorted(
        module
        for module in project_modules()
        if app_of(module) not in (CORE,)
        and layer_of(module) != "__init__"
        and layer_of(module) not in APP_LAYERS[app_of(module)]
    )
    assert missing == []


def test_each_app_imports_its_own_modules_downward():
    assert layer_rule(list(project_imports())) == []


def test_no_import_cycle_anywhere():
    assert cycle_rule(list(project_imports())) == []


def test_route_to_views_is_the_only_exception_and_it_is_used():
    """Every function-level import that goes up a layer is a route handing over to its
    views (and there are such routes: the exception is not dead)."""
    exceptions = [i for i in project_imports() if i.route_to_views]
    assert len(exceptions) >= 10
    assert all(i.in_function and i.target.endswith(".views") for i in exceptions)


# Each rule has teeth. ---------------------------------------------------------------------

KNOWN = {
    "consortium.caching",
    "consortium.caching.page_cache",
    "consortium.pages",
    "consortium.pages.base",
    "consortium.staff.roles",
    "home.models",
    "news.models",
    "news.views",
    "news.feeds",
    "services.models",
    "services.views",
    "membership.models",
}


def parse(source: str, code: str) -> list[Import]:
    return imports_of(source, code, KNOWN)


def test_a_function_level_import_is_counted():
    found = parse(
        "news.feeds", "def f():\n    from home.models import HomePage\n    import news.models\n"
    )
    assert {(i.target, i.in_function) for i in found} == {
        ("home.models", True),
        ("news.models", True),
    }
    assert app_rule(found) == ["news.feeds:2 imports home.models (news may import ['consortium'])"]
    assert layer_rule(found) == ["news.feeds:3 (feeds, layer 0) imports news.models (layer 1)"]


def test_only_a_route_importing_its_own_views_is_excepted():
    route = "class P:\n    @path('x/')\n    def x(self, request):\n        from .views import v\n"
    found = parse("services.models", route)
    assert [i.route_to_views for i in found] == [True] and layer_rule(found) == []
    # The same import outside a route is counted…
    plain = parse("services.models", "def x():\n    from .views import v\n")
    assert layer_rule(plain) == [
        "services.models:2 (models, layer 1) imports services.views (layer 4)"
    ]
    # …and so is a route importing another module, or another app's views.
    other = parse("news.models", route.replace(".views", ".feeds"))
    assert not other[0].route_to_views
    cross = parse("news.models", route.replace(".views", "services.views"))
    assert not cross[0].route_to_views and app_rule(cross)


def test_the_core_importing_an_app_is_caught():
    found = parse("consortium.caching.page_cache", "from membership.models import X\n")
    assert app_rule(found) == [
        "consortium.caching.page_cache:1 imports membership.models (consortium may import no app)"
    ]


def test_a_core_package_importing_upward_is_caught():
    found = parse("consortium.caching.page_cache", "from consortium.pages.base import BasePage\n")
    assert core_rule(found) == [
        "consortium.caching.page_cache:1 (caching, rank 1) imports consortium.pages.base (rank 3)"
    ]
    unranked = parse("consortium.caching.page_cache", "from consortium.staff.roles import X\n")
    assert core_rule(unranked, ranks={"caching": 1}) == [
        "consortium.caching.page_cache:1: staff has no rank"
    ]


def test_an_app_module_without_a_layer_is_caught():
    found = parse("services.views", "from services.models import X\n")
    assert layer_rule(found, layers={"services": {"views": 4}}) == [
        "services.views:1: models has no layer in services"
    ]


def test_a_cycle_is_caught():
    found = parse("news.models", "from news.feeds import F\n") + parse(
        "news.feeds", "def f():\n    from news.models import N\n"
    )
    assert cycle_rule(found) == [["news.feeds", "news.models"]]


def test_a_cycle_in_the_app_table_is_caught():
    table = {**APP_IMPORTS, "news": {CORE, "expertise"}}
    assert cycles({app: allowed for app, allowed in table.items() if app != LEAF}) == [
        ["expertise", "news"]
    ]


# Page types and the lists that name apps. -------------------------------------------------


def test_every_page_type_derives_from_base_page():
    ours = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and model._meta.app_label in APPS
    ]
    assert len(ours) >= 10
    assert [model.__name__ for model in ours if not issubclass(model, BasePage)] == []


def test_every_app_is_known_to_every_list_that_names_apps():
    """A new app is tested, packaged, linted, translated and layered like the others (a
    list that forgets it skips its tests or its messages in silence)."""
    from tests.system.test_catalogue import SOURCE_DIRS
    from tests.system.test_quality import TEMPLATE_FOLDERS

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    names = list(APPS)
    assert names[0] == CORE
    assert set(names) - {CORE} == set(APP_LAYERS)
    folders = [Path(apps.get_app_config(name).path).name for name in names]
    assert set(names) <= set(pyproject["tool"]["setuptools"]["packages"])
    assert set(names) <= set(pyproject["tool"]["ruff"]["lint"]["isort"]["known-first-party"])
    assert set(folders) - {"site"} <= set(pyproject["tool"]["pytest"]["ini_options"]["testpaths"])
    assert set(folders) <= set(SOURCE_DIRS)
    with_templates = {folder for folder in folders if (ROOT / folder / "templates").is_dir()}
    assert {f"{folder}/templates" for folder in with_templates} <= set(TEMPLATE_FOLDERS)


def test_the_reader_of_imports_reads_every_module():
    """The collector sees the files the rules speak of (a change of layout that hid a folder
    from it would pass every rule in silence)."""
    modules = project_modules()
    assert {"consortium.caching.page_cache", "members.register", "membership.actions"} <= set(
        modules
    )
    assert sum(1 for module in modules if app_of(module) == CORE) > 60
    assert all(ast.parse(path.read_text()) for path, _ in modules.values())
