package dev.bmcagent.bench;

import dev.bmcagent.ipmi.lan.LanMessage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A minimal RMCP+ remote console (IPMI 2.0 §13.17-13.32, suite 3 or 17) for the in-process microbenchmark:
 * logs in through a transport function and builds encrypted, signed session requests. Written from the spec
 * with {@code javax.crypto} (like the ipmi module's test oracle), sharing no code with the server.
 */
final class BenchConsole {
    private final String hmacName;
    private final int icvLength;
    private final int suite;
    private final UnaryOperator<byte[]> transport;
    private final SecureRandom random = new SecureRandom();
    private final int consoleSessionId = 0xA1B2C3D4;
    private final Mac integrity;
    private final Cipher aes;
    private SecretKeySpec aesKey;
    private int bmcSessionId;
    private byte[] k1;
    private int sequence;
    private int rqSeq;

    BenchConsole(int suite, UnaryOperator<byte[]> transport) throws GeneralSecurityException {
        this.suite = suite;
        this.hmacName = suite == 17 ? "HmacSHA256" : "HmacSHA1";
        this.icvLength = suite == 17 ? 16 : 12;
        this.transport = transport;
        this.integrity = Mac.getInstance(hmacName);
        this.aes = Cipher.getInstance("AES/CBC/NoPadding");
    }

    /** Open Session + RAKP 1/3 as an administrator; throws when the BMC refuses. */
    void login(String user, String password) throws GeneralSecurityException {
        int auth = suite == 17 ? 3 : 1;
        int integ = suite == 17 ? 4 : 1;
        byte[] r = exchange(
                0x10,
                cat(
                        new byte[] {0x11, 4, 0, 0},
                        le(consoleSessionId),
                        new byte[] {0, 0, 0, 8, (byte) auth, 0, 0, 0},
                        new byte[] {1, 0, 0, 8, (byte) integ, 0, 0, 0},
                        new byte[] {2, 0, 0, 8, 1, 0, 0, 0}));
        check(r, "Open Session");
        bmcSessionId = ByteBuffer.wrap(r, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] rm = new byte[16];
        random.nextBytes(rm);
        byte[] name = user.getBytes(StandardCharsets.US_ASCII);
        byte[] roleName = cat(new byte[] {0x14, (byte) name.length}, name);
        r = exchange(
                0x12,
                cat(
                        new byte[] {0x22, 0, 0, 0},
                        le(bmcSessionId),
                        rm,
                        new byte[] {0x14, 0, 0, (byte) name.length},
                        name));
        check(r, "RAKP 1");
        byte[] rc = Arrays.copyOfRange(r, 8, 24);
        byte[] key = Arrays.copyOf(password.getBytes(StandardCharsets.US_ASCII), 20);
        r = exchange(
                0x14,
                cat(new byte[] {0x33, 0, 0, 0}, le(bmcSessionId), hmac(key, cat(rc, le(consoleSessionId), roleName))));
        check(r, "RAKP 3");
        byte[] sik = hmac(key, cat(rm, rc, roleName));
        k1 = hmac(sik, filled(1));
        aesKey = new SecretKeySpec(Arrays.copyOf(hmac(sik, filled(2)), 16), "AES");
        integrity.init(new SecretKeySpec(k1, hmacName));
    }

    /** The next in-session request datagram (sequence numbers increase, so each is fresh). */
    byte[] request(int netFn, int cmd, byte... data) throws GeneralSecurityException {
        byte[] msg = lanRequest(netFn, cmd, data);
        int pad = (16 - (msg.length + 1) % 16) % 16;
        byte[] plain = new byte[msg.length + pad + 1];
        System.arraycopy(msg, 0, plain, 0, msg.length);
        for (int i = 0; i < pad; i++) {
            plain[msg.length + i] = (byte) (i + 1);
        }
        plain[plain.length - 1] = (byte) pad;
        byte[] iv = new byte[16];
        random.nextBytes(iv);
        aes.init(Cipher.ENCRYPT_MODE, aesKey, new IvParameterSpec(iv));
        byte[] payload = cat(iv, aes.doFinal(plain));
        ByteArrayOutputStream b = new ByteArrayOutputStream(96);
        b.writeBytes(new byte[] {0x06, (byte) 0xC0});
        b.writeBytes(le(bmcSessionId));
        b.writeBytes(le(++sequence));
        b.writeBytes(new byte[] {(byte) payload.length, (byte) (payload.length >> 8)});
        b.writeBytes(payload);
        int integrityPad = (4 - (b.size() + 2) % 4) % 4;
        for (int i = 0; i < integrityPad; i++) {
            b.write(0xFF);
        }
        b.write(integrityPad);
        b.write(0x07);
        byte[] signed = b.toByteArray();
        return cat(
                new byte[] {0x06, 0x00, (byte) 0xFF, 0x07},
                signed,
                Arrays.copyOf(integrity.doFinal(signed), icvLength));
    }

    /** Get Channel Authentication Capabilities (App 38h, IPMI v2.0 data) as ipmitool sends it: IPMI v1.5, no session. */
    byte[] authCapabilitiesRequest() {
        byte[] msg = lanRequest(0x06, 0x38, (byte) 0x8E, (byte) 0x04);
        return cat(new byte[] {0x06, 0x00, (byte) 0xFF, 0x07, 0x00}, le(0), le(0), new byte[] {(byte) msg.length}, msg);
    }

    /** Get Channel Cipher Suites (App 54h, list index 0) as ipmitool sends it: RMCP+ payload type 0, no session. */
    byte[] cipherSuitesRequest() {
        byte[] msg = lanRequest(0x06, 0x54, (byte) 0x0E, (byte) 0x00, (byte) 0x80);
        return cat(
                new byte[] {0x06, 0x00, (byte) 0xFF, 0x07, 0x06, 0x00},
                le(0),
                le(0),
                new byte[] {(byte) msg.length, 0},
                msg);
    }

    /** Set Session Privilege Level (App 3Bh) to administrator, as ipmitool sends first in a session. */
    byte[] privilegeRequest() throws GeneralSecurityException {
        return request(0x06, 0x3B, (byte) 0x04);
    }

    /** The Close Session request (App 3Ch) for this console's session. */
    byte[] closeRequest() throws GeneralSecurityException {
        return request(0x06, 0x3C, le(bmcSessionId));
    }

    /** Completion code + data of a reply datagram, after checking its AuthCode and decrypting it. */
    byte[] open(byte[] d) throws GeneralSecurityException {
        byte[] signed = Arrays.copyOfRange(d, 4, d.length - icvLength);
        if (!Arrays.equals(
                Arrays.copyOf(integrity.doFinal(signed), icvLength),
                Arrays.copyOfRange(d, d.length - icvLength, d.length))) {
            throw new IllegalStateException("reply AuthCode");
        }
        int len = (d[14] & 0xFF) | (d[15] & 0xFF) << 8;
        aes.init(Cipher.DECRYPT_MODE, aesKey, new IvParameterSpec(d, 16, 16));
        byte[] plain = aes.doFinal(d, 32, len - 16);
        int pad = plain[plain.length - 1];
        return Arrays.copyOfRange(plain, 6, plain.length - 2 - pad);
    }

    /** A request from remote console software 81h to the BMC, framed by the ipmi module's own codec. */
    private byte[] lanRequest(int netFn, int cmd, byte... data) {
        rqSeq = (rqSeq + 1) & 0x3F;
        return new LanMessage(LanMessage.BMC_ADDRESS, netFn, 0, 0x81, rqSeq, 0, cmd, data).encodeRequest();
    }

    private byte[] exchange(int payloadType, byte[] payload) {
        byte[] d = cat(
                new byte[] {0x06, 0x00, (byte) 0xFF, 0x07, 0x06, (byte) payloadType},
                le(0),
                le(0),
                new byte[] {(byte) payload.length, 0},
                payload);
        byte[] r = transport.apply(d);
        if (r == null || (r[5] & 0x3F) != payloadType + 1) {
            throw new IllegalStateException("no or wrong reply to payload type " + payloadType);
        }
        return Arrays.copyOfRange(r, 16, r.length);
    }

    private static void check(byte[] reply, String step) {
        if (reply[1] != 0) {
            throw new IllegalStateException(step + " refused, status " + (reply[1] & 0xFF));
        }
    }

    private byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(hmacName);
        mac.init(new SecretKeySpec(key, hmacName));
        return mac.doFinal(data);
    }

    private static byte[] filled(int v) {
        byte[] b = new byte[20];
        Arrays.fill(b, (byte) v);
        return b;
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
