#!/usr/bin/env bash
# Builds the five service images misty/<module>:<version> from this working tree (needs Java 17 and a
# Docker engine). The version is the project's (root pom) unless given: deploy/build-images.sh [version]
set -euo pipefail
cd "$(dirname "$0")/.."

modules=(auth-service inventory-service payroll-service order-service gateway)
version="${1:-$(sed -n 's:^    <version>\(.*\)</version>:\1:p' pom.xml | head -1)}"
[ -n "$version" ] || { echo "build-images: cannot read the version from pom.xml; pass it" >&2; exit 2; }

./mvnw -B -q package -DskipTests -pl "$(IFS=,; echo "${modules[*]}")" -am
for module in "${modules[@]}"; do
  echo "build-images: misty/$module:$version"
  docker build -f "$module/src/main/docker/Dockerfile.jvm" -t "misty/$module:$version" "$module"
done
