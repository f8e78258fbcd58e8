#!/usr/bin/env bash
# The compose backup service: runs misty-backup.sh every day at BACKUP_AT (HH:MM, container time zone),
# for as long as the container lives. BACKUP_ON_START=true (compose sets it) also backs up right after a start,
# so the freshness check (misty-backup-check.sh, the container's health check) is green from the first run on.
set -euo pipefail

BACKUP_AT="${BACKUP_AT:-02:30}"
here="$(cd "$(dirname "$0")" && pwd)"

if ! [[ "$BACKUP_AT" =~ ^([01][0-9]|2[0-3]):[0-5][0-9]$ ]]; then
  echo "misty-backup: BACKUP_AT must be HH:MM, not '$BACKUP_AT'" >&2
  exit 2
fi

if [ "${BACKUP_ON_START:-false}" = "true" ]; then
  bash "$here/misty-backup.sh" || echo "misty-backup: run failed; the next one is at $BACKUP_AT" >&2
fi

while true; do
  now="$(date +%s)"
  next="$(date -d "today $BACKUP_AT" +%s)"
  if [ "$next" -le "$now" ]; then
    next="$(date -d "tomorrow $BACKUP_AT" +%s)"
  fi
  echo "misty-backup: next run at $(date -d "@$next" '+%Y-%m-%d %H:%M %Z')"
  sleep "$((next - now))"
  # A failed run is logged and retried the next day; the container keeps running.
  bash "$here/misty-backup.sh" || echo "misty-backup: run failed; the next one is at $BACKUP_AT" >&2
done
