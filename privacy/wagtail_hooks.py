"""Admin hooks of the privacy app: the Loi 25 registers' menu."""

from wagtail import hooks


@hooks.register("register_admin_viewset")
def register_registers():
    from .viewsets import RegistersGroup

    return RegistersGroup()
