#!/usr/bin/env bash
# Backup and restore, proven: back up a PostgreSQL database with pg_dump (custom format,
# the production backup command), restore it with pg_restore into a new database, and
# compare what the site serves from each (`manage.py content_fingerprint`: row counts,
# live pages, the rendered home pages). Prints « restore identical » and exits 0, or says
# what differs and exits 1. The databases it creates are dropped at the end, whatever
# happens.
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
dump="$workdir/consortium.dump"

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
before="$(DATABASE_URL="$server/$src" "$PY" manage.py content_fingerprint)"

pg_dump --format=custom --no-owner --dbname="$server/$src" --file="$dump"
psql "$server/postgres" -qc "CREATE DATABASE $dst"
pg_restore --no-owner --exit-on-error --dbname="$server/$dst" "$dump"

after="$(DATABASE_URL="$server/$dst" "$PY" manage.py content_fingerprint)"
if [ "$before" != "$after" ]; then
    echo "restore differs:"
    diff <(echo "$before") <(echo "$after") || true
    exit 1
fi
echo "restore identical ($(du -h "$dump" | cut -f1) backup):"
echo "$after"
