#!/usr/bin/env bash
# Restores service databases from one backup made by misty-backup.sh.
#
#   MONGODB_URI=mongodb://... misty-restore.sh <backup directory> [database ...]
#
# Without database names it restores every <db>.archive.gz in the directory. Each named database is
# replaced (mongorestore --drop): stop the services that use it first (deploy/README.md, "Restore").
set -euo pipefail

usage() {
  echo "usage: MONGODB_URI=mongodb://... $0 <backup directory> [auth|inventory|payroll|orders ...]" >&2
  exit 2
}

[ $# -ge 1 ] || usage
: "${MONGODB_URI:?MONGODB_URI is required}"
backup="$1"
shift

if [ ! -d "$backup" ]; then
  echo "misty-restore: no such backup directory: $backup" >&2
  exit 2
fi
case "$backup" in
  *.partial|*.partial/) echo "misty-restore: $backup is an unfinished backup; choose a completed one" >&2; exit 2 ;;
esac

if [ $# -eq 0 ]; then
  for archive in "$backup"/*.archive.gz; do
    [ -e "$archive" ] || { echo "misty-restore: no *.archive.gz in $backup" >&2; exit 2; }
    name="$(basename "$archive")"
    set -- "$@" "${name%.archive.gz}"
  done
fi

# Check every archive before touching any database: a typo must not leave half a restore behind.
for db in "$@"; do
  if ! [[ "$db" =~ ^[A-Za-z0-9_-]+$ ]]; then
    echo "misty-restore: not a database name: $db" >&2
    exit 2
  fi
  if [ ! -f "$backup/$db.archive.gz" ]; then
    echo "misty-restore: $backup has no backup of database $db" >&2
    exit 2
  fi
done

for db in "$@"; do
  echo "misty-restore: restoring $db from $backup/$db.archive.gz (replaces its collections)"
  mongorestore --uri="$MONGODB_URI" --gzip --archive="$backup/$db.archive.gz" \
    --nsInclude="$db.*" --drop --stopOnError
done
echo "misty-restore: done ($*)"
