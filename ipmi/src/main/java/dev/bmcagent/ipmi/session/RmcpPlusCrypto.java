package dev.bmcagent.ipmi.session;

import dev.bmcagent.ipmi.lan.Decoded;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * RMCP+ cryptography (IPMI 2.0 §13.28-13.32): HMACs, key derivation (SIK, K1, K2), AES-CBC-128 payload
 * confidentiality with the IPMI pad. JCA failures (which cannot happen with the JDK's providers) are
 * rethrown unchecked.
 */
public final class RmcpPlusCrypto {
    private static final int AES_BLOCK = 16;
    private static final byte[] CONST_1 = filled(0x01);
    private static final byte[] CONST_2 = filled(0x02);
    private static final ThreadLocal<Engines> ENGINES = ThreadLocal.withInitial(Engines::new);

    private RmcpPlusCrypto() {}

    /** HMAC of the concatenated {@code parts} with {@code key} (JCA algorithm name, e.g. HmacSHA1). */
    public static byte[] hmac(String algorithm, byte[] key, byte[]... parts) {
        try {
            Mac mac = ENGINES.get().mac(algorithm, key.length == 0 ? new byte[1] : key);
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA " + algorithm + " unavailable", e);
        }
    }

    /** K1 = HMAC_SIK(20 bytes of 01h) (§13.32). */
    public static byte[] k1(CipherSuite suite, byte[] sik) {
        return hmac(suite.hmac(), sik, CONST_1);
    }

    /** K2 = HMAC_SIK(20 bytes of 02h) (§13.32); AES-CBC-128 uses its first 16 bytes. */
    public static byte[] k2(CipherSuite suite, byte[] sik) {
        return hmac(suite.hmac(), sik, CONST_2);
    }

    /**
     * Keys this thread's engines with a new session's K1 (its HMAC) and K2 (its AES key schedule), so that the
     * session's first packet, on the same thread, finds them keyed. The AES key schedule of a new key took 28-30 µs
     * of the session's first reply in the agent (it runs once per login, too rarely for the JIT); called after RAKP 4
     * went out, it takes that time while the console reads RAKP 4.
     */
    public static void keyEngines(CipherSuite suite, byte[] k1, byte[] k2) {
        try {
            Engines engines = ENGINES.get();
            engines.mac(suite.hmac(), k1);
            engines.aes().init(Cipher.ENCRYPT_MODE, engines.aesKey(k2), new IvParameterSpec(new byte[AES_BLOCK]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA HMAC or AES/CBC unavailable", e);
        }
    }

    /** Integrity AuthCode: HMAC_K1 over the signed range, truncated (§13.28.4). */
    public static byte[] authCode(CipherSuite suite, byte[] k1, byte[] signed) {
        return Arrays.copyOf(hmac(suite.hmac(), k1, signed), suite.authCodeLength());
    }

    /** Constant-time comparison. */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /**
     * AES-CBC-128 payload (§13.29, table 13-20): 16-byte random IV, then the ciphertext of data + pad bytes
     * 01h, 02h, ... + pad length, so the plaintext is a whole number of blocks.
     */
    public static byte[] encrypt(byte[] k2, SecureRandom random, byte[] data) {
        int padLength = (AES_BLOCK - (data.length + 1) % AES_BLOCK) % AES_BLOCK;
        byte[] plain = new byte[data.length + padLength + 1];
        System.arraycopy(data, 0, plain, 0, data.length);
        for (int i = 0; i < padLength; i++) {
            plain[data.length + i] = (byte) (i + 1);
        }
        plain[plain.length - 1] = (byte) padLength;
        byte[] out = new byte[AES_BLOCK + plain.length];
        byte[] iv = new byte[AES_BLOCK];
        random.nextBytes(iv);
        System.arraycopy(iv, 0, out, 0, AES_BLOCK);
        aes(Cipher.ENCRYPT_MODE, k2, out, plain, 0, plain.length, out, AES_BLOCK);
        return out;
    }

    /** Inverse of {@link #encrypt}: checks block alignment, pad length and pad bytes. */
    public static Decoded<byte[]> decrypt(byte[] k2, byte[] payload) {
        if (payload.length < 2 * AES_BLOCK || payload.length % AES_BLOCK != 0) {
            return Decoded.malformed("AES payload length");
        }
        byte[] plain = new byte[payload.length - AES_BLOCK];
        aes(Cipher.DECRYPT_MODE, k2, payload, payload, AES_BLOCK, plain.length, plain, 0);
        int padLength = plain[plain.length - 1] & 0xFF;
        if (padLength >= AES_BLOCK) {
            return Decoded.malformed("confidentiality pad length");
        }
        int dataLength = plain.length - 1 - padLength;
        for (int i = 0; i < padLength; i++) {
            if ((plain[dataLength + i] & 0xFF) != i + 1) {
                return Decoded.malformed("confidentiality pad");
            }
        }
        return Decoded.ok(Arrays.copyOf(plain, dataLength));
    }

    /** AES-CBC-128 with the first 16 bytes of {@code k2}; the IV is the first 16 bytes of {@code ivSource}. */
    private static void aes(
            int mode,
            byte[] k2,
            byte[] ivSource,
            byte[] input,
            int offset,
            int length,
            byte[] output,
            int outputOffset) {
        try {
            Engines engines = ENGINES.get();
            Cipher c = engines.aes();
            c.init(mode, engines.aesKey(k2), new IvParameterSpec(ivSource, 0, AES_BLOCK));
            c.doFinal(input, offset, length, output, outputOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA AES/CBC unavailable", e);
        }
    }

    /**
     * The JCA engines of one thread, kept between packets: {@code Mac.getInstance}/{@code Cipher.getInstance}
     * are provider look-ups, and re-keying costs an HMAC key setup or an AES key schedule. The Mac keeps its
     * key while the same key bytes come again (a session's K1); the AES cipher re-uses its key schedule
     * itself while the key bytes stay the same (the JDK's AESCrypt compares them), and the key object is kept
     * while they do (a session's K2), instead of one {@code SecretKeySpec} and its copies per packet.
     */
    private static final class Engines {
        private final Map<String, Mac> macs = new HashMap<>();
        private final Map<String, byte[]> macKeys = new HashMap<>();
        private Cipher aes;
        private final byte[] aesKeyBytes = new byte[AES_BLOCK];
        private SecretKeySpec aesKey;

        Mac mac(String algorithm, byte[] key) throws GeneralSecurityException {
            Mac mac = macs.get(algorithm);
            if (mac == null) {
                mac = Mac.getInstance(algorithm);
                macs.put(algorithm, mac);
            }
            byte[] current = macKeys.get(algorithm);
            if (current != null && MessageDigest.isEqual(current, key)) {
                mac.reset();
            } else {
                macKeys.remove(algorithm);
                mac.init(new SecretKeySpec(key, algorithm));
                macKeys.put(algorithm, key.clone());
            }
            return mac;
        }

        /** The AES key of the first 16 bytes of {@code k2}: the last one while the bytes are the same. */
        SecretKeySpec aesKey(byte[] k2) {
            int diff = 0;
            for (int i = 0; i < AES_BLOCK; i++) {
                diff |= aesKeyBytes[i] ^ k2[i]; // constant time, as MessageDigest.isEqual for the Mac keys
            }
            if (aesKey == null || diff != 0) {
                aesKey = new SecretKeySpec(k2, 0, AES_BLOCK, "AES");
                System.arraycopy(k2, 0, aesKeyBytes, 0, AES_BLOCK);
            }
            return aesKey;
        }

        Cipher aes() throws GeneralSecurityException {
            if (aes == null) {
                aes = Cipher.getInstance("AES/CBC/NoPadding");
            }
            return aes;
        }
    }

    private static byte[] filled(int value) {
        byte[] b = new byte[20];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
