#!/usr/bin/env bash
# Imports the original system's MongoDB database into the running suite (see README.md, "Import from the original
# system"). Example: ./import-original.sh --from mongodb://nas:27017/misty --dry-run      Options: --help
set -euo pipefail
cd "$(dirname "$0")"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v "$JAVA" >/dev/null 2>&1 || { echo "error: java not found: install Java 17 or newer, or set JAVA_HOME" >&2; exit 1; }

launcher=deploy/local-suite/target/local-suite.jar
if [ ! -f "$launcher" ] || [ -n "$(find deploy/local-suite/src/main contracts/src/main -newer "$launcher" -print -quit)" ]; then
  echo "Building the importer..."
  ./mvnw -q -B -DskipTests -pl deploy/local-suite -am package || { echo "error: the build failed; see the Maven output above" >&2; exit 1; }
fi

exec "$JAVA" -Xmx512m -cp "$launcher" com.misty.suite.importer.ImportOriginal "$@"
