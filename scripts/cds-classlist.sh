#!/usr/bin/env bash
# Regenerates the class lists `bmc prepare-cds` archives (the distribution's install step, docs/INSTALL.md):
# - scripts/lib/bmc.classlist: the classes the real `./bmc agent` (bmc.jvm.options, 1 host, DISK store) loads while
#   it restarts on an existing data directory, answers a client's first requests (curl on Redfish resources, a
#   session login, a metrics scrape, 2 s of wrk; ipmitool over RMCP+ with cipher suites 3 and 17) and stops on SIGTERM;
# - scripts/lib/bmc-dbus.classlist: the classes a restart with `hostLink: dbus` (the OpenBMC D-Bus link, on a private
#   dbus-daemon started here, no phosphor service on it) loads beyond those; `prepare-cds --config FILE` adds them
#   when FILE says `hostLink: dbus`. Apart because every archived class costs resident memory whether it is used or
#   not (the JVM relocates the archive at start, touching its pages): the D-Bus classes in a `hostLink: vm` agent's
#   archive cost it ~1.6 MiB idle.
# Everything on 127.0.0.1 and a unix socket in a temp directory.
#
#   scripts/cds-classlist.sh            (then commit both lists)
#
# Run it after a change to what the agent loads at start or on those paths: DistributionIT fails when fewer than 90 %
# of the classes a prepared first start loads come from the archive. Dropped from the JVM's list: dynamic proxies
# (generated at run time, never archivable on JDK 17) and BouncyCastle (signed jars, which CDS does not archive; a
# restart loads none of it anyway). Class ids are dropped too (optional for the built-in loaders), so a
# regeneration's diff shows only classes that came or went.
source "$(dirname "${BASH_SOURCE[0]}")/bench/lib/common.sh"
require_tools java curl ipmitool python3

WORK=$(mktemp -d /tmp/cds-classlist.XXXXXX)
PID=""
BUS_PID=""
cleanup() {
  [ -z "$PID" ] || kill -KILL "$PID" 2>/dev/null || true
  [ -z "$BUS_PID" ] || kill "$BUS_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
bmc_build
PASS="Cds-List-$$" RF=$(free_port) IPMI=$(free_port) HP=$(free_port)
printf 'hosts: 1\nstore: DISK\n' >"$WORK/agent.yaml"

# run_agent [JAVA_OPTS [CONFIG]]: prints the JVM's pid once it answers HTTPS
run_agent() {
  python3 "$BENCH_LIB/first_request.py" --url "https://127.0.0.1:$RF/redfish/v1/" --log "$WORK/agent.log" --limit 120 -- \
      env BMC_CDS=0 BMC_JAVA_OPTS="${1:-}" "$REPO_ROOT/bmc" agent --config "${2:-$WORK/agent.yaml}" --data-dir "$WORK/data" \
      --admin-password "$PASS" --redfish-port "$RF" --ipmi-port "$IPMI" --host-port "$HP" \
    | sed 's/.*pid=//' || die "./bmc agent did not serve: $(tail -20 "$WORK/agent.log")"
}
stop_agent() {
  kill -TERM "$PID"
  local i; for i in $(seq 300); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$PID" 2>/dev/null && die "the agent did not stop on SIGTERM"
  PID=""
}

log "first boot (makes the data directory: keys, certificate, stores)"
PID=$(run_agent)
stop_agent
log "restart with -XX:DumpLoadedClassList"
PID=$(run_agent "-XX:DumpLoadedClassList=$WORK/raw.classlist")
[ "$(tr '\0' ' ' <"/proc/$PID/cmdline" | awk '{print $1}')" = java ] || die "pid $PID is not the JVM"
rf() { curl -sk -o /dev/null -w '%{http_code}\n' -u "admin:$PASS" "$@"; }
for path in / /Systems /Systems/host0 /Systems/host0/LogServices/EventLog/Entries /Managers /Managers/bmc \
    /Chassis /Chassis/host0 /Chassis/host0/Sensors /AccountService /AccountService/Accounts /SessionService \
    /EventService /EventService/Subscriptions /UpdateService /TaskService /CertificateService /JsonSchemas \
    /Registries '/$metadata' /odata /NoSuchResource; do
  rf "https://127.0.0.1:$RF/redfish/v1$path"
done >"$WORK/codes"
token=$(curl -sk -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"UserName\":\"admin\",\"Password\":\"$PASS\"}" "https://127.0.0.1:$RF/redfish/v1/SessionService/Sessions" \
  | awk -F': ' 'tolower($1) == "x-auth-token" {print $2}' | tr -d '\r')
[ -n "$token" ] || die "no session token"
curl -sk -o /dev/null -H "X-Auth-Token: $token" "https://127.0.0.1:$RF/redfish/v1/Systems/host0"
rf "https://127.0.0.1:$RF/metrics" >>"$WORK/codes"
if command -v wrk >/dev/null; then
  wrk -t2 -c8 -d2s -H "Authorization: Basic $(printf 'admin:%s' "$PASS" | base64 -w0)" \
    "https://127.0.0.1:$RF/redfish/v1/Systems/host0" >/dev/null
fi
printf '%s\n' "mc info" "chassis status" "chassis power status" "sdr elist" "sel info" "sel elist" "sel list" \
  "sensor list" "user list 1" "channel info" >"$WORK/batch"
for cipher in 3 17; do
  ipmitool -I lanplus -C "$cipher" -H 127.0.0.1 -p "$IPMI" -U admin -P "$PASS" exec "$WORK/batch" \
    >"$WORK/ipmitool.out" 2>&1 \
    || die "ipmitool (cipher suite $cipher) failed: $(tail -5 "$WORK/ipmitool.out")"
done
stop_agent
grep -q '^200$' "$WORK/codes" || die "no Redfish request answered 200"
: >"$WORK/dbus.classlist"
if command -v dbus-daemon >/dev/null; then
  log "restart with hostLink: dbus on a private dbus-daemon"
  cat >"$WORK/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>custom</type>
  <listen>unix:path=$WORK/bus.sock</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/> <allow own="*"/>
    <allow send_type="method_call"/> <allow send_type="signal"/> <allow send_type="method_return"/>
    <allow send_type="error"/> <allow receive_type="method_call"/> <allow receive_type="signal"/>
    <allow receive_type="method_return"/> <allow receive_type="error"/>
  </policy>
</busconfig>
CONF
  dbus-daemon --config-file="$WORK/bus.conf" --nofork 2>/dev/null &
  BUS_PID=$!
  for _ in $(seq 50); do [ -S "$WORK/bus.sock" ] && break; sleep 0.1; done
  [ -S "$WORK/bus.sock" ] || die "dbus-daemon did not listen"
  # no phosphor service owns its names here: the link starts and waits for them ("not readable yet")
  printf 'hosts: 1\nstore: DISK\nhostLink: dbus\nopenbmc:\n  busAddress: unix:path=%s\n' "$WORK/bus.sock" \
    >"$WORK/dbus.yaml"
  PID=$(run_agent "-XX:DumpLoadedClassList=$WORK/dbus.classlist" "$WORK/dbus.yaml")
  rf "https://127.0.0.1:$RF/redfish/v1/Systems/host0" >/dev/null
  ipmitool -I lanplus -C 17 -H 127.0.0.1 -p "$IPMI" -U admin -P "$PASS" mc info >/dev/null \
    || die "ipmitool against the dbus-linked agent failed"
  stop_agent
  grep -q 'OpenBMC D-Bus link on' "$WORK/agent.log" || die "the agent did not open its D-Bus link"
else
  die "no dbus-daemon for the hostLink: dbus list (scripts/test.sh installs the dbus package)"
fi

# clean: dynamic proxies and BouncyCastle out, class ids dropped, each line once
clean() {
  grep -v '^#' | grep -v -E '(^|/)\$Proxy[0-9]+|^com/sun/proxy/|^jdk/proxy[0-9]*/|^org/bouncycastle/' \
    | sed -E '/ (super|source|interfaces):/! s/ id: [0-9]+$//' | awk '!seen[$0]++'
}
JDK="$(java -version 2>&1 | head -1)"
LIB="$REPO_ROOT/scripts/lib"
{
  echo "# bmc.classlist: the classes \`bmc prepare-cds\` archives (scripts/lib/cds.sh). Generated by"
  echo "# scripts/cds-classlist.sh on $JDK; do not edit, run it again."
  clean <"$WORK/raw.classlist"
} >"$LIB/bmc.classlist.tmp"
{
  echo "# bmc-dbus.classlist: what \`bmc prepare-cds --config FILE\` adds to bmc.classlist when FILE says hostLink: dbus."
  echo "# Generated by scripts/cds-classlist.sh on $JDK; do not edit, run it again."
  # the dbus run's lines that the first list lacks, in the dbus run's order
  clean <"$WORK/dbus.classlist" | awk 'NR == FNR { if ($0 !~ /^#/) base[$0] = 1; next } !($0 in base)' \
    "$LIB/bmc.classlist.tmp" -
} >"$LIB/bmc-dbus.classlist.tmp"
mv -f "$LIB/bmc.classlist.tmp" "$LIB/bmc.classlist"
mv -f "$LIB/bmc-dbus.classlist.tmp" "$LIB/bmc-dbus.classlist"
for list in "$LIB/bmc.classlist" "$LIB/bmc-dbus.classlist"; do
  log "$list: $(grep -c '^[a-z]' "$list") classes, $(grep -c '^@' "$list") lambda lines"
done
