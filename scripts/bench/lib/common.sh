# Shared helpers of scripts/bench/*.sh (sourced). Everything here talks to 127.0.0.1 only.
set -euo pipefail

BENCH_LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_DIR="$(dirname "$BENCH_LIB")"
REPO_ROOT="$(cd "$BENCH_DIR/../.." && pwd)"

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# A free TCP/UDP port on 127.0.0.1 (asked from the kernel, then released).
free_port() {
  python3 -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# First port of N consecutive ports free for both TCP and UDP on 127.0.0.1 (kernel's choice as a start, then checked).
free_range() {
  python3 - "$1" <<'PY'
import random, socket, sys
n = int(sys.argv[1])
for _ in range(200):
    base = random.randrange(20000, 60000 - n)
    socks = []
    try:
        for p in range(base, base + n):
            for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
                s = socket.socket(socket.AF_INET, kind); socks.append(s); s.bind(("127.0.0.1", p))
    except OSError:
        continue
    finally:
        for s in socks: s.close()
    print(base); sys.exit(0)
sys.exit("no free range of %d ports" % n)
PY
}

# Waits (bounded) until a TCP port on 127.0.0.1 accepts a connection.
wait_tcp() {
  local port=$1 limit=${2:-30}
  python3 - "$port" "$limit" <<'PY'
import socket, sys, time
port, limit = int(sys.argv[1]), float(sys.argv[2])
end = time.monotonic() + limit
while time.monotonic() < end:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close(); sys.exit(0)
    except OSError:
        time.sleep(0.01)
sys.exit(1)
PY
}

# Only loopback targets are accepted.
require_loopback() {
  case "$1" in
    127.*|localhost|::1|\[::1\]) ;;
    *) die "target host '$1' is not a loopback address; the benchmarks only talk to 127.0.0.1" ;;
  esac
}

require_tools() {
  local t; for t in "$@"; do
    command -v "$t" >/dev/null || die "missing tool: $t (scripts/test.sh installs every tool the benchmarks use)"
  done
}

# BENCH_QUICK=1: every harness runs once with a tiny count (rounds 1, counts of a few, 1 s of load). It checks that
# the harness works end to end and prints its table; the figures mean nothing. CI runs every scripts/bench/*.sh
# this way (integration-tests BenchHarnessIT).
QUICK=${BENCH_QUICK:-0}
is_quick() { [ "$QUICK" = 1 ]; }

# The classpath of integration-tests (the bench classes dev.bmcagent.bench.* and everything they use, Paho
# included), written by that module's build (maven-dependency-plugin, phase prepare-package) into IT_CP_FILE.
IT_CP_FILE="$REPO_ROOT/integration-tests/target/bench-classpath.txt"

# bench_classpath BUILD: sets CP. BUILD=1 deletes the classpath file, builds integration-tests and what it needs
# (tests compiled, not run; offline first, online when an artifact is not in ~/.m2 yet) and so writes it anew.
# BUILD=0 (--no-build, or BENCH_NO_BUILD=1 when the caller has just built, e.g. CI inside `mvn verify`) uses the
# file of the last build, refused when any pom.xml is newer than it (the dependencies may have changed).
bench_classpath() {
  local build=${1:-1}
  [ "${BENCH_NO_BUILD:-0}" = 1 ] && build=0
  require_tools java
  if [ "$build" = 1 ]; then
    require_tools mvn
    rm -f "$IT_CP_FILE"
    local mlog; mlog=$(mktemp /tmp/bench-mvn.XXXXXX)
    log "building integration-tests and what it needs (tests compiled, not run)"
    (cd "$REPO_ROOT" && mvn -B -q -o -pl integration-tests -am -DskipTests package >"$mlog" 2>&1) \
      || (cd "$REPO_ROOT" && mvn -B -q -pl integration-tests -am -DskipTests package >"$mlog" 2>&1) \
      || die "build of integration-tests failed (log $mlog): $(tail -30 "$mlog")"
    rm -f "$mlog"
  fi
  [ -s "$IT_CP_FILE" ] || die "$IT_CP_FILE is missing: run without --no-build (and without BENCH_NO_BUILD=1) to build it"
  local newer
  newer=$(find "$REPO_ROOT" \( -name .git -o -name target \) -prune -o -name pom.xml -newer "$IT_CP_FILE" -print -quit)
  [ -z "$newer" ] || die "$IT_CP_FILE is older than $newer (stale): run without --no-build to rebuild it"
  CP="$REPO_ROOT/integration-tests/target/classes:$(cat "$IT_CP_FILE")"
}

# bmc_launcher: the ./bmc launcher; BMC_NO_BUILD=1 (set by CI inside `mvn verify`) makes it use the classes just
# built instead of running Maven itself.
bmc_build() {
  [ "${BENCH_NO_BUILD:-0}" = 1 ] && export BMC_NO_BUILD=1
  "$REPO_ROOT/bmc" --version >/dev/null || die "./bmc --version failed (the launcher's build, see above)"
}

# Appends one result line: bench metric unit system round value [goal]
result() {
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" "${7:-}" >> "$RESULTS"
}

# Median of numbers on stdin.
median() { python3 -c 'import statistics,sys; v=[float(x) for x in sys.stdin.read().split()]; print("%.3f" % statistics.median(v) if v else "nan")'; }

machine_info() {
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), nproc=$(nproc)"
  echo "- Memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
  echo "- Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Kernel: $(uname -r); date: $(date -u +%Y-%m-%dT%H:%MZ)"
}

# Installs tshark non-interactively if missing (Debian; no setuid dumpcap).
ensure_tshark() {
  command -v tshark >/dev/null && return 0
  [ "$(id -u)" = 0 ] || die "missing tool: tshark (and not root to install it; scripts/test.sh installs it)"
  log "installing tshark"
  echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q tshark >/dev/null || {
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q tshark >/dev/null; }
}
