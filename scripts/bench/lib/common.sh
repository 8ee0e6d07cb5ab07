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
  local t; for t in "$@"; do command -v "$t" >/dev/null || die "missing tool: $t"; done
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
  log "installing tshark"
  echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q tshark >/dev/null || {
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q tshark >/dev/null; }
}
