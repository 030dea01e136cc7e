"""Turn plain-text articles (like the Consortium's press archive in ../shared/seeds) into
draft NewsPages.

A file's headline becomes the title; a French date phrase near the top (« Québec, le 3
juillet 2020 », « Publié le : 15 avril 2019 », « JUIN 2019 », « fin d'année 2020 ») becomes
the date (the first of the month, or 1 December, when the day is not given); paragraphs
are kept, short unpunctuated lines become headings; the old site's furniture (menus,
« Share This », « Cet article vous a-t-il été utile? », the footer's addresses) is dropped.
Each file's content is fingerprinted, so the same article is never imported twice.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Page

from .models import ImportRecord, NewsIndexPage, NewsPage

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip
_MONTH = "|".join(MONTHS)
FULL_DATE = re.compile(rf"\b(\d{{1,2}})(?:er)?\s+({_MONTH})\s+(\d{{4}})\b", re.IGNORECASE)
MONTH_YEAR = re.compile(rf"\b({_MONTH})\s+(\d{{4}})\b", re.IGNORECASE)
END_OF_YEAR = re.compile(r"\bfin (?:d['’]année |de l['’]année )?(\d{4})\b", re.IGNORECASE)
DATE_LINE = re.compile(rf"^(publié le\b|[\w’' -]+, le \d{{1,2}}(er)? ({_MONTH}))", re.IGNORECASE)

FURNITURE = {
    "publications", "actualités et conseils", "share this", "suivez-nous !", "suivez-nous",
    "-30-", "citations –", "citations",
}  # fmt: skip
TRAILERS = (
    "aidez-nous à améliorer", "cet article vous a-t-il été utile", "deux adresses",
    "share this", "suivez-nous",
)  # fmt: skip
HEADER_LINES = 6  # where the headline and the date are looked for
MAX_SUMMARY = 300


class ArticleImportError(Exception):
    """A file that cannot become an article; the message says why, in one line."""


@dataclass
class ParsedArticle:
    title: str
    date: datetime.date | None
    blocks: list[tuple[str, str]] = field(default_factory=list)

    @property
    def summary(self) -> str:
        first = next((text for kind, text in self.blocks if kind == "paragraph"), "")
        if len(first) <= MAX_SUMMARY:
            return first
        return first[:MAX_SUMMARY].rsplit(" ", 1)[0] + " …"


def read_article_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ArticleImportError(f"{path.name}: cannot be read ({error.strerror})") from error
    if not data.strip():
        raise ArticleImportError(f"{path.name}: the file is empty")
    if b"\x00" in data:
        raise ArticleImportError(f"{path.name}: this is a binary file, not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleImportError(
            f"{path.name}: not UTF-8 text (undecodable byte at position {error.start})"
        ) from error


def _kept_lines(text: str) -> list[str]:
    lines = []
    for raw in text.replace("\u00a0", " ").splitlines():
        line = " ".join(raw.split())
        lowered = line.lower()
        if lowered.startswith(TRAILERS):
            break
        if len(line) <= 2 or lowered in FURNITURE:
            continue
        lines.append(line)
    return lines


def parse_date(lines: list[str]) -> datetime.date | None:
    header = " ".join(lines[:HEADER_LINES])
    if match := FULL_DATE.search(header):
        day, month, year = match.groups()
        try:
            return datetime.date(int(year), MONTHS[month.lower()], int(day))
        except ValueError:
            return None
    if match := MONTH_YEAR.search(header):
        month, year = match.groups()
        return datetime.date(int(year), MONTHS[month.lower()], 1)
    if match := END_OF_YEAR.search(header):  # « en cette fin d'année 2020 »
        return datetime.date(int(match.group(1)), 12, 1)
    return None


def _is_kicker(line: str) -> bool:
    letters = [char for char in line if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def _is_headline(line: str) -> bool:
    return (
        10 <= len(line) <= 200
        and not _is_kicker(line)
        and not DATE_LINE.match(line)
        and not line.endswith((".", "!", "?", "»"))
    )


def _is_heading(line: str) -> bool:
    return len(line) <= 100 and not line.endswith((".", "!", "?", "»", ":", ";", ","))


def parse_article(text: str) -> ParsedArticle:
    lines = _kept_lines(text)
    if not lines:
        raise ArticleImportError("no text left once the page furniture is removed")
    header = lines[:HEADER_LINES]
    title = next((line for line in header if _is_headline(line)), None)
    if title is None:
        raise ArticleImportError("no headline found in the first lines")
    date = parse_date(lines)
    blocks = []
    for line in lines:
        is_metadata = DATE_LINE.match(line) and not line.endswith((".", "!", "?", "»"))
        if line == title or is_metadata:
            continue
        if line in header and _is_kicker(line):
            continue
        blocks.append(("heading" if _is_heading(line) else "paragraph", line))
    if not any(kind == "paragraph" for kind, _text in blocks):
        raise ArticleImportError("the article has no paragraph")
    return ParsedArticle(title=title, date=date, blocks=blocks)


def fingerprint(text: str) -> str:
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode()).hexdigest()


def _available_slug(index: Page, title: str) -> str:
    base = slugify(title)[:70].strip("-") or "article"
    taken = set(index.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@dataclass
class ImportOutcome:
    path: Path
    page: NewsPage | None
    already_imported: bool = False
    date_found: bool = True


def import_article(path: Path, index: NewsIndexPage) -> ImportOutcome:
    """Create a draft NewsPage from ``path`` under ``index`` (nothing when it fails)."""
    text = read_article_text(path)
    checksum = fingerprint(text)
    existing = ImportRecord.objects.filter(checksum=checksum).select_related("page").first()
    if existing is not None:
        return ImportOutcome(path, existing.page, already_imported=True)
    try:
        parsed = parse_article(text)
    except ArticleImportError as error:
        raise ArticleImportError(f"{path.name}: {error}") from error
    with transaction.atomic():
        page = NewsPage(
            title=parsed.title,
            slug=_available_slug(index, parsed.title),
            summary=parsed.summary,
            body=[
                (kind, f"<p>{escape(text)}</p>" if kind == "paragraph" else text)
                for kind, text in parsed.blocks
            ],
            live=False,
        )
        if parsed.date is not None:
            page.date = parsed.date
        index.add_child(instance=page)
        page.save_revision()
        ImportRecord.objects.create(checksum=checksum, source_name=path.name[:255], page=page)
    return ImportOutcome(path, page, date_found=parsed.date is not None)
