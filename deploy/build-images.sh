#!/usr/bin/env bash
# Builds the five service images for linux/amd64 and linux/arm64 with docker buildx and tags them with the
# release tag: the git commit they were built from (short SHA), never a mutable tag such as latest.
#
#   deploy/build-images.sh [--registry registry.example.com/misty] [--push] [--set-tags] [--base-image IMAGE]
#
#   --registry R    image names R/<module> (default: misty/<module>)
#   --push          push the multi-arch images (a multi-arch image cannot be loaded into the local engine;
#                   without --push the build runs for both platforms, then loads the builder's own platform)
#   --set-tags      write the tag into deploy/k8s/base/kustomization.yaml (images: newTag) for the deployment
#   --base-image I  the Java 17 runtime image (default eclipse-temurin:17-jre)
#
# The base image is pinned by digest at build time: the tag is resolved once
# (docker buildx imagetools inspect) and every image is built FROM that exact digest, which is also recorded
# in the image's OCI labels (org.opencontainers.image.base.name / base.digest). Set MISTY_BASE_IMAGE_DIGEST
# (sha256:...) to build from a digest you reviewed instead of resolving the tag.
# Needs Java 17 (the Maven build), git, and Docker with buildx (for arm64 on an amd64 builder: QEMU/binfmt,
# e.g. docker run --privileged --rm tonistiigi/binfmt --install arm64).
set -euo pipefail
cd "$(dirname "$0")/.."

modules=(auth-service inventory-service payroll-service order-service gateway)
platforms=linux/amd64,linux/arm64
registry=misty
push=false
set_tags=false
base_image=eclipse-temurin:17-jre
while [ $# -gt 0 ]; do
  case "$1" in
    --registry) registry="$2"; shift 2 ;;
    --push) push=true; shift ;;
    --set-tags) set_tags=true; shift ;;
    --base-image) base_image="$2"; shift 2 ;;
    *) sed -n '2,20p' "$0" >&2; exit 2 ;;
  esac
done

if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "build-images: the working tree has uncommitted changes; a release tag must name what was built. Commit first." >&2
  exit 2
fi
tag="$(git rev-parse --short=12 HEAD)"
revision="$(git rev-parse HEAD)"
version="$(sed -n 's:^    <version>\(.*\)</version>:\1:p' pom.xml | head -1)"
created="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
source_url="$(git config --get remote.origin.url || echo unknown)"

# Pin the base image: the digest of its multi-platform index, resolved once for all five images.
digest="${MISTY_BASE_IMAGE_DIGEST:-}"
if [ -z "$digest" ]; then
  digest="$(docker buildx imagetools inspect "$base_image" --format '{{json .Manifest}}' \
    | sed -n 's/.*"digest":"\(sha256:[0-9a-f]\{64\}\)".*/\1/p' | head -1)"
fi
if ! [[ "$digest" =~ ^sha256:[0-9a-f]{64}$ ]]; then
  echo "build-images: cannot resolve the digest of $base_image (set MISTY_BASE_IMAGE_DIGEST=sha256:...)" >&2
  exit 1
fi
pinned="${base_image%%@*}@$digest"
echo "build-images: base image $pinned"

./mvnw -B -q package -DskipTests -pl "$(IFS=,; echo "${modules[*]}")" -am

for module in "${modules[@]}"; do
  image="$registry/$module:$tag"
  echo "build-images: $image ($platforms)"
  output=(--push)
  if [ "$push" = false ]; then
    # Build (and so check) both platforms, then load the builder's own into the local engine.
    docker buildx build --platform "$platforms" -f "$module/src/main/docker/Dockerfile.jvm" \
      --build-arg BASE_IMAGE="$pinned" "$module"
    output=(--load)
    build_platforms="linux/$(docker version --format '{{.Server.Arch}}')"
  else
    build_platforms="$platforms"
  fi
  docker buildx build --platform "$build_platforms" "${output[@]}" \
    -f "$module/src/main/docker/Dockerfile.jvm" \
    --build-arg BASE_IMAGE="$pinned" \
    --label org.opencontainers.image.title="misty-$module" \
    --label org.opencontainers.image.version="$version+$tag" \
    --label org.opencontainers.image.revision="$revision" \
    --label org.opencontainers.image.created="$created" \
    --label org.opencontainers.image.source="$source_url" \
    --label org.opencontainers.image.base.name="$base_image" \
    --label org.opencontainers.image.base.digest="$digest" \
    -t "$image" "$module"
done

if [ "$set_tags" = true ]; then
  sed -i "s/^    newTag: .*/    newTag: \"$tag\"/" deploy/k8s/base/kustomization.yaml
  echo "build-images: deploy/k8s/base/kustomization.yaml now deploys $tag"
fi
echo "build-images: release tag $tag — compose: MISTY_VERSION=$tag in .env; Kubernetes: newTag $tag (--set-tags)"
