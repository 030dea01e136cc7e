"""Site search: the backend (per-language stemming on PostgreSQL) and the query terms
(synonyms, accents) that work the same on every database.
"""
