package dev.bmcagent.ipmi.session;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A tiny RMCP+ remote console written straight from IPMI 2.0 §13.17-13.32 with {@code javax.crypto}, sharing
 * no code with the server: the independent oracle for RAKP, SIK/K1/K2, integrity and AES-CBC-128.
 */
final class OracleClient {
    final int suite;
    final String hmacName;
    final int icvLength;
    final Function<byte[], Optional<byte[]>> transport;
    final SecureRandom random = new SecureRandom();
    final int consoleSessionId = 0xA1B2C3D4;
    int bmcSessionId;
    byte[] rm = new byte[16];
    byte[] rc;
    byte[] guid;
    byte[] sik;
    byte[] k1;
    byte[] k2;
    int seq;
    int rqSeq;
    /** Last raw datagrams, for replay and fuzz tests. */
    byte[] lastSent;

    int lastStatus;

    OracleClient(int suite, Function<byte[], Optional<byte[]>> transport) {
        this.suite = suite;
        this.hmacName = suite == 17 ? "HmacSHA256" : "HmacSHA1";
        this.icvLength = suite == 17 ? 16 : 12;
        this.transport = transport;
    }

    static OracleClient inProcess(int suite, LanPacketProcessor p, InetSocketAddress from) {
        return new OracleClient(suite, bytes -> p.process(bytes, from));
    }

    /** Full login; returns the status of the step that failed, or 0. */
    int login(String user, String password, int role) {
        int st = openSession(0);
        if (st != 0) {
            return st;
        }
        st = rakp1(user, password, role);
        if (st != 0) {
            return st;
        }
        return rakp3(user, password, role, false);
    }

    int openSession(int privilege) {
        int auth = suite == 17 ? 3 : 1;
        int integ = suite == 17 ? 4 : 1;
        byte[] p = cat(
                new byte[] {0x11, (byte) privilege, 0, 0},
                le(consoleSessionId),
                new byte[] {0, 0, 0, 8, (byte) auth, 0, 0, 0},
                new byte[] {1, 0, 0, 8, (byte) integ, 0, 0, 0},
                new byte[] {2, 0, 0, 8, 1, 0, 0, 0});
        byte[] r = exchange(0x10, p);
        lastStatus = r[1] & 0xFF;
        if (lastStatus == 0) {
            bmcSessionId =
                    ByteBuffer.wrap(r, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }
        return lastStatus;
    }

    int rakp1(String user, String password, int role) {
        random.nextBytes(rm);
        byte[] name = user.getBytes(StandardCharsets.US_ASCII);
        byte[] p = cat(
                new byte[] {0x22, 0, 0, 0},
                le(bmcSessionId),
                rm,
                new byte[] {(byte) role, 0, 0, (byte) name.length},
                name);
        byte[] r = exchange(0x12, p);
        lastStatus = r[1] & 0xFF;
        if (lastStatus != 0) {
            if (r.length != 8) {
                throw new AssertionError("RAKP 2 error must carry no HMAC, was " + r.length + " bytes");
            }
            return lastStatus;
        }
        rc = Arrays.copyOfRange(r, 8, 24);
        guid = Arrays.copyOfRange(r, 24, 40);
        byte[] expected = hmac(
                key(password),
                cat(
                        le(consoleSessionId),
                        le(bmcSessionId),
                        rm,
                        rc,
                        guid,
                        new byte[] {(byte) role, (byte) name.length},
                        name));
        if (!Arrays.equals(expected, Arrays.copyOfRange(r, 40, r.length))) {
            return -1; // RAKP 2 HMAC wrong: this client's password differs
        }
        return 0;
    }

    int rakp3(String user, String password, int role, boolean corrupt) {
        byte[] name = user.getBytes(StandardCharsets.US_ASCII);
        byte[] roleName = cat(new byte[] {(byte) role, (byte) name.length}, name);
        byte[] code = hmac(key(password), cat(rc, le(consoleSessionId), roleName));
        if (corrupt) {
            code[0] ^= 1;
        }
        byte[] r = exchange(0x14, cat(new byte[] {0x33, 0, 0, 0}, le(bmcSessionId), code));
        lastStatus = r[1] & 0xFF;
        if (lastStatus != 0) {
            return lastStatus;
        }
        sik = hmac(key(password), cat(rm, rc, roleName));
        k1 = hmac(sik, filled(1));
        k2 = hmac(sik, filled(2));
        byte[] icv = Arrays.copyOf(hmac(sik, cat(rm, le(bmcSessionId), guid)), icvLength);
        if (!Arrays.equals(icv, Arrays.copyOfRange(r, 8, r.length))) {
            throw new AssertionError("RAKP 4 ICV mismatch");
        }
        return 0;
    }

    /** Sends an in-session request; returns completion code + data, or empty if the BMC stayed silent. */
    Optional<byte[]> command(int netFn, int cmd, byte... data) {
        byte[] msg = lanRequest(netFn, cmd, data);
        byte[] datagram = sessionPacket(msg, ++seq);
        lastSent = datagram;
        return transport.apply(datagram).map(this::openReply);
    }

    byte[] sessionPacket(byte[] lanMessage, int sequence) {
        int pad = (16 - (lanMessage.length + 1) % 16) % 16;
        byte[] plain = new byte[lanMessage.length + pad + 1];
        System.arraycopy(lanMessage, 0, plain, 0, lanMessage.length);
        for (int i = 0; i < pad; i++) {
            plain[lanMessage.length + i] = (byte) (i + 1);
        }
        plain[plain.length - 1] = (byte) pad;
        byte[] iv = new byte[16];
        random.nextBytes(iv);
        byte[] payload = cat(iv, aes(Cipher.ENCRYPT_MODE, iv, plain));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0x06, (byte) 0xC0});
        b.writeBytes(le(bmcSessionId));
        b.writeBytes(le(sequence));
        b.writeBytes(new byte[] {(byte) payload.length, (byte) (payload.length >> 8)});
        b.writeBytes(payload);
        int integrityPad = (4 - (b.size() + 2) % 4) % 4;
        for (int i = 0; i < integrityPad; i++) {
            b.write(0xFF);
        }
        b.write(integrityPad);
        b.write(0x07);
        byte[] signed = b.toByteArray();
        return cat(new byte[] {0x06, 0x00, (byte) 0xFF, 0x07}, signed, Arrays.copyOf(hmac(k1, signed), icvLength));
    }

    byte[] lanRequest(int netFn, int cmd, byte... data) {
        rqSeq = (rqSeq + 1) & 0x3F;
        byte[] m = new byte[7 + data.length];
        m[0] = 0x20;
        m[1] = (byte) (netFn << 2);
        m[2] = (byte) -(m[0] + m[1]);
        m[3] = (byte) 0x81;
        m[4] = (byte) (rqSeq << 2);
        m[5] = (byte) cmd;
        System.arraycopy(data, 0, m, 6, data.length);
        int sum = 0;
        for (int i = 3; i < m.length - 1; i++) {
            sum += m[i];
        }
        m[m.length - 1] = (byte) -sum;
        return m;
    }

    byte[] openReply(byte[] d) {
        int type = d[5] & 0xFF;
        if (type != 0xC0) {
            throw new AssertionError("reply must be encrypted and authenticated, type " + type);
        }
        if (ByteBuffer.wrap(d, 6, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() != consoleSessionId) {
            throw new AssertionError("reply session ID");
        }
        int len = (d[14] & 0xFF) | (d[15] & 0xFF) << 8;
        byte[] signed = Arrays.copyOfRange(d, 4, d.length - icvLength);
        if (!Arrays.equals(
                Arrays.copyOf(hmac(k1, signed), icvLength), Arrays.copyOfRange(d, d.length - icvLength, d.length))) {
            throw new AssertionError("reply AuthCode");
        }
        if (signed.length % 4 != 0 || d[d.length - icvLength - 1] != 0x07) {
            throw new AssertionError("integrity pad / next header");
        }
        byte[] payload = Arrays.copyOfRange(d, 16, 16 + len);
        byte[] plain = aes(Cipher.DECRYPT_MODE, Arrays.copyOf(payload, 16), Arrays.copyOfRange(payload, 16, len));
        int pad = plain[plain.length - 1];
        for (int i = 0; i < pad; i++) {
            if (plain[plain.length - 1 - pad + i] != i + 1) {
                throw new AssertionError("confidentiality pad");
            }
        }
        byte[] msg = Arrays.copyOf(plain, plain.length - 1 - pad);
        return Arrays.copyOfRange(msg, 6, msg.length - 1); // completion code + data
    }

    /** Sessionless RMCP+ exchange (Open Session, RAKP): unauthenticated, session ID 0. */
    byte[] exchange(int payloadType, byte[] payload) {
        byte[] d = cat(
                new byte[] {0x06, 0x00, (byte) 0xFF, 0x07, 0x06, (byte) payloadType},
                le(0),
                le(0),
                new byte[] {(byte) payload.length, 0},
                payload);
        lastSent = d;
        byte[] r = transport.apply(d).orElseThrow(() -> new AssertionError("no reply to payload " + payloadType));
        if ((r[5] & 0x3F) != payloadType + 1) {
            throw new AssertionError("reply payload type " + r[5]);
        }
        return Arrays.copyOfRange(r, 16, r.length);
    }

    byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(hmacName);
            mac.init(new SecretKeySpec(key, hmacName));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private byte[] aes(int mode, byte[] iv, byte[] data) {
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(mode, new SecretKeySpec(Arrays.copyOf(k2, 16), "AES"), new IvParameterSpec(iv));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] key(String password) {
        return Arrays.copyOf(password.getBytes(StandardCharsets.US_ASCII), 20);
    }

    static byte[] filled(int v) {
        byte[] b = new byte[20];
        Arrays.fill(b, (byte) v);
        return b;
    }

    static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
