"""« Abonnés à l'infolettre » in the admin (Communications, administrators): the counts per
language and status, the subscribers (searchable, filtered), their consent records, the
export of the confirmed subscribers of one language for the sending tool (readable CSV),
and an « unsubscribe » button for a request received by phone or email. Nobody types a
subscriber: consent comes from the person (double opt-in)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from consortium.i18n.formatting import language_name
from consortium.staff.exports import ReadableExportMixin
from consortium.staff.permissions import ReadOnlyPermissionPolicy

from . import actions
from .models import Subscriber

UNSUBSCRIBE_PERMISSION = "newsletter.unsubscribe_subscriber"


class SubscriberFilterSet(WagtailFilterSet):
    class Meta:
        model = Subscriber
        fields = ["status", "language"]


def counts() -> list[dict]:
    """One row per language: its name, and how many subscribers in each status."""
    totals = {
        (row["language"], row["status"]): row["total"]
        for row in Subscriber.objects.values("language", "status").annotate(total=Count("pk"))
    }
    return [
        {
            "language": code,
            "name": language_name(code),
            "statuses": [totals.get((code, status), 0) for status in Subscriber.Status.values],
            "export_url": "?"
            + urlencode({"status": Subscriber.Status.CONFIRMED, "language": code, "export": "csv"}),
        }
        for code, _name in settings.LANGUAGES
    ]


class SubscriberIndexView(ReadableExportMixin, IndexView):
    export_sheet_title = gettext_lazy("Subscribers")
    template_name = "newsletter/admin/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counts"] = counts()
        context["statuses"] = Subscriber.Status.labels
        return context


class SubscriberInspectView(InspectView):
    template_name = "newsletter/admin/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["consents"] = self.object.consents.all()
        context["may_unsubscribe"] = (
            self.request.user.has_perm(UNSUBSCRIBE_PERMISSION)
            and self.object.status != Subscriber.Status.UNSUBSCRIBED
        )
        context["unsubscribe_url"] = reverse(
            "newsletter_subscribers:unsubscribe", args=[self.object.pk]
        )
        return context


@require_POST
def unsubscribe_view(request, pk):
    if not request.user.has_perm(UNSUBSCRIBE_PERMISSION):
        raise PermissionDenied
    subscriber = actions.unsubscribe(get_object_or_404(Subscriber, pk=pk))
    messages.success(request, _("%(email)s is unsubscribed.") % {"email": subscriber.email})
    return redirect("newsletter_subscribers:inspect", pk)


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = gettext_lazy("Newsletter subscribers")
    menu_order = 280
    add_to_admin_menu = True
    url_prefix = "newsletter-subscribers"
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = SubscriberInspectView
    inspect_view_fields = [
        "email",
        "name",
        "language",
        "status",
        "requested_at",
        "confirmed_at",
        "unsubscribed_at",
    ]
    form_fields = ["status"]  # required by ModelViewSet; no one may reach the form
    index_view_class = SubscriberIndexView
    filterset_class = SubscriberFilterSet
    list_display = [
        TitleColumn(
            "email", label=gettext_lazy("email address"), url_name="newsletter_subscribers:inspect"
        ),
        Column("name", label=gettext_lazy("name")),
        Column("language", label=gettext_lazy("language"), accessor="get_language_display"),
        Column("status", label=gettext_lazy("status"), accessor="get_status_display"),
        Column("confirmed_at", label=gettext_lazy("confirmed at")),
    ]
    search_fields = ["email", "name"]
    search_backend_name = None
    list_export = ["email", "name", "language", "confirmed_at"]
    export_filename = "abonnes-infolettre"
    ordering = ["-requested_at"]

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("unsubscribe/<int:pk>/", unsubscribe_view, name="unsubscribe")
        ]
