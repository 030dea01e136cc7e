"""The project's imports, read from the source (``ast``), for the architecture tests.

Every import counts, at a module's top or inside a function, with one exception that the
tests declare: a Wagtail route (a method decorated ``@path``, ``@re_path`` or ``@route``)
importing its app's ``views`` module — the routable page is a controller handing the
request to its view, Wagtail's idiom, and the views import the page's model."""

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.apps import apps as django_apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def _project_apps() -> dict[str, str]:
    """The project's own apps, import name → folder (``consortium`` → ``site``): those of
    INSTALLED_APPS whose code is in this repository."""
    return {
        config.name: Path(config.path).name
        for config in django_apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(ROOT.resolve())
        and ".venv" not in Path(config.path).parts
    }


APPS = _project_apps()
ROUTE_DECORATORS = {"path", "re_path", "route"}
NOT_CODE = {"tests", "migrations", "static", "templates", "locale"}


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, dotted
    target: str  # the project's module (or package) it imports
    line: int
    in_function: bool
    in_route: bool  # inside a method decorated as a Wagtail route

    @property
    def route_to_views(self) -> bool:
        """The declared exception: a route importing its own app's views."""
        return self.in_route and self.target == f"{self.source.split('.')[0]}.views"


def _decorator(node: ast.expr) -> str:
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def imports_of(source: str, text: str, known: set[str], *, is_package=False) -> list[Import]:
    """The imports of module ``source`` (its code ``text``) of modules in ``known``."""
    package = source if is_package else source.rpartition(".")[0]

    def resolve(name: str) -> str | None:
        while name not in known and "." in name:
            name = name.rsplit(".", 1)[0]
        return name if name in known else None

    found: dict[int, set[str]] = {}
    flags: dict[int, tuple[bool, bool]] = {}

    def visit(node: ast.AST, in_function: bool, in_route: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                decorated = any(_decorator(d) in ROUTE_DECORATORS for d in child.decorator_list)
                visit(child, True, in_route or decorated)
                continue
            if isinstance(child, ast.Import):
                names = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    parts = package.split(".")
                    parts = parts[: len(parts) - (child.level - 1)]
                    origin = ".".join(parts + ([child.module] if child.module else []))
                else:
                    origin = child.module or ""
                names = [f"{origin}.{alias.name}" for alias in child.names]
            else:
                visit(child, in_function, in_route)
                continue
            targets = {resolve(name) for name in names} - {None, source}
            found.setdefault(child.lineno, set()).update(targets)  # type: ignore[arg-type]
            flags[child.lineno] = (in_function, in_route)

    visit(ast.parse(text), False, False)
    return [
        Import(source, target, line, *flags[line])
        for line, targets in sorted(found.items())
        for target in sorted(targets)
    ]


def module_name(app: str, path: Path) -> tuple[str, bool]:
    parts = path.relative_to(ROOT / APPS[app]).with_suffix("").parts
    is_package = parts[-1] == "__init__"
    return ".".join([app, *(parts[:-1] if is_package else parts)]), is_package


def code_files(app: str):
    for path in sorted((ROOT / APPS[app]).rglob("*.py")):
        parts = path.relative_to(ROOT / APPS[app]).parts
        if not NOT_CODE & set(parts) and path.name != "gunicorn.conf.py":
            yield path


@cache
def project_modules() -> dict[str, tuple[Path, bool]]:
    modules = {}
    for app in APPS:
        for path in code_files(app):
            name, is_package = module_name(app, path)
            modules[name] = (path, is_package)
    return modules


@cache
def project_imports() -> tuple[Import, ...]:
    known = set(project_modules())
    found = []
    for name, (path, is_package) in project_modules().items():
        found += imports_of(name, path.read_text(), known, is_package=is_package)
    return tuple(found)


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def strong(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                strong(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            strong(node)
    return found
