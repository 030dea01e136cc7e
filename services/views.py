"""Views of the service request page: the form (pre-filled for a signed-in member contact,
with the field of ``?expertise=<slug>`` chosen) and its confirmation, and the protected
attachments. A submission is received as the membership form's is
(consortium.intake.public_forms.receive)."""

import logging

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from consortium.i18n import languages
from consortium.intake import uploads
from consortium.intake.public_forms import privacy_policy, receive, signed_reference
from expertise.models import ExpertisePage
from members.session import signed_in_contact

from .actions import submit_request
from .forms import ServiceRequestForm
from .models import Attachment
from .permissions import VIEW_PERMISSION

logger = logging.getLogger(__name__)
REFERENCE_SALT = "services.thanks"
FORM_NAME = "service-request"


def _initial(page, request, contact) -> dict:
    """The field named by ``?expertise=<slug>`` (in the page's language), and the signed-in
    member contact's organisation and details."""
    initial = {}
    slug = request.GET.get("expertise", "")
    if slug:
        chosen = (
            ExpertisePage.objects.live()
            .filter(locale_id=page.locale_id, slug=slug[:255])
            .values_list("pk", flat=True)
            .first()
        )
        if chosen:
            initial["expertise_fields"] = [chosen]
    if contact is not None:
        initial.update(
            organisation_name=contact.member.name,
            neq=contact.member.neq,
            region=contact.member.region,
            contact_name=contact.name,
            contact_email=contact.email,
            contact_phone=contact.phone,
        )
    return initial


def _render(page, request, form, contact, status=200):
    response = TemplateResponse(
        request,
        page.get_template(request),
        {"page": page, "form": form, "contact": contact},
        status=status,
    )
    add_never_cache_headers(response)
    return response


def request_view(page, request):
    contact = signed_in_contact(request)
    privacy_url, policy_version = privacy_policy(request)
    if request.method != "POST":
        form = ServiceRequestForm(
            page=page, privacy_url=privacy_url, initial=_initial(page, request, contact)
        )
        return _render(page, request, form, contact)
    return receive(
        request,
        ServiceRequestForm(request.POST, request.FILES, page=page, privacy_url=privacy_url),
        form_name=FORM_NAME,
        rate=settings.SERVICE_REQUEST_RATE_LIMIT,
        too_many=_(
            "Too many requests were sent from your connection in the last hour. "
            "Your information is still here: please try again later."
        ),
        thanks_url=page.url + page.reverse_subpage("thanks"),
        salt=REFERENCE_SALT,
        render=lambda form, status: _render(page, request, form, contact, status=status),
        submit=lambda data: submit_request(
            data,
            language=languages.current_language(),
            policy_version=policy_version,
            member=contact.member if contact else None,
        ),
    )


def thanks_view(page, request):
    """The confirmation (the reference signed in its address: a refresh submits nothing)."""
    response = TemplateResponse(
        request,
        "services/thanks.html",
        {"page": page, "reference": signed_reference(request, REFERENCE_SALT)},
    )
    add_never_cache_headers(response)
    return response


@never_cache
def attachment(request, token):
    """An attachment, for the services team only (and administrators)."""
    return uploads.serve(request, Attachment, token, VIEW_PERMISSION)
