#!/usr/bin/env python3
"""Server reply times from a loopback capture of IPMI-over-LAN (RMCP / RMCP+) traffic.

Input (stdin): `tshark -r CAP -T fields -E separator=/t -e frame.time_epoch -e ip.src -e udp.srcport
-e ip.dst -e udp.dstport -e udp.payload`, one UDP datagram a line, in capture order.

Method: the capture is split into conversations by UDP 4-tuple (client address and port, server address and
port). ipmitool keeps one request outstanding per session and conversation, so within a conversation every
client->server datagram opens a request and the next server->client datagram is its reply; the reply time is
reply timestamp - request timestamp (libpcap timestamps, microsecond resolution on this kernel/capture path).
RMCP+ sequence numbers cannot pair requests with replies on their own (each direction numbers its own
packets, and with cipher suites that encrypt the payload the IPMI rqSeq is hidden), so order within the
4-tuple is the pairing key. A second request before a reply (a retransmission) replaces the pending one and
is counted; a reply with nothing pending is counted and ignored.

Classes: `ipmi` = IPMI message payloads (RMCP+ payload type 0x00, or any IPMI 1.5 message, sessionless ones
included); `setup` = RMCP+ Open Session and RAKP 1-4 (payload types 0x10..0x15); `all` = both plus anything
else on the port (e.g. RMCP ping).
Output: one line per class, `class n p50_us p99_us max_us sum_us` plus counters on stderr.
"""
import argparse
import math
import sys


def classify(payload):
    if len(payload) < 6 or payload[0] != 0x06 or payload[3] != 0x07:
        return "other"
    if payload[4] == 0x06:
        ptype = payload[5] & 0x3F
        if ptype == 0x00:
            return "ipmi"
        if 0x10 <= ptype <= 0x15:
            return "setup"
        return "other"
    return "ipmi"


def rank(sorted_values, pct):
    i = math.ceil(pct / 100.0 * len(sorted_values)) - 1
    return sorted_values[max(0, min(len(sorted_values) - 1, i))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server-port", type=int, required=True)
    a = ap.parse_args()
    pending = {}
    samples = {"ipmi": [], "setup": [], "other": []}
    retransmits = unsolicited = 0
    for line in sys.stdin:
        f = line.rstrip("\n").split("\t")
        if len(f) < 6 or not f[5]:
            continue
        t = float(f[0])
        src, sport, dst, dport = f[1], int(f[2]), f[3], int(f[4])
        payload = bytes.fromhex(f[5].replace(":", ""))
        if dport == a.server_port:
            key = (src, sport, dst, dport)
            if key in pending:
                retransmits += 1
            pending[key] = (t, classify(payload))
        elif sport == a.server_port:
            key = (dst, dport, src, sport)
            if key not in pending:
                unsolicited += 1
                continue
            t0, cls = pending.pop(key)
            samples[cls].append((t - t0) * 1e6)
    samples["all"] = samples["ipmi"] + samples["setup"] + samples["other"]
    for cls in ("ipmi", "setup", "all"):
        v = sorted(samples[cls])
        if v:
            print("%s %d %.1f %.1f %.1f %.0f" % (cls, len(v), rank(v, 50), rank(v, 99), v[-1], sum(v)))
        else:
            print("%s 0 nan nan nan nan" % cls)
    print("unanswered=%d retransmits=%d unsolicited=%d" % (len(pending), retransmits, unsolicited), file=sys.stderr)


if __name__ == "__main__":
    main()
