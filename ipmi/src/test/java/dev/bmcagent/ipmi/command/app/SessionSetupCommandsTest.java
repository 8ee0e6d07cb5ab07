package dev.bmcagent.ipmi.command.app;

import static dev.bmcagent.ipmi.command.TestBmc.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.command.TestBmc;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.message.RequestContext;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The pre-session rows of the table: the same answers before login (the LAN layer's path, byte for byte in
 * {@code PreSessionGoldenTest}) and inside a session; not commands on the system interface.
 */
class SessionSetupCommandsTest {
    private final TestBmc bmc = new TestBmc();

    private IpmiResponse outsideSession(int cmd, String data) {
        return bmc.dispatcher
                .dispatchOutsideSession(new IpmiRequest(
                        RequestContext.outsideSession(0),
                        NetFn.APP,
                        0,
                        cmd,
                        HexFormat.of().parseHex(data.replace(" ", ""))))
                .orElseThrow();
    }

    private static String ok(IpmiResponse r) {
        assertEquals(CompletionCode.OK, r.completionCode(), r.toString());
        return hex(r.data());
    }

    @Test
    void authCapabilitiesBeforeAndInsideASession() {
        String v20 = "01 80 04 02 00 00 00 00"; // LAN, IPMI v2.0 data, non-null names, v2.0 connections, no OEM
        assertEquals(v20, ok(outsideSession(0x38, "8E 04")));
        assertEquals(v20, ok(bmc.lan(Privilege.USER, NetFn.APP, 0x38, "81 04")));
        assertEquals("01 00 04 00 00 00 00 00", ok(outsideSession(0x38, "0E 02")), "without the v2.0 bit");
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD, outsideSession(0x38, "8F 04").completionCode(), "channel");
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD, outsideSession(0x38, "8E 06").completionCode(), "privilege");
        assertEquals(CompletionCode.INVALID_LENGTH, outsideSession(0x38, "8E").completionCode());
        assertEquals(
                "01 80 06 02 00 00 00 00",
                hex(new SessionSetupCommands(true)
                        .specs()
                        .get(0)
                        .handler()
                        .handle(new IpmiRequest(
                                RequestContext.outsideSession(0), NetFn.APP, 0, 0x38, new byte[] {(byte) 0x8E, 4}))
                        .data()),
                "null user names enabled");
    }

    @Test
    void cipherSuitesListSuite17ThenSuite3() {
        String records = "01 C0 11 03 44 81 C0 03 01 41 81";
        assertEquals(records, ok(outsideSession(0x54, "0E 00 80")));
        assertEquals(records, ok(bmc.lan(Privilege.USER, NetFn.APP, 0x54, "01 00 00")), "by algorithm: the same");
        assertEquals("01", ok(outsideSession(0x54, "0E 00 81")), "past the end: the channel only");
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD,
                outsideSession(0x54, "0F 00 80").completionCode());
    }

    @Test
    void v15SessionActivationIsRefusedEverywhere() {
        for (int cmd : new int[] {0x39, 0x3A}) {
            assertEquals(
                    CompletionCode.INVALID_COMMAND, outsideSession(cmd, "02").completionCode());
            assertEquals(
                    CompletionCode.INVALID_COMMAND,
                    bmc.lan(Privilege.ADMINISTRATOR, NetFn.APP, cmd, "02").completionCode());
        }
    }

    @Test
    void theSystemInterfaceHasNoSessionsSoTheseAreNoCommandsThere() {
        for (int cmd : new int[] {0x38, 0x39, 0x3A, 0x54}) {
            assertEquals(
                    CompletionCode.INVALID_COMMAND,
                    bmc.host(NetFn.APP, cmd, "0E 00 80").completionCode(),
                    "C1h on the system interface, as before the rows joined the table");
        }
    }
}
