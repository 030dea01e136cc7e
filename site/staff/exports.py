"""Spreadsheets a committee opens in Excel or LibreOffice: every export of the admin.

Wagtail's index views export the raw values (``approved``, ``03``, True, a UTC time with
microseconds), a CSV that Excel reads as Latin-1 (« RÃ©fÃ©rence ») and a sheet named
« Sheet1 ». :class:`ReadableExportMixin`, on an ``IndexView``, writes instead what the
admin shows, in the reader's admin language:

- a field with choices: its label (« Approuvée », « Capitale-Nationale »), a language code:
  its name;
- True/False: « Oui »/« Non »; nothing: an empty cell;
- a time: local (``TIME_ZONE``), to the minute; a date: as is (typed dates in XLSX);
- a phone number: as the admin shows it, « (418) 555-0123 » (E.164's leading « + » would
  need a formula guard, which Excel shows);
- an amount (a ``Decimal``): a number — in the CSV with the reader's decimal separator
  (« 10,00 », which a French-Canadian Excel reads as a number; « 10.00 » it reads as
  text), in the XLSX a number cell with two decimals;
- every text cell: plain (no formula, no control character: consortium.intake.plain_text);
- the CSV starts with a UTF-8 byte-order mark; the XLSX sheet is named after the export,
  its heading row is bold and frozen, and its columns are as wide as their heading and the
  first ``WIDTH_SAMPLE`` rows' values (write-only: rows are not kept, memory stays flat);
- the file is named in French with the day's date: ``registre-des-membres-2026-12-07.csv``.
  A viewset sets ``export_filename`` (Wagtail's viewset passes its own to the view, the
  table's name by default, over any the view class sets).
"""

import datetime
import itertools
from decimal import Decimal
from io import BytesIO

import phonenumbers
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.text import capfirst
from django.utils.translation import gettext
from django_stubs_ext import StrOrPromise
from phonenumbers import PhoneNumber
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.coreutils import multigetattr

from consortium.i18n.formatting import format_phone, language_name
from consortium.intake.plain_text import spreadsheet_cell

BYTE_ORDER_MARK = "\ufeff"
MINUTE_FORMAT = "Y-m-d H:i"
XLSX_MINUTES = "yyyy-mm-dd hh:mm"
XLSX_AMOUNT = "0.00"
MAX_SHEET_TITLE = 31  # Excel's limit
WIDTH_SAMPLE = 200  # rows read ahead to size the columns
MIN_WIDTH, MAX_WIDTH = 8, 60  # in characters


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
    if isinstance(value, PhoneNumber):  # national in North America; abroad, with « + »
        if value.country_code == 1:
            return format_phone(value)
        return phonenumbers.format_number(value, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
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

    def get_filename(self) -> str:
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, Decimal):
            if export_format == self.FORMAT_CSV:
                return number_format(value, decimal_pos=2, use_l10n=True)
            return value
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
        """Wagtail's writer, with a named sheet, a bold frozen heading row, columns sized to
        their contents and dates to the minute (module docstring)."""
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=self.sheet_title())
        headings = [self.get_heading(queryset, field) for field in self.list_export]
        rows = (self.to_row_dict(item) for item in queryset.iterator(chunk_size=500))
        sample = list(itertools.islice(rows, WIDTH_SAMPLE))
        for index, width in enumerate(column_widths(headings, sample), start=1):
            worksheet.column_dimensions[get_column_letter(index)].width = width
        worksheet.freeze_panes = "A2"
        bold = Font(bold=True)
        heading_cells = []
        for heading in headings:
            cell = WriteOnlyCell(worksheet, heading)
            cell.font = bold
            heading_cells.append(cell)
        worksheet.append(heading_cells)
        for row in itertools.chain(sample, rows):
            cells = list(self.generate_xlsx_row(worksheet, row, date_format=XLSX_MINUTES))
            for cell in cells:
                if isinstance(cell.value, Decimal):
                    cell.number_format = XLSX_AMOUNT
            worksheet.append(cells)
        workbook.save(output)


def column_widths(headings: list[str], rows: list[dict]) -> list[float]:
    """Each column as wide as its heading or its longest value in ``rows`` (a date to the
    minute is 16 characters), within MIN_WIDTH and MAX_WIDTH, plus a margin."""

    def length(value) -> int:
        if isinstance(value, datetime.datetime):
            return 16
        if isinstance(value, datetime.date):
            return 10
        return max((len(line) for line in str(value).splitlines()), default=0)

    widths = []
    for index, heading in enumerate(headings):
        values = [list(row.values())[index] for row in rows]
        longest = max([len(str(heading)), *(length(value) for value in values)])
        widths.append(float(min(max(longest, MIN_WIDTH), MAX_WIDTH) + 2))
    return widths
