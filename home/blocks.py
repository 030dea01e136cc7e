"""The shared blocks moved to the core layer (``consortium.blocks``); these names stay
importable because home's and membership's migrations name ``home.blocks.ContactDetailsBlock``."""

from consortium.blocks import (  # noqa: F401
    ContactDetailsBlock,
    KeyFigureBlock,
    KeyFiguresBlock,
    SectionBlocks,
    TimelineBlock,
    TimelineEventBlock,
)
