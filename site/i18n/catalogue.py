"""Checks of the translation catalogue: a French visitor must never meet an English message.

Used by the catalogue test (and callable from a shell): a message is a problem when it has
no translation, is marked fuzzy, or drops a placeholder the code fills in.
"""

import re

import polib

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w*)\}")


def _placeholders(text: str) -> set[str]:
    return {"".join(match) for match in PLACEHOLDER.findall(text)}


def catalogue_problems(po: polib.POFile) -> list[str]:
    """Human-readable problems of a catalogue, one per message (empty when complete)."""
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        label = f"msgid {entry.msgid!r}"
        if entry.fuzzy:
            problems.append(f"{label} is marked fuzzy")
        elif entry.msgid_plural:
            if not all(entry.msgstr_plural.values()):
                problems.append(f"{label} has an untranslated plural form")
        elif not entry.msgstr:
            problems.append(f"{label} has no translation")
        elif _placeholders(entry.msgid) != _placeholders(entry.msgstr):
            problems.append(f"{label} and its translation use different placeholders")
    return problems
