"""Old WordPress addresses (`/?p=1234`, `/?page_id=56`) → their pages on this site.

Wagtail's redirects app answers a 404 with the redirect recorded for its address. The old
site's links, though, all point at `/` with a query string, and `/` is not a 404 here: it
sends the visitor to `/fr/`. So the root view asks this module first; any other old path
(`/2019/04/partenariat-cdrq/`) is a 404 and Wagtail's middleware handles it. The
redirects themselves are ordinary Wagtail redirects, imported from a CSV file
(README « Old addresses »), and staff edit them in Paramètres → Redirections.
"""

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect


def legacy_redirect(request):
    """The redirect recorded for this exact address with its query string, or None."""
    if not request.GET:
        return None
    path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
    redirect = get_redirect(request, path)
    if redirect is None or redirect.link is None:
        return None
    if redirect.is_permanent:
        return HttpResponsePermanentRedirect(redirect.link)
    return HttpResponseRedirect(redirect.link)


def page_for_path(path: str):
    """The live page at a public address of this site (`/fr/actualites/x/`), or None.

    The address starts with the language; the rest is the page's path under that
    language's home page.
    """
    from wagtail.models import Locale, Page, Site

    parts = [part for part in path.split("?")[0].split("/") if part]
    if not parts:
        return None
    locale = Locale.objects.filter(language_code=parts[0]).first()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if locale is None or site is None:
        return None
    home = site.root_page.get_translation_or_none(locale)
    if home is None:
        return None
    url_path = home.url_path + "".join(f"{part}/" for part in parts[1:])
    return Page.objects.live().filter(url_path=url_path).first()


def import_old_addresses(rows, *, dry_run=False) -> dict[str, list[str]]:
    """Record a permanent redirect for each (old address, new address) row.

    A new address that is a page of this site is stored as that page (the redirect then
    follows it if it is moved or renamed); any other address is stored as a link. Running
    it again updates the same redirects. Returns the old addresses per outcome.
    """
    report: dict[str, list[str]] = {"to page": [], "to link": [], "invalid": []}
    for old, new in rows:
        old, new = old.strip(), new.strip()
        if not old.startswith("/") or not new:
            report["invalid"].append(old)
            continue
        page = page_for_path(new) if new.startswith("/") else None
        report["to page" if page else "to link"].append(old)
        if dry_run:
            continue
        Redirect.objects.update_or_create(
            old_path=Redirect.normalise_path(old),
            site=None,
            defaults={
                "redirect_page": page,
                "redirect_link": "" if page else new,
                "is_permanent": True,
            },
        )
    return report
