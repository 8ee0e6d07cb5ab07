#!/usr/bin/env bash
# Redfish TLS engines of the agent as shipped: `./bmc agent` (bmc.jvm.options) with OpenSSL (netty-tcnative
# BoringSSL; anchor) and with `--tls-engine jdk` (the JDK's SSLEngine, the fallback where no native build exists,
# e.g. 32-bit ARM BMCs; target), both running at once on free loopback ports, loaded in turn in the same run.
#
#   scripts/bench/redfish-tls.sh [--rounds 3] [--duration 10s]
#
# Per round: wrk -t2 -c16 -d$DURATION --latency on /redfish/v1/Systems/host0 (Basic auth, keep-alive), OpenSSL
# first, then JDK; then 200 new TLS connections each (curl, one request per connection: handshake cost).
# Results: requests/s, latency p50/p99, the 200 handshakes' wall time; the agents' CPU seconds over the round.
# BENCH_QUICK=1 (CI): one round of 1 s, 5 handshakes.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ROUNDS=3 DURATION=10s CONNS=200
is_quick && { ROUNDS=1 DURATION=1s CONNS=5; }
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    *) die "unknown option $1 (see the header of $0)" ;;
  esac
done
[[ "$DURATION" =~ ^[0-9]{1,3}s$ ]] || die "--duration like 10s"
require_tools java wrk curl python3
WORK=$(mktemp -d /tmp/bench-tls.XXXXXX)
RESULTS=$WORK/results.tsv
PIDS=()
cleanup() { local p; for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
bmc_build
PASS="Bench-Tls-$$"
printf 'hosts: 1\nstore: MEMORY\n' >"$WORK/agent.yaml"
declare -A PORT PID
# BMC_CDS=0: the launcher then always execs the JVM, so the pid read for CPU time is the agent's (a start that
# records the AppCDS archive keeps the launcher as the JVM's parent); this benchmark compares TLS engines, not starts
for engine in openssl jdk; do
  rf=$(free_port)
  line=$(python3 "$BENCH_LIB/first_request.py" --url "https://127.0.0.1:$rf/redfish/v1/" --log "$WORK/$engine.log" \
      --limit 120 -- env BMC_CDS=0 "$REPO_ROOT/bmc" agent --config "$WORK/agent.yaml" --data-dir "$WORK/data-$engine" \
      --admin-password "$PASS" --redfish-port "$rf" --ipmi-port "$(free_port)" --host-port "$(free_port)" \
      --tls-engine "$engine") || die "$engine agent did not serve: $(tail -20 "$WORK/$engine.log")"
  PORT[$engine]=$rf PID[$engine]=${line##*pid=}
  PIDS+=("${PID[$engine]}")
  log "$engine: $(grep -o 'Redfish TLS engine: .*' "$WORK/$engine.log" | head -1)"
done
grep -q 'TLS engine: OpenSSL' "$WORK/openssl.log" || log "WARNING: OpenSSL did not load; the anchor runs on the JDK engine too"
grep -q 'TLS engine: JDK SSLEngine (configured)' "$WORK/jdk.log" || die "--tls-engine jdk not in effect"
auth="Authorization: Basic $(printf 'admin:%s' "$PASS" | base64 -w0)"
cpu_s() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat"; }
printf '#name\tredfish-tls\t./bmc agent on OpenSSL (%s) vs --tls-engine jdk\n' \
  "$(grep -o 'OpenSSL ([^)]*)' "$WORK/openssl.log" | head -1)" >>"$RESULTS"
for r in $(seq "$ROUNDS"); do
  for engine in openssl jdk; do
    sys=anchor; [ "$engine" = jdk ] && sys=target
    url="https://127.0.0.1:${PORT[$engine]}/redfish/v1/Systems/host0"
    c0=$(cpu_s "${PID[$engine]}")
    wrk -t2 -c16 -d"$DURATION" --latency -H "$auth" "$url" >"$WORK/wrk.txt" 2>&1 || die "wrk: $(cat "$WORK/wrk.txt")"
    ! grep -q 'Non-2xx' "$WORK/wrk.txt" || die "$engine: non-2xx answers: $(cat "$WORK/wrk.txt")"
    read -r rps p50 p99 < <(python3 - "$WORK/wrk.txt" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
ms = lambda v, u: float(v) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[u]
lat = dict((p, ms(v, u)) for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", t, re.M))
print(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1), "%.3f" % lat["50"], "%.3f" % lat["99"])
PY
)
    c1=$(cpu_s "${PID[$engine]}")
    t0=$(date +%s.%N)
    for i in $(seq "$CONNS"); do curl -sk -o /dev/null -u "admin:$PASS" "$url" || die "$engine: curl failed"; done
    t1=$(date +%s.%N)
    result redfish-tls "requests/s (wrk -t2 -c16 -d$DURATION, keep-alive)" req/s "$sys" "$r" "$rps" ""
    result redfish-tls "latency p50" ms "$sys" "$r" "$p50" ""
    result redfish-tls "latency p99" ms "$sys" "$r" "$p99" ""
    result redfish-tls "agent CPU per request (wrk)" µs "$sys" "$r" \
      "$(python3 -c "print('%.1f' % (($c1 - $c0) * 1e6 / max(1, $rps * ${DURATION%s})))")" ""
    result redfish-tls "$CONNS new connections, one GET each (curl)" ms "$sys" "$r" \
      "$(python3 -c "print('%.0f' % (($t1 - $t0) * 1e3))")" ""
    log "$engine round $r: $rps req/s, p50 $p50 ms, p99 $p99 ms"
  done
done
echo "- machine: $(nproc) CPU(s), load average at end $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 "$BENCH_LIB/table.py" "$RESULTS"
