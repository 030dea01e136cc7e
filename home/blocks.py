"""The shared blocks moved to the core layer (``consortium.pages.blocks``); these names stay
importable because home's and membership's migrations name ``home.blocks.ContactDetailsBlock``."""

from consortium.pages.blocks import (  # noqa: F401
    ContactDetailsBlock,
    KeyFigureBlock,
    KeyFiguresBlock,
    SectionBlocks,
    TimelineBlock,
    TimelineEventBlock,
)
