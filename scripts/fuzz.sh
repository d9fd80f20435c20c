#!/usr/bin/env bash
# Coverage-guided fuzzing of one decoder of remote bytes (or all of them, one after another):
#   scripts/fuzz.sh TARGET MINUTES      e.g. scripts/fuzz.sh lightning-messages 5
#   scripts/fuzz.sh all MINUTES         every target, MINUTES each, sequentially
#   scripts/fuzz.sh list                the targets
# Installs what is missing (afl++ from apt, the sharpfuzz tool from fuzz/.config/dotnet-tools.json), publishes
# fuzz/Peerd.Fuzz, instruments Peerd's assemblies (and Google.Protobuf) with SharpFuzz, then runs afl-fuzz under
# `nice` for MINUTES starting from fuzz/corpus/TARGET. Afterwards it
#   - minimises the queue with afl-cmin into fuzz/corpus/TARGET (the corpus the replay tests run in CI),
#   - copies each crash to fuzz/regressions/TARGET/crash-<sha> (replayed by the same tests, so it fails until fixed)
#     and prints its exception and the regression test to write beside the decoder's tests,
#   - prints one summary line (executions, edges, corpus size, crashes, hangs) and appends it to fuzz/.work/summary.tsv.
# State lives in fuzz/.work (ignored by git). PEERD_FUZZ_NICE (default 10) sets the niceness.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/fuzz/.work"
nice_level="${PEERD_FUZZ_NICE:-10}"

usage() { echo "usage: scripts/fuzz.sh TARGET|all MINUTES | list" >&2; exit 2; }
[ $# -ge 1 ] || usage

install_tools() {
  if ! command -v afl-fuzz >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "fuzz: installing afl++ (apt)" >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq afl++ >&2
  fi
  (cd "$root/fuzz" && dotnet tool restore >/dev/null)
}

# Publishes and instruments once per source state: a stamp holds the hash of the sources.
build() {
  local state stamp="$work/bin/.instrumented"
  state="$(cd "$root" && find src fuzz/Peerd.Fuzz Directory.Packages.props Directory.Build.props -type f \
    \( -name '*.cs' -o -name '*.csproj' -o -name '*.proto' -o -name '*.props' \) -not -path '*/obj/*' -not -path '*/bin/*' \
    | sort | xargs sha256sum | sha256sum | cut -c1-64)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$state" ]; then
    return
  fi
  rm -rf "$work/bin" "$work/plain"
  echo "fuzz: publishing fuzz/Peerd.Fuzz" >&2
  nice -n "$nice_level" dotnet publish "$root/fuzz/Peerd.Fuzz" -c Release --nologo -v quiet -o "$work/plain" >&2
  # Instrumented code runs only under afl-fuzz; seeds, listing and crash replays use the plain copy.
  cp -r "$work/plain" "$work/bin"
  for dll in "$work/bin"/Peerd.*.dll "$work/bin/Google.Protobuf.dll"; do
    case "$(basename "$dll")" in Peerd.Fuzz.dll) continue ;; esac
    (cd "$root/fuzz" && dotnet sharpfuzz "$dll" >/dev/null)
  done
  echo "$state" >"$stamp"
}

fuzzer() { echo "$(command -v dotnet)" "$work/bin/Peerd.Fuzz.dll" run "$1"; }

afl_env() {
  export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
  export AFL_NO_UI=1 AFL_QUIET=1
  # The address-book target writes its files here (and .NET its debug pipes): nothing is left in the system's
  # temporary folder, and what a killed process left here is removed on the next run.
  export TMPDIR="$work/tmp"
  rm -rf "$TMPDIR" && mkdir -p "$TMPDIR"
}

stat_of() { awk -F' *: *' -v k="$2" '$1 == k { print $2 }' "$1"; }

fuzz_one() {
  local target="$1" minutes="$2"
  local corpus="$root/fuzz/corpus/$target" regressions="$root/fuzz/regressions/$target"
  local out="$work/findings/$target" input="$work/input/$target"
  rm -rf "$out" "$input" "$work/cmin"
  mkdir -p "$input" "$corpus" "$work/findings"
  # Start from the committed corpus and the target's own seeds (new seeds join on every run).
  dotnet "$work/plain/Peerd.Fuzz.dll" seeds "$target" "$input"
  find "$corpus" -type f -exec cp {} "$input/" \;
  echo "fuzz: $target for $minutes min from $(ls "$input" | wc -l) inputs" >&2
  nice -n "$nice_level" afl-fuzz -i "$input" -o "$out" -t 10000 -m none -V "$((minutes * 60))" -- $(fuzzer "$target") >"$work/$target.log" 2>&1 || {
    echo "fuzz: afl-fuzz failed; its log:" >&2; tail -30 "$work/$target.log" >&2; return 1; }
  local stats="$out/default/fuzzer_stats"

  # Minimise: the smallest set of queue entries with the same coverage becomes the committed corpus.
  nice -n "$nice_level" afl-cmin -i "$out/default/queue" -o "$work/cmin" -t 10000 -m none -- $(fuzzer "$target") >"$work/$target.cmin.log" 2>&1 || {
    echo "fuzz: afl-cmin failed; its log:" >&2; tail -30 "$work/$target.cmin.log" >&2; return 1; }
  rm -rf "$corpus" && mkdir -p "$corpus"
  local f kept
  for f in "$work/cmin"/*; do
    kept="$corpus/$(sha256sum "$f" | cut -c1-16)"
    cp "$f" "$kept" && chmod 644 "$kept"
  done

  # Crashes become regression inputs; the replay tests fail on them until the decoder is fixed.
  local crashes=0 hangs=0
  for f in "$out"/default/crashes/id:*; do
    [ -e "$f" ] || continue
    crashes=$((crashes + 1))
    mkdir -p "$regressions"
    local name="crash-$(sha256sum "$f" | cut -c1-16)"
    cp "$f" "$regressions/$name"
    echo "fuzz: CRASH $target: fuzz/regressions/$target/$name (hex: $(head -c 96 "$f" | od -An -tx1 | tr -d ' \n'))" >&2
    dotnet "$work/plain/Peerd.Fuzz.dll" replay "$target" "$regressions/$name" >&2 || true
    cat >&2 <<TEST
fuzz: the replay test (tests/Peerd.Fuzz.Tests) now fails on it; fix the decoder, then add beside its tests:
    [Fact]
    public void FoundByFuzzing_$name()   // name it for what the input does
    {
        var input = Convert.FromHexString("$(od -An -tx1 -v "$f" | tr -d ' \n')");
        // decode input with the decoder fuzz/Peerd.Fuzz/Targets calls for $target; assert its typed error
    }
TEST
  done
  for f in "$out"/default/hangs/id:*; do
    [ -e "$f" ] || continue
    hangs=$((hangs + 1))
    echo "fuzz: HANG $target: $f (over 10 s; replay: dotnet fuzz/.work/plain/Peerd.Fuzz.dll replay $target FILE)" >&2
  done

  local files bytes line
  files="$(find "$corpus" -type f | wc -l)"
  bytes="$(du -sb "$corpus" | cut -f1)"
  line="$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' "$target" "$minutes" "$(stat_of "$stats" execs_done)" "$(stat_of "$stats" execs_per_sec)" \
    "$(stat_of "$stats" edges_found)" "$(stat_of "$stats" total_edges)" "$files files, $bytes B" "$crashes" "$hangs")"
  echo "$line" >>"$work/summary.tsv"
  echo "fuzz: target minutes execs execs/s edges_found total_edges corpus crashes hangs" >&2
  echo "$line"
}

if [ "$1" = list ]; then
  install_tools; mkdir -p "$work"; build
  dotnet "$work/plain/Peerd.Fuzz.dll" list
  exit 0
fi
[ $# -eq 2 ] || usage
minutes="$2"
[[ "$minutes" =~ ^[0-9]+$ ]] && [ "$minutes" -gt 0 ] || usage
install_tools
mkdir -p "$work"
build
afl_env
if [ "$1" = all ]; then
  for target in $(dotnet "$work/plain/Peerd.Fuzz.dll" list | cut -f1); do
    fuzz_one "$target" "$minutes"
  done
else
  dotnet "$work/plain/Peerd.Fuzz.dll" list | cut -f1 | grep -qx -- "$1" || { echo "fuzz: no target $1" >&2; exit 2; }
  fuzz_one "$1" "$minutes"
fi
