"""Project configuration of the Consortium's site, imported as ``consortium``.

The folder is called ``site/`` but Python's standard library owns the module name ``site``,
so pyproject.toml maps the import name ``consortium`` onto this folder (see README).
"""
