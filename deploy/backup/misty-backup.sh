#!/usr/bin/env bash
# One backup run: mongodump of every service database into BACKUP_DIR/<UTC timestamp>/<db>.archive.gz,
# then deletes completed backups older than BACKUP_RETENTION_DAYS days.
#
# Environment:
#   MONGODB_URI            e.g. mongodb://mongodb:27017/?replicaSet=rs0 (required)
#   BACKUP_DIR             where backups are kept (default /backups)
#   BACKUP_DATABASES       space-separated (default "auth inventory payroll orders")
#   BACKUP_RETENTION_DAYS  keep this many days (default 14; 0 keeps everything)
#
# A run writes into <timestamp>.partial and renames it only when every database was dumped, so a
# half-written backup is never mistaken for a good one (and never counts towards retention).
set -euo pipefail

: "${MONGODB_URI:?MONGODB_URI is required}"
BACKUP_DIR="${BACKUP_DIR:-/backups}"
BACKUP_DATABASES="${BACKUP_DATABASES:-auth inventory payroll orders}"
BACKUP_RETENTION_DAYS="${BACKUP_RETENTION_DAYS:-14}"

if ! [[ "$BACKUP_RETENTION_DAYS" =~ ^[0-9]+$ ]]; then
  echo "misty-backup: BACKUP_RETENTION_DAYS must be a whole number of days, not '$BACKUP_RETENTION_DAYS'" >&2
  exit 2
fi

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
partial="$BACKUP_DIR/$stamp.partial"
mkdir -p "$partial"
trap 'rm -rf "$partial"' EXIT

for db in $BACKUP_DATABASES; do
  echo "misty-backup: dumping $db"
  mongodump --uri="$MONGODB_URI" --db="$db" --gzip --archive="$partial/$db.archive.gz" --quiet
done

mv "$partial" "$BACKUP_DIR/$stamp"
trap - EXIT
echo "misty-backup: completed $BACKUP_DIR/$stamp"

if [ "$BACKUP_RETENTION_DAYS" -gt 0 ]; then
  # Only completed backups (named by timestamp) and stale partial runs; nothing else in BACKUP_DIR.
  find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d \
    \( -name '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z' \
       -o -name '*.partial' \) \
    -mtime "+$BACKUP_RETENTION_DAYS" -print -exec rm -rf {} + \
    | sed 's/^/misty-backup: deleted (older than retention) /'
fi
