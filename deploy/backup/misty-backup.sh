#!/usr/bin/env bash
# One backup run: one consistent dump of the whole replica set (mongodump --oplog: every database as of one
# point in time) into BACKUP_DIR/<UTC timestamp>/dump.archive.gz, checked with gzip -t, optionally copied to
# a second location, then old backups deleted by age and by count, and the freshness file written.
#
# Environment:
#   MONGODB_URI                     mongodb://backup@mongodb:27017/?replicaSet=rs0&authSource=admin (required;
#                                   a user with the backup role; its password comes from MONGODB_PASSWORD_FILE)
#   MONGODB_PASSWORD_FILE           file holding that user's password (optional; never on a command line:
#                                   it reaches mongodump through a --config file only this run can read)
#   BACKUP_DIR                      where backups are kept (default /backups)
#   BACKUP_RETENTION_DAYS           delete completed backups older than this many days (default 14; 0: no age limit)
#   BACKUP_RETENTION_COUNT          keep at most this many completed backups (default 30; 0: no count limit)
#   BACKUP_COPY_DIR                 a second location (another disk, a mounted share): each verified backup is
#                                   copied there too, with the same retention (optional)
#   BACKUP_STATUS_FILE              freshness file, rewritten after every successful run (default
#                                   BACKUP_DIR/last-success): line 1 the epoch seconds, line 2 the backup's name
#   BACKUP_METRICS_FILE             Prometheus text file (node_exporter textfile collector), optional:
#                                   misty_backup_last_success_timestamp_seconds and misty_backup_last_size_bytes
#
# A run writes into <timestamp>.partial and renames it only when the dump is complete and verified, so a
# half-written or corrupt backup is never mistaken for a good one, never counts towards retention and never
# refreshes the freshness file: a failing backup shows as a stale file, which misty-backup-check.sh reports.
set -euo pipefail

: "${MONGODB_URI:?MONGODB_URI is required}"
BACKUP_DIR="${BACKUP_DIR:-/backups}"
BACKUP_RETENTION_DAYS="${BACKUP_RETENTION_DAYS:-14}"
BACKUP_RETENTION_COUNT="${BACKUP_RETENTION_COUNT:-30}"
BACKUP_COPY_DIR="${BACKUP_COPY_DIR:-}"
BACKUP_STATUS_FILE="${BACKUP_STATUS_FILE:-$BACKUP_DIR/last-success}"
BACKUP_METRICS_FILE="${BACKUP_METRICS_FILE:-}"
STAMP_PATTERN='[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z'

for setting in BACKUP_RETENTION_DAYS BACKUP_RETENTION_COUNT; do
  if ! [[ "${!setting}" =~ ^[0-9]+$ ]]; then
    echo "misty-backup: $setting must be a whole number, not '${!setting}'" >&2
    exit 2
  fi
done

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
partial="$BACKUP_DIR/$stamp.partial"
mkdir -p "$partial"
work="$(mktemp -d)"
trap 'rm -rf "$partial" "$work"' EXIT

# Connection string and password reach the tool in a private --config file, never in argv.
# shellcheck source=mongodb-tools-config.sh
source "$(dirname "${BASH_SOURCE[0]}")/mongodb-tools-config.sh"
write_mongodb_tools_config "$work/mongodb-tools.yaml"
tool_options=(--config="$work/mongodb-tools.yaml")

archive="$partial/dump.archive.gz"
echo "misty-backup: dumping the replica set (--oplog: one point in time for every database)"
mongodump "${tool_options[@]}" --oplog --gzip --archive="$archive" --quiet

# A dump that cannot be decompressed is no backup.
if ! gzip -t "$archive" 2>"$work/gzip.err"; then
  echo "misty-backup: verification failed (gzip -t): $(cat "$work/gzip.err")" >&2
  exit 1
fi
size="$(wc -c < "$archive" | tr -d ' ')"
echo "misty-backup: verified $size bytes"

mv "$partial" "$BACKUP_DIR/$stamp"
echo "misty-backup: completed $BACKUP_DIR/$stamp"

# Completed backups (named by timestamp) and stale partial runs only; nothing else in the folder.
apply_retention() {
  local dir="$1"
  if [ "$BACKUP_RETENTION_DAYS" -gt 0 ]; then
    find "$dir" -mindepth 1 -maxdepth 1 -type d \( -name "$STAMP_PATTERN" -o -name '*.partial' \) \
      -mtime "+$BACKUP_RETENTION_DAYS" -print -exec rm -rf {} + \
      | sed 's/^/misty-backup: deleted (older than retention) /'
  fi
  if [ "$BACKUP_RETENTION_COUNT" -gt 0 ]; then
    # Timestamps sort by time: everything before the newest COUNT goes.
    find "$dir" -mindepth 1 -maxdepth 1 -type d -name "$STAMP_PATTERN" -printf '%f\n' | sort -r \
      | tail -n "+$((BACKUP_RETENTION_COUNT + 1))" | while read -r old; do
        rm -rf "${dir:?}/$old"
        echo "misty-backup: deleted (more than $BACKUP_RETENTION_COUNT backups) $dir/$old"
      done
  fi
}

if [ -n "$BACKUP_COPY_DIR" ]; then
  mkdir -p "$BACKUP_COPY_DIR"
  rm -rf "$BACKUP_COPY_DIR/$stamp.partial"
  cp -R "$BACKUP_DIR/$stamp" "$BACKUP_COPY_DIR/$stamp.partial"
  gzip -t "$BACKUP_COPY_DIR/$stamp.partial/dump.archive.gz"
  mv "$BACKUP_COPY_DIR/$stamp.partial" "$BACKUP_COPY_DIR/$stamp"
  echo "misty-backup: copied to $BACKUP_COPY_DIR/$stamp"
  apply_retention "$BACKUP_COPY_DIR"
fi
trap 'rm -rf "$work"' EXIT

apply_retention "$BACKUP_DIR"

# Freshness: written last, only when everything above succeeded. Replaced atomically.
now="$(date -u +%s)"
printf '%s\n%s\n' "$now" "$stamp" > "$BACKUP_STATUS_FILE.tmp"
mv "$BACKUP_STATUS_FILE.tmp" "$BACKUP_STATUS_FILE"
if [ -n "$BACKUP_METRICS_FILE" ]; then
  {
    echo "# HELP misty_backup_last_success_timestamp_seconds When the last verified MongoDB backup completed."
    echo "# TYPE misty_backup_last_success_timestamp_seconds gauge"
    echo "misty_backup_last_success_timestamp_seconds $now"
    echo "# HELP misty_backup_last_size_bytes Size of the last verified MongoDB backup."
    echo "# TYPE misty_backup_last_size_bytes gauge"
    echo "misty_backup_last_size_bytes $size"
  } > "$BACKUP_METRICS_FILE.tmp"
  mv "$BACKUP_METRICS_FILE.tmp" "$BACKUP_METRICS_FILE"
fi
echo "misty-backup: freshness recorded in $BACKUP_STATUS_FILE"
