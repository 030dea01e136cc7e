#!/usr/bin/env bash
# The production backup: the database and the uploaded files on disk.
#
#   DATABASE_URL=postgres://… MEDIA_ROOT=/srv/consortium/media \
#   PRIVATE_MEDIA_ROOT=/srv/consortium/private-media scripts/backup.sh /backups
#
# writes /backups/consortium-<date-time>.dump (pg_dump, custom format) and, unless the
# files are on object storage (S3_BUCKET set), /backups/consortium-<date-time>-files.tar.gz
# holding MEDIA_ROOT as media/ and PRIVATE_MEDIA_ROOT as private-media/. On object storage
# the files are the provider's to keep: turn on the bucket's versioning (and replication
# to another region if wanted); docs/deployment.md « Backups ». Prints the files written.
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL to the postgres:// URL of the database to back up}"
destination="${1:?give the directory the backup goes to}"
mkdir -p "$destination"
stamp="$(date +%Y-%m-%dT%H%M%S)"
umask 077  # members' data: readable by the backup's owner only

dump="$destination/consortium-$stamp.dump"
pg_dump --format=custom --no-owner --dbname="$DATABASE_URL" --file="$dump"
echo "$dump"

if [ -n "${S3_BUCKET:-}" ]; then
    echo "files: on object storage (bucket $S3_BUCKET), kept by its versioning" >&2
    exit 0
fi
: "${MEDIA_ROOT:?set MEDIA_ROOT (and PRIVATE_MEDIA_ROOT) to the folders of uploaded files}"
: "${PRIVATE_MEDIA_ROOT:?set PRIVATE_MEDIA_ROOT to the folder of the attachments sent with forms}"
files="$destination/consortium-$stamp-files.tar.gz"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$MEDIA_ROOT" "$PRIVATE_MEDIA_ROOT"
ln -s "$(cd "$MEDIA_ROOT" && pwd)" "$work/media"
ln -s "$(cd "$PRIVATE_MEDIA_ROOT" && pwd)" "$work/private-media"
tar --create --gzip --dereference --file="$files" --directory="$work" media private-media
echo "$files"
