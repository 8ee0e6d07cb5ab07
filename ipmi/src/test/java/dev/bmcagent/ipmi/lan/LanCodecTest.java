package dev.bmcagent.ipmi.lan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Golden bytes for the wire codecs, each field commented with its IPMI 2.0 section. */
class LanCodecTest {
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void rmcpHeaderDecodesClassAndAckBit() {
        // §13.1.3: version 06h, reserved, sequence 5Ah, class 87h = ACK bit + IPMI
        RmcpHeader h = RmcpHeader.decode(hex("06 00 5A 87")).value();
        assertEquals(0x5A, h.sequence());
        assertEquals(RmcpHeader.CLASS_IPMI, h.messageClass());
        assertTrue(h.ack());
        assertInstanceOf(Decoded.Malformed.class, RmcpHeader.decode(hex("07 00 FF 07")), "version 07h");
        assertInstanceOf(Decoded.Malformed.class, RmcpHeader.decode(hex("06 00 FF")), "truncated");
    }

    @Test
    void asfPingDecodesAndPongEncodes() {
        AsfPresence.Ping ping = AsfPresence.decodePing(hex("06 00 12 06 00 00 11 BE 80 34 00 00"))
                .value();
        assertEquals(0x12, ping.rmcpSequence());
        assertEquals(0x34, ping.messageTag());
        assertArrayEquals(
                hex("06 00 12 06" + "00 00 11 BE" + "40 34 00 10" + "00 00 11 BE" + "00 00 00 00" + "81 00"
                        + "00 00 00 00 00 00"),
                AsfPresence.encodePong(ping));
        // §13.2.3: a wrong IANA number is not ASF.
        assertFalse(AsfPresence.decodePing(hex("06 00 12 06 00 00 11 BF 80 34 00 00"))
                .isOk());
        assertFalse(AsfPresence.decodePing(hex("06 00 12 06 00 00 11 BE 80")).isOk());
    }

    @Test
    void lanMessageRequestAndResponseWithChecksums() {
        // §13.8 table 13-10: rsAddr 20h, netFn 06h<<2|LUN 0 = 18h, chk1 C8h, rqAddr 81h, rqSeq 0Dh<<2|LUN 2 = 36h,
        // cmd 01h, no data, chk2 = -(81h+36h+01h) = 48h
        byte[] req = hex("20 18 C8 81 36 01 48");
        LanMessage m = LanMessage.decodeRequest(req).value();
        assertEquals(0x06, m.netFn());
        assertEquals(0x0D, m.rqSeq());
        assertEquals(2, m.rqLun());
        assertArrayEquals(req, m.encodeRequest());
        // §13.8 table 13-11: rqAddr 81h, netFn 07h<<2|rqLUN 2 = 1Eh, chk1 61h, rsAddr 20h, rqSeq 0Dh<<2|rsLUN 0 = 34h,
        // cmd 01h, cc 00h, data 12h 34h, chk2 = -(20h+34h+01h+00h+12h+34h) = 65h
        assertArrayEquals(hex("81 1E 61 20 34 01 00 12 34 65"), m.encodeResponse(0x00, hex("12 34")));
        assertFalse(LanMessage.decodeRequest(hex("20 18 C9 81 36 01 48")).isOk(), "checksum 1");
        assertFalse(LanMessage.decodeRequest(hex("20 18 C8 81 36 01 49")).isOk(), "checksum 2");
        assertFalse(LanMessage.decodeRequest(hex("20 18 C8 81 36 01")).isOk(), "too short");
    }

    @Test
    void ipmi15WrapperRoundTrip() {
        byte[] wire = hex("06 00 FF 07" + "00" + "78 56 34 12" + "21 43 65 87" + "02" + "AB CD");
        Ipmi15Packet p = Ipmi15Packet.decode(wire).value();
        assertEquals(0x12345678, p.sequence(), "§13.6: sequence number, LSB first");
        assertEquals(0x87654321, p.sessionId());
        assertArrayEquals(hex("AB CD"), p.message());
        assertArrayEquals(wire, p.encode());
        assertFalse(
                Ipmi15Packet.decode(hex("06 00 FF 07 00 78 56 34 12 21 43 65 87 05 AB"))
                        .isOk(),
                "length");
        assertFalse(Ipmi15Packet.decode(hex("06 00 FF 07 02 78 56")).isOk(), "MD5 needs an AuthCode");
    }

    @Test
    void rmcpPlusWrapperWithIntegrityTrailer() {
        byte[] payload = hex("11 22 33");
        byte[] wire = RmcpPlusPacket.encode(
                PayloadType.IPMI,
                true,
                0x04030201,
                0x0A0B0C0D,
                payload,
                signed -> hex("AA BB CC DD EE FF 00 11 22 33 44 55"));
        assertArrayEquals(
                hex("06 00 FF 07"
                        + "06" // §13.6: auth type RMCP+
                        + "C0" // encrypted (bit 7) + authenticated (bit 6), payload IPMI
                        + "01 02 03 04" // session ID, LSB first
                        + "0D 0C 0B 0A" // session sequence, LSB first
                        + "03 00" // payload length 3
                        + "11 22 33" // payload
                        + "FF FF FF" // integrity pad: 12 header + 3 payload + 2 = 17 → 3 FFh to 20
                        + "03" // pad length
                        + "07" // next header
                        + "AA BB CC DD EE FF 00 11 22 33 44 55"),
                wire); // AuthCode (12 bytes, HMAC-SHA1-96)
        RmcpPlusPacket p = RmcpPlusPacket.decode(wire, 12).value();
        assertEquals(0x04030201, p.sessionId());
        assertEquals(0x0A0B0C0D, p.sequence());
        assertTrue(p.encrypted() && p.authenticated());
        assertArrayEquals(payload, p.payload());
        assertEquals(0, p.signed().length % 4, "signed range is whole DWORDs");
        assertFalse(RmcpPlusPacket.decode(wire, 16).isOk(), "wrong AuthCode size shifts the trailer");
        byte[] badNext = wire.clone();
        badNext[wire.length - 13] = 0x06;
        assertFalse(RmcpPlusPacket.decode(badNext, 12).isOk(), "next header must be 07h");
    }

    @Test
    void unauthenticatedRmcpPlusAndPeekSessionId() {
        byte[] wire = RmcpPlusPacket.encode(PayloadType.OPEN_SESSION_REQUEST, false, 0, 0, hex("01"), null);
        assertArrayEquals(hex("06 00 FF 07 06 10 00 00 00 00 00 00 00 00 01 00 01"), wire);
        assertEquals(0, RmcpPlusPacket.peekSessionId(wire).getAsInt());
        assertTrue(RmcpPlusPacket.peekSessionId(hex("06 00 FF 07 06 00 01")).isEmpty());
        assertFalse(RmcpPlusPacket.decode(hex("06 00 FF 07 06 10 00 00 00 00 00 00 00 00 05 00 01"), 0)
                .isOk());
    }
}
