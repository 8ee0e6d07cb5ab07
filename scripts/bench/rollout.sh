#!/usr/bin/env bash
# Rollout benchmark (#16 acceptance): 10,000 simulated hosts, each with a real agent core, through a BIOS + BMC + NIC
# campaign whose BIOS update resets the boot order, under reboot permits with cadence "at most 5 % rebooting";
# then the same fleet uncoordinated (every host at once, no permits), on the virtual clock, with a 4 GiB heap.
# Prints the table (one row per run: campaign time, peak reboots in flight, reboots per host, halted hosts, wall,
# peak heap), then wall time, CPU time and max RSS of the whole process from /usr/bin/time -v.
#   scripts/bench/rollout.sh
# Environment: HOSTS (default 10000), CADENCE (percent, default 5), OUT (output directory, default
# target/bench-rollout; rollout.svg is written there); BENCH_QUICK=1 (CI): 100 hosts.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ROOT=$REPO_ROOT
OUT="${OUT:-$ROOT/target/bench-rollout}"
is_quick && HOSTS=${HOSTS:-100}
mkdir -p "$OUT"
[ -x /usr/bin/time ] || die "missing tool: /usr/bin/time (Debian package time)"
bmc_build   # build first, outside the measurement
log="$OUT/time.txt"
BMC_JAVA_OPTS="-Xmx4g ${BMC_JAVA_OPTS:-}" /usr/bin/time -v -o "$log" \
  "$ROOT/bmc" rollout simulate --hosts "${HOSTS:-10000}" --cadence "${CADENCE:-5}" --compare --out "$OUT"
echo
echo "== /usr/bin/time -v (JVM with -Xmx4g; both runs) =="
grep -E 'Elapsed \(wall clock\)|User time|System time|Percent of CPU|Maximum resident set size' "$log"
echo "machine: $(nproc) CPU(s), load average $(cut -d' ' -f1-3 /proc/loadavg)"
