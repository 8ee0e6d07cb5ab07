package dev.bmcagent.ipmi.command.app;

import static dev.bmcagent.ipmi.command.TestBmc.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.command.TestBmc;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import java.util.List;
import org.junit.jupiter.api.Test;

/** App NetFn device, channel and user commands through the Dispatcher (IPMI 2.0 §20, §22). */
class AppCommandsTest {
    private final TestBmc bmc = new TestBmc();

    private static String ok(IpmiResponse r) {
        assertEquals(CompletionCode.OK, r.completionCode(), r.toString());
        return hex(r.data());
    }

    @Test
    void getDeviceId() {
        assertEquals(
                "20" // device ID
                        + " 01" // device revision 1, no device SDRs
                        + " 02" // firmware 2, device available
                        + " 13" // minor 13, BCD
                        + " 02" // IPMI 2.0
                        + " 9F" // chassis, event receiver, FRU, SEL, SDR repository, sensor device
                        + " DE C0 00" // manufacturer 00C0DEh, LS first
                        + " 34 12" // product 1234h
                        + " 0A 0B 0C 0D", // aux firmware revision
                ok(bmc.lan(Privilege.USER, NetFn.APP, 0x01, "")));
    }

    @Test
    void selfTestAndGuids() {
        assertEquals("55 00", ok(bmc.lan(NetFn.APP, 0x04, ""))); // no error
        // 00112233-4455-6677-8899-aabbccddeeff in IPMI order: RFC 4122 bytes reversed
        assertEquals("FF EE DD CC BB AA 99 88 77 66 55 44 33 22 11 00", ok(bmc.lan(NetFn.APP, 0x08, "")));
        assertEquals(
                "EF CD AB 89 67 45 23 81 EF 4D BC 9A 78 56 34 12",
                ok(bmc.lan(Privilege.CALLBACK, NetFn.APP, 0x37, "")));
    }

    @Test
    void channelInfo() {
        // 0Eh from LAN = channel 1: 802.3 LAN, IPMB-1.0 protocol, multi-session with 3 active, IANA 7154
        assertEquals("01 04 01 83 F2 1B 00 00 00", ok(bmc.lan(NetFn.APP, 0x42, "0E")));
        assertEquals("01 04 01 83 F2 1B 00 00 00", ok(bmc.lan(NetFn.APP, 0x42, "01")));
        // 0Fh system interface: KCS, session-less, no interrupts
        assertEquals("0F 0C 05 00 F2 1B 00 FF FF", ok(bmc.host(NetFn.APP, 0x42, "0E")));
        assertEquals("0F 0C 05 00 F2 1B 00 FF FF", ok(bmc.lan(NetFn.APP, 0x42, "0F")));
        for (int ch : List.of(0x00, 0x02, 0x03, 0x07, 0x0B, 0x0C, 0x0D)) { // bmc-info probes 00h-0Bh
            assertEquals(
                    CompletionCode.INVALID_DATA_FIELD,
                    bmc.lan(NetFn.APP, 0x42, String.format(java.util.Locale.ROOT, "%02X", ch))
                            .completionCode(),
                    "channel " + ch);
        }
    }

    @Test
    void channelAccess() {
        // channel 1, volatile settings: always available, PEF alerting disabled; limit Administrator
        assertEquals("22 04", ok(bmc.lan(NetFn.APP, 0x41, "01 80")));
        assertEquals("22 04", ok(bmc.lan(NetFn.APP, 0x41, "0E 40")));
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD,
                bmc.lan(NetFn.APP, 0x41, "01 00").completionCode());
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD,
                bmc.lan(NetFn.APP, 0x41, "0F 80").completionCode());
    }

    @Test
    void userAccessAndName() {
        // 15 user IDs, user enabled (01b) + 2 enabled users, 1 fixed name, messaging + link auth + Administrator
        assertEquals("0F 42 01 34", ok(bmc.lan(NetFn.APP, 0x44, "01 02")));
        assertEquals("0F 42 01 33", ok(bmc.lan(NetFn.APP, 0x44, "01 03")));
        // user 1 disabled (10b), no access; unused user 9 likewise
        assertEquals("0F 82 01 0F", ok(bmc.lan(NetFn.APP, 0x44, "01 01")));
        assertEquals("0F 82 01 0F", ok(bmc.lan(NetFn.APP, 0x44, "01 09")));
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD,
                bmc.lan(NetFn.APP, 0x44, "01 10").completionCode());
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD,
                bmc.lan(NetFn.APP, 0x44, "05 02").completionCode());
        assertEquals("61 64 6D 69 6E 00 00 00 00 00 00 00 00 00 00 00", ok(bmc.lan(NetFn.APP, 0x46, "02")));
        assertEquals("00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00", ok(bmc.lan(NetFn.APP, 0x46, "09")));
        // Appendix G: Operator
        assertEquals(
                CompletionCode.INSUFFICIENT_PRIVILEGE,
                bmc.lan(Privilege.USER, NetFn.APP, 0x46, "02").completionCode());
    }
}
