"""Spreadsheets a committee opens in Excel or LibreOffice: every export of the admin.

Wagtail's index views export the raw values (``approved``, ``03``, True, a UTC time with
microseconds), a CSV that Excel reads as Latin-1 (« RÃ©fÃ©rence ») and a sheet named
« Sheet1 ». :class:`ReadableExportMixin`, on an ``IndexView``, writes instead what the
admin shows, in the reader's admin language:

- a field with choices: its label (« Approuvée », « Capitale-Nationale »), a language code:
  its name;
- True/False: « Oui »/« Non »; nothing: an empty cell;
- a time: local (``TIME_ZONE``), to the minute; a date: as is (typed dates in XLSX);
- every text cell: plain (no formula, no control character: consortium.intake.plain_text);
- the CSV starts with a UTF-8 byte-order mark; the XLSX sheet is named after the export.
"""

import datetime
from io import BytesIO

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext
from django_stubs_ext import StrOrPromise
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.coreutils import multigetattr

from consortium.i18n.formatting import language_name
from consortium.intake.plain_text import spreadsheet_cell

BYTE_ORDER_MARK = "\ufeff"
MINUTE_FORMAT = "Y-m-d H:i"
XLSX_MINUTES = "yyyy-mm-dd hh:mm"
MAX_SHEET_TITLE = 31  # Excel's limit


def readable(value, field: models.Field | None = None):
    """``value`` as a person reads it (see the module's docstring); dates and times stay
    typed (local, to the minute) for the writer to format."""
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value)) if value not in (None, "") else ""
    if field is not None and field.name == "language" and isinstance(value, str):
        return language_name(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(second=0, microsecond=0, tzinfo=None)
    return value


class ReadableExportMixin(SpreadsheetExportMixin):
    """Readable CSV and XLSX exports for a Wagtail ``IndexView`` (module docstring).

    ``export_sheet_title`` names the XLSX sheet (the viewset's menu label by default).
    """

    export_sheet_title: StrOrPromise | None = None

    def model_field(self, name: str) -> models.Field | None:
        try:
            return self.model._meta.get_field(name)
        except FieldDoesNotExist:
            return None

    def export_values(self, item) -> dict:
        """Cells of ``item``'s row that are not its attributes, by name (computed by the
        view: counts, times of a related row…); made readable like the others."""
        return {}

    def to_row_dict(self, item):
        computed = self.export_values(item)
        return {
            name: readable(
                computed[name] if name in computed else multigetattr(item, name),
                self.model_field(name),
            )
            for name in self.list_export
        }

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, datetime.datetime):
            if export_format == self.FORMAT_CSV:
                return date_format(value, MINUTE_FORMAT)
            return value
        if isinstance(value, datetime.date) and export_format == self.FORMAT_CSV:
            return value.isoformat()
        value = super().preprocess_field_value(field, value, export_format)
        return spreadsheet_cell(value, csv=export_format == self.FORMAT_CSV)

    def stream_csv(self, queryset):
        yield BYTE_ORDER_MARK
        yield from super().stream_csv(queryset)

    def sheet_title(self) -> str:
        title = self.export_sheet_title or capfirst(str(self.model._meta.verbose_name_plural))
        return str(title)[:MAX_SHEET_TITLE]

    def write_xlsx(self, queryset, output: BytesIO):
        """Wagtail's writer, with a named sheet and dates to the minute."""
        from openpyxl import Workbook

        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=self.sheet_title())
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        for item in queryset:
            worksheet.append(
                self.generate_xlsx_row(worksheet, self.to_row_dict(item), date_format=XLSX_MINUTES)
            )
        workbook.save(output)
