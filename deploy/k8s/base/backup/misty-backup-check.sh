#!/usr/bin/env bash
# Freshness check of the backups (compose health check, monitoring): exit 0 when the last successful run of
# misty-backup.sh is younger than BACKUP_MAX_AGE_HOURS (default 26: a daily backup plus slack), 1 otherwise,
# with one line saying which.
#
#   BACKUP_STATUS_FILE   the freshness file misty-backup.sh writes (default BACKUP_DIR/last-success)
set -euo pipefail

BACKUP_DIR="${BACKUP_DIR:-/backups}"
BACKUP_STATUS_FILE="${BACKUP_STATUS_FILE:-$BACKUP_DIR/last-success}"
BACKUP_MAX_AGE_HOURS="${BACKUP_MAX_AGE_HOURS:-26}"

if [ ! -s "$BACKUP_STATUS_FILE" ]; then
  echo "misty-backup-check: STALE: no successful backup recorded ($BACKUP_STATUS_FILE missing)"
  exit 1
fi
last="$(head -n 1 "$BACKUP_STATUS_FILE")"
name="$(sed -n 2p "$BACKUP_STATUS_FILE")"
if ! [[ "$last" =~ ^[0-9]+$ ]]; then
  echo "misty-backup-check: STALE: $BACKUP_STATUS_FILE is unreadable"
  exit 1
fi
age_hours=$(( ($(date -u +%s) - last) / 3600 ))
if [ "$age_hours" -ge "$BACKUP_MAX_AGE_HOURS" ]; then
  echo "misty-backup-check: STALE: last successful backup $name is $age_hours h old (limit $BACKUP_MAX_AGE_HOURS h)"
  exit 1
fi
echo "misty-backup-check: OK: last successful backup $name, $age_hours h ago"
