"""Unbound public forms rendered once per content version, not once per visitor.

An empty form is the same HTML for every visitor of a language — but one thing: the CSRF
token, which is each visitor's own. So the form is rendered with a placeholder where the
token goes, kept in the cache under the chrome version (``consortium.caching.content_version``: a
page published, an expertise field or a setting changed move it on), and every response
puts the visitor's own token in at render time. What a visitor typed is never in the copy:
only unbound forms are kept; a form sent back with errors is rendered afresh.

``render_unbound(request, name, build_form, *parts)`` returns the form's HTML; ``build_form``
is called only when the copy is missing (building the form costs queries), and ``parts``
(the page, for example) name what else the form depends on. The language is always part of
the key.
"""

from crispy_forms.utils import render_crispy_form
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from consortium.caching import content_version

# What stands for the token in the kept copy: a value no form could contain otherwise.
CSRF_PLACEHOLDER = "csrf-token-placeholder-6d1f0c2e"


def render_form(form) -> str:
    """The form's crispy HTML with the placeholder where the CSRF token goes."""
    if form.is_bound:
        raise ValueError("Only unbound forms are kept: a bound one holds a visitor's answers.")
    return str(render_crispy_form(form, form.helper, {"csrf_token": CSRF_PLACEHOLDER}))


def render_unbound(request, name: str, build_form, *parts) -> SafeString:
    html = content_version.cached(
        f"form:{name}",
        lambda: render_form(build_form()),
        translation.get_language(),
        *parts,
        request=request,
    )
    # get_token() also makes sure the visitor receives the CSRF cookie that goes with it.
    return mark_safe(html.replace(CSRF_PLACEHOLDER, get_token(request)))  # noqa: S308 - our own rendered form
