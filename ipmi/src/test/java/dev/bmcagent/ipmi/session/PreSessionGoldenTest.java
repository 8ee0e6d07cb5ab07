package dev.bmcagent.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.lan.IpmiLanOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What real clients send before a session, byte for byte, and what the BMC answers. */
class PreSessionGoldenTest {
    static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
    final LanPacketProcessor bmc = new LanTestServer(IpmiLanOptions.defaults()).processor;

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void asfPresencePingGetsPong() {
        byte[] ping = hex(
                "06 00 FF 06" // RMCP §13.1.3: version 1.0, reserved, seq FFh, class 06h ASF
                        + "00 00 11 BE" // ASF §13.2.3: IANA 4542, MSB first
                        + "80 C4 00 00"); // message type 80h Presence Ping, tag C4h, reserved, length 0
        byte[] pong = hex("06 00 FF 06"
                + "00 00 11 BE" // IANA 4542
                + "40 C4 00 10" // 40h Presence Pong, tag echoed, reserved, data length 16
                + "00 00 11 BE" // data: IANA 4542
                + "00 00 00 00" // OEM-defined: none
                + "81" // supported entities: bit 7 IPMI, ASF version 1.0
                + "00" // supported interactions: none
                + "00 00 00 00 00 00"); // reserved
        assertArrayEquals(pong, bmc.process(ping, CLIENT).orElseThrow());
    }

    @Test
    void v15GetChannelAuthCapabilitiesAsIpmitoolSendsItReportsIpmi20() {
        byte[] request = hex(
                "06 00 FF 07" // RMCP, class IPMI
                        + "00" // §13.6 v1.5 session header: auth type NONE
                        + "00 00 00 00 00 00 00 00" // session sequence 0, session ID 0
                        + "09" // message length
                        + "20 18 C8" // rsAddr BMC, netFn App(06h)<<2 | LUN 0, checksum 1
                        + "81 00 38" // rqAddr remote console, rqSeq 0, cmd 38h
                        + "8E 04" // §22.13: bit 7 = IPMI v2.0 data, channel 0Eh (this); ADMIN
                        + "B5"); // checksum 2
        byte[] response = hex("06 00 FF 07 00 00 00 00 00 00 00 00 00"
                + "10" // message length 16
                + "81 1C 63 20 00 38" // rqAddr, netFn 07h<<2, checksum 1, rsAddr, seq, cmd
                + "00" // completion code
                + "01" // channel 1 (LAN)
                + "80" // bit 7: IPMI v2.0 extended data; no v1.5 auth types
                + "04" // non-null user names only (no null, no anonymous)
                + "02" // extended capabilities: IPMI v2.0 connections
                + "00 00 00 00" // OEM ID, OEM auxiliary data
                + "21"); // checksum 2
        assertArrayEquals(response, bmc.process(request, CLIENT).orElseThrow());
    }

    @Test
    void cipherSuitesInAnUnauthenticatedRmcpPlusPacketOffer17Then3() {
        byte[] request = hex("06 00 FF 07"
                + "06 00" // §13.6 RMCP+: auth type 06h, payload IPMI, not signed/encrypted
                + "00 00 00 00 00 00 00 00" // session ID 0, sequence 0
                + "0A 00" // payload length 10
                + "20 18 C8 81 04 54" // App netFn, rqSeq 1, cmd 54h Get Channel Cipher Suites
                + "0E 00 80" // §22.15: this channel, payload IPMI, list by suite, index 0
                + "99");
        byte[] reply = bmc.process(request, CLIENT).orElseThrow();
        assertArrayEquals(
                hex("06 00 FF 07 06 00 00 00 00 00 00 00 00 00"
                        + "13 00" // payload length 19
                        + "81 1C 63 20 04 54"
                        + "00 01" // completion code, channel 1
                        + "C0 11 03 44 81" // suite 17: RAKP-HMAC-SHA256, HMAC-SHA256-128 (40h|04h), AES (80h|01h)
                        + "C0 03 01 41 81" // suite 3: RAKP-HMAC-SHA1, HMAC-SHA1-96 (40h|01h), AES
                        + "68"),
                reply);
    }

    @Test
    void v15SessionActivationIsRefused() {
        byte[] challenge = hex("06 00 FF 07 00 00 00 00 00 00 00 00 00 18"
                + "20 18 C8 81 08 39" // Get Session Challenge
                + "02 61 64 6D 69 6E 00 00 00 00 00 00 00 00 00 00 00" // MD5, "admin"
                + "00"); // checksum 2, computed below
        byte[] fixed = challenge.clone();
        int sum = 0;
        for (int i = 17; i < fixed.length - 1; i++) {
            sum += fixed[i];
        }
        fixed[fixed.length - 1] = (byte) -sum;
        byte[] reply = bmc.process(fixed, CLIENT).orElseThrow();
        assertEquals((byte) 0xC1, reply[20], "completion code C1h: v1.5 sessions are not offered");
    }

    @Test
    void sessionCommandsOutsideASessionAreDropped() {
        byte[] getDeviceId = hex("06 00 FF 07 00 00 00 00 00 00 00 00 00 07 20 18 C8 81 00 01 7E");
        assertEquals(Optional.empty(), bmc.process(getDeviceId, CLIENT));
        assertEquals(1, bmc.counters().rejectedCount());
    }
}
