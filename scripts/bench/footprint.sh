#!/usr/bin/env bash
# Footprint of the agent as shipped: `./bmc agent` with the launcher's JVM options (bmc.jvm.options) — target — vs
# the same agent on the JVM's default flags (BMC_JVM_OPTIONS_FILE=) — anchor — in the same run, everything on
# 127.0.0.1, a temp data dir, DISK store, no MQTT broker (as `./bmc agent` without mqtt.brokerUrl).
#
#   scripts/bench/footprint.sh [--rounds 2] [--duration 10s] [--ipmi-calls 1000] [--many-hosts 64] [--settle 5]
#
# Once per system first: a first boot on an empty data directory (the agent makes its TLS key and certificate):
# exec → first HTTPS answer. The target is installed as docs/INSTALL.md says: first a first boot without a prepared
# AppCDS archive (it records one in $WORK/recorded.jsa when it stops: the start an install that skips the step gets),
# then the install step `./bmc prepare-cds` (timed; makes $WORK/bmc-agent.jsa), then the first start that maps it on
# that data directory (as after an upgrade: a new version's first start) and a first boot that maps it on an empty one.
# Every round after that is a restart on that data directory, as a BMC starts normally.
# Per round and system (anchor first, then target):
#   1. start: exec of ./bmc agent (1 host) → first HTTPS answer on /redfish/v1/ (lib/first_request.py, 5 ms poll)
#   2. RSS idle: VmRSS (/proc/PID/status) after --settle seconds (default 12: past the JIT's start-up burst and the
#      shipped options' native-heap trim); live threads
#   3. Redfish load: wrk -t2 -c16 -d$DURATION on /redfish/v1/Systems/host0 (Basic auth): requests/s
#   4. then --ipmi-calls ipmitool commands (sdr elist, sel list, mc info, chassis status) over RMCP+, as `ipmitool
#      exec` batches of 50 per session, 4 sessions at a time (see ipmi_calls)
#   5. RSS after load: VmRSS and VmHWM (peak) right after 3 and 4; live threads; VmRSS again --settle s later
# Once per system: the agent with --many-hosts hosts, RSS idle after --settle s; RSS per extra host =
# (RSS(N hosts) - RSS(1 host)) / (N - 1), both taken after `jcmd PID GC.run` (a full GC; with bmc.jvm.options the
# heap shrinks to its live set): idle RSS alone swings by +-10 MiB with where the heap happens to be, more than 63
# hosts cost.
# Output: a markdown table (lib/table.py) on stdout; goals from issue 14 in the last column.
# BENCH_QUICK=1 (CI): one round, 1 s of wrk, 8 ipmitool calls, 4 hosts, 1 s settle.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ROUNDS=2 DURATION=10s CALLS=1000 MANY=64 SETTLE=12 RESULTS=""
is_quick && { ROUNDS=1 DURATION=1s CALLS=8 MANY=4 SETTLE=1; }
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --ipmi-calls) CALLS=$2; shift 2 ;;
    --many-hosts) MANY=$2; shift 2 ;;
    --settle) SETTLE=$2; shift 2 ;;
    --results) RESULTS=$2; shift 2 ;;
    *) die "unknown option $1 (see the header of $0)" ;;
  esac
done
[ "$ROUNDS" -ge 1 ] && [ "$ROUNDS" -le 20 ] || die "rounds 1..20"
[ "$MANY" -ge 2 ] && [ "$MANY" -le 256 ] || die "many-hosts 2..256"
[[ "$DURATION" =~ ^[0-9]{1,3}s$ ]] || die "--duration like 10s"
require_tools java jcmd wrk curl ipmitool python3 xargs

WORK=$(mktemp -d /tmp/bench-footprint.XXXXXX)
[ -n "$RESULTS" ] || RESULTS=$WORK/results.tsv
PID="" LAUNCHER=""
stop_agent() {
  [ -n "$PID" ] || return 0
  kill -TERM "${LAUNCHER:-$PID}" 2>/dev/null || true
  # up to 30 s: a start that records an AppCDS archive writes it when the JVM exits
  local i; for i in $(seq 300); do kill -0 "${LAUNCHER:-$PID}" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$PID" ${LAUNCHER:+"$LAUNCHER"} 2>/dev/null || true
  PID="" LAUNCHER=""
}
cleanup() { stop_agent; rm -rf "$WORK"; }
trap cleanup EXIT
bmc_build
# The target's own AppCDS archive, made by `./bmc prepare-cds` (the install step) below; every start maps it. Not
# target/bmc-agent.jsa, which whatever ran `./bmc agent` last may have recorded with another workload.
export BMC_CDS_ARCHIVE="$WORK/bmc-agent.jsa"
PASS="Bench-Fp-$$"
printf 'hosts: 1\nstore: DISK\n' >"$WORK/agent.yaml"

kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }
mib() { python3 -c "print('%.1f' % ($1/1024))"; }

# start SYSTEM HOSTS [fresh]: starts the agent on the data directory of SYSTEM and HOSTS, emptied first with
# "fresh" (sets PID, RF, IPMI, STARTUP_MS)
start() {
  local sys=$1 hosts=$2 opts_file=() data="$WORK/data-$1-$2"
  RF=$(free_port) IPMI=$(free_range "$hosts") HP=$(free_range "$hosts")
  [ "${3:-}" = fresh ] && rm -rf "$data"
  [ "$sys" = anchor ] && opts_file=(env BMC_JVM_OPTIONS_FILE=)
  local line
  line=$(python3 "$BENCH_LIB/first_request.py" --url "https://127.0.0.1:$RF/redfish/v1/" --log "$WORK/$sys.log" \
      --limit 120 -- "${opts_file[@]}" "$REPO_ROOT/bmc" agent --config "$WORK/agent.yaml" --hosts "$hosts" \
      --data-dir "$data" --admin-password "$PASS" --redfish-port "$RF" --ipmi-port "$IPMI" --host-port "$HP") \
    || die "$sys: ./bmc agent did not serve: $(tail -20 "$WORK/$sys.log")"
  STARTUP_MS=$(sed 's/startup_ms=\([0-9.]*\).*/\1/' <<<"$line")
  PID=$(sed 's/.*pid=//' <<<"$line")
  # the launcher execs the JVM, except for a start that records an AppCDS archive: then the JVM is its child
  # (the measurements read the JVM; SIGTERM to the launcher is forwarded to it)
  if [ "$(tr '\0' ' ' <"/proc/$PID/cmdline" | awk '{print $1}')" != java ]; then
    LAUNCHER=$PID
    PID=$(pgrep -n -P "$LAUNCHER" java) || die "no JVM under launcher pid $LAUNCHER"
  fi
  [ "$(tr '\0' ' ' <"/proc/$PID/cmdline" | awk '{print $1}')" = java ] || die "pid $PID is not the JVM"
}

# ipmi_calls: $CALLS ipmitool commands (sdr elist, sel list, mc info, chassis status in turn) as `ipmitool exec`
# batches of 50 commands per RMCP+ session, 4 sessions at a time. One session per command would exceed the agent's
# RAKP limit of 20 per second per source address (burst 50, docs/SECURITY.md): refused logins, not load.
# Prints the number of failed batches.
ipmi_calls() {
  local i b batches=$(( (CALLS + 49) / 50 ))
  for b in $(seq "$batches"); do
    : >"$WORK/batch.$b"
    for i in $(seq $(( (b - 1) * 50 + 1 )) $(( b * 50 < CALLS ? b * 50 : CALLS ))); do
      case $((i % 4)) in 0) echo "sdr elist" ;; 1) echo "sel list" ;; 2) echo "mc info" ;; 3) echo "chassis status" ;;
      esac >>"$WORK/batch.$b"
    done
    echo "ipmitool -I lanplus -C 3 -H 127.0.0.1 -p $IPMI -U admin -P $PASS exec $WORK/batch.$b"
  done | xargs -P 4 -I{} sh -c '{} >/dev/null 2>&1 || echo fail' | grep -c fail || true
}

printf '#name\tfootprint\t./bmc agent on the JVM defaults (anchor) vs with bmc.jvm.options (target): %s\n' \
  "$(grep -v '^#' "$REPO_ROOT/bmc.jvm.options" | awk '{print $1}' | tr '\n' ' ')" >>"$RESULTS"
start anchor 1 fresh
result footprint "first boot: start → first Redfish answer (empty data directory)" ms anchor 1 "$STARTUP_MS" ""
stop_agent
BMC_CDS_ARCHIVE="$WORK/recorded.jsa" start target 1 fresh
result footprint "first boot without a prepared archive (records one at its stop)" ms target 1 "$STARTUP_MS" ""
stop_agent
[ -s "$WORK/recorded.jsa" ] || die "the first boot without a prepared archive recorded none"
t0=$(date +%s%N)
"$REPO_ROOT/bmc" prepare-cds 2>"$WORK/prepare.log" || die "./bmc prepare-cds failed: $(cat "$WORK/prepare.log")"
result footprint "install step: ./bmc prepare-cds (static AppCDS archive)" ms target 1 \
  "$(( ($(date +%s%N) - t0) / 1000000 ))" ""
start target 1
[ -z "$LAUNCHER" ] || die "the first start after prepare-cds recorded instead of mapping"
result footprint "first start after prepare-cds (existing data directory, as an upgrade)" ms target 1 "$STARTUP_MS" \
  "≤ 1500 ms"
stop_agent
start target 1 fresh
result footprint "first boot: start → first Redfish answer (empty data directory)" ms target 1 "$STARTUP_MS" ""
stop_agent
for r in $(seq "$ROUNDS"); do
  for sys in anchor target; do
    start "$sys" 1
    result footprint "restart → first Redfish answer (1 host)" ms "$sys" "$r" "$STARTUP_MS" "≤ 1500 ms"
    sleep "$SETTLE"
    idle=$(kb "$PID" VmRSS)
    jcmd "$PID" GC.run >/dev/null || die "jcmd GC.run failed"
    sleep 1
    gc_1=$(kb "$PID" VmRSS)
    result footprint "RSS idle (1 host, after ${SETTLE} s)" MiB "$sys" "$r" "$(mib "$idle")" "≤ 96 MiB"
    result footprint "threads idle" count "$sys" "$r" "$(kb "$PID" Threads)" ""
    result footprint "RSS idle after a full GC (1 host)" MiB "$sys" "$r" "$(mib "$gc_1")" ""
    auth="Authorization: Basic $(printf 'admin:%s' "$PASS" | base64 -w0)"
    wrk -t2 -c16 -d"$DURATION" -H "$auth" "https://127.0.0.1:$RF/redfish/v1/Systems/host0" >"$WORK/wrk.txt" 2>&1 \
      || die "wrk failed: $(cat "$WORK/wrk.txt")"
    rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.txt")
    [ -z "$non2xx" ] || die "$sys: wrk saw $non2xx non-2xx answers"
    result footprint "Redfish requests/s (wrk -t2 -c16 -d$DURATION)" req/s "$sys" "$r" "$rps" "≥ 0.9 × anchor"
    failed=$(ipmi_calls)
    [ "$failed" = 0 ] || die "$sys: $failed ipmitool exec batches (of 50 commands) failed"
    result footprint "RSS after wrk + $CALLS ipmitool calls" MiB "$sys" "$r" "$(mib "$(kb "$PID" VmRSS)")" "≤ 128 MiB"
    result footprint "RSS peak (VmHWM) after load" MiB "$sys" "$r" "$(mib "$(kb "$PID" VmHWM)")" ""
    result footprint "threads after load" count "$sys" "$r" "$(kb "$PID" Threads)" ""
    sleep "$SETTLE"
    result footprint "RSS ${SETTLE} s after the load" MiB "$sys" "$r" "$(mib "$(kb "$PID" VmRSS)")" ""
    log "$sys round $r: start $STARTUP_MS ms, idle $idle kB, $rps req/s, after load $(kb "$PID" VmRSS) kB, peak $(kb "$PID" VmHWM) kB"
    stop_agent
    if [ "$r" = 1 ]; then
      start "$sys" "$MANY" fresh   # first boot of the many-host agent, then measure its restart like the 1-host one
      stop_agent
      start "$sys" "$MANY"
      sleep "$SETTLE"
      many=$(kb "$PID" VmRSS)
      jcmd "$PID" GC.run >/dev/null || die "jcmd GC.run failed"
      sleep 1
      gc_many=$(kb "$PID" VmRSS)
      result footprint "RSS idle ($MANY hosts)" MiB "$sys" 1 "$(mib "$many")" ""
      result footprint "RSS idle after a full GC ($MANY hosts)" MiB "$sys" 1 "$(mib "$gc_many")" ""
      result footprint "RSS per extra host ($MANY vs 1 host, after a full GC)" KiB "$sys" 1 \
        "$(python3 -c "print('%.0f' % (($gc_many - $gc_1) / ($MANY - 1)))")" "≤ 256 KiB"
      result footprint "threads idle ($MANY hosts)" count "$sys" 1 "$(kb "$PID" Threads)" ""
      log "$sys: $MANY hosts idle $many kB ($(kb "$PID" Threads) threads), start $STARTUP_MS ms"
      stop_agent
    fi
  done
done
echo "- machine: $(nproc) CPU(s), load average at end $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)" >&2
python3 "$BENCH_LIB/table.py" "$RESULTS"
