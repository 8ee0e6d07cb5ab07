#!/usr/bin/env bash
# Redfish of the real agent against nginx: starts `./bmc demo` (data dir in a temp dir, free loopback ports,
# time-limited) in the background, waits for its HTTPS port, runs scripts/bench/redfish.sh --target
# https://127.0.0.1:PORT/redfish/v1/Systems/host0 (nginx anchor in the same run), then stops the demo with SIGTERM
# by its PID.   scripts/bench/redfish-agent.sh [--rounds 3] [--duration 10s]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ROUNDS=3 DURATION=10s
is_quick && { ROUNDS=1 DURATION=1s; }   # BENCH_QUICK=1 (CI)
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
WORK=$(mktemp -d)
DEMO_PID=""
cleanup() { [ -n "$DEMO_PID" ] && kill -TERM "$DEMO_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
PASS="Bench-Redfish-$$"
RF=$(free_port) IP=$(free_port) MQ=$(free_port) HP=$(free_port)
bmc_build   # build outside the measurement
timeout 1800 "$REPO_ROOT/bmc" demo --data-dir "$WORK/data" --admin-password "$PASS" --redfish-port "$RF" \
  --ipmi-port "$IP" --mqtt-port "$MQ" --host-port "$HP" >"$WORK/demo.log" 2>&1 & DEMO_PID=$!
wait_tcp "$RF" 120 || die "demo did not open $RF: $(tail -20 "$WORK/demo.log")"
log "bmc demo (pid $DEMO_PID) serving Redfish on 127.0.0.1:$RF"
"$BENCH_DIR/redfish.sh" --rounds "$ROUNDS" --duration "$DURATION" \
  --target "https://127.0.0.1:$RF/redfish/v1/Systems/host0" --user admin --pass "$PASS"
kill -TERM "$DEMO_PID"; wait "$DEMO_PID" 2>/dev/null || true; DEMO_PID=""
