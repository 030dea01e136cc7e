"""Ordered steps that apps contribute to a command (setup_site, build_demo), each in a
module of their own found like ``admin`` modules are (``autodiscover_modules``)."""

from collections.abc import Callable

from django.utils.module_loading import autodiscover_modules


class Steps:
    def __init__(self, module_name: str):
        self.module_name = module_name
        self._steps: list[tuple[int, Callable]] = []

    def register(self, order: int):
        """Decorator: run the function as a step, in ``order``."""

        def register(function):
            if all(registered is not function for _order, registered in self._steps):
                self._steps.append((order, function))
            return function

        return register

    def in_order(self) -> list[Callable]:
        """Every app's steps (their modules imported first), in order."""
        autodiscover_modules(self.module_name)
        return [step for _order, step in sorted(self._steps, key=lambda item: item[0])]
