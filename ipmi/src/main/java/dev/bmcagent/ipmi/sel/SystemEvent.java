package dev.bmcagent.ipmi.sel;

/**
 * The event fields of a system event record (IPMI 2.0 §32.1, table 32-1, bytes 8-16) and of a Platform
 * Event Message (§29.3).
 *
 * @param generatorId  2-byte generator ID: byte 1 = slave address or software ID (bit 0 set), byte 2 =
 *                     channel (7:4) and LUN (1:0); e.g. 0020h is the BMC, 0001h BIOS (system software ID 01h)
 * @param evmRev       event message format revision, 04h for IPMI 2.0
 * @param sensorType   e.g. 22h System ACPI Power State
 * @param sensorNumber the sensor's number in the SDR
 * @param eventDirType bit 7 deassertion, bits 6:0 event/reading type code (6Fh sensor-specific)
 * @param data1        event data 1 (offset in 3:0, ED2/ED3 usage in 7:4)
 * @param data2        event data 2 (FFh unspecified)
 * @param data3        event data 3 (FFh unspecified)
 */
public record SystemEvent(
        int generatorId,
        int evmRev,
        int sensorType,
        int sensorNumber,
        int eventDirType,
        int data1,
        int data2,
        int data3) {
    public static final int EVM_REV_IPMI_2 = 0x04;
    public static final int GENERATOR_BMC = 0x0020;
    public static final int GENERATOR_BIOS = 0x0001;
    public static final int EVENT_TYPE_THRESHOLD = 0x01;
    public static final int EVENT_TYPE_SENSOR_SPECIFIC = 0x6F;
    public static final int DEASSERTION = 0x80;

    public SystemEvent {
        check("generatorId", generatorId, 0xFFFF);
        check("evmRev", evmRev, 0xFF);
        check("sensorType", sensorType, 0xFF);
        check("sensorNumber", sensorNumber, 0xFF);
        check("eventDirType", eventDirType, 0xFF);
        check("data1", data1, 0xFF);
        check("data2", data2, 0xFF);
        check("data3", data3, 0xFF);
    }

    private static void check(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " out of range: " + value);
        }
    }

    public boolean deassertion() {
        return (eventDirType & DEASSERTION) != 0;
    }

    public int eventType() {
        return eventDirType & 0x7F;
    }

    /** Event offset (event data 1, bits 3:0). */
    public int offset() {
        return data1 & 0x0F;
    }

    /** The 9 bytes as stored in a SEL record (generator ID LS byte first). */
    public byte[] encode() {
        return new byte[] {
            (byte) generatorId,
            (byte) (generatorId >>> 8),
            (byte) evmRev,
            (byte) sensorType,
            (byte) sensorNumber,
            (byte) eventDirType,
            (byte) data1,
            (byte) data2,
            (byte) data3
        };
    }

    static SystemEvent decode(byte[] b, int at) {
        return new SystemEvent(
                (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8,
                b[at + 2] & 0xFF,
                b[at + 3] & 0xFF,
                b[at + 4] & 0xFF,
                b[at + 5] & 0xFF,
                b[at + 6] & 0xFF,
                b[at + 7] & 0xFF,
                b[at + 8] & 0xFF);
    }
}
