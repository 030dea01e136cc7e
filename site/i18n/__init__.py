"""Two languages, first-class: the localised home pages, the language switcher and hreflang
alternates, language-aware formatting, and the checks of the French catalogue.
"""
