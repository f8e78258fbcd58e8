#!/usr/bin/env bash
# Can this machine run the Misty suite? Checks the architecture (64-bit), the CPU features MongoDB 5+ needs
# (x86-64: AVX; arm64: ARMv8.2-A), memory, free disk and the container runtime, then prints one verdict.
#
#   deploy/preflight.sh [--kubernetes] [data folder]
#
# The data folder (default: the current one) is where volumes and backups will live; its free space is
# checked. --kubernetes: a node of a cluster; the Docker/compose check is skipped.
# Exit 0: supported (possibly with warnings); 1: not supported; 2: wrong usage.
#
# For tests, the kernel's files can be replaced: MISTY_PREFLIGHT_CPUINFO (default /proc/cpuinfo) and
# MISTY_PREFLIGHT_MEMINFO (default /proc/meminfo); uname, getconf, df and docker are taken from PATH.
set -uo pipefail

CPUINFO="${MISTY_PREFLIGHT_CPUINFO:-/proc/cpuinfo}"
MEMINFO="${MISTY_PREFLIGHT_MEMINFO:-/proc/meminfo}"
# Memory: the compose limits add up to 2 GiB and the host needs the rest; a "3 GB" machine reports ~2.8 GiB.
MIN_MEMORY_MIB=2800
RECOMMENDED_MEMORY_MIB=3700
# Disk: images ~1.5 GB, MongoDB and Kafka data, a month of backups.
MIN_FREE_DISK_MIB=5120
RECOMMENDED_FREE_DISK_MIB=20480

kubernetes=false
data_dir=.
while [ $# -gt 0 ]; do
  case "$1" in
    --kubernetes) kubernetes=true; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) echo "usage: $0 [--kubernetes] [data folder]" >&2; exit 2 ;;
    *) data_dir="$1"; shift ;;
  esac
done

failures=0
warnings=0
pass() { printf 'PASS  %-12s %s\n' "$1" "$2"; }
warn() { printf 'WARN  %-12s %s\n' "$1" "$2"; warnings=$((warnings + 1)); }
fail() { printf 'FAIL  %-12s %s\n' "$1" "$2"; failures=$((failures + 1)); }

# The CPU's feature flags (x86: "flags", ARM: "Features"), space separated, padded for whole-word matching.
cpu_flags=" $(grep -m1 -E '^(flags|Features)[[:space:]]*:' "$CPUINFO" 2>/dev/null | cut -d: -f2-) "
has_flag() { [[ "$cpu_flags" == *" $1 "* ]]; }
cpu_model="$(grep -m1 -E '^(model name|Hardware|Model)[[:space:]]*:' "$CPUINFO" 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"

# --- architecture and CPU ---
machine="$(uname -m)"
long_bit="$(getconf LONG_BIT 2>/dev/null || echo unknown)"
case "$machine" in
  x86_64|amd64)
    if [ "$long_bit" = 32 ]; then
      fail arch "64-bit CPU ($machine) but a 32-bit userland: MongoDB and the images need a 64-bit OS"
    else
      pass arch "$machine, 64-bit OS"
    fi
    if has_flag avx; then
      pass cpu "AVX present (MongoDB 5+ needs it)${cpu_model:+: $cpu_model}"
    else
      fail cpu "no AVX${cpu_model:+ on $cpu_model}: MongoDB 5+ stops with 'Illegal instruction' (typical: Celeron J3455/J4125/N5105, Atom, Pentium Silver). Use an x86-64 CPU with AVX (Intel Core 2nd gen+, Celeron/Pentium N100 class, AMD Ryzen)"
    fi
    ;;
  aarch64|arm64)
    if [ "$long_bit" = 32 ]; then
      fail arch "64-bit CPU ($machine) but a 32-bit userland: install a 64-bit OS"
    else
      pass arch "$machine, 64-bit OS"
    fi
    # ARMv8.2-A: atomics (LSE) and asimdrdm come with v8.1; of the v8.2+ features, the official mongo image's
    # entrypoint looks for any of fphp dcpop sha3 sm3 sm4 asimddp sha512 sve. Cortex-A53/A72 have none of them.
    missing=""
    for flag in atomics asimdrdm; do
      has_flag "$flag" || missing="$missing $flag"
    done
    v82=""
    for flag in fphp dcpop sha3 sm3 sm4 asimddp sha512 sve; do
      has_flag "$flag" && v82="$flag"
    done
    [ -n "$v82" ] || missing="$missing fphp/dcpop/asimddp/..."
    if [ -z "$missing" ]; then
      pass cpu "ARMv8.2-A features present (MongoDB 5+ needs them)${cpu_model:+: $cpu_model}"
    else
      fail cpu "not ARMv8.2-A (missing:$missing)${cpu_model:+ on $cpu_model}: MongoDB 5+ stops with 'Illegal instruction' (typical: Cortex-A53, A72 as in the Raspberry Pi 4). Use Cortex-A55/A76 or newer (e.g. Raspberry Pi 5, RK3588), Graviton 2+, Apple silicon"
    fi
    ;;
  armv5*|armv6*|armv7*|armv8l|arm|i?86)
    fail arch "$machine is 32-bit: neither MongoDB (64-bit only since 3.4) nor the images run on it"
    fail cpu "not checked further: a 64-bit CPU and OS are needed (x86-64 with AVX or arm64 ARMv8.2-A)"
    ;;
  *)
    fail arch "$machine is not supported: x86-64 with AVX or arm64 ARMv8.2-A"
    ;;
esac

# --- memory ---
mem_total_kib="$(awk '/^MemTotal:/ {print $2}' "$MEMINFO" 2>/dev/null)"
mem_available_kib="$(awk '/^MemAvailable:/ {print $2}' "$MEMINFO" 2>/dev/null)"
if ! [[ "${mem_total_kib:-}" =~ ^[0-9]+$ ]]; then
  fail memory "cannot read MemTotal from $MEMINFO"
else
  total_mib=$((mem_total_kib / 1024))
  available="${mem_available_kib:+, $((mem_available_kib / 1024)) MiB available now}"
  if [ "$total_mib" -lt "$MIN_MEMORY_MIB" ]; then
    fail memory "$total_mib MiB RAM$available: the minimum is 3 GB (the containers' limits add up to 2 GiB, the host needs the rest)"
  elif [ "$total_mib" -lt "$RECOMMENDED_MEMORY_MIB" ]; then
    warn memory "$total_mib MiB RAM$available: enough, 4 GB or more recommended (page cache for MongoDB, room for the NAS's own apps)"
  else
    pass memory "$total_mib MiB RAM$available"
  fi
fi

# --- disk ---
free_kib="$(df -Pk "$data_dir" 2>/dev/null | awk 'NR == 2 {print $4}')"
if ! [[ "${free_kib:-}" =~ ^[0-9]+$ ]]; then
  fail disk "cannot read the free space of $data_dir"
else
  free_mib=$((free_kib / 1024))
  if [ "$free_mib" -lt "$MIN_FREE_DISK_MIB" ]; then
    fail disk "$free_mib MiB free in $data_dir: at least 5 GiB needed (images, MongoDB, Kafka, backups)"
  elif [ "$free_mib" -lt "$RECOMMENDED_FREE_DISK_MIB" ]; then
    warn disk "$free_mib MiB free in $data_dir: 20 GiB or more recommended (a month of backups)"
  else
    pass disk "$free_mib MiB free in $data_dir"
  fi
fi

# --- container runtime ---
if [ "$kubernetes" = true ]; then
  pass runtime "not checked (--kubernetes: the cluster's runtime runs the pods)"
elif ! command -v docker >/dev/null 2>&1; then
  fail runtime "docker not found: install Docker Engine (NAS: the vendor's Container Manager / Container Station)"
else
  server="$(docker version --format '{{.Server.Version}}' 2>/dev/null)"
  if [ -z "$server" ]; then
    fail runtime "docker is installed but its daemon does not answer (is it running? may this user use it?)"
  elif docker compose version >/dev/null 2>&1; then
    pass runtime "Docker $server with compose v2 (docker compose)"
  elif command -v docker-compose >/dev/null 2>&1; then
    pass runtime "Docker $server with $(docker-compose version --short 2>/dev/null || echo docker-compose)"
  else
    fail runtime "Docker $server but no compose (docker compose plugin or docker-compose 1.29+)"
  fi
fi

echo
if [ "$failures" -gt 0 ]; then
  echo "verdict: NOT SUPPORTED ($failures problem(s) above). See deploy/README.md, \"Requirements\"."
  exit 1
elif [ "$warnings" -gt 0 ]; then
  echo "verdict: SUPPORTED, with $warnings warning(s) above."
else
  echo "verdict: SUPPORTED."
fi
exit 0
