#!/usr/bin/env bash
# scripts/pack.sh [OUT]: NuGet packages of the libraries (.nupkg and .snupkg) in OUT (default dist/nuget/):
# Peerd.Primitives, Peerd.Crypto, Peerd.Lightning.Protocol, Peerd.Xrpl.Protocol. OUT is then a local folder feed
# (samples/Handshake/nuget.config names dist/nuget). The build goes to its own artifacts folder, so packing never
# touches the bin/ and obj/ of a developer's or a test run's build.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$root/dist/nuget}")"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
mkdir -p "$out"
for project in Peerd.Primitives Peerd.Crypto Peerd.Lightning.Protocol Peerd.Xrpl.Protocol; do
  echo "peerd: packing $project" >&2
  dotnet pack "$root/src/$project" -c Release --artifacts-path "$build" -o "$out" --nologo -v q >&2
done
ls "$out"/*.nupkg
