#!/usr/bin/env bash
# Host input → agent reaction over the VM-protocol host interface, in-process (dev.bmcagent.bench.HostInputLatency):
# per round, fsync NEVER (N inputs), fsync BATCH (N inputs), and the DIMM gate run (G inputs, 1 ms poll, 5 ms hold).
# Each run reports resp / acpi / sel / anchor (Get Device ID round trip on the same link, same run) and the gate.
# --runs sse (not in the default set): host input -> Redfish SSE event received (dev.bmcagent.bench.SseLatency).
#   Also reports sse/stream (the agent's EventStream delivery, the hop before Redfish). --runs sse-socket: the same
#   with a one-thread SSLSocket client instead of java.net.http (to split the client's share of the latency).
#   scripts/bench/hostif.sh [--rounds 3] [--count 5000] [--gate-count 1000] [--runs "never batch gate"] [--no-build]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ROUNDS=3 COUNT=5000 GATE_COUNT=1000 BUILD=1 RUNS="never batch gate" WARM=500 GATE_WARM=100
is_quick && { ROUNDS=1 COUNT=20 GATE_COUNT=10 WARM=5 GATE_WARM=2; }   # BENCH_QUICK=1 (CI)
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --count) COUNT=$2; shift 2 ;;
    --gate-count) GATE_COUNT=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --runs) RUNS=$2; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
bench_classpath "$BUILD"   # sets CP (lib/common.sh)
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
run() {  # label round options...
  local label=$1 round=$2 main=dev.bmcagent.bench.HostInputLatency; shift 2
  if [ "$label" = sse ] || [ "$label" = sse-socket ]; then main=dev.bmcagent.bench.SseLatency; else set -- --max-seconds 600 "$@"; fi
  timeout 900 java -Dlogback.configurationFile="$BENCH_DIR/lib/logback-bench.xml" -cp "$CP" \
    "$main" --label "$label" "$@" >"$OUT/run.txt" 2>"$OUT/run.err" \
    || { echo "run $label failed:" >&2; cat "$OUT/run.err" >&2; exit 1; }
  sed "s/^RESULT /RESULT round=$round /" "$OUT/run.txt" | tee -a "$OUT/all.txt" >&2
  grep -v '^RESULT' "$OUT/run.err" | tail -2 >&2 || true
}
echo "machine: $(nproc) CPU(s), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M) UTC" >&2
for r in $(seq 1 "$ROUNDS"); do
  case " $RUNS " in *" never "*) run never "$r" --fsync NEVER --count "$COUNT" --warmup "$WARM" ;; esac
  case " $RUNS " in *" batch "*) run batch "$r" --fsync BATCH --count "$COUNT" --warmup "$WARM" ;; esac
  case " $RUNS " in *" gate "*) run gate "$r" --fsync NEVER --count "$GATE_COUNT" --warmup "$GATE_WARM" --dimm-poll-us 1000 \
      --dimm-read-us 300 --hold-ms 5 ;; esac
  case " $RUNS " in *" sse "*) run sse "$r" --count 2000 --warmup 200 ;; esac
  case " $RUNS " in *" sse-socket "*) run sse-socket "$r" --count 2000 --warmup 200 --client socket ;; esac
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 - "$OUT/all.txt" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    kv = dict(p.split("=", 1) for p in line.split()[1:])
    if "p50_us" not in kv:
        if "s2_inputs" not in kv:
            continue
        print("gate check round %s: %s" % (kv["round"], " ".join("%s=%s" % (k, v) for k, v in kv.items() if k not in ("round", "label"))))
        continue
    for m in ("p50_us", "p99_us"):
        rows.setdefault((kv["label"], m), []).append(float(kv[m]))
print("| run/metric | percentile | median over rounds (min–max) | ratio to the same run's anchor |")
print("|---|---|---|---|")
for (label, m), v in rows.items():
    run = label.split("/")[0]
    a = rows.get((run + "/anchor", m))
    ratio = "%.2f" % (statistics.median(v) / statistics.median(a)) if a and not label.endswith("/anchor") else "—"
    print("| %s | %s | %.1f µs (%.1f–%.1f, %d rounds) | %s |" % (label, m[:-3], statistics.median(v), min(v), max(v), len(v), ratio))
PY
