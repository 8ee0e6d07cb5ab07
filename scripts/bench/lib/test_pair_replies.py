#!/usr/bin/env python3
"""Self-test of pair_replies.py on a hand-made capture listing: python3 -m unittest test_pair_replies"""
import subprocess
import sys
import unittest
from pathlib import Path

RMCP = "0600ff07"
IPMI15 = RMCP + "00" + "00" * 8 + "09" + "2018c881003816" + "00" * 3  # IPMI 1.5, no auth, Get Ch Auth Caps
PLUS_IPMI = RMCP + "06" + "c0" + "00" * 8 + "2000" + "ab" * 32      # RMCP+, payload type 0x00, encrypted
PLUS_RAKP1 = RMCP + "06" + "12" + "00" * 8 + "2100" + "cd" * 33     # RMCP+, payload type 0x12 (RAKP 1)


def run(lines):
    out = subprocess.run([sys.executable, str(Path(__file__).with_name("pair_replies.py")), "--server-port", "623"],
                         input="".join(lines), capture_output=True, text=True, check=True)
    return {l.split()[0]: l.split()[1:] for l in out.stdout.splitlines()}, out.stderr


def pkt(t, sport, dport, payload):
    return "%.6f\t127.0.0.1\t%d\t127.0.0.1\t%d\t%s\n" % (t, sport, dport, payload)


class PairRepliesTest(unittest.TestCase):
    def test_pairs_by_four_tuple_order_and_classifies(self):
        lines = [
            pkt(1.000000, 40001, 623, IPMI15), pkt(1.000040, 623, 40001, IPMI15),          # 40 µs
            pkt(2.000000, 40002, 623, PLUS_RAKP1),                                          # other client
            pkt(2.000010, 40001, 623, PLUS_IPMI),
            pkt(2.000130, 623, 40002, PLUS_RAKP1),                                          # 130 µs, setup
            pkt(2.000030, 623, 40001, PLUS_IPMI),                                           # 20 µs
            pkt(3.000000, 623, 40003, PLUS_IPMI),                                           # unsolicited
        ]
        res, err = run(lines)
        self.assertEqual(res["ipmi"][:3], ["2", "20.0", "40.0"])   # n, p50, p99 (nearest rank)
        self.assertEqual(res["setup"][:2], ["1", "130.0"])
        self.assertEqual(res["all"][0], "3")
        self.assertIn("unsolicited=1", err)

    def test_retransmission_keeps_the_latest_request(self):
        lines = [pkt(1.0, 40001, 623, IPMI15), pkt(2.0, 40001, 623, IPMI15), pkt(2.000050, 623, 40001, IPMI15)]
        res, err = run(lines)
        self.assertEqual(res["ipmi"][:2], ["1", "50.0"])
        self.assertIn("retransmits=1", err)


if __name__ == "__main__":
    unittest.main()
