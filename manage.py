#!/usr/bin/env python
"""Django's command-line utility. Development settings unless DJANGO_SETTINGS_MODULE is set."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "consortium.settings.dev")
    try:
        from django.core.management import execute_from_command_line
    except ImportError as exc:  # pragma: no cover - only without the virtual environment
        raise ImportError(
            "Django is not installed: run `make run` (it creates .venv and installs the project)."
        ) from exc
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
