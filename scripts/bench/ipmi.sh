#!/usr/bin/env bash
# IPMI benchmark: OpenIPMI ipmi_sim (anchor, always) vs a target BMC (optional), both on 127.0.0.1 UDP.
#
#   scripts/bench/ipmi.sh [--target HOST:PORT:USER:PASS | --target self | --target agent] [--rounds 3] [--runs 10]
#                         [--plain-runs 3] [--cipher 3] [--warmup 20] [--results FILE] [--no-build]
#
# --target agent starts the agent as shipped: `./bmc agent` (the launcher's JVM options, 1 host, DISK store in a
# temp data dir, free loopback ports) with `--sel-prefill 1000` (boot-like system events, see README "Benchmark
# options") and the anchor's Manufacturer/Product ID (ipmi: section; with ID 0 ipmitool re-asks Get Device ID for
# every SEL record); $TARGET_JVM_OPTS goes to BMC_JAVA_OPTS. The agent starts FIRST: its SDR repository and SEL are
# read over lanplus (`ipmitool sdr dump`, `ipmitool sel writeraw`: the raw records) and the anchor serves those very
# bytes (lib/ipmi_sim_config.py --sdr-from/--sel-from; same_data checks it): the same records in the same order,
# so `sel elist` makes the same IPMI messages on both (it reads the whole SDR to name the sensors; with ipmi_sim's
# own 12 records against the agent's 24 the capture counted 3,165 vs 3,240) and every ratio compares the same work
# (issue #14). Left different: the SEL timestamps (ipmi_sim stamps each record when it is added, as the spec says)
# and the sensor readings (not part of `sel elist`). --target self and HOST:PORT targets keep the anchor's own
# data: 12 SDR records, 1,000 SEL records.
# --target self builds integration-tests (mvn -o, tests skipped) and starts dev.bmcagent.bench.IpmiBenchTarget
# (our IpmiLanServer + LanPacketProcessor + StandardCommands dispatcher, standard SDR, 1,000 SEL records) on a
# free 127.0.0.1 port; $TARGET_JVM_OPTS adds JVM flags. Before the rounds every system is warmed up with
# --warmup runs of `sel elist` and `mc info` (and, for the target only, plain `mc info`: ipmi_sim takes 10 s
# per plain run, see docs/BENCHMARKS.md). The default 20 runs measure a JVM target shortly after its start, its
# per-message path compiled but its login path not yet; --warmup 300 (900 logins) measures the steady state a BMC
# reaches from its normal traffic (docs/BENCHMARKS.md, "IPMI as wired in the agent").
#
# Per round and per system:
#   1. server reply time p50/p99: tshark captures the UDP port on lo while ipmitool runs `sel elist`
#      (1,000 records) and `mc info` $CAPTURE_RUNS times; lib/pair_replies.py pairs each client->server
#      datagram with the next server->client datagram of the same UDP 4-tuple (see its header). Also the sum of
#      the IPMI message replies per capture run: the server's share of the wall times of 2 and 3.
#   2. `ipmitool -I lanplus -C $CIPHER ... sel elist` wall time: hyperfine, --runs $RUNS, median.
#   3. `ipmitool -I lanplus -C $CIPHER ... mc info` wall time: hyperfine, median.
#   4. plain `ipmitool -I lanplus ... mc info` (no -C: ipmitool 1.8.19 asks Get Channel Cipher Suites and picks
#      the best suite itself) wall time: hyperfine, --runs $PLAIN_RUNS, median.
# Output: a markdown table (lib/table.py) on stdout; raw result lines appended to $RESULTS.
source "$(dirname "$0")/lib/common.sh"

TARGET="" ROUNDS=3 RUNS=10 PLAIN_RUNS=3 CIPHER=3 CAPTURE_RUNS=3 SEL=1000 WARMUP=20 BUILD=1
RESULTS=""
# quick (BENCH_QUICK=1, CI): one round, one run of each; no plain `mc info` (ipmi_sim takes 10 s per plain run)
is_quick && { ROUNDS=1 RUNS=1 PLAIN_RUNS=0 CAPTURE_RUNS=1 WARMUP=1; }
while [ $# -gt 0 ]; do
  case "$1" in
    --target) TARGET=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --plain-runs) PLAIN_RUNS=$2; shift 2 ;;
    --cipher) CIPHER=$2; shift 2 ;;
    --results) RESULTS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) die "unknown option $1 (see the header of $0)" ;;
  esac
done
[ "$ROUNDS" -ge 1 ] && [ "$ROUNDS" -le 20 ] && [ "$RUNS" -ge 1 ] && [ "$RUNS" -le 100 ] && [ "$PLAIN_RUNS" -ge 0 ] \
  || die "rounds 1..20, runs 1..100, plain-runs 0.."
require_tools ipmi_sim ipmitool hyperfine python3
ensure_tshark

WORK=$(mktemp -d /tmp/bench-ipmi.XXXXXX)
[ -n "$RESULTS" ] || RESULTS=$WORK/results.tsv
SIM_PID="" TSHARK_PID="" SELF_PID="" AGENT_PID=""
cleanup() {
  [ -n "$TSHARK_PID" ] && kill "$TSHARK_PID" 2>/dev/null || true
  [ -n "$SELF_PID" ] && kill "$SELF_PID" 2>/dev/null || true
  [ -n "$AGENT_PID" ] && kill -TERM "$AGENT_PID" 2>/dev/null && wait "$AGENT_PID" 2>/dev/null || true
  [ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# start_anchor [SDR_FILE SEL_FILE]: ipmi_sim with our own SDR and $SEL SEL records, or with the records of these two
# files (read_data target); sets ANCHOR.
start_anchor() {
  local port; port=$(free_port)
  local data=(--sel "$SEL") want=$SEL
  if [ $# -eq 2 ]; then
    data=(--sdr-from "$1" --sel-from "$2") want=$(($(stat -c %s "$2") / 16))
  fi
  mkdir -p "$WORK/sim/state"
  local conf
  conf=$(python3 "$BENCH_LIB/ipmi_sim_config.py" --dir "$WORK/sim" --port "$port" --user admin --password benchpass \
    "${data[@]}") || die "ipmi_sim_config.py failed"
  log "ipmi_sim config: $conf"
  (cd "$WORK/sim" && exec timeout 3600 ipmi_sim -c lan.conf -f sim.emu -s state -n >sim.log 2>&1) &
  SIM_PID=$!
  local i
  for i in $(seq 150); do
    ipmitool -I lanplus -C "$CIPHER" -H 127.0.0.1 -p "$port" -U admin -P benchpass raw 6 1 >/dev/null 2>&1 && break
    sleep 0.2
  done
  local entries
  entries=$(ipmitool -I lanplus -C "$CIPHER" -H 127.0.0.1 -p "$port" -U admin -P benchpass sel info 2>/dev/null | awk '/^Entries/ {print $3}')
  [ "$entries" = "$want" ] || die "ipmi_sim not ready or SEL has '$entries' entries (want $want); see $WORK/sim/sim.log"
  ANCHOR="127.0.0.1:$port:admin:benchpass"
  log "ipmi_sim up on 127.0.0.1:$port with $entries SEL entries"
}

# start_self: builds integration-tests and starts IpmiBenchTarget; sets TARGET.
start_self() {
  bench_classpath "$BUILD"
  local cp=$CP
  local port; port=$(free_port)
  mkfifo "$WORK/self.stdin"
  # stdin is a FIFO held open by a sleeping writer: the target stops on its EOF (or on SIGTERM at exit)
  (exec timeout 3600 java ${TARGET_JVM_OPTS:-} -Dlogback.configurationFile="$BENCH_LIB/logback-bench.xml" -cp "$cp" \
    dev.bmcagent.bench.IpmiBenchTarget --port "$port" --user admin --password benchpass --sel "$SEL" \
    <"$WORK/self.stdin" >"$WORK/self.log" 2>&1) &
  SELF_PID=$!
  exec 7>"$WORK/self.stdin"
  local i
  for i in $(seq 300); do grep -q '^READY' "$WORK/self.log" && break; sleep 0.1; done
  grep -q '^READY' "$WORK/self.log" || die "IpmiBenchTarget did not start: $(tail -20 "$WORK/self.log")"
  log "IpmiBenchTarget: $(grep '^READY' "$WORK/self.log")"
  TARGET="127.0.0.1:$port:admin:benchpass"
}

# launch_agent DATA LOG: `./bmc agent` as shipped with a pre-filled SEL on data directory DATA; sets AGENT_PID, port.
launch_agent() {
  local rf hp; port=$(free_port) rf=$(free_port) hp=$(free_port)
  # shellcheck disable=SC2086
  (BMC_JAVA_OPTS="${TARGET_JVM_OPTS:-}" exec timeout 3600 "$REPO_ROOT/bmc" agent --config "$WORK/agent.yaml" \
    --data-dir "$1" --admin-password benchpass --ipmi-port "$port" --redfish-port "$rf" \
    --host-port "$hp" --sel-prefill "$SEL" >"$2" 2>&1) &
  AGENT_PID=$!
  local i; for i in $(seq 1200); do grep -qs 'pre-filled' "$2" && break; sleep 0.1; done
  grep -q 'pre-filled' "$2" || die "./bmc agent did not start: $(tail -20 "$2")"
}

# start_agent: `./bmc agent` as shipped with a pre-filled SEL; sets TARGET. Installed as docs/INSTALL.md says: its
# own AppCDS archive made by `./bmc prepare-cds` (the install step) in the run's work directory, which the start
# maps; never an archive another bench's workload recorded, and target/bmc-agent.jsa is left alone.
start_agent() {
  bmc_build
  local port
  printf 'hosts: 1\nstore: DISK\nipmi:\n  manufacturerId: 4660\n  productId: 22136\n' >"$WORK/agent.yaml" # = mc_add
  export BMC_CDS_ARCHIVE="$WORK/bmc-agent.jsa"
  if [ "${BMC_CDS:-1}" = 1 ]; then
    "$REPO_ROOT/bmc" prepare-cds --config "$WORK/agent.yaml" 2>"$WORK/prepare.log" \
      || die "./bmc prepare-cds failed: $(cat "$WORK/prepare.log")"
  else
    log "BMC_CDS=0: the target runs without an AppCDS archive"
  fi
  launch_agent "$WORK/agent-data" "$WORK/agent.log"
  log "./bmc agent (pid $AGENT_PID) on udp 127.0.0.1:$port, JVM: $(tr '\0' ' ' </proc/$(pgrep -n -P "$AGENT_PID" java || echo "$AGENT_PID")/cmdline | grep -o -- '-X[^ ]*' | tr '\n' ' ')"
  TARGET="127.0.0.1:$port:admin:benchpass"
}

# read_data NAME HOST PORT USER PASS: a system's SDR repository and SEL as raw bytes: $WORK/NAME.sdr (`sdr dump`:
# every record with its header) and $WORK/NAME.sel (`sel writeraw`: 16 bytes per record). The target's are what the
# anchor serves; the anchor's are read back by same_data.
read_data() {
  local name=$1 base="ipmitool -I lanplus -C $CIPHER -H $2 -p $3 -U $4 -P $5"
  rm -f "$WORK/$name.sdr" "$WORK/$name.sel"
  $base sdr dump "$WORK/$name.sdr" >"$WORK/$name-read.log" 2>&1 \
    && $base sel writeraw "$WORK/$name.sel" >>"$WORK/$name-read.log" 2>&1 \
    || die "reading the $name's SDR and SEL failed: $(tail -5 "$WORK/$name-read.log")"
  [ -s "$WORK/$name.sdr" ] && [ -s "$WORK/$name.sel" ] && [ $(($(stat -c %s "$WORK/$name.sel") % 16)) = 0 ] \
    || die "the $name's SDR dump or SEL file is empty or not whole 16-byte records"
}

# same_data HOST PORT USER PASS: dies unless the anchor at HOST:PORT serves the records of $WORK/target.sdr and
# $WORK/target.sel (read_data target) byte for byte, apart from the SDR record IDs (ipmi_sim numbers them itself)
# and the SEL timestamps (it stamps each record when it is added).
same_data() {
  read_data anchor "$@"
  python3 - "$WORK"/{target,anchor}.sdr "$WORK"/{target,anchor}.sel >"$WORK/same.txt" <<'PY' \
    || die "the anchor does not serve the target's records (see above)"
import sys
def sdr(path):
    d, i, out = open(path, "rb").read(), 0, []
    while i + 5 <= len(d):
        out.append(d[i + 2:i + 5 + d[i + 4]]); i += 5 + d[i + 4]  # without the record ID
    return out
def sel(path):
    d = open(path, "rb").read()
    return [d[i:i + 3] + d[i + 7:i + 16] for i in range(0, len(d), 16)]  # without the timestamp
for kind, read, a, b in (("SDR", sdr, sys.argv[1], sys.argv[2]), ("SEL", sel, sys.argv[3], sys.argv[4])):
    x, y = read(a), read(b)
    diff = [n for n in range(max(len(x), len(y))) if n >= len(x) or n >= len(y) or x[n] != y[n]]
    if diff:
        sys.exit("%s: %d vs %d records, first difference at record %d" % (kind, len(x), len(y), diff[0] + 1))
    print("%s: %d records, the same" % (kind, len(x)))
PY
  log "anchor vs target: $(tr '\n' ' ' <"$WORK/same.txt")"
}

# warm SYSTEM HOST PORT USER PASS: $WARMUP runs of the timed commands before any timing (JIT for a JVM target).
warm() {
  local sys=$1 base="ipmitool -I lanplus -H $2 -p $3 -U $4 -P $5" i
  for i in $(seq "$WARMUP"); do
    $base -C "$CIPHER" sel elist >/dev/null 2>&1 || true
    $base -C "$CIPHER" mc info >/dev/null 2>&1 || true
    [ "$sys" = anchor ] || $base mc info >/dev/null 2>&1 || true
  done
  log "$sys warmed up ($WARMUP runs)"
}

# measure SYSTEM HOST PORT USER PASS ROUND
measure() {
  local sys=$1 host=$2 port=$3 user=$4 pass=$5 round=$6
  local base="ipmitool -I lanplus -H $host -p $port -U $user -P $pass"
  local cap=$WORK/$sys-$round.pcapng
  # 1. capture
  tshark -i lo -f "udp port $port" -w "$cap" -q >"$WORK/tshark.log" 2>&1 &
  TSHARK_PID=$!
  local i
  for i in $(seq 100); do grep -q "Capturing on" "$WORK/tshark.log" && break; sleep 0.1; done
  # "Capturing on" can precede the filter being live on a busy machine (a whole first run went missing once):
  # give it time; the number of captured pairs is reported with every round.
  sleep 2
  for i in $(seq "$CAPTURE_RUNS"); do
    $base -C "$CIPHER" sel elist >/dev/null 2>&1 || log "$sys: sel elist failed during capture"
    $base -C "$CIPHER" mc info >/dev/null 2>&1 || log "$sys: mc info failed during capture"
  done
  sleep 0.5
  kill -INT "$TSHARK_PID"; wait "$TSHARK_PID" 2>/dev/null || true; TSHARK_PID=""
  tshark -r "$cap" -T fields -E separator=/t -e frame.time_epoch -e ip.src -e udp.srcport -e ip.dst \
      -e udp.dstport -e udp.payload 2>/dev/null \
    | python3 "$BENCH_LIB/pair_replies.py" --server-port "$port" >"$WORK/pairs.txt" 2>"$WORK/pairs.err"
  log "$sys round $round replies: $(tr '\n' ' ' <"$WORK/pairs.txt") $(cat "$WORK/pairs.err")"
  local n p50 p99 max sum
  read -r _ n p50 p99 max sum < <(grep '^ipmi ' "$WORK/pairs.txt")
  result ipmi "reply pairs captured (IPMI msgs)" count "$sys" "$round" "$n" ""
  result ipmi "reply time p50 (IPMI msgs)" µs "$sys" "$round" "$p50" "≤ 25 µs"
  result ipmi "reply time p99 (IPMI msgs)" µs "$sys" "$round" "$p99" "≤ 60 µs"
  # the server's share of a `sel elist` + `mc info` pair: its reply times summed, per capture run; the rest of the
  # wall time (rows below) is the client's and the kernel's
  result ipmi "server time per sel elist + mc info (sum of IPMI replies)" ms "$sys" "$round" \
    "$(python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) / 1e3 / int(sys.argv[2])))' "$sum" "$CAPTURE_RUNS")" ""
  read -r _ n p50 p99 _ < <(grep '^setup ' "$WORK/pairs.txt")
  result ipmi "reply time p50 (RMCP+ open session/RAKP)" µs "$sys" "$round" "$p50" ""
  # 2-4. wall times
  hyperfine -N -w 1 -r "$RUNS" --export-json "$WORK/h.json" -i \
      "$base -C $CIPHER sel elist" "$base -C $CIPHER mc info" >/dev/null 2>&1 \
    || log "$sys: hyperfine reported a failure"
  local sel mc
  read -r sel mc < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(" ".join("%.2f" % (x["median"]*1e3) for x in r))' "$WORK/h.json")
  result ipmi "sel elist wall, $SEL records (-C $CIPHER)" ms "$sys" "$round" "$sel" "≤ ipmi_sim"
  result ipmi "mc info wall (-C $CIPHER)" ms "$sys" "$round" "$mc" ""
  local plain=nan
  if [ "$PLAIN_RUNS" -gt 0 ]; then
    hyperfine -N -r "$PLAIN_RUNS" --export-json "$WORK/p.json" -i "$base mc info" >/dev/null 2>&1 \
      || log "$sys: hyperfine (plain) reported a failure"
    plain=$(python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1e3))' "$WORK/p.json")
  fi
  result ipmi "plain mc info wall (no -C)" ms "$sys" "$round" "$plain" "≤ 40 ms"
  log "$sys round $round: sel elist ${sel} ms, mc info ${mc} ms, plain mc info ${plain} ms"
}

# describe SYSTEM HOST PORT USER PASS: the data the timed commands walk (SEL entries, SDR records), recorded once,
# so a target holding a different SEL/SDR than the anchor shows in the table.
describe() {
  local sys=$1 base="ipmitool -I lanplus -C $CIPHER -H $2 -p $3 -U $4 -P $5" entries sdrs
  entries=$($base sel info 2>/dev/null | awk '/^Entries/ {print $3}')
  sdrs=$($base sdr elist all 2>/dev/null | grep -c . || true)
  result ipmi "SEL entries (sel info)" count "$sys" 1 "${entries:-nan}" ""
  result ipmi "SDR records listed (sdr elist all)" count "$sys" 1 "${sdrs:-nan}" ""
  [ "${entries:-0}" -ge "$SEL" ] || log "WARNING: $sys has ${entries:-no} SEL entries; sel elist compares $SEL"
  log "$sys: ${entries:-?} SEL entries, ${sdrs:-?} SDR records"
}

if [ "$TARGET" = agent ]; then
  # the agent first: the anchor then serves the agent's own SDR and SEL bytes (the same work, see the header)
  start_agent
  IFS=: read -r h p u pw <<<"$TARGET"; read_data target "$h" "$p" "$u" "$pw"
  start_anchor "$WORK/target.sdr" "$WORK/target.sel"
  IFS=: read -r h p u pw <<<"$ANCHOR"; same_data "$h" "$p" "$u" "$pw"
else
  start_anchor
  [ "$TARGET" = self ] && start_self
fi
IFS=: read -r h p u pw <<<"$ANCHOR"; describe anchor "$h" "$p" "$u" "$pw"; warm anchor "$h" "$p" "$u" "$pw"
if [ -n "$TARGET" ]; then
  IFS=: read -r h p u pw <<<"$TARGET"; require_loopback "$h"; describe target "$h" "$p" "$u" "$pw"
  warm target "$h" "$p" "$u" "$pw"
fi
printf '#name\tipmi\tOpenIPMI ipmi_sim %s\n' "$(dpkg-query -W -f='${Version}' openipmi 2>/dev/null || echo '?')" >>"$RESULTS"
for r in $(seq "$ROUNDS"); do
  IFS=: read -r h p u pw <<<"$ANCHOR"
  measure anchor "$h" "$p" "$u" "$pw" "$r"
  if [ -n "$TARGET" ]; then
    IFS=: read -r h p u pw <<<"$TARGET"
    require_loopback "$h"
    measure target "$h" "$p" "$u" "$pw" "$r"
  fi
done
python3 "$BENCH_LIB/table.py" "$RESULTS"
