package dev.bmcagent.ipmi.command.app;

import static dev.bmcagent.ipmi.command.TestBmc.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.ipmi.command.TestBmc;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Set/Get ACPI Power State, IPMI 2.0 §20.6/§20.7 (App 06h/07h). */
class AcpiCommandsTest {
    private final TestBmc bmc = new TestBmc();

    private CompletionCode set(String hex) {
        return bmc.host(NetFn.APP, 0x06, hex).completionCode();
    }

    @Test
    void hostReportsStates() {
        assertEquals(CompletionCode.OK, set("82 FF")); // set S2 (UEFI platform init); device 7Fh = no change
        assertEquals(CompletionCode.OK, set("80 80")); // S0/G0 working, D0
        assertEquals(CompletionCode.OK, set("7F 83")); // system: bit 7 clear = no change; D3
        assertEquals(CompletionCode.OK, set("A0 00")); // legacy ON (20h), device not set
        assertEquals(CompletionCode.OK, set("05 00")); // nothing set: the port is not called
        assertEquals(List.of("S2_D2/-", "S0_G0_D0/D0", "-/D3", "LEGACY_ON/-"), bmc.acpiReports);
    }

    @Test
    void outOfRangeCodesAreC9AndWrongLengthC7() {
        assertEquals(CompletionCode.PARAMETER_OUT_OF_RANGE, set("8B FF")); // 0Bh is not a system state code
        assertEquals(CompletionCode.PARAMETER_OUT_OF_RANGE, set("85 84")); // D4 does not exist
        assertEquals(CompletionCode.INVALID_LENGTH, set("85"));
        assertEquals(CompletionCode.INVALID_LENGTH, set("85 83 00"));
        assertEquals(List.of(), bmc.acpiReports);
    }

    @Test
    void setIsHostOnlyGetIsUser() {
        assertEquals(
                CompletionCode.INSUFFICIENT_PRIVILEGE,
                bmc.lan(NetFn.APP, 0x06, "85 83").completionCode());
        assertEquals("05 03", hex(bmc.lan(Privilege.USER, NetFn.APP, 0x07, "").data())); // S5/G2, D3
        bmc.acpiState = new AcpiPowerState(AcpiSystemState.UNKNOWN, AcpiDeviceState.UNKNOWN);
        assertEquals("2A 2A", hex(bmc.host(NetFn.APP, 0x07, "").data()));
    }
}
