#!/usr/bin/env bash
# Runs the whole suite on this machine: builds what is missing, then starts a real Kafka broker, the MongoDB
# stand-in and the five services, waits until all are ready and stops everything on Ctrl-C.
# Options: ./run-suite.sh --help   (external Kafka/MongoDB: --kafka=HOST:PORT --mongodb=URI)
set -euo pipefail
cd "$(dirname "$0")"

die() { echo "error: $*" >&2; exit 1; }

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v "$JAVA" >/dev/null 2>&1 || die "java not found: install Java 17 or newer, or set JAVA_HOME"
java_major=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[ "${java_major%%.*}" -ge 17 ] 2>/dev/null || die "Java 17 or newer is needed, found ${java_major:-unknown} at $(command -v "$JAVA")"

launcher=deploy/local-suite/target/local-suite.jar
stamp=deploy/local-suite/target/suite-build.stamp
modules=(auth-service inventory-service payroll-service order-service gateway)
needs_build=false
[ -f "$launcher" ] && [ -f "$stamp" ] || needs_build=true
for m in "${modules[@]}"; do [ -f "$m/target/quarkus-app/quarkus-run.jar" ] || needs_build=true; done
# Rebuild when application sources changed since this script's last build (e.g. after a git pull).
if [ "$needs_build" = false ] && [ -n "$(find . \( -path ./.data -o -name target -o -name test -o -path ./.git \) -prune -o \( -name '*.java' -o -name '*.properties' -o -name pom.xml \) -newer "$stamp" -print -quit)" ]; then
  needs_build=true
fi
if [ "$needs_build" = true ]; then
  echo "Building the suite (first run or sources changed)..."
  ./mvnw -q -B -DskipTests package || die "the build failed; see the Maven output above"
  touch "$stamp"
fi

exec "$JAVA" -Xms16m -Xmx48m -XX:+UseSerialGC -jar "$launcher" "$@"
