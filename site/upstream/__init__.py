"""Every workaround of an upstream gap (Wagtail, wagtail-localize, wagtail-2fa, treebeard),
one module each, each guarded by a test in ``tests/test_upstream_overrides.py`` that fails
when upstream changes what it relies on. To retire one, delete its module, its call and its
guard (docs/architecture.md).
"""
