package dev.bmcagent.acpi.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcpiSystemStateTest {

    /** docs/PROTOCOL-REFERENCE.md "Set/Get ACPI Power State": command code, SEL type 22h offset, OpenBMC name. */
    @ParameterizedTest
    @CsvSource({
        "S0_G0_D0,   0x00, 0x00, S0_G0_D0",
        "S1_D1,      0x01, 0x01, S1_D1",
        "S2_D2,      0x02, 0x02, S2_D2",
        "S3_D3,      0x03, 0x03, S3_D3",
        "S4,         0x04, 0x04, S4",
        "S5_G2,      0x05, 0x05, S5_G2",
        "S4_S5,      0x06, 0x06, S4_S5",
        "G3,         0x07, 0x07, G3",
        "SLEEP,      0x08, 0x08, SLEEP",
        "G1_SLEEP,   0x09, 0x09, G1_SLEEP",
        "OVERRIDE,   0x0A, 0x0A, OVERRIDE",
        // legacy and unknown: the command code and the SEL offset differ
        "LEGACY_ON,  0x20, 0x0B, LEGACY_ON",
        "LEGACY_OFF, 0x21, 0x0C, LEGACY_OFF",
        "UNKNOWN,    0x2A, 0x0E, Unknown",
    })
    void encodings(AcpiSystemState state, String command, String sel, String dbus) {
        int commandCode = Integer.decode(command);
        int selOffset = Integer.decode(sel);
        assertEquals(commandCode, state.commandCode());
        assertEquals(selOffset, state.selOffset());
        assertEquals(dbus, state.dbusName());
        assertEquals(state, AcpiSystemState.fromCommandCode(commandCode).orElseThrow());
        assertEquals(state, AcpiSystemState.fromSelOffset(selOffset).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"0x0B", "0x0E", "0x1F", "0x22", "0x29", "0x2B", "0x7E", "0x7F", "0x80", "-1"})
    void codesOutsideTheTableAreRejected(String code) {
        assertTrue(AcpiSystemState.fromCommandCode(Integer.decode(code)).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"0x0D", "0x0F", "0x10"})
    void selOffsetsOutsideTheTableAreRejected(String offset) {
        assertTrue(AcpiSystemState.fromSelOffset(Integer.decode(offset)).isEmpty());
    }
}
