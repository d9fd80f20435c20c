#!/usr/bin/env bash
# Installs what Peerd needs on a fresh Debian machine, idempotently: each step is a no-op when already done.
#   scripts/deps.sh runtime   -> libsecp256k1 (needed to run the daemon), and gcc with libc's headers (the linker of
#                                the NativeAOT peerd-cli, when clang is not installed)
#   scripts/deps.sh test      -> runtime + the tools and npm packages the tests use
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
what="${1:-runtime}"

apt_packages=(libsecp256k1-1 gcc libc6-dev)
if [ "$what" = test ]; then
  # man-db and groff-base render docs/man; systemd's systemd-analyze and systemd-sysusers check packaging/systemd;
  # xz-utils unpacks the mainnet graph; dnsmasq-base serves the BOLT 10 DNS seed tests; curl scrapes --metrics-addr
  # and python3-prometheus-client parses what it got (Prometheus's text format, with the Prometheus project's parser).
  apt_packages+=(microsocks man-db groff-base systemd xz-utils dnsmasq-base curl python3-prometheus-client)
fi

missing=()
for p in "${apt_packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "peerd: installing ${missing[*]} (apt)" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
fi

if [ "$what" = test ]; then
  interop="$root/tests/interop"
  stamp="$interop/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$interop/package-lock.json" -nt "$stamp" ]; then
    echo "peerd: installing the npm interop peers" >&2
    (cd "$interop" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
fi
