#!/usr/bin/env bash
# The suite's Kafka principals, topics and ACLs, applied over the broker's loopback-only PLAINTEXT listener
# (127.0.0.1:9094, whose ANONYMOUS principal is the only super user; nothing outside this container reaches it).
# Idempotent: run at every start by start-kafka.sh. Passwords come from /run/secrets/kafka_<principal>_password
# and reach kafka-configs in a file (--add-config-file), never on a command line.
#
#   principal           writes            reads (consumer group = principal)
#   auth-service        auth.events       auth.events
#   inventory-service   inventory.events, inventory.stock-levels
#                                         orders.events, auth.events
#   payroll-service     payroll.events    auth.events
#   order-service       orders.events     inventory.events, auth.events
#   gateway             -                 all five topics (no consumer group: it assigns partitions itself)
set -euo pipefail

bin=/opt/kafka/bin
admin=(--bootstrap-server 127.0.0.1:9094)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
umask 077

for topic in auth.events inventory.events inventory.stock-levels payroll.events orders.events; do
  "$bin/kafka-topics.sh" "${admin[@]}" --create --if-not-exists --topic "$topic" \
    --partitions "${MISTY_KAFKA_PARTITIONS:-3}" --replication-factor 1 >/dev/null
done

for principal in auth-service inventory-service payroll-service order-service gateway; do
  password="$(tr -d '\n' < "/run/secrets/kafka_${principal//-/_}_password")"
  printf 'SCRAM-SHA-512=[iterations=8192,%s=%s]\n' password "$password" > "$work/scram.properties"
  "$bin/kafka-configs.sh" "${admin[@]}" --alter --entity-type users --entity-name "$principal" \
    --add-config-file "$work/scram.properties" >/dev/null
done

allow() { "$bin/kafka-acls.sh" "${admin[@]}" --add --force "$@" >/dev/null; }
writes() { allow --allow-principal "User:$1" --operation Write --operation Describe --topic "$2"; }
reads() { allow --allow-principal "User:$1" --operation Read --operation Describe --topic "$2"; }
group() { allow --allow-principal "User:$1" --operation Read --group "$1" --resource-pattern-type prefixed; }

writes auth-service auth.events
writes inventory-service inventory.events
writes inventory-service inventory.stock-levels
writes payroll-service payroll.events
writes order-service orders.events
for service in auth-service inventory-service payroll-service order-service; do
  reads "$service" auth.events
  group "$service"
done
reads inventory-service orders.events
reads order-service inventory.events
for topic in auth.events inventory.events inventory.stock-levels payroll.events orders.events; do
  reads gateway "$topic"
done
echo "kafka-security: users, topics and ACLs applied"
