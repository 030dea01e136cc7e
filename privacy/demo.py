"""Where the privacy officer finds the Loi 25 registers (development only)."""

from django.conf import settings

from consortium.bootstrap.demo import DemoContext, demo_step


@demo_step(930)
def point_to_the_registers(ctx: DemoContext):
    if settings.DEBUG:
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/privacy/incidents/"
        ctx.notes.append(
            f"Loi 25 registers: {admin_url} — sign in as « confidentialite » (« Responsable "
            "de la protection des renseignements personnels »)"
        )
