#!/usr/bin/env bash
# bench/metrics-overhead.sh [pairs] [peerd-load options…]
# The hot paths with --metrics-addr off and on, alternated in one run (off, on, off, on, …: a loaded machine drifts,
# and alternating spreads the drift over both): peerd-load's handshakes and messages scenarios against the published
# daemon, with metrics served on 127.0.0.1:19464 and scraped by curl once a second during the "on" runs. Prints each
# run's table (peerd-load --markdown) under a heading; docs/PERFORMANCE.md holds the medians.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
pairs="${1:-3}"
shift || true

scripts/deps.sh test
scripts/build.sh Peerd.Daemon peerd
dotnet publish bench/Peerd.Load -c Release -o artifacts/peerd-load --nologo -v q >&2
ulimit -Sn "$(ulimit -Hn)"

out="$(mktemp -d)"
scraper=""
trap '[ -n "$scraper" ] && kill "$scraper" 2>/dev/null; rm -rf "$out"' EXIT
load=(dotnet artifacts/peerd-load/peerd-load.dll --peerd=artifacts/peerd/peerd.dll --no-node
      --only=handshakes,messages --concurrency=1,16 --seconds=3 "$@")
for i in $(seq 1 "$pairs"); do
  for mode in off on; do
    if [ "$mode" = on ]; then
      (while true; do curl -s -o /dev/null http://127.0.0.1:19464/metrics || true; sleep 1; done) &
      scraper=$!
      "${load[@]}" --daemon-arg=--metrics-addr=127.0.0.1:19464 --markdown="$out/$mode-$i.md" >&2
      kill "$scraper"; wait "$scraper" 2>/dev/null || true; scraper=""
    else
      "${load[@]}" --markdown="$out/$mode-$i.md" >&2
    fi
    echo "## metrics $mode, pair $i ($(date -u '+%H:%M:%S UTC'), load $(cut -d' ' -f1 /proc/loadavg))"
    cat "$out/$mode-$i.md"
    echo
  done
done
