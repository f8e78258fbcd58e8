#!/usr/bin/env bash
# Prepares a fresh installation next to docker-compose.yml, once:
#   - secrets/jwt-signing-key.pem + jwt-public-key.pem: auth-service's RS256 key pair (PKCS#8, 2048 bit)
#   - .env from .env.example, with a random MISTY_ADMIN_BOOTSTRAP_PASSWORD
#   - backups/, writable by the backup container's user
# Existing files are kept, so running it again changes nothing. Needs openssl.
set -euo pipefail
cd "$(dirname "$0")"

command -v openssl >/dev/null || { echo "init-secrets: openssl is needed" >&2; exit 1; }
umask 077

mkdir -p secrets
if [ ! -f secrets/jwt-signing-key.pem ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out secrets/jwt-signing-key.pem 2>/dev/null
  openssl pkey -in secrets/jwt-signing-key.pem -pubout -out secrets/jwt-public-key.pem
  echo "init-secrets: made the JWT key pair in secrets/"
fi
# MongoDB passwords, one file per user (never on a command line, never in .env).
for user in backup; do
  if [ ! -f "secrets/mongodb-$user-password" ]; then
    openssl rand -hex 24 > "secrets/mongodb-$user-password"
    echo "init-secrets: made secrets/mongodb-$user-password"
  fi
done
# The services run as uid 185 and compose mounts these files as they are: the folder keeps other host
# users out, the files must be readable by uid 185 (owned by it when run as root).
chmod 700 secrets
if [ "$(id -u)" = 0 ]; then
  chown 185:185 secrets/jwt-signing-key.pem secrets/jwt-public-key.pem
  chmod 400 secrets/jwt-signing-key.pem secrets/jwt-public-key.pem
  chown 999:999 secrets/mongodb-backup-password
  chmod 400 secrets/mongodb-backup-password
else
  chmod 444 secrets/mongodb-backup-password
  chmod 444 secrets/jwt-signing-key.pem secrets/jwt-public-key.pem
fi

if [ ! -f .env ]; then
  password="$(openssl rand -base64 24 | tr -d '/+=\n' | cut -c1-24)"
  key=MISTY_ADMIN_BOOTSTRAP_PASSWORD
  sed "s|^$key=.*|$key=$password|" .env.example > .env
  echo "init-secrets: wrote .env; the admin password is MISTY_ADMIN_BOOTSTRAP_PASSWORD in it"
fi

backups="$(sed -n 's/^MISTY_BACKUP_PATH=//p' .env)"
backups="${backups:-./backups}"
mkdir -p "$backups"
if [ "$(id -u)" = 0 ]; then
  backup_user="$(sed -n 's/^MISTY_BACKUP_USER=//p' .env)"
  chown "${backup_user:-999:999}" "$backups"
else
  echo "init-secrets: make $backups writable by uid 999 (sudo chown 999:999 $backups), or set MISTY_BACKUP_USER"
fi
echo "init-secrets: ready; start with: docker-compose up -d"
