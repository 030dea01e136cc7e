"""The public directory follows the register at once: saving or deleting a member moves the
content version on (consortium.caching.content_version: every server renders the directory
afresh) and, with a CDN configured, purges the directory pages (consortium.caching.purge).
Connected when the app loads (membership.apps)."""

from django.db.models.signals import post_delete, post_save

from consortium.caching import content_version, purge
from members.models import Member

from .models import MemberDirectoryPage


def on_member_change(sender, instance, **kwargs):
    content_version.invalidate()
    if purge.purging():
        purge.purge(pages=MemberDirectoryPage.objects.live())


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(on_member_change, sender=Member, dispatch_uid=f"directory-{signal}")
