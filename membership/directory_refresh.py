"""The public directory follows the register at once: saving or deleting a member moves
the page cache's version on (consortium.caching.content_version: every server renders the directory
afresh) and, with a CDN configured, purges the directory pages (consortium.caching.purge)."""

from django.db.models.signals import post_delete, post_save

from consortium.caching import content_version, purge


def on_member_change(sender, instance, **kwargs):
    content_version.invalidate()
    if purge.purging():
        from .models import MemberDirectoryPage

        purge.purge(pages=MemberDirectoryPage.objects.live())


def connect() -> None:
    from members.models import Member

    for signal in (post_save, post_delete):
        signal.connect(on_member_change, sender=Member, dispatch_uid=f"directory-{signal}")
