package dev.bmcagent.ipmi.sdr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Pure encoders of the SDR record types used here (IPMI 2.0 §43). Every record starts with the 5-byte header:
 * record ID (LS first), SDR version 51h, record type, length of the rest.
 */
public final class SdrRecords {
    public static final int SDR_VERSION = 0x51;
    public static final int TYPE_FULL = 0x01;
    public static final int TYPE_COMPACT = 0x02;
    public static final int TYPE_FRU_LOCATOR = 0x11;
    public static final int TYPE_MC_LOCATOR = 0x12;
    /** Slave address of this BMC on IPMB (the sensor owner of every sensor). */
    public static final int BMC_ADDRESS = 0x20;

    private SdrRecords() {}

    /** Full Sensor Record, §43.1 table 43-1. */
    public static byte[] full(int recordId, SensorDefinition s) {
        Thresholds t = s.thresholds();
        int mask = t.mask();
        int lowerReading = mask & 0x07; // LNC/LCR/LNR comparisons returned
        int upperReading = (mask >> 3) & 0x07; // UNC/UCR/UNR comparisons returned
        int events = t.eventMask();
        ByteArrayOutputStream b = header(recordId, TYPE_FULL);
        key(b, s);
        b.write(0x67); // 11: init scanning+events+sensor type, events+scanning on
        b.write(mask == 0 ? 0x40 : 0x44); // 12: auto re-arm; thresholds readable (3:2 = 01b)
        b.write(s.sensorType()); // 13
        b.write(s.eventReadingType()); // 14: 01h threshold
        le16(b, events | lowerReading << 12); // 15-16: assertion mask + lower threshold reading mask
        le16(b, events | upperReading << 12); // 17-18: deassertion mask + upper threshold reading mask
        b.write(mask); // 19: readable threshold mask
        b.write(0x00); // 20: settable threshold mask (none settable)
        b.write(0x00); // 21: units 1: unsigned, no rate, no modifier
        b.write(s.linearization().baseUnit()); // 22: base unit
        b.write(0x00); // 23: modifier unit
        b.write(0x00); // 24: linearization: linear
        b.writeBytes(s.linearization().factorBytes()); // 25-30: M, tolerance, B, accuracy, direction, exponents
        b.write(0x00); // 31: analog characteristic flags (no nominal/normal)
        b.write(0x00); // 32: nominal reading
        b.write(0x00); // 33: normal maximum
        b.write(0x00); // 34: normal minimum
        b.write(0xFF); // 35: sensor maximum reading
        b.write(0x00); // 36: sensor minimum reading
        int[] v = t.values();
        for (int i = 5; i >= 0; i--) { // 37-42: UNR, UCR, UNC, LNR, LCR, LNC
            b.write(v[i] == Thresholds.NONE ? 0 : v[i]);
        }
        b.write(0x00); // 43: positive-going hysteresis
        b.write(0x00); // 44: negative-going hysteresis
        b.write(0x00); // 45: reserved
        b.write(0x00); // 46: reserved
        b.write(0x00); // 47: OEM
        idString(b, s.name()); // 48-: ID string type/length + bytes
        return finish(b);
    }

    /** Compact Sensor Record, §43.2 table 43-2. */
    public static byte[] compact(int recordId, SensorDefinition s) {
        ByteArrayOutputStream b = header(recordId, TYPE_COMPACT);
        key(b, s);
        b.write(0x67); // 11: sensor initialization
        b.write(0x40); // 12: auto re-arm, no thresholds, per-state event control
        b.write(s.sensorType()); // 13
        b.write(s.eventReadingType()); // 14: 6Fh sensor-specific
        le16(b, s.discreteMask()); // 15-16: assertion event mask
        le16(b, 0); // 17-18: deassertion event mask
        le16(b, s.discreteMask()); // 19-20: discrete reading mask
        b.write(0x00); // 21: units 1
        b.write(0x00); // 22: base unit unspecified
        b.write(0x00); // 23: modifier unit
        b.write(0x01); // 24: record sharing: share count 1
        b.write(0x00); // 25: entity instance same for all
        b.write(0x00); // 26: positive hysteresis
        b.write(0x00); // 27: negative hysteresis
        b.write(0x00); // 28: reserved
        b.write(0x00); // 29: reserved
        b.write(0x00); // 30: reserved
        b.write(0x00); // 31: OEM
        idString(b, s.name()); // 32-: ID string
        return finish(b);
    }

    /** Management Controller Device Locator, §43.9 table 43-8. */
    public static byte[] mcLocator(int recordId, String name) {
        ByteArrayOutputStream b = header(recordId, TYPE_MC_LOCATOR);
        b.write(BMC_ADDRESS); // 6: device slave address (8-bit form)
        b.write(0x00); // 7: channel number 0
        b.write(0x00); // 8: power state notification / global initialization
        b.write(0x9F); // 9: capabilities: chassis, IPMB event receiver, FRU inventory,
        //    SEL, SDR, sensor (as Get Device ID byte 6 says)
        b.write(0x00); // 10-12: reserved
        b.write(0x00);
        b.write(0x00);
        b.write(0x06); // 13: entity ID: system management module
        b.write(0x01); // 14: entity instance
        b.write(0x00); // 15: OEM
        idString(b, name); // 16-: ID string
        return finish(b);
    }

    /** FRU Device Locator for the logical FRU device 0 behind this BMC, §43.8 table 43-7. */
    public static byte[] fruLocator(int recordId, int fruDeviceId, String name) {
        ByteArrayOutputStream b = header(recordId, TYPE_FRU_LOCATOR);
        b.write(BMC_ADDRESS); // 6: device access address
        b.write(fruDeviceId); // 7: FRU device ID
        b.write(0x80); // 8: logical FRU device, LUN 0, private bus 0
        b.write(0x00); // 9: channel 0
        b.write(0x00); // 10: reserved
        b.write(0x10); // 11: device type: FRU inventory device behind MC
        b.write(0x00); // 12: device type modifier
        b.write(0x07); // 13: FRU entity ID: system board
        b.write(0x01); // 14: FRU entity instance
        b.write(0x00); // 15: OEM
        idString(b, name); // 16-: ID string
        return finish(b);
    }

    private static ByteArrayOutputStream header(int recordId, int type) {
        if (recordId < 0 || recordId > 0xFFFE) {
            throw new IllegalArgumentException("record id out of range: " + recordId);
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        le16(b, recordId); // 1-2: record ID
        b.write(SDR_VERSION); // 3: SDR version 51h
        b.write(type); // 4: record type
        b.write(0); // 5: record length, patched by finish()
        return b;
    }

    private static void key(ByteArrayOutputStream b, SensorDefinition s) {
        b.write(BMC_ADDRESS); // 6: sensor owner ID
        b.write(0x00); // 7: sensor owner LUN
        b.write(s.number()); // 8: sensor number
        b.write(s.entityId()); // 9: entity ID
        b.write(s.entityInstance()); // 10: entity instance (physical)
    }

    private static void idString(ByteArrayOutputStream b, String name) {
        byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length < 1 || ascii.length > 16) {
            throw new IllegalArgumentException("ID string must be 1-16 bytes: " + name);
        }
        b.write(0xC0 | ascii.length); // type 11b = 8-bit ASCII + Latin 1, length
        b.writeBytes(ascii);
    }

    private static void le16(ByteArrayOutputStream b, int v) {
        b.write(v & 0xFF);
        b.write((v >>> 8) & 0xFF);
    }

    private static byte[] finish(ByteArrayOutputStream b) {
        byte[] out = b.toByteArray();
        out[4] = (byte) (out.length - 5);
        return out;
    }
}
