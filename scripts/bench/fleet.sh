#!/usr/bin/env bash
# Fleet benchmark: 2,000 simulated hosts, each with a real agent core, through a firmware upgrade (power-on, then
# BIOS, BMC and NIC updates, each followed by a reboot) on the virtual clock, with a 2 GiB heap.
# Prints the simulation's summary, then wall time, CPU time and max RSS from /usr/bin/time -v.
#   scripts/bench/fleet.sh [extra bmc simulate options...]     e.g. --hosts 4000, --boot-order declared
# Environment: OUT (output directory, default target/bench-fleet); BENCH_QUICK=1 (CI): 20 hosts.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ROOT=$REPO_ROOT
OUT="${OUT:-$ROOT/target/bench-fleet}"
HOSTS=2000
is_quick && HOSTS=20
mkdir -p "$OUT"
[ -x /usr/bin/time ] || die "missing tool: /usr/bin/time (Debian package time)"
# Build first (outside the measurement), via the launcher's own check.
bmc_build
log="$OUT/time.txt"
BMC_JAVA_OPTS="-Xmx2g ${BMC_JAVA_OPTS:-}" /usr/bin/time -v -o "$log" \
  "$ROOT/bmc" simulate --hosts "$HOSTS" --scenario firmware-upgrade --seed 1 --no-progress --out "$OUT" "$@"
echo
echo "== /usr/bin/time -v (JVM with -Xmx2g) =="
grep -E 'Elapsed \(wall clock\)|User time|System time|Percent of CPU|Maximum resident set size' "$log"
echo "machine: $(nproc) CPU(s), load average $(cut -d' ' -f1-3 /proc/loadavg)"
