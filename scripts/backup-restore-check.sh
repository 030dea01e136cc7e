#!/usr/bin/env bash
# Backup and restore, proven: back up a PostgreSQL database and the uploaded files on
# disk with scripts/backup.sh (the production backup), restore both with scripts/restore.sh
# into a new database and new folders, and compare what the site serves from each
# (`manage.py content_fingerprint`: row counts, live pages, the rendered home pages) and
# every file's checksum. Prints « restore identical » and exits 0, or says what differs and
# exits 1. The databases and folders it creates are removed at the end, whatever happens.
# MEDIA_ROOT and PRIVATE_MEDIA_ROOT name the folders of uploaded files to back up.
#
#   DATABASE_URL=postgres://user:password@host:5432/anything scripts/backup-restore-check.sh
#       builds the demo site in a scratch database and checks its backup;
#   DATABASE_URL=… BACKUP_SOURCE_DATABASE=consortium scripts/backup-restore-check.sh
#       checks a backup of that existing database instead (only read, but for the image
#       renditions that rendering its home pages may add, as a visit would).
#
# (only the server part of DATABASE_URL is used; docs/deployment.md « Backups »).
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL to a postgres:// URL of the server to use}"
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
server="${DATABASE_URL%/*}"
src="${BACKUP_SOURCE_DATABASE:-consortium_backup_src_$$}"
dst="consortium_backup_dst_$$"
workdir="$(mktemp -d)"
media="${MEDIA_ROOT:-media}"
private="${PRIVATE_MEDIA_ROOT:-private-media}"

# Every file under the two folders, with its checksum, relative to its folder.
files_digest() {
    for folder in "$@"; do
        (cd "$folder" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum)
    done
}

scratch=("$dst")
[ -n "${BACKUP_SOURCE_DATABASE:-}" ] || scratch+=("$src")

cleanup() {
    for db in "${scratch[@]}"; do
        psql "$server/postgres" -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
    done
    rm -rf "$workdir"
}
trap cleanup EXIT

if [ -z "${BACKUP_SOURCE_DATABASE:-}" ]; then
    psql "$server/postgres" -qc "CREATE DATABASE $src"
    DATABASE_URL="$server/$src" "$PY" manage.py migrate --noinput -v0
    DATABASE_URL="$server/$src" DEBUG=False "$PY" manage.py build_demo >/dev/null
fi
# What the site serves before the backup (this also makes the image renditions, which the
# backup then holds, as a live site's would).
before="$(DATABASE_URL="$server/$src" MEDIA_ROOT="$media" "$PY" manage.py content_fingerprint)"

mkdir -p "$media" "$private"
written="$(DATABASE_URL="$server/$src" MEDIA_ROOT="$media" PRIVATE_MEDIA_ROOT="$private" \
    S3_BUCKET="" scripts/backup.sh "$workdir/backups")"
dump="$(echo "$written" | grep '\.dump$')"
archive="$(echo "$written" | grep -- '-files\.tar\.gz$')"
files_before="$(files_digest "$media" "$private")"

psql "$server/postgres" -qc "CREATE DATABASE $dst"
DATABASE_URL="$server/$dst" MEDIA_ROOT="$workdir/media" PRIVATE_MEDIA_ROOT="$workdir/private" \
    scripts/restore.sh "$dump" "$archive" >/dev/null
files_after="$(files_digest "$workdir/media" "$workdir/private")"
if [ "$files_before" != "$files_after" ]; then
    echo "restored files differ:"
    diff <(echo "$files_before") <(echo "$files_after") || true
    exit 1
fi

after="$(DATABASE_URL="$server/$dst" MEDIA_ROOT="$workdir/media" "$PY" manage.py content_fingerprint)"
if [ "$before" != "$after" ]; then
    echo "restore differs:"
    diff <(echo "$before") <(echo "$after") || true
    exit 1
fi
echo "restore identical ($(du -h "$dump" | cut -f1) database, $(du -h "$archive" | cut -f1) files; $(echo "$files_after" | grep -c . || true) files):"
echo "$after"
