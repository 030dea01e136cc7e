"""Case handling, written once for every app that follows what people send (membership
applications, service requests): statuses and transitions, assignment, notes, references,
the admin of a kind of case, and retention.
"""
