#!/usr/bin/env python3
"""Starts a server and measures the time from exec to its first served HTTPS request: GET URL (certificate not
verified, loopback only) answered with any HTTP status, polled every 5 ms, bounded by --limit seconds. Prints
`startup_ms=<ms> pid=<pid>` and leaves the process running (stdout/stderr to --log); the caller stops it by pid.

usage: first_request.py --url https://127.0.0.1:PORT/redfish/v1/ --log FILE [--limit 60] -- COMMAND ARGS...
"""
import argparse
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--limit", type=float, default=60)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    if not a.url.startswith("https://127.0.0.1:"):
        sys.exit("loopback https URLs only")
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    log = open(a.log, "ab")
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
    while time.monotonic() - t0 < a.limit:
        if proc.poll() is not None:
            sys.exit("process exited with %d before serving" % proc.returncode)
        try:
            with urllib.request.urlopen(a.url, context=ctx, timeout=2) as r:
                r.read()
            served = True
        except urllib.error.HTTPError:
            served = True     # an HTTP answer (e.g. 401) is a served request
        except OSError:
            served = False
        if served:
            print("startup_ms=%.1f pid=%d" % ((time.monotonic() - t0) * 1e3, proc.pid))
            return
        time.sleep(0.005)
    proc.kill()
    sys.exit("no HTTPS answer within %.0f s" % a.limit)


if __name__ == "__main__":
    main()
