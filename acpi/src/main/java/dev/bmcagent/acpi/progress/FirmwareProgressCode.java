package dev.bmcagent.acpi.progress;

import java.util.Locale;
import java.util.Optional;

/**
 * IPMI 2.0 table 42-3, sensor type 0Fh (System Firmware Progress), offsets 01h (hang) and 02h (progress):
 * the event data 2 codes 00h-19h. One row per code: the spec text, the text {@code ipmitool sel elist}
 * prints, and the Redfish LastState per docs/PROTOCOL-REFERENCE.md "Boot progress: one timeline, four vocabularies".
 * Codes without a Redfish equivalent translate to OEM (see {@link ProgressTranslator}).
 */
public enum FirmwareProgressCode {
    UNSPECIFIED(0x00, "Unspecified", "Unspecified", null),
    MEMORY_INIT(0x01, "Memory initialization", "Memory initialization", BootProgressState.MemoryInitializationStarted),
    HARD_DISK_INIT(0x02, "Hard-disk initialization", "Hard-disk initialization", null),
    SECONDARY_PROCESSOR_INIT(
            0x03,
            "Secondary processor(s) initialization",
            "Secondary CPU Initialization",
            BootProgressState.SecondaryProcessorInitializationStarted),
    USER_AUTHENTICATION(0x04, "User authentication", "User authentication", null),
    USER_SETUP(0x05, "User-initiated system setup", "User-initiated system setup", BootProgressState.SetupEntered),
    USB_RESOURCE_CONFIG(0x06, "USB resource configuration", "USB resource configuration", null),
    PCI_RESOURCE_CONFIG(
            0x07,
            "PCI resource configuration",
            "PCI resource configuration",
            BootProgressState.PCIResourceConfigStarted),
    OPTION_ROM_INIT(0x08, "Option ROM initialization", "Option ROM initialization", null),
    VIDEO_INIT(0x09, "Video initialization", "Video initialization", null),
    CACHE_INIT(0x0A, "Cache initialization", "Cache initialization", null),
    SMBUS_INIT(0x0B, "SM Bus initialization", "SMBus initialization", null),
    KEYBOARD_CONTROLLER_INIT(0x0C, "Keyboard controller initialization", "Keyboard controller initialization", null),
    MANAGEMENT_CONTROLLER_INIT(
            0x0D,
            "Embedded controller/management controller initialization",
            "Management controller initialization",
            null),
    DOCKING_ATTACHMENT(0x0E, "Docking station attachment", "Docking station attachment", null),
    DOCKING_ENABLE(0x0F, "Enabling docking station", "Enabling docking station", null),
    DOCKING_EJECTION(0x10, "Docking station ejection", "Docking station ejection", null),
    DOCKING_DISABLE(0x11, "Disabling docking station", "Disabling docking station", null),
    OS_WAKE_VECTOR(0x12, "Calling operating system wake-up vector", "Calling operating system wake-up vector", null),
    OS_BOOT_START(
            0x13,
            "Starting operating system boot process, e.g. calling Int 19h",
            "System boot initiated",
            BootProgressState.OSBootStarted),
    MOTHERBOARD_INIT(0x14, "Baseboard or motherboard initialization", "Motherboard initialization", null),
    RESERVED_15(0x15, "reserved", "reserved", null),
    FLOPPY_INIT(0x16, "Floppy initialization", "Floppy initialization", null),
    KEYBOARD_TEST(0x17, "Keyboard test", "Keyboard test", null),
    POINTING_DEVICE_TEST(0x18, "Pointing device test", "Pointing device test", null),
    PRIMARY_PROCESSOR_INIT(
            0x19,
            "Primary processor initialization",
            "Primary CPU initialization",
            BootProgressState.PrimaryProcessorInitializationStarted);

    private static final FirmwareProgressCode[] BY_CODE = new FirmwareProgressCode[0x1A];

    static {
        for (FirmwareProgressCode c : values()) {
            if (BY_CODE[c.eventData2] != null) {
                throw new IllegalStateException("duplicate firmware progress code: " + c);
            }
            BY_CODE[c.eventData2] = c;
        }
    }

    private final int eventData2;
    private final String specText;
    private final String ipmitoolText;
    private final BootProgressState redfishState;

    FirmwareProgressCode(int eventData2, String specText, String ipmitoolText, BootProgressState redfishState) {
        this.eventData2 = eventData2;
        this.specText = specText;
        this.ipmitoolText = ipmitoolText;
        this.redfishState = redfishState;
    }

    /** Event data 2 of the SEL record. */
    public int eventData2() {
        return eventData2;
    }

    /** The text of IPMI 2.0 table 42-3. */
    public String specText() {
        return specText;
    }

    /** What {@code ipmitool sel elist} prints for this code (ipmitool's sensor-specific event table). */
    public String ipmitoolText() {
        return ipmitoolText;
    }

    /** The Redfish LastState, empty when the code has none (it then translates to OEM). */
    public Optional<BootProgressState> redfishState() {
        return Optional.ofNullable(redfishState);
    }

    public static Optional<FirmwareProgressCode> of(int eventData2) {
        return eventData2 >= 0 && eventData2 < BY_CODE.length ? Optional.of(BY_CODE[eventData2]) : Optional.empty();
    }

    /** The spec text for any event data 2, "OEM/reserved code 0xNN" outside 00h-19h. */
    public static String describe(int eventData2) {
        return of(eventData2)
                .map(FirmwareProgressCode::specText)
                .orElse(String.format(Locale.ROOT, "reserved code 0x%02X", eventData2));
    }
}
