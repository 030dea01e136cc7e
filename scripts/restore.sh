#!/usr/bin/env bash
# Restores what scripts/backup.sh wrote: the dump into the (new, empty) database of
# DATABASE_URL, and the files' archive, when given, into MEDIA_ROOT and
# PRIVATE_MEDIA_ROOT (which must be empty: nothing on disk is overwritten).
#
#   DATABASE_URL=postgres://…/consortium_restored MEDIA_ROOT=… PRIVATE_MEDIA_ROOT=… \
#   scripts/restore.sh consortium-<date-time>.dump [consortium-<date-time>-files.tar.gz]
#
# Then `manage.py setup_site` (it moves the cache's version on) and restart the servers.
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL to the postgres:// URL of the (empty) database to restore into}"
dump="${1:?give the .dump file written by scripts/backup.sh}"
files="${2:-}"

pg_restore --no-owner --exit-on-error --dbname="$DATABASE_URL" "$dump"
echo "database restored from $dump"

if [ -n "$files" ]; then
    : "${MEDIA_ROOT:?set MEDIA_ROOT to where the uploaded files go}"
    : "${PRIVATE_MEDIA_ROOT:?set PRIVATE_MEDIA_ROOT to where the attachments go}"
    for folder in "$MEDIA_ROOT" "$PRIVATE_MEDIA_ROOT"; do
        mkdir -p "$folder"
        if [ -n "$(ls -A "$folder")" ]; then
            echo "$folder is not empty: restore the files into empty folders" >&2
            exit 1
        fi
    done
    umask 077
    tar --extract --gzip --file="$files" --directory="$MEDIA_ROOT" --strip-components=1 media
    tar --extract --gzip --file="$files" --directory="$PRIVATE_MEDIA_ROOT" --strip-components=1 private-media
    echo "files restored from $files"
fi
