"""What goes back out: the outbox every app writes to, email through the task queue, and
personal single-use links.
"""
