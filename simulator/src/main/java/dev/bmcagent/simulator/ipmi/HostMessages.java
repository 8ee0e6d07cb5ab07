package dev.bmcagent.simulator.ipmi;

import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.ipmi.command.oem.OemCommands;
import dev.bmcagent.ipmi.command.oem.OemStrings;
import dev.bmcagent.ipmi.message.NetFn;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Pure encoders for every request the simulated host sends (IPMI 2.0 numbering; layouts in docs/SIMULATOR.md).
 */
public final class HostMessages {
    /** Set ACPI Power State (IPMI 2.0 §20.6): App NetFn, cmd 06h. */
    public static final int CMD_SET_ACPI_POWER_STATE = 0x06;
    /** Platform Event Message (IPMI 2.0 §29.3): S/E NetFn, cmd 02h. */
    public static final int CMD_PLATFORM_EVENT = 0x02;
    /** Set / Get System Boot Options (IPMI 2.0 §28.12, §28.13): Chassis NetFn, cmd 08h / 09h. */
    public static final int CMD_SET_SYSTEM_BOOT_OPTIONS = 0x08;

    public static final int CMD_GET_SYSTEM_BOOT_OPTIONS = 0x09;
    /** Arm SBMR Send Boot Progress Code: group extension NetFn 2Ch, cmd 02h, defining body AEh. */
    public static final int CMD_SBMR_SEND_BOOT_PROGRESS = 0x02;

    public static final int SBMR_GROUP = 0xAE;
    /** EFI_STATUS_CODE_TYPE for progress (UEFI PI vol. 3, EFI_PROGRESS_CODE). */
    public static final int EFI_PROGRESS_CODE = 0x00000001;

    /** Generator ID of the system firmware (IPMI 2.0 §5.5: software ID 01h = BIOS, bit 0 set). */
    public static final int GENERATOR_BIOS = 0x01;
    /** Event message revision for IPMI 2.0. */
    public static final int EVM_REV = 0x04;
    /** Event/reading type: sensor-specific, assertion. */
    public static final int EVENT_TYPE_SENSOR_SPECIFIC = 0x6F;

    /** Sensor types (IPMI 2.0 table 42-3) and the sensor numbers this host uses for them. */
    public static final int SENSOR_TYPE_FW_PROGRESS = 0x0F;

    public static final int SENSOR_TYPE_BOOT_ERROR = 0x1E;
    public static final int SENSOR_TYPE_OS_BOOT = 0x1F;
    public static final int SENSOR_NUMBER_FW_PROGRESS = 0x05;
    public static final int SENSOR_NUMBER_BOOT_ERROR = 0x06;
    public static final int SENSOR_NUMBER_OS_BOOT = 0x07;

    /** 0Fh offset 02h "System Firmware Progress", ED2 holds the progress code (ED1 bits 7:6 = 11b). */
    public static final int ED1_FW_PROGRESS = 0xC2;
    /** 1Eh offset 02h "PXE server not found", ED2 = interface index, ED3 = protocol (both OEM: bits 7:4 = 1010b). */
    public static final int ED1_BOOT_ERROR_NETWORK = 0xA2;
    /** 1Eh offset 00h "No bootable media", ED2/ED3 unspecified. */
    public static final int ED1_BOOT_ERROR_NO_MEDIA = 0x00;
    /** 1Fh offset 06h "boot completed - boot device not specified". */
    public static final int ED1_OS_BOOT_COMPLETED = 0x06;

    private HostMessages() {}

    /** Set ACPI Power State with both a system and a device state: {@code 80h|system, 80h|device}. */
    public static HostRequest setAcpi(AcpiSystemState system, AcpiDeviceState device) {
        return new HostRequest(
                "Set ACPI Power State " + system.dbusName(), NetFn.APP, CMD_SET_ACPI_POWER_STATE, new byte[] {
                    (byte) (0x80 | system.commandCode()), (byte) (0x80 | device.commandCode())
                });
    }

    /** Set ACPI Power State with a system state only; the device byte says "no change" (bit 7 clear, 7Fh). */
    public static HostRequest setAcpi(AcpiSystemState system) {
        return new HostRequest(
                "Set ACPI Power State " + system.dbusName(), NetFn.APP, CMD_SET_ACPI_POWER_STATE, new byte[] {
                    (byte) (0x80 | system.commandCode()), (byte) AcpiDeviceState.NO_CHANGE
                });
    }

    /** Arm SBMR Send Boot Progress Code: AEh, code type (LE32), code value (LE32), instance. */
    public static HostRequest sbmrProgress(int codeType, int codeValue, int instance) {
        byte[] d = new byte[10];
        d[0] = (byte) SBMR_GROUP;
        putLe32(d, 1, codeType);
        putLe32(d, 5, codeValue);
        d[9] = (byte) instance;
        return new HostRequest(
                String.format(java.util.Locale.ROOT, "SBMR progress %08X", codeValue),
                NetFn.GROUP_EXTENSION,
                CMD_SBMR_SEND_BOOT_PROGRESS,
                d);
    }

    /** Platform Event Message from the system interface: generator, EvM rev, type, number, 6Fh, ED1-3. */
    public static HostRequest platformEvent(String name, int sensorType, int sensorNumber, int ed1, int ed2, int ed3) {
        return new HostRequest(name, NetFn.SENSOR_EVENT, CMD_PLATFORM_EVENT, new byte[] {
            (byte) GENERATOR_BIOS, (byte) EVM_REV, (byte) sensorType, (byte) sensorNumber,
            (byte) EVENT_TYPE_SENSOR_SPECIFIC, (byte) ed1, (byte) ed2, (byte) ed3
        });
    }

    /** System Firmware Progress (0Fh, offset 02h) with the IPMI progress code in ED2. */
    public static HostRequest firmwareProgress(int code) {
        return platformEvent(
                String.format(java.util.Locale.ROOT, "FW progress %02Xh", code),
                SENSOR_TYPE_FW_PROGRESS,
                SENSOR_NUMBER_FW_PROGRESS,
                ED1_FW_PROGRESS,
                code,
                0xFF);
    }

    /**
     * Boot Error (1Eh) offset 02h "PXE server not found" for a failed network boot attempt.
     *
     * @param interfaceIndex the network interface (0-based port index across the host's NICs) in ED2
     * @param protocol       ED3: bit 1 = HTTP(S) (clear: PXE), bit 0 = IPv6 (clear: IPv4)
     */
    public static HostRequest networkBootFailed(int interfaceIndex, int protocol) {
        return platformEvent(
                "Boot error: network boot failed",
                SENSOR_TYPE_BOOT_ERROR,
                SENSOR_NUMBER_BOOT_ERROR,
                ED1_BOOT_ERROR_NETWORK,
                interfaceIndex,
                protocol);
    }

    /** Boot Error (1Eh) offset 00h "No bootable media": every boot option failed. */
    public static HostRequest noBootableMedia() {
        return platformEvent(
                "Boot error: no bootable media",
                SENSOR_TYPE_BOOT_ERROR,
                SENSOR_NUMBER_BOOT_ERROR,
                ED1_BOOT_ERROR_NO_MEDIA,
                0xFF,
                0xFF);
    }

    /** OS Boot (1Fh) offset 06h "boot completed - boot device not specified". */
    public static HostRequest osBootCompleted() {
        return platformEvent(
                "OS boot completed", SENSOR_TYPE_OS_BOOT, SENSOR_NUMBER_OS_BOOT, ED1_OS_BOOT_COMPLETED, 0xFF, 0xFF);
    }

    /** OEM Report POST Code: one byte for codes up to FFh, else LSB then MSB. */
    public static HostRequest postCode(int code) {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("POST code out of range: " + code);
        }
        byte[] d = code <= 0xFF ? new byte[] {(byte) code} : new byte[] {(byte) code, (byte) (code >>> 8)};
        return new HostRequest(
                String.format(java.util.Locale.ROOT, "POST code %02Xh", code),
                NetFn.OEM,
                OemCommands.REPORT_POST_CODE,
                d);
    }

    /** Largest IPMI request data a KCS/VM link carries (and the BMC's 30h/11h accepts). */
    public static final int MAX_REQUEST_DATA = 255;
    /** Most boot options one report may announce (the BMC rejects more with CCh). */
    public static final int MAX_BOOT_OPTIONS = 64;

    /**
     * OEM Report Boot Order as the chunks to send in order: each is total option count, index of its first option,
     * then as many whole options (length byte + ASCII) as fit in {@link #MAX_REQUEST_DATA} bytes. An empty order is
     * one chunk {@code 00 00}.
     */
    public static List<HostRequest> reportBootOrder(List<String> descriptions) {
        if (descriptions.size() > MAX_BOOT_OPTIONS) {
            throw new IllegalArgumentException("too many boot options: " + descriptions.size());
        }
        List<HostRequest> chunks = new java.util.ArrayList<>();
        int first = 0;
        do {
            int n = OemStrings.fitting(descriptions, first, MAX_REQUEST_DATA - 2);
            if (n == 0 && first < descriptions.size()) {
                throw new IllegalArgumentException("description too long: " + descriptions.get(first));
            }
            ByteArrayOutputStream chunk = new ByteArrayOutputStream();
            chunk.write(descriptions.size());
            chunk.write(first);
            OemStrings.write(chunk, descriptions.subList(first, first + n));
            chunks.add(new HostRequest(
                    "Report Boot Order (chunk " + (chunks.size() + 1) + ")",
                    NetFn.OEM,
                    OemCommands.REPORT_BOOT_ORDER,
                    chunk.toByteArray()));
            first += n;
        } while (first < descriptions.size());
        return List.copyOf(chunks);
    }

    /** OEM Report Memory: total MiB (LE32), DIMMs initialised, DIMMs expected. */
    public static HostRequest reportMemory(long totalMiB, int populated, int expected) {
        if (totalMiB < 0
                || totalMiB > 0xFFFF_FFFFL
                || populated < 0
                || populated > 0xFF
                || expected < 0
                || expected > 0xFF) {
            throw new IllegalArgumentException("memory report out of range");
        }
        return new HostRequest("Report Memory", NetFn.OEM, OemCommands.REPORT_MEMORY, new byte[] {
            (byte) totalMiB,
            (byte) (totalMiB >>> 8),
            (byte) (totalMiB >>> 16),
            (byte) (totalMiB >>> 24),
            (byte) populated,
            (byte) expected
        });
    }

    /** App Set System Info Parameters (58h). */
    public static final int CMD_SET_SYSTEM_INFO = 0x58;

    /**
     * Set System Info Parameters (IPMI 2.0 §22.14a) for one ASCII string, as the blocks to send in order: block 0 =
     * parameter, set selector 0, encoding 0 (ASCII), length, first 14 bytes; block n = parameter, n, next 16 bytes.
     * Parameter 01h is the system firmware version; C0h + n the BMC's OEM NIC n option-ROM version.
     */
    public static List<HostRequest> setSystemInfo(int parameter, String text) {
        byte[] s = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (s.length > 255 || parameter < 0 || parameter > 0xFF) {
            throw new IllegalArgumentException("system info string too long or bad parameter");
        }
        List<HostRequest> blocks = new java.util.ArrayList<>();
        int pos = 0;
        int set = 0;
        do {
            byte[] d = new byte[18];
            d[0] = (byte) parameter;
            d[1] = (byte) set;
            if (set == 0) {
                d[2] = 0x00;
                d[3] = (byte) s.length;
                System.arraycopy(s, 0, d, 4, Math.min(14, s.length));
                pos = 14;
            } else {
                System.arraycopy(s, pos, d, 2, Math.min(16, s.length - pos));
                pos += 16;
            }
            blocks.add(new HostRequest(
                    String.format(java.util.Locale.ROOT, "Set System Info %02Xh block %d", parameter, set),
                    NetFn.APP,
                    CMD_SET_SYSTEM_INFO,
                    d));
            set++;
        } while (pos < s.length);
        return List.copyOf(blocks);
    }

    /**
     * OEM Report Memory with the optional populated-slot bitmap (slot n = byte n/8, bit n%8), one bit per expected
     * slot: which DIMMs the firmware initialised, so the BMC can tell which one is missing.
     */
    public static HostRequest reportMemory(long totalMiB, boolean[] detected) {
        int populated = 0;
        byte[] bitmap = new byte[(detected.length + 7) / 8];
        for (int n = 0; n < detected.length; n++) {
            if (detected[n]) {
                populated++;
                bitmap[n / 8] |= (byte) (1 << (n % 8));
            }
        }
        HostRequest counts = reportMemory(totalMiB, populated, detected.length);
        byte[] d = java.util.Arrays.copyOf(counts.data(), counts.data().length + bitmap.length);
        System.arraycopy(bitmap, 0, d, counts.data().length, bitmap.length);
        return new HostRequest(counts.name(), counts.netFn(), counts.cmd(), d);
    }

    /** OEM Get Pending Boot Order from pattern index {@code first} (one data byte). */
    public static HostRequest getPendingBootOrder(int first) {
        if (first < 0 || first > 0xFF) {
            throw new IllegalArgumentException("pattern index out of range: " + first);
        }
        return new HostRequest(
                "Get Pending Boot Order (from " + first + ")",
                NetFn.OEM,
                OemCommands.GET_PENDING_BOOT_ORDER,
                new byte[] {(byte) first});
    }

    /** OEM Acknowledge Boot Order: status byte, then the revision of the order acknowledged (as 12h sent it). */
    public static HostRequest ackBootOrder(int status, int revision) {
        return new HostRequest("Acknowledge Boot Order", NetFn.OEM, OemCommands.ACK_BOOT_ORDER, new byte[] {
            (byte) status, (byte) revision
        });
    }

    /** Get System Boot Options, parameter 5 (boot flags), set selector 0, block selector 0. */
    public static HostRequest getBootFlags() {
        return new HostRequest(
                "Get System Boot Options (boot flags)", NetFn.CHASSIS, CMD_GET_SYSTEM_BOOT_OPTIONS, new byte[] {
                    0x05, 0x00, 0x00
                });
    }

    /** Get System Boot Options, parameter 7 (boot initiator mailbox), set selector = {@code block}. */
    public static HostRequest getMailboxBlock(int block) {
        if (block < 0 || block > 0xFF) {
            throw new IllegalArgumentException("mailbox block out of range: " + block);
        }
        return new HostRequest(
                "Get System Boot Options (mailbox block " + block + ")",
                NetFn.CHASSIS,
                CMD_GET_SYSTEM_BOOT_OPTIONS,
                new byte[] {0x07, (byte) block, 0x00});
    }

    /** Set System Boot Options, parameter 4 (boot info acknowledge): mask 01h, data 00h = BIOS/POST has handled it. */
    public static HostRequest ackBootInfo() {
        return new HostRequest(
                "Set System Boot Options (boot info acknowledge)",
                NetFn.CHASSIS,
                CMD_SET_SYSTEM_BOOT_OPTIONS,
                new byte[] {0x04, 0x01, 0x00});
    }

    private static void putLe32(byte[] d, int at, int v) {
        d[at] = (byte) v;
        d[at + 1] = (byte) (v >>> 8);
        d[at + 2] = (byte) (v >>> 16);
        d[at + 3] = (byte) (v >>> 24);
    }
}
