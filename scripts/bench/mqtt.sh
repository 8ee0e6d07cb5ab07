#!/usr/bin/env bash
# MQTT benchmark, everything on 127.0.0.1.
#
#   scripts/bench/mqtt.sh [--rounds 3] [--count 10000] [--warmup 1000] [--no-build] [--results FILE]
#                         [--stimulus-class FQCN --stimulus-port PORT [--stimulus-opts "--key value ..."]]
#
# Per round:
#   anchor  Mosquitto (started here, temp config, persistence off): startup time (exec -> port accepts, lib/
#           startup.py), RSS idle and after the run (/proc/PID/status VmRSS, VmHWM), and QoS 1 publish -> receive
#           latency with dev.bmcagent.bench.MqttLatency (Paho mqttv3 3.1.1 publisher and subscriber in one JVM,
#           one message at a time, $WARMUP warm-up + $COUNT measured, System.nanoTime at send and on receipt).
#   target  the embedded broker dev.bmcagent.mqtt.broker.EmbeddedBroker run alone by
#           dev.bmcagent.bench.BrokerMain (JVM flags $BROKER_JVM_OPTS): the same three measurements.
#   stimulus (only with --stimulus-class): MqttLatency with that Stimulus (see Stimulus.java) against the broker
#           on --stimulus-port, e.g. "Set ACPI Power State over the host interface -> receipt by a subscriber".
source "$(dirname "$0")/lib/common.sh"

ROUNDS=3 COUNT=10000 WARMUP=1000 BUILD=1 RESULTS="" STIM_CLASS="" STIM_PORT="" STIM_OPTS=""
BROKER_JVM_OPTS=${BROKER_JVM_OPTS:-"-Xmx64m -XX:+UseSerialGC"}
is_quick && { ROUNDS=1 COUNT=20 WARMUP=5; }   # BENCH_QUICK=1 (CI): one round of 20 messages
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --count) COUNT=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --results) RESULTS=$2; shift 2 ;;
    --stimulus-class) STIM_CLASS=$2; shift 2 ;;
    --stimulus-port) STIM_PORT=$2; shift 2 ;;
    --stimulus-opts) STIM_OPTS=$2; shift 2 ;;
    *) die "unknown option $1 (see the header of $0)" ;;
  esac
done
[ "$ROUNDS" -ge 1 ] && [ "$ROUNDS" -le 20 ] || die "rounds 1..20"
require_tools mosquitto java mvn python3

WORK=$(mktemp -d /tmp/bench-mqtt.XXXXXX)
[ -n "$RESULTS" ] || RESULTS=$WORK/results.tsv
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

bench_classpath "$BUILD"   # sets CP (lib/common.sh)
LOGBACK="-Dlogback.configurationFile=$BENCH_LIB/logback-bench.xml"

rss_kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }

# latency SYSTEM ROUND PORT [extra MqttLatency options...]
latency() {
  local sys=$1 round=$2 port=$3; shift 3
  java "$LOGBACK" -cp "$CP" dev.bmcagent.bench.MqttLatency --port "$port" --qos 1 --count "$COUNT" --warmup "$WARMUP" \
      --label "$sys" --max-seconds 300 "$@" >"$WORK/lat.txt" 2>"$WORK/lat.err" \
    || die "MqttLatency failed: $(cat "$WORK/lat.err" "$WORK/lat.txt")"
  grep '^RESULT' "$WORK/lat.txt" | tr ' ' '\n' | grep = >"$WORK/lat.kv"
  LAT_P50=$(awk -F= '$1=="p50_us"{print $2}' "$WORK/lat.kv")
  LAT_P99=$(awk -F= '$1=="p99_us"{print $2}' "$WORK/lat.kv")
  log "$sys round $round: $(grep '^RESULT' "$WORK/lat.txt")"
}

# server_metrics SYSTEM ROUND PORT STARTUP_LINE
record_server() {
  local sys=$1 round=$2 port=$3 startup_ms=$4 pid=$5
  local idle; idle=$(rss_kb "$pid" VmRSS)
  latency "$sys" "$round" "$port"
  local after hwm; after=$(rss_kb "$pid" VmRSS); hwm=$(rss_kb "$pid" VmHWM)
  result mqtt "QoS 1 publish→receive p50 (N=$COUNT)" µs "$sys" "$round" "$LAT_P50" "(reference, measured before ~120 µs)"
  result mqtt "QoS 1 publish→receive p99" µs "$sys" "$round" "$LAT_P99" "(reference, measured before ~290 µs)"
  if [ "$sys" = anchor ]; then
    result mqtt "host input→receipt p50 (stimulus)" µs anchor "$round" "$LAT_P50" "pending: measured when the host interface → MQTT path is wired"
    result mqtt "host input→receipt p99 (stimulus)" µs anchor "$round" "$LAT_P99" ""
  fi
  result mqtt "broker startup (exec → port accepts)" ms "$sys" "$round" "$startup_ms" ""
  result mqtt "broker RSS idle" MiB "$sys" "$round" "$(python3 -c "print('%.1f' % ($idle/1024))")" ""
  result mqtt "broker RSS after run (VmHWM peak)" MiB "$sys" "$round" "$(python3 -c "print('%.1f' % ($hwm/1024))")" ""
  log "$sys round $round: startup $startup_ms ms, RSS idle $idle kB, after $after kB, peak $hwm kB"
}

printf '#name\tmqtt\tMosquitto %s (anchor) vs EmbeddedBroker (target row), Paho mqttv3 1.2.5 clients\n' \
  "$(mosquitto -h 2>/dev/null | head -1 | awk '{print $3}')" >>"$RESULTS"
for r in $(seq "$ROUNDS"); do
  # anchor: Mosquitto
  port=$(free_port)
  printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest none\n' "$port" >"$WORK/mosquitto.conf"
  read -r st pidkv < <(python3 "$BENCH_LIB/startup.py" --port "$port" --log "$WORK/mosquitto.log" -- \
      timeout 1800 mosquitto -c "$WORK/mosquitto.conf")
  SERVER_PID=${pidkv#pid=}
  # timeout(1) is the parent; measure the broker process itself
  bpid=$(pgrep -P "$SERVER_PID" mosquitto || echo "$SERVER_PID")
  record_server anchor "$r" "$port" "${st#startup_ms=}" "$bpid"
  kill "$SERVER_PID"; SERVER_PID=""

  # target row: the embedded broker, alone in its JVM
  port=$(free_port)
  # shellcheck disable=SC2086
  read -r st pidkv < <(python3 "$BENCH_LIB/startup.py" --port "$port" --log "$WORK/broker.log" -- \
      java $BROKER_JVM_OPTS "$LOGBACK" -cp "$CP" dev.bmcagent.bench.BrokerMain --port "$port" --max-seconds 1800)
  SERVER_PID=${pidkv#pid=}
  record_server target "$r" "$port" "${st#startup_ms=}" "$SERVER_PID"
  kill "$SERVER_PID"; SERVER_PID=""
  sleep 1
  log "embedded broker: $(grep -h -E '^(READY|STATS)' "$WORK/broker.log" | tail -2 | tr '\n' ' ')"
  ready_ms=$(grep -h '^READY' "$WORK/broker.log" | tail -1 | sed 's/.*start_ms=\([0-9.]*\).*/\1/')
  result mqtt "EmbeddedBroker.start() in-JVM (bind included)" ms target "$r" "$ready_ms" ""
  : >"$WORK/broker.log"

  if [ -n "$STIM_CLASS" ]; then
    [ -n "$STIM_PORT" ] || die "--stimulus-port is needed with --stimulus-class"
    # shellcheck disable=SC2086
    latency stimulus "$r" "$STIM_PORT" --stimulus-class "$STIM_CLASS" $STIM_OPTS
    result mqtt "host input→receipt p50 (stimulus)" µs target "$r" "$LAT_P50" ""
    result mqtt "host input→receipt p99 (stimulus)" µs target "$r" "$LAT_P99" ""
  fi
done
echo "- EmbeddedBroker JVM flags: $BROKER_JVM_OPTS; java: $(java -version 2>&1 | head -1)" >&2
python3 "$BENCH_LIB/table.py" "$RESULTS"
