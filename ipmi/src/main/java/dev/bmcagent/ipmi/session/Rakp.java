package dev.bmcagent.ipmi.session;

import dev.bmcagent.ipmi.lan.Decoded;
import dev.bmcagent.ipmi.lan.WireReader;
import dev.bmcagent.ipmi.lan.WireWriter;
import java.nio.charset.StandardCharsets;

/** RAKP messages 1-4 (IPMI 2.0 §13.20-13.23). Byte arrays are not copied: these are transient wire views. */
public final class Rakp {
    /** Role byte bit 4: name-only lookup (1) vs username + privilege lookup (0) (§13.20). */
    public static final int NAME_ONLY_LOOKUP = 0x10;

    private Rakp() {}

    /** RAKP Message 1 (payload 12h): session ID, console random Rm, role, user name. */
    @SuppressWarnings("ArrayRecordComponent") // holds bytes only; never compared or hashed
    public record Message1(int tag, int bmcSessionId, byte[] consoleRandom, int role, byte[] userName) {
        public static Decoded<Message1> decode(byte[] p) {
            try {
                WireReader r = WireReader.of(p);
                int tag = r.u8("message tag");
                r.skip(3, "reserved");
                int sid = r.u32le("managed system session ID");
                byte[] rm = r.bytes(16, "remote console random");
                int role = r.u8("requested role");
                r.skip(2, "reserved");
                int len = r.u8("user name length");
                if (len > 16) {
                    return Decoded.malformed("user name length");
                }
                return Decoded.ok(new Message1(tag, sid, rm, role, r.bytes(len, "user name")));
            } catch (WireReader.Truncated e) {
                return Decoded.malformed(e.getMessage());
            }
        }

        public String userNameString() {
            return new String(userName, StandardCharsets.US_ASCII);
        }

        public byte[] encode() {
            return new WireWriter()
                    .u8(tag)
                    .zeros(3)
                    .u32le(bmcSessionId)
                    .bytes(consoleRandom)
                    .u8(role)
                    .zeros(2)
                    .u8(userName.length)
                    .bytes(userName)
                    .toByteArray();
        }
    }

    /** RAKP Message 2 (13h): BMC random Rc, BMC GUID, key exchange auth code (empty on error). */
    @SuppressWarnings("ArrayRecordComponent") // holds bytes only; never compared or hashed
    public record Message2(int tag, int status, int consoleSessionId, byte[] bmcRandom, byte[] guid, byte[] authCode) {
        public byte[] encode() {
            WireWriter w = new WireWriter().u8(tag).u8(status).zeros(2).u32le(consoleSessionId);
            if (status == RakpStatus.OK) {
                w.bytes(bmcRandom).bytes(guid).bytes(authCode);
            }
            return w.toByteArray();
        }

        public static Decoded<Message2> decode(byte[] p) {
            try {
                WireReader r = WireReader.of(p);
                int tag = r.u8("message tag");
                int status = r.u8("status");
                r.skip(2, "reserved");
                int sid = r.u32le("remote console session ID");
                if (status != RakpStatus.OK) {
                    return Decoded.ok(new Message2(tag, status, sid, new byte[0], new byte[0], new byte[0]));
                }
                return Decoded.ok(new Message2(tag, status, sid, r.bytes(16, "Rc"), r.bytes(16, "GUID"), r.rest()));
            } catch (WireReader.Truncated e) {
                return Decoded.malformed(e.getMessage());
            }
        }
    }

    /** RAKP Message 3 (14h): status from the console and its key exchange auth code. */
    @SuppressWarnings("ArrayRecordComponent") // holds bytes only; never compared or hashed
    public record Message3(int tag, int status, int bmcSessionId, byte[] authCode) {
        public static Decoded<Message3> decode(byte[] p) {
            try {
                WireReader r = WireReader.of(p);
                int tag = r.u8("message tag");
                int status = r.u8("status");
                r.skip(2, "reserved");
                int sid = r.u32le("managed system session ID");
                return Decoded.ok(new Message3(tag, status, sid, r.rest()));
            } catch (WireReader.Truncated e) {
                return Decoded.malformed(e.getMessage());
            }
        }

        public byte[] encode() {
            return new WireWriter()
                    .u8(tag)
                    .u8(status)
                    .zeros(2)
                    .u32le(bmcSessionId)
                    .bytes(authCode)
                    .toByteArray();
        }
    }

    /** RAKP Message 4 (15h): status and the integrity check value (empty on error). */
    @SuppressWarnings("ArrayRecordComponent") // holds bytes only; never compared or hashed
    public record Message4(int tag, int status, int consoleSessionId, byte[] icv) {
        public byte[] encode() {
            WireWriter w = new WireWriter().u8(tag).u8(status).zeros(2).u32le(consoleSessionId);
            if (status == RakpStatus.OK) {
                w.bytes(icv);
            }
            return w.toByteArray();
        }

        public static Decoded<Message4> decode(byte[] p) {
            try {
                WireReader r = WireReader.of(p);
                int tag = r.u8("message tag");
                int status = r.u8("status");
                r.skip(2, "reserved");
                int sid = r.u32le("remote console session ID");
                return Decoded.ok(new Message4(tag, status, sid, r.rest()));
            } catch (WireReader.Truncated e) {
                return Decoded.malformed(e.getMessage());
            }
        }
    }
}
