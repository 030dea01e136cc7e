"""The page layer every app builds on: ``BasePage``, the shared blocks, page editor forms,
routing, view restrictions, SEO, the sitemap, menus and per-language site texts, and links
to a page type's live page in a language.
"""
