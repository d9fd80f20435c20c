#!/usr/bin/env bash
# scripts/publish.sh [--no-cli] [--no-build] [OUT]: a release layout of Peerd in OUT (default dist/), ready to unpack at /opt:
#
#   OUT/peerd/                           the tree for /opt/peerd (packaging/README.md installs it)
#     bin/peerd                          -> ../lib/peerd/peerd, the daemon (framework-dependent: needs the .NET 10
#                                           runtime with ASP.NET Core, and libsecp256k1 from Debian)
#     bin/peerd-cli                      the client, a native executable (NativeAOT; no runtime needed)
#     bin/peerd-cli-xrpl                 its XRPL admin client (`peerd-cli xrpl …` runs it), the same
#     lib/peerd/                         the daemon's assemblies and its apphost
#     lib/systemd/system/peerd.service   the systemd unit (packaging/systemd)
#     lib/sysusers.d/peerd.conf          its user and group (systemd-sysusers)
#     share/man/man8/peerd.8, share/man/man1/peerd-cli.1
#     share/doc/peerd/README.md
#   OUT/peerd-<version>-<rid>.tar.gz     the same tree as one archive
#
# --no-cli skips the client (its NativeAOT link is the slow part); --no-build publishes the daemon from the Release
# build already made (by `dotnet test -c Release`). The tests use both to check the daemon's layout in seconds.
# Nothing here is committed: dist/ is a build output.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli=1
build=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-cli) cli=; shift ;;
    --no-build) build=(--no-build); shift ;;
    *) break ;;
  esac
done
out="$(realpath -m "${1:-$root/dist}")"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)"
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64) rid=linux-arm64 ;;
  *) rid="linux-$(uname -m)" ;;
esac

tree="$out/peerd"
rm -rf "$tree"
mkdir -p "$tree/bin" "$tree/lib/systemd/system" "$tree/lib/sysusers.d" "$tree/share/man/man8" "$tree/share/man/man1" "$tree/share/doc/peerd"
echo "peerd: publishing the daemon to $tree/lib/peerd" >&2
dotnet publish "$root/src/Peerd.Daemon" -c Release "${build[@]}" -o "$tree/lib/peerd" --nologo -v q >&2
ln -s ../lib/peerd/peerd "$tree/bin/peerd"
if [ -n "$cli" ]; then
  echo "peerd: publishing peerd-cli (NativeAOT)" >&2
  "$root/scripts/deps.sh" runtime
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  dotnet publish "$root/src/Peerd.Cli" -c Release -o "$scratch" --nologo -v q >&2
  install -m 0755 "$scratch/peerd-cli" "$tree/bin/peerd-cli"
  install -m 0755 "$scratch/peerd-cli-xrpl" "$tree/bin/peerd-cli-xrpl"
fi
install -m 0644 "$root/packaging/systemd/peerd.service" "$tree/lib/systemd/system/peerd.service"
install -m 0644 "$root/packaging/systemd/peerd.sysusers" "$tree/lib/sysusers.d/peerd.conf"
install -m 0644 "$root/docs/man/peerd.8" "$tree/share/man/man8/peerd.8"
install -m 0644 "$root/docs/man/peerd-cli.1" "$tree/share/man/man1/peerd-cli.1"
install -m 0644 "$root/README.md" "$tree/share/doc/peerd/README.md"
tar -C "$out" -czf "$out/peerd-$version-$rid.tar.gz" peerd
echo "$out/peerd-$version-$rid.tar.gz"
