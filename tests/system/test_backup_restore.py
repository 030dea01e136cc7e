"""Backups restore: scripts/backup-restore-check.sh backs up the test database holding the
demo site and the uploaded files on disk (scripts/backup.sh), restores both into a new
database and new folders (scripts/restore.sh), and the site serves the same content from
the same files."""

import os
import shutil
import subprocess
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from news.factories import NewsIndexPageFactory


@pytest.mark.postgres
def test_a_backup_restores_into_a_new_database_serving_the_same_content(committed_demo, tmp_path):
    # The demo's images as they are now (other tests may write beside them meanwhile),
    # and an attachment a person sent.
    media = tmp_path / "media"
    shutil.copytree(settings.MEDIA_ROOT, media)
    attachment = tmp_path / "private" / "applications" / "2026" / "statuts.pdf"
    attachment.parent.mkdir(parents=True)
    attachment.write_bytes(b"%PDF-1.4\n% statuts de la cooperative\n")
    result = subprocess.run(  # noqa: S603
        ["bash", "scripts/backup-restore-check.sh"],  # noqa: S607
        env={
            **os.environ,
            "DATABASE_URL": os.environ["DATABASE_URL"],
            "BACKUP_SOURCE_DATABASE": connection.settings_dict["NAME"],
            "MEDIA_ROOT": str(media),
            "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        },
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "restore identical" in result.stdout
    files = sum(1 for path in media.rglob("*") if path.is_file()) + 1
    assert f"; {files} files)" in result.stdout  # every image and the attachment
    assert files > 2
    counts = dict(
        line.split(": ") for line in result.stdout.splitlines() if line.startswith("news.")
    )
    assert int(counts["news.NewsPage"]) > 0
    assert "/fr/ 200:" in result.stdout and "/en/ 200:" in result.stdout


@pytest.mark.django_db
def test_the_fingerprint_sees_a_change_of_content(site_tree):
    """The comparison has teeth: unpublishing a page changes the fingerprint."""

    def fingerprint() -> str:
        out = StringIO()
        call_command("content_fingerprint", stdout=out)
        return out.getvalue()

    index = NewsIndexPageFactory(parent=site_tree.fr_home)
    before = fingerprint()
    assert fingerprint() == before  # stable
    index.unpublish()
    assert fingerprint() != before
