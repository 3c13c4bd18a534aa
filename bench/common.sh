# Shared helpers for bench/* scripts (sourced, not run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bench_setup() {
  scripts/setup.sh --tests
  local missing=()
  command -v curl >/dev/null || missing+=(curl)
  [ -x /usr/bin/time ] || missing+=(time)
  if [ ${#missing[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; fi
  swift build -c release --product gazette >&2
  GAZETTE="$ROOT/.build/release/gazette"
}

# start_http_server DIR: starts Tests/Servers/http_server.py; sets HTTP_PORT and HTTP_PID.
start_http_server() {
  local fifo; fifo=$(mktemp -u); mkfifo "$fifo"
  /usr/bin/python3 Tests/Servers/http_server.py --root "${1:-Tests/Fixtures}" <"$fifo" >"$fifo.out" &
  HTTP_PID=$!
  exec {HTTP_STDIN}>"$fifo"   # the server exits when this descriptor closes
  rm -f "$fifo"
  for _ in $(seq 50); do grep -q PORT "$fifo.out" 2>/dev/null && break; sleep 0.1; done
  HTTP_PORT=$(awk '/PORT/ {print $2}' "$fifo.out")
  trap 'kill $HTTP_PID 2>/dev/null || true' EXIT
}

# measure LABEL COMMAND...: runs the command, appends "LABEL|seconds|peak RSS MiB" to $RESULTS.
measure() {
  local label=$1; shift
  local stats; stats=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$stats" "$@" >/dev/null 2>&1 || true
  read -r seconds kib <"$stats"
  awk -v l="$label" -v s="$seconds" -v k="$kib" 'BEGIN { printf "%s|%s|%.1f\n", l, s, k / 1024 }' >>"$RESULTS"
  rm -f "$stats"
}

SHARED="${SHARED:-$ROOT/../shared}"
WORK="$ROOT/.build-bench"

# python_venv PACKAGE...: a venv under .build-bench with these PyPI packages; sets VENV_PY.
python_venv() {
  local venv="$WORK/venv"
  [ -x "$venv/bin/python" ] || { apt-get install -y -qq python3-venv >/dev/null 2>&1 || true; /usr/bin/python3 -m venv "$venv"; }
  # One package per call: pip's resolver trips over shared extras (lxml[html_clean]) in one call.
  local package
  for package in "$@"; do "$venv/bin/pip" install -q "$package" >&2; done
  VENV_PY="$venv/bin/python"
}
