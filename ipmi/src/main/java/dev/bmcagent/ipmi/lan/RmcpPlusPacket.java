package dev.bmcagent.ipmi.lan;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * IPMI v2.0/RMCP+ session wrapper (IPMI 2.0 §13.6, table 13-8) after the RMCP header: auth type 06h,
 * payload type (bit 7 encrypted, bit 6 authenticated, bits 5:0 type), session ID (LE), session sequence
 * (LE), payload length (LE), payload; when authenticated the session trailer: integrity pad (FFh) so the
 * signed range is a multiple of 4, pad length, next header 07h, AuthCode.
 *
 * @param payloadType   bits 5:0 of the payload type byte
 * @param encrypted     bit 7
 * @param authenticated bit 6
 * @param sessionId     session ID (the receiver's)
 * @param sequence      session sequence number
 * @param payload       payload bytes as carried (ciphertext when encrypted)
 * @param signed        bytes from auth type through next header (the AuthCode input), empty if unauthenticated
 * @param authCode      the AuthCode, empty if unauthenticated
 */
@SuppressWarnings("ArrayRecordComponent") // holds bytes only; never compared or hashed
public record RmcpPlusPacket(
        int payloadType,
        boolean encrypted,
        boolean authenticated,
        int sessionId,
        int sequence,
        byte[] payload,
        byte[] signed,
        byte[] authCode) {
    public static final int NEXT_HEADER = 0x07;
    private static final int HEADER_LENGTH = 12;

    public RmcpPlusPacket {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(signed, "signed");
        Objects.requireNonNull(authCode, "authCode");
        if (payloadType < 0 || payloadType > 0x3F) {
            throw new IllegalArgumentException("payload type out of range");
        }
        payload = payload.clone();
        signed = signed.clone();
        authCode = authCode.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public byte[] signed() {
        return signed.clone();
    }

    @Override
    public byte[] authCode() {
        return authCode.clone();
    }

    /** True when the datagram (RMCP header first) carries an RMCP+ wrapper. */
    public static boolean isRmcpPlus(byte[] datagram) {
        return datagram.length > RmcpHeader.LENGTH
                && (datagram[RmcpHeader.LENGTH] & 0xFF) == Ipmi15Packet.AUTH_RMCP_PLUS;
    }

    /** Session ID field of an RMCP+ datagram, or empty when too short. */
    public static OptionalInt peekSessionId(byte[] datagram) {
        if (!isRmcpPlus(datagram) || datagram.length < RmcpHeader.LENGTH + 6) {
            return OptionalInt.empty();
        }
        int type = datagram[RmcpHeader.LENGTH + 1] & 0x3F;
        int at = RmcpHeader.LENGTH + 2 + (type == PayloadType.OEM_EXPLICIT ? 6 : 0);
        if (datagram.length < at + 4) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(WireReader.of(datagram).skipTo(at).u32le("session ID"));
    }

    /**
     * Decodes a whole datagram. {@code authCodeLength} is the integrity algorithm's AuthCode size, used only
     * when the authenticated bit is set (the caller knows it from the session ID).
     */
    public static Decoded<RmcpPlusPacket> decode(byte[] datagram, int authCodeLength) {
        try {
            WireReader r = WireReader.of(datagram);
            r.skip(RmcpHeader.LENGTH, "RMCP header");
            int start = r.position();
            if (r.u8("auth type") != Ipmi15Packet.AUTH_RMCP_PLUS) {
                return Decoded.malformed("auth type is not RMCP+");
            }
            int typeByte = r.u8("payload type");
            int type = typeByte & 0x3F;
            if (type == PayloadType.OEM_EXPLICIT) {
                r.skip(6, "OEM IANA and payload ID");
            }
            int sid = r.u32le("session ID");
            int seq = r.u32le("session sequence");
            int len = r.u16le("payload length");
            byte[] payload = r.bytes(len, "payload");
            boolean authenticated = (typeByte & 0x40) != 0;
            if (!authenticated) {
                return Decoded.ok(new RmcpPlusPacket(
                        type, (typeByte & 0x80) != 0, false, sid, seq, payload, new byte[0], new byte[0]));
            }
            int trailer = r.remaining();
            int end = r.position() + trailer;
            if (authCodeLength <= 0 || trailer < 2 + authCodeLength) {
                return Decoded.malformed("session trailer truncated");
            }
            int padLength = datagram[end - authCodeLength - 2] & 0xFF;
            if ((datagram[end - authCodeLength - 1] & 0xFF) != NEXT_HEADER) {
                return Decoded.malformed("next header");
            }
            if (padLength > 3 || trailer != padLength + 2 + authCodeLength) {
                return Decoded.malformed("integrity pad length");
            }
            byte[] signed = Arrays.copyOfRange(datagram, start, end - authCodeLength);
            byte[] code = Arrays.copyOfRange(datagram, end - authCodeLength, end);
            return Decoded.ok(new RmcpPlusPacket(type, (typeByte & 0x80) != 0, true, sid, seq, payload, signed, code));
        } catch (WireReader.Truncated e) {
            return Decoded.malformed(e.getMessage());
        }
    }

    /**
     * Encodes a datagram. {@code integrity} maps the signed range to its AuthCode; null sends it
     * unauthenticated.
     */
    public static byte[] encode(
            int payloadType,
            boolean encrypted,
            int sessionId,
            int sequence,
            byte[] payload,
            UnaryOperator<byte[]> integrity) {
        if (payload.length > 0xFFFF) {
            throw new IllegalArgumentException("payload too long");
        }
        WireWriter w = new WireWriter();
        RmcpHeader.IPMI.encode(w);
        int typeByte = payloadType | (encrypted ? 0x80 : 0) | (integrity != null ? 0x40 : 0);
        w.u8(Ipmi15Packet.AUTH_RMCP_PLUS)
                .u8(typeByte)
                .u32le(sessionId)
                .u32le(sequence)
                .u16le(payload.length)
                .bytes(payload);
        if (integrity == null) {
            return w.toByteArray();
        }
        int covered = HEADER_LENGTH + payload.length + 2;
        int pad = (4 - covered % 4) % 4;
        for (int i = 0; i < pad; i++) {
            w.u8(0xFF);
        }
        w.u8(pad).u8(NEXT_HEADER);
        byte[] sofar = w.toByteArray();
        byte[] signed = Arrays.copyOfRange(sofar, RmcpHeader.LENGTH, sofar.length);
        w.bytes(integrity.apply(signed));
        return w.toByteArray();
    }
}
