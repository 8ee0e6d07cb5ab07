#!/usr/bin/env bash
# Runs every benchmark (anchors always, targets when given) and prints one combined markdown table.
#
#   scripts/bench/run-all.sh [--rounds 3] [--ipmi-target HOST:PORT:USER:PASS | --ipmi-target self | --ipmi-target agent]
#                            [--redfish-target URL --redfish-user U --redfish-pass P]
#                            [--mqtt-stimulus-class FQCN --mqtt-stimulus-port PORT [--mqtt-stimulus-opts "..."]]
#                            [--agent]   also the agent's own harnesses: hostif.sh, hostif-mqtt.sh, redfish-agent.sh
# BENCH_QUICK=1: every harness once with a tiny count (CI, integration-tests BenchHarnessIT; figures mean nothing).
#
# The benchmarks run one after the other (never in parallel: they would measure each other).
source "$(dirname "$0")/lib/common.sh"

ROUNDS=3 IPMI=() REDFISH=() MQTT=() AGENT=0
is_quick && ROUNDS=1   # BENCH_QUICK=1 (CI): every harness once, with its own tiny counts
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --ipmi-target) IPMI+=(--target "$2"); shift 2 ;;
    --redfish-target) REDFISH+=(--target "$2"); shift 2 ;;
    --redfish-user) REDFISH+=(--user "$2"); shift 2 ;;
    --redfish-pass) REDFISH+=(--pass "$2"); shift 2 ;;
    --mqtt-stimulus-class) MQTT+=(--stimulus-class "$2"); shift 2 ;;
    --mqtt-stimulus-port) MQTT+=(--stimulus-port "$2"); shift 2 ;;
    --mqtt-stimulus-opts) MQTT+=(--stimulus-opts "$2"); shift 2 ;;
    --agent) AGENT=1; shift ;;
    *) die "unknown option $1 (see the header of $0)" ;;
  esac
done

OUT=$(mktemp -d /tmp/bench-all.XXXXXX)
RESULTS=$OUT/results.tsv
echo "## Machine"
machine_info
echo
"$BENCH_DIR/ipmi.sh" --rounds "$ROUNDS" --results "$RESULTS" "${IPMI[@]}" >"$OUT/ipmi.md"
"$BENCH_DIR/redfish.sh" --rounds "$ROUNDS" --results "$RESULTS" "${REDFISH[@]}" >"$OUT/redfish.md"
"$BENCH_DIR/mqtt.sh" --rounds "$ROUNDS" --results "$RESULTS" "${MQTT[@]}" >"$OUT/mqtt.md"
echo "- Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 "$BENCH_LIB/table.py" "$RESULTS"
echo
echo "(raw result lines: $RESULTS)"
if [ "$AGENT" = 1 ]; then
  # each prints its own table (anchors in the same run); see docs/BENCHMARKS-ARCHIVE.md sections 4-8
  "$BENCH_DIR/hostif.sh" --rounds "$ROUNDS" --no-build
  "$BENCH_DIR/hostif-mqtt.sh" --rounds "$ROUNDS" --no-build
  "$BENCH_DIR/redfish-agent.sh" --rounds "$ROUNDS"
fi
