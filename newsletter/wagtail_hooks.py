"""Admin hooks of the newsletter app: « Abonnés à l'infolettre », what its form's anti-spam
rules held (consortium.intake.held_admin), and the footer's short form (consortium footer)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

VIEW_PERMISSION = "newsletter.view_subscriber"


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    from .viewsets import SubscriberViewSet

    return SubscriberViewSet("newsletter_subscribers")


@hooks.register("register_admin_viewset")
def register_held_subscriptions():
    from consortium.intake.held_admin import HeldSubmissionViewSet

    from .views import FORM_NAME

    return HeldSubmissionViewSet(
        "held_newsletter_requests",
        form_name=FORM_NAME,
        permission=VIEW_PERMISSION,
        url_prefix="held-newsletter-requests",
        menu_label=_("Held newsletter requests"),
        menu_order=281,
    )


@hooks.register("consortium_footer_panels")
def footer_form():
    return "newsletter/includes/footer_form.html"
