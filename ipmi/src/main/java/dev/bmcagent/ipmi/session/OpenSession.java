package dev.bmcagent.ipmi.session;

import dev.bmcagent.ipmi.lan.Decoded;
import dev.bmcagent.ipmi.lan.WireReader;
import dev.bmcagent.ipmi.lan.WireWriter;

/** RMCP+ Open Session Request and Response payloads (IPMI 2.0 §13.17, tables 13-9 and 13-10). */
public final class OpenSession {
    private static final int AUTH = 0x00;
    private static final int INTEGRITY = 0x01;
    private static final int CONFIDENTIALITY = 0x02;

    private OpenSession() {}

    /**
     * Open Session Request (payload type 10h).
     *
     * @param tag                message tag, echoed
     * @param requestedPrivilege requested maximum privilege (0 = highest available)
     * @param consoleSessionId   remote console session ID
     * @param auth               authentication algorithm
     * @param integrity          integrity algorithm
     * @param confidentiality    confidentiality algorithm
     */
    public record Request(
            int tag, int requestedPrivilege, int consoleSessionId, int auth, int integrity, int confidentiality) {

        public static Decoded<Request> decode(byte[] payload) {
            try {
                WireReader r = WireReader.of(payload);
                int tag = r.u8("message tag");
                int priv = r.u8("requested maximum privilege") & 0x0F;
                r.skip(2, "reserved");
                int sid = r.u32le("remote console session ID");
                int auth = algorithm(r, AUTH);
                int integrity = algorithm(r, INTEGRITY);
                int conf = algorithm(r, CONFIDENTIALITY);
                if (auth < 0 || integrity < 0 || conf < 0) {
                    return Decoded.malformed("algorithm payload header");
                }
                return Decoded.ok(new Request(tag, priv, sid, auth, integrity, conf));
            } catch (WireReader.Truncated e) {
                return Decoded.malformed(e.getMessage());
            }
        }

        public byte[] encode() {
            WireWriter w =
                    new WireWriter().u8(tag).u8(requestedPrivilege).zeros(2).u32le(consoleSessionId);
            writeAlgorithm(w, AUTH, auth);
            writeAlgorithm(w, INTEGRITY, integrity);
            writeAlgorithm(w, CONFIDENTIALITY, confidentiality);
            return w.toByteArray();
        }
    }

    /**
     * Open Session Response (payload type 11h). On an error status only the first 8 bytes are sent.
     *
     * @param tag              message tag from the request
     * @param status           RMCP+ status code
     * @param maxPrivilege     maximum privilege level granted
     * @param consoleSessionId remote console session ID
     * @param bmcSessionId     managed system session ID
     * @param suite            chosen suite (null on error)
     */
    public record Response(
            int tag, int status, int maxPrivilege, int consoleSessionId, int bmcSessionId, CipherSuite suite) {

        public static Response error(int tag, int status, int consoleSessionId) {
            return new Response(tag, status, 0, consoleSessionId, 0, null);
        }

        public byte[] encode() {
            WireWriter w =
                    new WireWriter().u8(tag).u8(status).u8(maxPrivilege).u8(0).u32le(consoleSessionId);
            if (status != RakpStatus.OK) {
                return w.toByteArray();
            }
            w.u32le(bmcSessionId);
            writeAlgorithm(w, AUTH, suite.authAlgorithm());
            writeAlgorithm(w, INTEGRITY, suite.integrityAlgorithm());
            writeAlgorithm(w, CONFIDENTIALITY, suite.confidentialityAlgorithm());
            return w.toByteArray();
        }

        public static Decoded<Response> decode(byte[] payload) {
            try {
                WireReader r = WireReader.of(payload);
                int tag = r.u8("message tag");
                int status = r.u8("status");
                int priv = r.u8("maximum privilege");
                r.skip(1, "reserved");
                int console = r.u32le("remote console session ID");
                if (status != RakpStatus.OK) {
                    return Decoded.ok(new Response(tag, status, priv, console, 0, null));
                }
                int bmc = r.u32le("managed system session ID");
                int auth = algorithm(r, AUTH);
                int integrity = algorithm(r, INTEGRITY);
                int conf = algorithm(r, CONFIDENTIALITY);
                return CipherSuite.match(auth, integrity, conf)
                        .<Decoded<Response>>map(s -> Decoded.ok(new Response(tag, status, priv, console, bmc, s)))
                        .orElseGet(() -> Decoded.malformed("unknown suite"));
            } catch (WireReader.Truncated e) {
                return Decoded.malformed(e.getMessage());
            }
        }
    }

    /** Reads an 8-byte algorithm payload: type, reserved 2, length 08h, algorithm (bits 5:0), reserved 3. */
    private static int algorithm(WireReader r, int expectedType) {
        int type = r.u8("algorithm payload type");
        r.skip(2, "reserved");
        int length = r.u8("algorithm payload length");
        int alg = r.u8("algorithm") & 0x3F;
        r.skip(3, "reserved");
        return type == expectedType && length == 8 ? alg : -1;
    }

    private static void writeAlgorithm(WireWriter w, int type, int alg) {
        w.u8(type).zeros(2).u8(8).u8(alg).zeros(3);
    }
}
