#!/usr/bin/env bash
# Prepares a fresh installation next to docker-compose.yml, once (run it as root, e.g. with sudo, so that each
# file belongs to the container user that reads it):
#   - secrets/jwt-signing-key.pem + jwt-public-key.pem: auth-service's RS256 key pair (PKCS#8, 2048 bit)
#   - secrets/mongodb-keyfile: the replica set's keyfile (turns on authentication)
#   - secrets/mongodb-<user>-password: root, one per service, backup, restore
#   - secrets/kafka-<principal>-password: one SCRAM principal per service and the gateway
#   - secrets/<service>.properties: what each service container reads from /deployments/config/: its MongoDB
#     and Kafka passwords (the compose file's connection string and JAAS config refer to them)
#   - secrets/tls/ for the operator's certificate (tls profile), .env from .env.example with a random
#     MISTY_ADMIN_BOOTSTRAP_PASSWORD, and backups/ writable by the backup container's user
# Existing files are kept, so running it again changes nothing (a missing file is added). Needs openssl.
set -euo pipefail
cd "$(dirname "$0")"

command -v openssl >/dev/null || { echo "init-secrets: openssl is needed" >&2; exit 1; }
umask 077

SERVICES=(auth-service inventory-service payroll-service order-service)
MONGODB_USERS=(root "${SERVICES[@]}" backup restore)
KAFKA_PRINCIPALS=("${SERVICES[@]}" gateway)
as_root() { [ "$(id -u)" = 0 ]; }
# A file only its container user may read (owned by that uid when run as root).
own() {
  local uid="$1"
  shift
  if as_root; then
    chown "$uid:$uid" "$@"
    chmod 400 "$@"
  else
    chmod 444 "$@"
  fi
}

mkdir -p secrets secrets/tls
if [ ! -f secrets/jwt-signing-key.pem ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out secrets/jwt-signing-key.pem 2>/dev/null
  openssl pkey -in secrets/jwt-signing-key.pem -pubout -out secrets/jwt-public-key.pem
  echo "init-secrets: made the JWT key pair in secrets/"
fi
if [ ! -f secrets/mongodb-keyfile ]; then
  openssl rand -base64 756 > secrets/mongodb-keyfile
  echo "init-secrets: made secrets/mongodb-keyfile"
fi
for user in "${MONGODB_USERS[@]}"; do
  [ -f "secrets/mongodb-$user-password" ] || openssl rand -hex 24 > "secrets/mongodb-$user-password"
done
for principal in "${KAFKA_PRINCIPALS[@]}"; do
  [ -f "secrets/kafka-$principal-password" ] || openssl rand -hex 24 > "secrets/kafka-$principal-password"
done
for service in "${SERVICES[@]}" gateway; do
  file="secrets/$service.properties"
  [ ! -f "$file" ] || continue
  {
    echo "# $service's secrets, read by Quarkus from /deployments/config/application.properties. Made by init-secrets.sh."
    [ "$service" = gateway ] || echo "misty.mongodb.password=$(cat "secrets/mongodb-$service-password")"
    echo "misty.kafka.password=$(cat "secrets/kafka-$service-password")"
  } > "$file"
done
echo "init-secrets: MongoDB and Kafka passwords and the services' secret files are in secrets/"

# The folder keeps other host users out; each file is readable by the uid of the container that reads it:
# 185 the services, 999 MongoDB (keyfile, its init, the backup), 1000 Kafka (apache/kafka's appuser).
chmod 700 secrets
own 185 secrets/jwt-signing-key.pem secrets/jwt-public-key.pem secrets/*.properties
own 999 secrets/mongodb-keyfile secrets/mongodb-*-password
own 1000 secrets/kafka-*-password
if as_root; then
  # Docker reads the folder's files for the containers; the containers' users need to pass through it.
  chmod 711 secrets
else
  echo "init-secrets: not run as root: the files are readable by everyone on this host; run it with sudo on the NAS"
  chmod 600 secrets/mongodb-keyfile   # mongod refuses a keyfile others can read
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
if as_root; then
  backup_user="$(sed -n 's/^MISTY_BACKUP_USER=//p' .env)"
  chown "${backup_user:-999:999}" "$backups"
else
  echo "init-secrets: make $backups writable by uid 999 (sudo chown 999:999 $backups), or set MISTY_BACKUP_USER"
fi
echo "init-secrets: ready; start with: docker-compose up -d"
