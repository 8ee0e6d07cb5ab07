# shellcheck shell=sh
# AppCDS for `bmc agent`, one implementation for both launchers: the repository's ./bmc (bash) and the
# distribution's bin/bmc (POSIX sh; shipped as libexec/cds.sh). Sourced; defines the functions below and returns.
#
# cds_exec JAVA ARCHIVE CLASSPATH JAVA_ARGS...
#   With ARCHIVE present (and the size recorded next to it in ARCHIVE.size): exec JAVA mapping it
#   (-XX:SharedArchiveFile) with JAVA_ARGS (options, -cp, main class, arguments). Without it: run JAVA_ARGS once with
#   -XX:ArchiveClassesAtExit so the JVM records the classes it loaded when it exits. That archive is written under a
#   temporary name and kept only after a normal exit (0, or 130/143 after SIGINT/SIGTERM) and a test mapping with
#   -Xshare:on on CLASSPATH (a truncated or foreign archive makes a JVM abort at start); for that one run this shell
#   stays the JVM's parent and forwards TERM/HUP/INT. Exits with the JVM's status. Whether an archive is stale (older
#   than the build or the java binary) is the caller's to decide: it deletes ARCHIVE before calling.
#
# cds_dump JAVA ARCHIVE CLASSPATH CLASSLIST JVM_OPTIONS...
#   `bmc prepare-cds`, the install step: makes ARCHIVE without running the agent, a static archive (-Xshare:dump) of
#   the classes CLASSLIST names (the JDK's and the agent's: what cds_classlist writes from scripts/lib/bmc.classlist
#   and bmc-dbus.classlist, shipped as libexec/, which scripts/cds-classlist.sh generates from a real agent's
#   restarts and first requests), so that even the first start maps an archive. Same temporary name, test mapping and ARCHIVE.size as a recording; the JVM's report (classes it
#   could not archive, e.g. from signed jars) goes to ARCHIVE.log. Returns 0 or 1.
#
# cds_classlist LIBDIR CONFIG OUT
#   Writes OUT, the list cds_dump archives for an agent run with CONFIG (empty: none): LIBDIR/bmc.classlist, plus
#   LIBDIR/bmc-dbus.classlist when CONFIG has a top-level `hostLink: dbus` (the OpenBMC D-Bus link's classes, which
#   would cost a `hostLink: vm` agent resident memory for nothing). Says which on stderr; returns 1 if CONFIG is
#   given and unreadable.
#
# cds_fresh ARCHIVE JAVA PATH...
#   True if ARCHIVE exists, has the size recorded in ARCHIVE.size, was made by JAVA (the binary it resolves to, as
#   recorded in ARCHIVE.java when the archive was made: the JVM silently refuses another JDK's archive, and an
#   older-installed JDK chosen later would pass the mtime check) and no PATH (a file, or a directory and what it
#   holds) is newer than it.
#
# ARCHIVE.size and ARCHIVE.java are written next to every archive cds_exec keeps and cds_dump makes.
cds_exec() {
  cds_java=$1 cds_archive=$2 cds_cp=$3
  shift 3
  if [ -f "$cds_archive" ] && [ "$(wc -c <"$cds_archive" | tr -d ' ')" != "$(cat "$cds_archive.size" 2>/dev/null)" ]; then
    rm -f "$cds_archive" "$cds_archive.size" "$cds_archive.java"   # not the size it was made with: truncated
  fi
  if [ -f "$cds_archive" ]; then
    exec "$cds_java" "-XX:SharedArchiveFile=$cds_archive" "-Xlog:cds*=off" "$@"
  fi
  mkdir -p "$(dirname "$cds_archive")"
  cds_tmp="$cds_archive.$$.tmp"
  rm -f "$cds_tmp"
  "$cds_java" "-XX:ArchiveClassesAtExit=$cds_tmp" "-Xlog:cds*=off" "$@" &
  cds_child=$!
  trap 'kill -TERM "$cds_child" 2>/dev/null || true' TERM HUP INT   # an async child ignores SIGINT: TERM it
  cds_rc=0
  while kill -0 "$cds_child" 2>/dev/null; do
    wait "$cds_child" && cds_rc=0 || cds_rc=$?   # returns early for a trapped signal: the JVM is still exiting
  done
  if { [ "$cds_rc" = 0 ] || [ "$cds_rc" = 130 ] || [ "$cds_rc" = 143 ]; } && [ -s "$cds_tmp" ] \
      && "$cds_java" "-XX:SharedArchiveFile=$cds_tmp" -Xshare:on "-Xlog:cds*=off" -cp "$cds_cp" -version \
        >/dev/null 2>&1; then
    wc -c <"$cds_tmp" | tr -d ' ' >"$cds_archive.size" && cds_java_path "$cds_java" >"$cds_archive.java" \
      && mv -f "$cds_tmp" "$cds_archive"
  else
    rm -f "$cds_tmp"
  fi
  exit "$cds_rc"
}

cds_dump() {
  cds_java=$1 cds_archive=$2 cds_cp=$3 cds_list=$4
  shift 4
  if [ ! -r "$cds_list" ]; then
    echo "bmc: class list $cds_list is missing" >&2
    return 1
  fi
  mkdir -p "$(dirname "$cds_archive")"
  cds_tmp="$cds_archive.$$.tmp"
  rm -f "$cds_tmp"
  cds_t0=$(date +%s)
  if "$cds_java" "$@" -Xshare:dump "-XX:SharedClassListFile=$cds_list" "-XX:SharedArchiveFile=$cds_tmp" \
        -cp "$cds_cp" >"$cds_archive.log" 2>&1 && [ -s "$cds_tmp" ] \
      && "$cds_java" "-XX:SharedArchiveFile=$cds_tmp" -Xshare:on "-Xlog:cds*=off" -cp "$cds_cp" -version \
        >/dev/null 2>&1; then
    wc -c <"$cds_tmp" | tr -d ' ' >"$cds_archive.size" && cds_java_path "$cds_java" >"$cds_archive.java" \
      && mv -f "$cds_tmp" "$cds_archive" || return 1
    # classes of public jars, read by the service
    chmod a+r "$cds_archive" "$cds_archive.size" "$cds_archive.java" "$cds_archive.log"
    echo "bmc: $cds_archive: $(( $(cat "$cds_archive.size") / 1048576 )) MiB, $(grep -c '^[a-z]' "$cds_list") classes" \
      "listed, $(grep -c 'Skipping\|Cannot find' "$cds_archive.log") not archivable (see $cds_archive.log)," \
      "$(( $(date +%s) - cds_t0 )) s" >&2
    return 0
  fi
  rm -f "$cds_tmp"
  echo "bmc: making $cds_archive failed:" >&2
  grep -v '\[warning\]\[cds\]' "$cds_archive.log" | tail -20 >&2
  return 1
}

cds_java_path() {
  readlink -f "$(command -v "$1")"
}

cds_fresh() {
  cds_archive=$1 cds_java=$2
  shift 2
  [ -f "$cds_archive" ] && [ "$(wc -c <"$cds_archive" | tr -d ' ')" = "$(cat "$cds_archive.size" 2>/dev/null)" ] \
    && { [ ! -f "$cds_archive.java" ] || [ "$(cat "$cds_archive.java")" = "$(cds_java_path "$cds_java")" ]; } \
    && [ -z "$(find "$@" -newer "$cds_archive" -print 2>/dev/null | head -1)" ]
}

cds_classlist() {
  cds_lib=$1 cds_config=$2 cds_out=$3
  if [ -n "$cds_config" ] && [ ! -r "$cds_config" ]; then
    echo "bmc: configuration $cds_config is not readable" >&2
    return 1
  fi
  mkdir -p "$(dirname "$cds_out")"
  if [ -n "$cds_config" ] && grep -Eq '^hostLink:[[:space:]]*["'"'"']?dbus["'"'"']?[[:space:]]*(#.*)?$' "$cds_config"; then
    cat "$cds_lib/bmc.classlist" "$cds_lib/bmc-dbus.classlist" >"$cds_out"
    echo "bmc: $cds_config has hostLink: dbus: archiving the D-Bus link's classes too" >&2
  else
    cat "$cds_lib/bmc.classlist" >"$cds_out"
  fi
}
