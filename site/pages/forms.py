"""Page editor forms whose choices of translatable objects (news categories, fields of
expertise, team members) list the page's language only.

Without it, a select or checkbox list offers every object twice (French and English) and
an editor could tie a French article to an English category. The page's language is the
instance's locale, or its parent's for a new page.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

SLUG_TAKEN = _(
    "Another page here already has the address “%(slug)s”. Change the title, or the "
    "page's address in the “Promotion” tab."
)


class PageForm(WagtailAdminPageForm):
    """Wagtail's page form, without Django's « hidden initial » on fields whose model
    default is a callable (a news article's date: ``timezone.localdate``).

    Django then compares the posted value with a hidden ``initial-…`` input that Wagtail's
    panels never render, so the form always « has changed »: approving a page in review
    would save a new revision in the reviewer's name, and the editorial review task
    would then refuse the approval (nobody approves their own last edit).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.show_hidden_initial = False

    def clean(self):
        """A slug conflict also said at the top of the form, in plain words: Wagtail's own
        message sits next to the slug, on the « Promotion » tab, hidden behind « Contenu »."""
        cleaned_data = super().clean()
        slug = self.data.get(self.add_prefix("slug"), "")
        if self.has_error("slug") and slug and self.parent_page is not None:
            siblings = Page.objects.child_of(self.parent_page).filter(slug=slug)
            if self.instance.pk:
                siblings = siblings.exclude(pk=self.instance.pk)
            if siblings.exists():
                self.add_error(None, SLUG_TAKEN % {"slug": slug})
        return cleaned_data


class LocalizedChoicesPageForm(PageForm):
    #: Names of the form fields (ForeignKey or ManyToMany to a TranslatableMixin model)
    #: to limit to the page's language.
    localized_choice_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id
        if locale_id is None and self.parent_page is not None:
            locale_id = self.parent_page.locale_id
        if locale_id is None:
            return
        for name in self.localized_choice_fields:
            field = self.fields.get(name)
            if field is not None:
                field.queryset = field.queryset.filter(locale_id=locale_id)
