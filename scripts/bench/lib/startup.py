#!/usr/bin/env python3
"""Starts a server process and measures the time from exec to its TCP port on 127.0.0.1 accepting a
connection (polled every 1 ms, bounded by --limit seconds). Prints `startup_ms=<ms> pid=<pid>` and leaves the
process running (its stdout/stderr go to --log); the caller stops it by pid.

usage: startup.py --port P --log FILE [--limit 60] -- COMMAND ARGS...
"""
import argparse
import socket
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--limit", type=float, default=60)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    log = open(a.log, "ab")
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
    while time.monotonic() - t0 < a.limit:
        if proc.poll() is not None:
            print("process exited with %d before listening" % proc.returncode, file=sys.stderr)
            sys.exit(1)
        try:
            socket.create_connection(("127.0.0.1", a.port), timeout=0.2).close()
            print("startup_ms=%.1f pid=%d" % ((time.monotonic() - t0) * 1e3, proc.pid))
            return
        except OSError:
            time.sleep(0.001)
    proc.kill()
    print("not listening within %.0f s" % a.limit, file=sys.stderr)
    sys.exit(1)


if __name__ == "__main__":
    main()
