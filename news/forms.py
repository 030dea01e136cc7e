"""The article editor's form: fields of expertise offered in the article's language only."""

from wagtail.admin.forms import WagtailAdminPageForm


class NewsPageForm(WagtailAdminPageForm):
    """Without this, the « fields of expertise » checkboxes list every field twice (French
    and English), and an editor could tie a French article to English pages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("expertise_fields")
        if field is None:
            return
        locale_id = self.instance.locale_id
        if locale_id is None and self.parent_page is not None:
            locale_id = self.parent_page.locale_id
        if locale_id is not None:
            field.queryset = field.queryset.filter(locale_id=locale_id).order_by("title")
