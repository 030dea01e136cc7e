"""Admin hooks of the events app: the registrations section."""

from wagtail import hooks


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    from .viewsets import RegistrationViewSet

    return RegistrationViewSet("event_registrations")
