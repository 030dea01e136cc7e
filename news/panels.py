"""Admin panel showing staff the answers to « Cet article vous a-t-il été utile ? »."""

from wagtail.admin.panels import Panel


class FeedbackTallyPanel(Panel):
    """Read-only tally of the yes/no answers, in the article's « Promotion » tab."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "news/admin/feedback_tally_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            instance = self.instance
            context["tally"] = instance.feedback_tally() if instance.pk else {"yes": 0, "no": 0}
            return context
