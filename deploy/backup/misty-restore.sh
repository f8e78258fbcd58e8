#!/usr/bin/env bash
# Restores from one backup made by misty-backup.sh (one dump of the whole replica set, taken with --oplog).
#
#   MONGODB_URI=mongodb://... misty-restore.sh <backup directory> [database ...]
#
# Without database names: the whole dump, at the backup's single point in time (--oplogReplay replays what
# happened while the dump ran; mongorestore allows it only for a whole dump). With names: only those
# databases (--nsInclude <db>.*), from the same archive; the oplog is not replayed then (mongorestore refuses
# it with an include), so each one is as of its part of the dump. Each restored database is replaced
# (--drop): stop the services first (deploy/README.md, "Restore").
#
#   MONGODB_PASSWORD_FILE   the restore user's password, passed to mongorestore in a --config file, never argv
set -euo pipefail

SERVICE_DATABASES=(auth inventory payroll orders)

usage() {
  echo "usage: MONGODB_URI=mongodb://... $0 <backup directory> [auth|inventory|payroll|orders ...]" >&2
  exit 2
}

[ $# -ge 1 ] || usage
: "${MONGODB_URI:?MONGODB_URI is required}"
backup="${1%/}"
shift

if [ ! -d "$backup" ]; then
  echo "misty-restore: no such backup directory: $backup" >&2
  exit 2
fi
case "$backup" in
  *.partial) echo "misty-restore: $backup is an unfinished backup; choose a completed one" >&2; exit 2 ;;
esac
archive="$backup/dump.archive.gz"
if [ ! -f "$archive" ]; then
  echo "misty-restore: $backup has no dump.archive.gz" >&2
  exit 2
fi

# Check every name and the archive before touching any database: a typo must not leave half a restore behind.
for db in "$@"; do
  if ! [[ " ${SERVICE_DATABASES[*]} " == *" $db "* ]]; then
    echo "misty-restore: not a service database: $db (one of: ${SERVICE_DATABASES[*]})" >&2
    exit 2
  fi
done
if ! gzip -t "$archive"; then
  echo "misty-restore: $archive is damaged (gzip -t failed); choose another backup" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Connection string and password reach the tool in a private --config file, never in argv.
# shellcheck source=mongodb-tools-config.sh
source "$(dirname "${BASH_SOURCE[0]}")/mongodb-tools-config.sh"
write_mongodb_tools_config "$work/mongodb-tools.yaml"
tool_options=(--config="$work/mongodb-tools.yaml")

if [ $# -eq 0 ]; then
  # mongorestore refuses --oplogReplay with any --nsInclude: the whole dump is restored, users included (as
  # they were at the backup; mongodb-init sets the passwords from the secret files again on the next start).
  echo "misty-restore: restoring the whole dump from $archive at one point in time (replaces its collections)"
  mongorestore "${tool_options[@]}" --gzip --archive="$archive" \
    --drop --oplogReplay --stopOnError
  echo "misty-restore: done (every database, oplog replayed)"
else
  for db in "$@"; do
    echo "misty-restore: restoring $db from $archive (replaces its collections; no oplog replay)"
    mongorestore "${tool_options[@]}" --gzip --archive="$archive" \
      --nsInclude="$db.*" --drop --stopOnError
  done
  echo "misty-restore: done ($*)"
fi
