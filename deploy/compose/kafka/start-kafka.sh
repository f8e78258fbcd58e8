#!/usr/bin/env bash
# The kafka container's command: starts the broker as the apache/kafka image does (/etc/kafka/docker/run), then,
# once its loopback-only listener answers, applies the suite's SCRAM users, topics and ACLs
# (kafka-security.sh), and waits for the broker. SIGTERM goes to the broker, which shuts down cleanly.
set -uo pipefail

/etc/kafka/docker/run &
broker=$!
trap 'kill -TERM "$broker" 2>/dev/null; wait "$broker"; exit $?' TERM INT

until (exec 3<>/dev/tcp/127.0.0.1/9094) 2>/dev/null; do
  kill -0 "$broker" 2>/dev/null || { wait "$broker"; exit $?; }
  sleep 2
done
# The admin tools are small JVMs beside the broker in the same memory limit.
KAFKA_HEAP_OPTS="-Xmx48m -XX:TieredStopAtLevel=1" bash /etc/misty/kafka-security.sh \
  || echo "start-kafka: applying users and ACLs failed; the services cannot authenticate until it succeeds (restart kafka)" >&2
wait "$broker"
