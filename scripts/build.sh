#!/usr/bin/env bash
# scripts/build.sh <Project> <output-name>: publishes src/<Project> to artifacts/<output-name> when any source is
# newer than the last build (a no-op otherwise, so ./peerd starts at once). A project's sources are its directory,
# plus the rest of src/ when it references other projects, plus the repository-wide build files. Build outputs (bin/,
# obj/) are not sources: any `dotnet build` or `dotnet test` rewrites their .json files, which must not force a publish.
# Beside the build it leaves .built, a stamp dated from before the sources were looked at (an edit made during a
# check or a publish is newer than it, so the next call rebuilds), and .sources, the list of the sources' files and
# directories (relative to the repository, as one `set --` line of sh), which ./peerd-cli compares with the stamp
# without reading any directory.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$1"; name="$2"
out="$root/artifacts/$name"
stamp="$out/.built"
mkdir -p "$out"
exec 9>"$out/.lock"
flock 9                                    # two callers at once: the second waits, then finds the build current
scope=("$root/src/$project")
grep -q '<ProjectReference' "$root/src/$project/$project.csproj" && scope=("$root/src")
build_files=("$root/Directory.Build.props" "$root/Directory.Packages.props" "$root/global.json")
started="$out/.built.next"
touch "$started"
sources() {  # find's expression for the sources, after the paths: $1 = extra test (e.g. -newer stamp)
  find "${scope[@]}" "${build_files[@]}" \( -path "$root/src/*/bin" -o -path "$root/src/*/obj" \) -prune -o "$@"
}
if [ ! -f "$stamp" ] || [ -n "$(sources -newer "$stamp" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.proto' -o -name '*.json' \) -print -quit)" ]; then
  echo "peerd: building $name" >&2
  dotnet publish "$root/src/$project" -c Release -o "$out" --nologo -v q >&2
fi
{
  printf 'set --'   # one line of POSIX sh: `. .sources` sets "$@" to the list, read in one go (a `read` loop reads byte by byte)
  sources \( -type d -o -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.proto' -o -name '*.json' \) \) -print \
    | cut -c "$((${#root} + 2))-" | sed "s/'/'\\\\''/g; s/^/ '/; s/\$/'/" | tr -d '\n'
  echo
} > "$out/.sources.next"
mv "$out/.sources.next" "$out/.sources"
mv "$started" "$stamp"
