#!/usr/bin/env bash
# scripts/build.sh <Project> <output-name>: publishes src/<Project> to artifacts/<output-name> when any source is
# newer than the last build (a no-op otherwise, so ./peerd starts at once). Build outputs (bin/, obj/) are not sources:
# any `dotnet build` or `dotnet test` rewrites their .json files, which must not force a new publish.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$1"; name="$2"
out="$root/artifacts/$name"
stamp="$out/.built"
if [ -f "$stamp" ] && [ -z "$(find "$root/src" "$root/Directory.Build.props" "$root/Directory.Packages.props" "$root/global.json" \
      \( -path "$root/src/*/bin" -o -path "$root/src/*/obj" \) -prune -o \
      -newer "$stamp" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.proto' -o -name '*.json' \) -print -quit)" ]; then
  exit 0
fi
echo "peerd: building $name" >&2
dotnet publish "$root/src/$project" -c Release -o "$out" --nologo -v q >&2
touch "$stamp"
