#!/usr/bin/env bash
# Host input (Set ACPI Power State over the VM host interface) → receipt of the agent's MQTT event by a subscriber,
# through Mosquitto and through the embedded broker: starts each broker on a free loopback port (time-limited) and
# runs scripts/bench/mqtt.sh --stimulus-class dev.bmcagent.bench.AcpiStimulus against it, so the anchor
# (client→client publish, mqtt.sh's own rows) is measured in the same script run.
#   scripts/bench/hostif-mqtt.sh [--rounds 3] [--count 2000] [--warmup 200] [--no-build]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ROUNDS=3 COUNT=2000 WARMUP=200 BUILD=1
is_quick && { ROUNDS=1 COUNT=20 WARMUP=5; }   # BENCH_QUICK=1 (CI)
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --count) COUNT=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) die "unknown option $1" ;;
  esac
done
WORK=$(mktemp -d)
BROKER_PID=""
cleanup() { [ -n "$BROKER_PID" ] && kill "$BROKER_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
TOPIC=bmc/bench/bmc0/host0/events
require_tools mosquitto java
bench_classpath "$BUILD"   # sets CP (lib/common.sh): a fresh build unless --no-build
for broker in mosquitto embedded; do
  port=$(free_port)
  if [ "$broker" = mosquitto ]; then
    printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest none\n' "$port" >"$WORK/m.conf"
    timeout 1800 mosquitto -c "$WORK/m.conf" & BROKER_PID=$!
  else
    timeout 1800 java -Xmx64m -XX:+UseSerialGC -Dlogback.configurationFile="$BENCH_LIB/logback-bench.xml" -cp "$CP" \
      dev.bmcagent.bench.BrokerMain --port "$port" --max-seconds 1800 >"$WORK/b.log" 2>&1 & BROKER_PID=$!
  fi
  wait_tcp "$port" 30 || die "$broker broker did not open 127.0.0.1:$port: $(cat "$WORK/b.log" 2>/dev/null)"
  log "stimulus broker: $broker on 127.0.0.1:$port"
  "$BENCH_DIR/mqtt.sh" --rounds "$ROUNDS" --count "$COUNT" --warmup "$WARMUP" --no-build \
    --stimulus-class dev.bmcagent.bench.AcpiStimulus --stimulus-port "$port" --stimulus-opts "--topic $TOPIC" \
    | sed "s/host input→receipt/host input→receipt via $broker/"
  kill "$BROKER_PID"; wait "$BROKER_PID" 2>/dev/null || true; BROKER_PID=""
done
