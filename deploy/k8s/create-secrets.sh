#!/usr/bin/env bash
# Creates the suite's Secrets in the cluster (never in the repository):
#   misty-auth-jwt-keys     auth-service's RS256 key pair (jwt-signing-key.pem, jwt-public-key.pem)
#   misty-auth-bootstrap    admin-password: the first admin's password (printed once)
# and, with --mongodb-uri URI (no operator managing users), one misty-mongodb-<user> Secret per service,
# backup and restore with key connectionString.standard. With the MongoDB Community Operator
# (operators/mongodb-community.yaml) the operator writes those instead.
#
#   deploy/k8s/create-secrets.sh [--namespace misty] [--mongodb-uri mongodb://...] [--dry-run]
#
# --dry-run prints the Secrets as YAML instead of creating them (kubectl --dry-run=client).
# Existing Secrets are left alone: delete one first to replace it. Needs kubectl and openssl.
set -euo pipefail

namespace=misty
mongodb_uri=""
dry_run=()
while [ $# -gt 0 ]; do
  case "$1" in
    --namespace) namespace="$2"; shift 2 ;;
    --mongodb-uri) mongodb_uri="$2"; shift 2 ;;
    --dry-run) dry_run=(--dry-run=client -o yaml); shift ;;
    *) echo "usage: $0 [--namespace NS] [--mongodb-uri URI] [--dry-run]" >&2; exit 2 ;;
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

if [ -n "$mongodb_uri" ]; then
  for user in auth-service inventory-service payroll-service order-service backup restore; do
    if exists "misty-mongodb-$user"; then
      echo "create-secrets: misty-mongodb-$user exists, kept" >&2
    else
      kubectl -n "$namespace" create secret generic "misty-mongodb-$user" "${dry_run[@]}" \
        --from-literal=connectionString.standard="$mongodb_uri"
    fi
  done
fi
