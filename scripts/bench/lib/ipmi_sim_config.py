#!/usr/bin/env python3
"""Writes an ipmi_sim configuration for the IPMI benchmark anchor.

lan.conf  : one LAN channel on 127.0.0.1:<port>, one admin user (RMCP+ and IPMI 1.5 auth types allowed).
sim.emu   : a BMC at IPMB 0x20 (the agent's Manufacturer/Product ID, see ipmi.sh) with a main SDR, one simulated
            sensor per sensor record, and a SEL of system event records (type 0x02).

What the SDR and SEL hold:
- default (ipmi.sh --target self or HOST:PORT): our own data. A main SDR of full threshold records (temperature,
  fan, power) and a few compact discrete records, built here per IPMI 2.0 section 43.1 (full, type 0x01) and 43.2
  (compact, type 0x02), and <sel> records that reference those sensors, so `ipmitool sel elist` resolves names.
- --sdr-from FILE --sel-from FILE (ipmi.sh --target agent): the target's own bytes, so both systems serve the same
  work (`ipmitool sel elist` reads the whole SDR to name sensors: a different SDR is a different number of
  messages). FILE of --sdr-from is what `ipmitool sdr dump FILE` writes (every record with its 5-byte header, back
  to back); each record goes to `main_sdr_add` as it is (ipmi_sim writes its own record IDs into the headers, 1,
  2, ... in file order, the agent's numbering too), and each full (01h), compact (02h) or event-only (03h) record
  owned by 0x20 gets a `sensor_add` with its LUN, number, sensor type and event/reading type. FILE of --sel-from
  is what `ipmitool sel writeraw FILE` writes (16-byte records: record ID, record type, 13 bytes); each goes to
  `sel_add` without its ID, so ipmi_sim numbers them 1, 2, ... in file order, as the agent does. The one
  difference left: for record types below 0xE0 the SEL device stamps the time of the add (IPMI 2.0 section 31.6;
  ipmi_sim uses its monotonic clock, so ipmitool shows "Pre-Init" times), so the 4 timestamp bytes are the
  simulator's, not the target's; `sel elist` prints them differently but sends the same IPMI messages.

Commands per ipmi_sim_cmd(5): `main_sdr_add` (whole record), `sensor_add` (MC, LUN, number, type, reading type),
`sel_add` (record type, then the 13 bytes after the record type: timestamp LS-first, generator ID, EvM rev, sensor
type, sensor number, event dir/type, event data 1..3).
"""
import argparse
import os

OWNER = 0x20

# (number, sensor type, entity id, base unit, nominal raw, name)  -- threshold sensors, M=1 B=0 unless noted
FULL = [
    (0x10, 0x01, 0x03, 0x01, 45, "CPU0 Temp"),     # temperature, processor, degrees C
    (0x11, 0x01, 0x03, 0x01, 47, "CPU1 Temp"),
    (0x12, 0x01, 0x07, 0x01, 30, "Inlet Temp"),    # system board
    (0x13, 0x01, 0x20, 0x01, 38, "DIMM A0 Temp"),  # memory device
    (0x20, 0x04, 0x1D, 0x12, 84, "FAN0"),          # fan, fan device, RPM (M=100)
    (0x21, 0x04, 0x1D, 0x12, 86, "FAN1"),
    (0x22, 0x04, 0x1D, 0x12, 85, "FAN2"),
    (0x30, 0x0B, 0x0A, 0x06, 62, "PSU0 Power"),    # other units-based, power supply, Watts (M=4)
]
M_BY_UNIT = {0x01: 1, 0x12: 100, 0x06: 4}

# (number, sensor type, reading type, entity id, name)  -- discrete compact records
COMPACT = [
    (0x40, 0x22, 0x6F, 0x07, "ACPI State"),        # system ACPI power state, sensor-specific
    (0x41, 0x0F, 0x6F, 0x22, "FW Progress"),       # system firmware progress, BIOS entity
    (0x42, 0x0C, 0x6F, 0x20, "DIMM A0 Status"),    # memory
    (0x43, 0x08, 0x6F, 0x0A, "PSU0 Status"),       # power supply
]


def id_string(name):
    raw = name.encode("ascii")[:16]
    return [0xC0 | len(raw)] + list(raw)  # 8-bit ASCII + Latin-1, length


def full_record(num, stype, entity, unit, nominal, name):
    m = M_BY_UNIT[unit]
    body = [
        OWNER, 0x00, num,                # sensor owner ID, owner LUN, sensor number
        entity, 0x01,                    # entity ID, instance
        0x7F,                            # init: scanning, events, thresholds, hysteresis, type, ev gen, scan
        0x68,                            # capabilities: auto re-arm, hysteresis readable, thresholds readable
        stype, 0x01,                     # sensor type, event/reading type: threshold
        0x95, 0x0A, 0x95, 0x0A,          # assertion / deassertion event masks (LNC/LC low, UNC/UC high)
        0x1B, 0x1B,                      # reading mask / settable-readable threshold mask
        0x00, unit, 0x00,                # units 1 (unsigned, no rate), base unit, modifier unit
        0x00,                            # linearisation: linear
        m & 0xFF, (m >> 2) & 0xC0,       # M LS, M MS bits + tolerance
        0x00, 0x00,                      # B LS, B MS + accuracy
        0x00, 0x00,                      # accuracy, R exponent / B exponent
        0x07,                            # analog flags: nominal, normal max, normal min given
        nominal, min(nominal + 20, 255), max(nominal - 20, 0),
        0xFF, 0x00,                      # sensor max / min reading
        min(nominal + 50, 255), min(nominal + 40, 255), min(nominal + 30, 255),  # UNR, UC, UNC
        max(nominal - 40, 0), max(nominal - 35, 0), max(nominal - 30, 0),        # LNR, LC, LNC
        0x02, 0x02,                      # positive / negative hysteresis
        0x00, 0x00, 0x00,                # reserved x2, OEM
    ] + id_string(name)
    return [0x00, 0x00, 0x51, 0x01, len(body)] + body  # record ID (assigned by the repo), SDR 1.5, full


def compact_record(num, stype, rtype, entity, name):
    body = [
        OWNER, 0x00, num,
        entity, 0x01,
        0x63,                            # init: scanning, events, type, ev gen, scan (no thresholds)
        0x40,                            # capabilities: auto re-arm
        stype, rtype,
        0xFF, 0x7F, 0xFF, 0x7F, 0xFF, 0x7F,  # assertion / deassertion / reading masks: all states
        0xC0, 0x00, 0x00,                # units 1: no analog reading
        0x00, 0x00,                      # record sharing: none
        0x00, 0x00,                      # hysteresis
        0x00, 0x00, 0x00, 0x00,          # reserved x3, OEM
    ] + id_string(name)
    return [0x00, 0x00, 0x51, 0x02, len(body)] + body


def sel_events(n, start=0x6500_0000):
    """n system event records cycling over the sensors; timestamps 37 s apart."""
    kinds = []
    for num, stype, *_ in FULL:
        kinds.append((stype, num, 0x01, [0x57, 0x00, 0x00]))  # threshold, UNC going high, trigger + threshold
        kinds.append((stype, num, 0x81, [0x57, 0x00, 0x00]))  # deassertion
    kinds.append((0x22, 0x40, 0x6F, [0x05, 0xFF, 0xFF]))      # ACPI: S5 / G2 soft-off
    kinds.append((0x22, 0x40, 0x6F, [0x00, 0xFF, 0xFF]))      # ACPI: S0 / G0 working
    kinds.append((0x0F, 0x41, 0x6F, [0xC2, 0x00, 0x03]))      # FW progress: progress, memory init (OEM codes)
    kinds.append((0x0F, 0x41, 0x6F, [0xC2, 0x13, 0x00]))      # FW progress: starting OS boot
    kinds.append((0x0C, 0x42, 0x6F, [0x01, 0xFF, 0x00]))      # memory: uncorrectable ECC
    kinds.append((0x08, 0x43, 0x6F, [0x00, 0xFF, 0xFF]))      # PSU: presence detected
    out = []
    for i in range(n):
        stype, num, dirtype, data = kinds[i % len(kinds)]
        ts = start + 37 * i
        out.append([0x02, ts & 0xFF, (ts >> 8) & 0xFF, (ts >> 16) & 0xFF, (ts >> 24) & 0xFF,
                    0x20, 0x00, 0x04, stype, num, dirtype] + data)
    return out


def read_sdr_dump(path):
    """Records of an `ipmitool sdr dump FILE`: the raw records back to back, each its 5-byte header (record ID
    LS-first, SDR version, record type, length of the rest) and body. Returns (record type, header + body) pairs."""
    with open(path, "rb") as f:
        data = f.read()
    records, i = [], 0
    while i < len(data):
        if i + 5 > len(data) or i + 5 + data[i + 4] > len(data):
            raise SystemExit("%s: SDR record at byte %d is truncated" % (path, i))
        end = i + 5 + data[i + 4]
        records.append((data[i + 3], list(data[i:end])))
        i = end
    if not records:
        raise SystemExit("%s: no SDR records" % path)
    return records


def read_sel_raw(path):
    """Records of an `ipmitool sel writeraw FILE`: 16 bytes each (record ID LS-first, record type, 13 bytes).
    Returns the [record type] + 13 bytes that `sel_add` takes (the simulator assigns the record IDs)."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) % 16:
        raise SystemExit("%s: %d bytes, not a whole number of 16-byte SEL records" % (path, len(data)))
    return [list(data[i + 2:i + 16]) for i in range(0, len(data), 16)]


def sensor_of(rtype, record):
    """(owner ID, LUN, number, sensor type, event/reading type, event-only) of a sensor record, else None.
    Full (01h) and compact (02h): owner ID, owner LUN, number at body bytes 0-2, sensor type and event/reading
    type at 7-8 (IPMI 2.0 tables 43-1, 43-2); event-only (03h): the same first three, types at 5-6 (table 43-3)."""
    body = record[5:]
    if rtype in (0x01, 0x02) and len(body) >= 9:
        return body[0], body[1] & 0x03, body[2], body[7], body[8], False
    if rtype == 0x03 and len(body) >= 7:
        return body[0], body[1] & 0x03, body[2], body[5], body[6], True
    return None


def hexs(values):
    return " ".join("0x%02x" % v for v in values)


def sdr_lines_from(path):
    """main_sdr_add for every record of the dump, byte for byte, and a sensor_add for every sensor record our MC
    owns (the simulator answers Get Sensor Reading only for sensors added this way)."""
    lines = []
    for rtype, record in read_sdr_dump(path):
        lines.append("main_sdr_add 0x20 " + hexs(record))
        sensor = sensor_of(rtype, record)
        if sensor and sensor[0] == OWNER:
            _, lun, num, stype, etype, event_only = sensor
            lines.append("sensor_add 0x20 %d 0x%02x 0x%02x 0x%02x%s"
                         % (lun, num, stype, etype, " event-only" if event_only else ""))
    return lines


def own_sdr_lines():
    lines = []
    for rec in FULL:
        lines.append("main_sdr_add 0x20 " + hexs(full_record(*rec)))
        lines.append("sensor_add 0x20 0 0x%02x 0x%02x 0x01" % (rec[0], rec[1]))
        lines.append("sensor_set_value 0x20 0 0x%02x %d 0" % (rec[0], rec[4]))
    for rec in COMPACT:
        lines.append("main_sdr_add 0x20 " + hexs(compact_record(*rec)))
        lines.append("sensor_add 0x20 0 0x%02x 0x%02x 0x%02x" % (rec[0], rec[1], rec[2]))
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--user", default="admin")
    ap.add_argument("--password", default="benchpass")
    ap.add_argument("--sel", type=int, default=1000)
    ap.add_argument("--sdr-from", help="serve these SDR records (an `ipmitool sdr dump` file) instead of our own")
    ap.add_argument("--sel-from", help="serve these SEL records (an `ipmitool sel writeraw` file) instead of --sel")
    a = ap.parse_args()
    sel = read_sel_raw(a.sel_from) if a.sel_from else sel_events(a.sel)

    with open(os.path.join(a.dir, "lan.conf"), "w", encoding="ascii") as f:
        f.write(f"""name "benchsim"
set_working_mc 0x20
startlan 1
  addr 127.0.0.1 {a.port}
  priv_limit admin
  allowed_auths_callback none md2 md5 straight
  allowed_auths_user none md2 md5 straight
  allowed_auths_operator none md2 md5 straight
  allowed_auths_admin none md2 md5 straight
  guid a123456789abcdefa123456789abcdef
endlan
user 2 true "{a.user}" "{a.password}" admin 10 none md2 md5 straight
""")
    lines = [
        "mc_setbmc 0x20",
        # IPMB 0x20, device ID 0, no device SDRs, rev 3, FW 1.23, IPMI 2.0 device support 0x9f (SDR, SEL, FRU,
        # event receiver/generator, sensor), manufacturer 0x1234 (an arbitrary number: ipmitool names it "RCMS Ltd"),
        # product 0x5678; the agent target is given the same two (ipmi.sh start_agent)
        "mc_add 0x20 0 no-device-sdrs 0x03 1 0x23 0x9f 0x001234 0x5678",
        "sel_enable 0x20 %d 0x0a" % (len(sel) + 100),
    ]
    if a.sdr_from:
        lines += sdr_lines_from(a.sdr_from)
    else:
        lines += own_sdr_lines()
    for ev in sel:
        lines.append("sel_add 0x20 " + hexs(ev))
    lines.append("mc_enable 0x20")
    with open(os.path.join(a.dir, "sim.emu"), "w", encoding="ascii") as f:
        f.write("\n".join(lines) + "\n")

    def count(cmd):
        return sum(1 for line in lines if line.startswith(cmd + " "))
    print("%d SDR records (%s), %d sensors, %d SEL records (%s)" % (
        count("main_sdr_add"), a.sdr_from or "our own", count("sensor_add"), count("sel_add"),
        a.sel_from or "our own"))


if __name__ == "__main__":
    main()
