"""Making a database the Consortium's site: `setup_site`'s steps (locales, staff groups,
workflow, site address) and the demo builder's registry, each app contributing its own steps.
"""
