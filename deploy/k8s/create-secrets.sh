#!/usr/bin/env bash
# Creates the suite's Secrets in the cluster (never in the repository):
#   misty-auth-jwt-keys     auth-service's RS256 key pair (jwt-signing-key.pem, jwt-public-key.pem)
#   misty-auth-bootstrap    admin-password: the first admin's password (printed once)
# and, with --mongodb-hosts HOSTS (a MongoDB no operator manages), one misty-mongodb-<user> Secret per service,
# backup and restore with key connectionString.standard: each user its own random password and, for a service,
# its own database (mongodb://<user>:<password>@HOSTS/<db>?replicaSet=rs0&authSource=admin). The users
# themselves are created by a mongosh script written to a file only you can read (its path is printed):
# run it once as a MongoDB administrator, then delete it. With the MongoDB Community Operator
# (operators/mongodb-community.yaml) the operator writes those Secrets instead.
#
#   deploy/k8s/create-secrets.sh [--namespace misty] [--mongodb-hosts host1:27017,host2:27017] [--dry-run]
#
# --dry-run prints the Secrets as YAML instead of creating them (kubectl --dry-run=client).
# Existing Secrets are left alone: delete one first to replace it. Needs kubectl and openssl.
set -euo pipefail

namespace=misty
mongodb_hosts=""
dry_run=()
while [ $# -gt 0 ]; do
  case "$1" in
    --namespace) namespace="$2"; shift 2 ;;
    --mongodb-hosts) mongodb_hosts="$2"; shift 2 ;;
    --dry-run) dry_run=(--dry-run=client -o yaml); shift ;;
    *) echo "usage: $0 [--namespace NS] [--mongodb-hosts HOST:PORT,...] [--dry-run]" >&2; exit 2 ;;
  esac
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
umask 077

exists() {
  [ ${#dry_run[@]} -eq 0 ] && kubectl -n "$namespace" get secret "$1" >/dev/null 2>&1
}

if exists misty-auth-jwt-keys; then
  echo "create-secrets: misty-auth-jwt-keys exists, kept" >&2
else
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/jwt-signing-key.pem" 2>/dev/null
  openssl pkey -in "$work/jwt-signing-key.pem" -pubout -out "$work/jwt-public-key.pem"
  kubectl -n "$namespace" create secret generic misty-auth-jwt-keys "${dry_run[@]}" \
    --from-file=jwt-signing-key.pem="$work/jwt-signing-key.pem" \
    --from-file=jwt-public-key.pem="$work/jwt-public-key.pem"
fi

if exists misty-auth-bootstrap; then
  echo "create-secrets: misty-auth-bootstrap exists, kept" >&2
else
  password="$(openssl rand -base64 24 | tr -d '/+=\n' | cut -c1-24)"
  kubectl -n "$namespace" create secret generic misty-auth-bootstrap "${dry_run[@]}" \
    --from-literal=admin-password="$password"
  [ ${#dry_run[@]} -gt 0 ] || echo "create-secrets: the first admin's password is: $password" >&2
fi

if [ -n "$mongodb_hosts" ]; then
  users_script="$(umask 077 && mktemp "${TMPDIR:-/tmp}/misty-mongodb-users.XXXXXX.js")"
  for entry in auth-service:auth inventory-service:inventory payroll-service:payroll order-service:orders \
               backup:admin restore:admin; do
    user="${entry%%:*}"
    db="${entry#*:}"
    if exists "misty-mongodb-$user"; then
      echo "create-secrets: misty-mongodb-$user exists, kept" >&2
      continue
    fi
    secret_value="$(openssl rand -hex 24)"
    case "$user" in
      backup|restore) roles="[{ role: \"$user\", db: \"admin\" }]"; path="" ;;
      *) roles="[{ role: \"readWrite\", db: \"$db\" }]"; path="$db" ;;
    esac
    kubectl -n "$namespace" create secret generic "misty-mongodb-$user" "${dry_run[@]}" \
      --from-literal=connectionString.standard="mongodb://$user:$secret_value@$mongodb_hosts/$path?replicaSet=rs0&authSource=admin"
    printf 'db.getSiblingDB("admin").createUser({ user: "%s", %s: "%s", roles: %s });\n' \
      "$user" pwd "$secret_value" "$roles" >> "$users_script"
  done
  echo "create-secrets: run $users_script once with mongosh as a MongoDB administrator, then delete it" >&2
fi
