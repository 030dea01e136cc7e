"""Admin hooks of the events app: the registrations section and what its form's anti-spam
field held (consortium.intake.held_admin), both for those who read the attendees."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

VIEW_PERMISSION = "events.view_registration"


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    from .viewsets import RegistrationViewSet

    return RegistrationViewSet("event_registrations")


@hooks.register("register_admin_viewset")
def register_held_registrations():
    from consortium.intake.held_admin import HeldSubmissionViewSet

    from .views import FORM_NAME

    return HeldSubmissionViewSet(
        "held_event_registrations",
        form_name=FORM_NAME,
        permission=VIEW_PERMISSION,
        url_prefix="held-event-registrations",
        menu_label=_("Held event registrations"),
        menu_order=271,
    )
