package dev.bmcagent.acpi.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Golden tables: docs/PROTOCOL-REFERENCE.md "Boot progress: one timeline, four vocabularies". */
class ProgressTranslatorTest {

    private static final int PROGRESS = 0x00000001; // EFI_PROGRESS_CODE
    private static final int ERROR_MAJOR = 0x80000002; // EFI_ERROR_CODE | EFI_ERROR_MAJOR
    private static final int DEBUG = 0x00000003; // EFI_DEBUG_CODE

    /** EFI status code value (class|subclass|operation) of a progress code → LastState, SEL ED2 (-1 = none). */
    @ParameterizedTest
    @CsvSource({
        "0x03021000, PrimaryProcessorInitializationStarted,   0x19", // PEI core start
        "0x00051000, MemoryInitializationStarted,             0x01", // memory init: SPD read
        "0x00051003, MemoryInitializationStarted,             0x01",
        "0x00051005, MemoryInitializationStarted,             0x01", // end of the memory range
        "0x00011007, SecondaryProcessorInitializationStarted, 0x03", // AP init
        "0x03041000, OEM,                                     0x14", // DXE: OEM + OemLastState
        "0x03041001, SystemHardwareInitializationComplete,    -1", // BDS start: no IPMI code
        "0x02011000, PCIResourceConfigStarted,                0x07", // PCI enumeration
        "0x03050007, SetupEntered,                            0x05",
        "0x03051001, OSBootStarted,                           0x13", // ReadyToBoot
        "0x03101019, OSRunning,                               -1", // ExitBootServices
        "0x00051006, OEM,                                     -1", // just past the memory range
        "0x03041002, OEM,                                     -1", // unmapped
    })
    void efiProgressCodes(String value, BootProgressState state, int ed2) {
        int v = Integer.decode(value);
        Translation t = ProgressTranslator.translate(new ProgressCode.EfiStatusCode(PROGRESS, v, 0));
        assertEquals(Translation.Kind.PROGRESS, t.kind());
        assertEquals(state, t.state());
        assertEquals(ed2 < 0 ? OptionalInt.empty() : OptionalInt.of(ed2), t.eventData2());
        String detail = String.format(java.util.Locale.ROOT, "EFI 0x%08X", v);
        assertEquals(detail, t.detail());
        assertEquals(state == BootProgressState.OEM ? Optional.of(detail) : Optional.empty(), t.oemLastState());
    }

    @Test
    void dxeNamesItsCode() {
        Translation t = ProgressTranslator.translate(new ProgressCode.EfiStatusCode(PROGRESS, 0x03041000, 2));
        assertEquals(Optional.of("EFI 0x03041000"), t.oemLastState());
    }

    @Test
    void efiErrorAndDebugCodesAreNotProgress() {
        Translation error = ProgressTranslator.translate(new ProgressCode.EfiStatusCode(ERROR_MAJOR, 0x00051009, 0));
        assertEquals(Translation.Kind.ERROR, error.kind());
        assertEquals(Optional.of("EFI error 0x00051009"), error.oemLastState());
        Translation debug = ProgressTranslator.translate(new ProgressCode.EfiStatusCode(DEBUG, 0x03021000, 0));
        assertEquals(Translation.Kind.DEBUG, debug.kind());
        assertEquals(Optional.of("EFI debug 0x03021000"), debug.oemLastState());
    }

    /** IPMI 2.0 table 42-3, 0Fh offset 02h event data 2 → LastState and the spec / ipmitool texts. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0x00 | OEM                                     | Unspecified | Unspecified",
                "0x01 | MemoryInitializationStarted             | Memory initialization | Memory initialization",
                "0x02 | OEM                                     | Hard-disk initialization | Hard-disk initialization",
                "0x03 | SecondaryProcessorInitializationStarted | Secondary processor(s) initialization | Secondary CPU Initialization",
                "0x04 | OEM                                     | User authentication | User authentication",
                "0x05 | SetupEntered                            | User-initiated system setup | User-initiated system setup",
                "0x06 | OEM                                     | USB resource configuration | USB resource configuration",
                "0x07 | PCIResourceConfigStarted                | PCI resource configuration | PCI resource configuration",
                "0x08 | OEM                                     | Option ROM initialization | Option ROM initialization",
                "0x09 | OEM                                     | Video initialization | Video initialization",
                "0x0A | OEM                                     | Cache initialization | Cache initialization",
                "0x0B | OEM                                     | SM Bus initialization | SMBus initialization",
                "0x0C | OEM                                     | Keyboard controller initialization | Keyboard controller initialization",
                "0x0D | OEM                                     | Embedded controller/management controller initialization | Management controller initialization",
                "0x0E | OEM                                     | Docking station attachment | Docking station attachment",
                "0x0F | OEM                                     | Enabling docking station | Enabling docking station",
                "0x10 | OEM                                     | Docking station ejection | Docking station ejection",
                "0x11 | OEM                                     | Disabling docking station | Disabling docking station",
                "0x12 | OEM                                     | Calling operating system wake-up vector | Calling operating system wake-up vector",
                "0x13 | OSBootStarted                           | Starting operating system boot process, e.g. calling Int 19h | System boot initiated",
                "0x14 | OEM                                     | Baseboard or motherboard initialization | Motherboard initialization",
                "0x15 | OEM                                     | reserved | reserved",
                "0x16 | OEM                                     | Floppy initialization | Floppy initialization",
                "0x17 | OEM                                     | Keyboard test | Keyboard test",
                "0x18 | OEM                                     | Pointing device test | Pointing device test",
                "0x19 | PrimaryProcessorInitializationStarted   | Primary processor initialization | Primary CPU initialization",
            })
    void ipmiFirmwareProgress(String code, BootProgressState state, String specText, String ipmitoolText) {
        int ed2 = Integer.decode(code);
        Translation t = ProgressTranslator.translate(new ProgressCode.IpmiFirmwareProgress(ed2));
        assertEquals(state, t.state());
        assertEquals(OptionalInt.of(ed2), t.eventData2());
        String detail = String.format(java.util.Locale.ROOT, "IPMI FW progress 0x%02X", ed2);
        assertEquals(detail, t.detail());
        assertEquals(state == BootProgressState.OEM ? Optional.of(detail) : Optional.empty(), t.oemLastState());
        FirmwareProgressCode row = FirmwareProgressCode.of(ed2).orElseThrow();
        assertEquals(ed2, row.eventData2());
        assertEquals(specText, row.specText());
        assertEquals(ipmitoolText, row.ipmitoolText());
        assertEquals(specText, FirmwareProgressCode.describe(ed2));
    }

    @ParameterizedTest
    @CsvSource({"0x1A", "0x80", "0xFF"})
    void ipmiCodesPastTheTableAreOem(String code) {
        int ed2 = Integer.decode(code);
        Translation t = ProgressTranslator.translate(new ProgressCode.IpmiFirmwareProgress(ed2));
        assertEquals(BootProgressState.OEM, t.state());
        assertEquals(
                Optional.of(String.format(java.util.Locale.ROOT, "IPMI FW progress 0x%02X", ed2)), t.oemLastState());
        assertTrue(FirmwareProgressCode.of(ed2).isEmpty());
        assertEquals(
                String.format(java.util.Locale.ROOT, "reserved code 0x%02X", ed2), FirmwareProgressCode.describe(ed2));
    }

    /** Typical port-80 codes → LastState. */
    @ParameterizedTest
    @CsvSource({
        "0x10,   PrimaryProcessorInitializationStarted,   POST 0x10",
        "0x1D,   MemoryInitializationStarted,             POST 0x1D",
        "0x1F,   MemoryInitializationStarted,             POST 0x1F",
        "0x21,   MemoryInitializationStarted,             POST 0x21",
        "0x35,   SecondaryProcessorInitializationStarted, POST 0x35",
        "0x60,   OEM,                                     POST 0x60",
        "0x90,   SystemHardwareInitializationComplete,    POST 0x90",
        "0x94,   PCIResourceConfigStarted,                POST 0x94",
        "0xAB,   SetupEntered,                            POST 0xAB",
        "0xAD,   OSBootStarted,                           POST 0xAD",
        "0xAF,   OSRunning,                               POST 0xAF",
        "0x1C,   OEM,                                     POST 0x1C", // just before the memory range
        "0x22,   OEM,                                     POST 0x22", // just after it
        "0x42,   OEM,                                     POST 0x42",
        "0x00,   OEM,                                     POST 0x00",
        "0x1234, OEM,                                     POST 0x1234", // two-byte platforms
    })
    void postCodes(String code, BootProgressState state, String detail) {
        Translation t = ProgressTranslator.translate(new ProgressCode.PostCode(Integer.decode(code)));
        assertEquals(state, t.state());
        assertEquals(detail, t.detail());
        assertEquals(state == BootProgressState.OEM ? Optional.of(detail) : Optional.empty(), t.oemLastState());
    }

    /** Reverse direction: each phase's codes translate back to the phase's state in all three vocabularies. */
    @ParameterizedTest
    @EnumSource(BootPhase.class)
    void reverseRoundTrips(BootPhase phase) {
        assertEquals(
                phase.redfishState(),
                ProgressTranslator.translate(phase.efiStatusCode()).state());
        assertEquals(
                phase.redfishState(),
                ProgressTranslator.translate(phase.postProgress()).state());
        phase.ipmiProgress().ifPresent(ipmi -> {
            BootProgressState viaIpmi = ProgressTranslator.translate(ipmi).state();
            // IPMI 14h (motherboard init) is OEM too; every other phase with an IPMI code has the same state
            assertEquals(phase.redfishState(), viaIpmi);
        });
        assertEquals(
                phase.ipmiEventData2(),
                ProgressTranslator.translate(phase.efiStatusCode()).eventData2());
    }

    @Test
    void reverseGoldenValues() {
        assertEquals(0x03021000, BootPhase.PEI_CORE_START.efiStatusCode().codeValue());
        assertEquals(0x00000001, BootPhase.PEI_CORE_START.efiStatusCode().codeType());
        assertEquals(0x1D, BootPhase.MEMORY_INIT.postCode());
        assertEquals(OptionalInt.of(0x13), BootPhase.READY_TO_BOOT.ipmiEventData2());
        assertEquals(OptionalInt.empty(), BootPhase.BDS_START.ipmiEventData2());
        assertEquals(OptionalInt.empty(), BootPhase.EXIT_BOOT_SERVICES.ipmiEventData2());
        assertNotEquals(BootPhase.DXE_MOTHERBOARD_INIT.efiValue(), BootPhase.BDS_START.efiValue());
    }
}
