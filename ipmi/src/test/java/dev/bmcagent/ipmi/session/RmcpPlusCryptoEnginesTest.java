package dev.bmcagent.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.ipmi.lan.Decoded;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@link RmcpPlusCrypto} keeps its JCA engines per thread and re-keys them only when the key bytes change: keys
 * and algorithms that alternate call by call must still give the published HMAC values (RFC 2202 §3 test cases
 * 1 and 2 for HMAC-SHA1, RFC 4231 §4.2/4.3 for HMAC-SHA256), and AES-CBC must decrypt only with its own K2.
 */
class RmcpPlusCryptoEnginesTest {
    private static final byte[] KEY_0B = filled(0x0b, 20);
    private static final byte[] HI_THERE = "Hi There".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JEFE = "Jefe".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WHAT = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
    private static final String SHA1_CASE_1 = "b617318655057264e28bc0b6fb378c8ef146be00";
    private static final String SHA1_CASE_2 = "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79";
    private static final String SHA256_CASE_1 = "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";
    private static final String SHA256_CASE_2 = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    @Test
    void hmacFollowsKeyAndAlgorithmChangesCallByCall() {
        for (int round = 0; round < 3; round++) {
            assertEquals(SHA1_CASE_1, hmac("HmacSHA1", KEY_0B, HI_THERE));
            assertEquals(SHA1_CASE_1, hmac("HmacSHA1", KEY_0B, HI_THERE), "same key again (cached key)");
            assertEquals(SHA1_CASE_2, hmac("HmacSHA1", JEFE, WHAT), "other key, same algorithm");
            assertEquals(SHA256_CASE_1, hmac("HmacSHA256", KEY_0B, HI_THERE), "other algorithm");
            assertEquals(SHA1_CASE_1, hmac("HmacSHA1", KEY_0B, HI_THERE), "back to the first key");
            assertEquals(SHA256_CASE_2, hmac("HmacSHA256", JEFE, WHAT));
        }
    }

    @Test
    void hmacOverSeveralPartsEqualsHmacOverTheirConcatenation() {
        byte[] what = Arrays.copyOfRange(WHAT, 0, 10);
        byte[] rest = Arrays.copyOfRange(WHAT, 10, WHAT.length);
        assertEquals(SHA1_CASE_2, HexFormat.of().formatHex(RmcpPlusCrypto.hmac("HmacSHA1", JEFE, what, rest)));
    }

    @Test
    void aesRoundTripsOnlyWithItsOwnKeyWhileKeysAlternate() throws Exception {
        byte[] k2a = filled(0x21, 20);
        byte[] k2b = filled(0x42, 20);
        byte[] message = HexFormat.of().parseHex("2018c881047c01f3"); // a Get Device ID request
        SecureRandom random = new SecureRandom();
        for (int round = 0; round < 3; round++) {
            byte[] a = RmcpPlusCrypto.encrypt(k2a, random, message);
            byte[] b = RmcpPlusCrypto.encrypt(k2b, random, message);
            assertEquals(32, a.length, "IV + one block (8 data bytes, 7 pad bytes, pad length)");
            assertArrayEquals(message, RmcpPlusCrypto.decrypt(k2a, a).value());
            assertArrayEquals(message, RmcpPlusCrypto.decrypt(k2b, b).value());
            Decoded<byte[]> wrong = RmcpPlusCrypto.decrypt(k2b, a);
            assertFalse(wrong.isOk() && Arrays.equals(message, wrong.value()), "K2 of another session");
        }
        // encrypted on another thread (its own engines), decrypted on this one
        byte[] elsewhere = CompletableFuture.supplyAsync(() -> RmcpPlusCrypto.encrypt(k2a, random, message))
                .get();
        Decoded<byte[]> here = RmcpPlusCrypto.decrypt(k2a, elsewhere);
        assertTrue(here.isOk());
        assertArrayEquals(message, here.value());
    }

    @Test
    void enginesKeyedAheadForANewSessionChangeNoResult() {
        byte[] k2a = filled(0x21, 20);
        byte[] k2b = filled(0x42, 20);
        byte[] message = HexFormat.of().parseHex("2018c881047c01f3");
        SecureRandom random = new SecureRandom();
        byte[] forB = RmcpPlusCrypto.encrypt(k2b, random, message);
        for (CipherSuite suite : CipherSuite.values()) {
            // keyed for session A (K1 = KEY_0B), then used for A and for another session B
            RmcpPlusCrypto.keyEngines(suite, KEY_0B, k2a);
            String case1 = suite == CipherSuite.SUITE_3 ? SHA1_CASE_1 : SHA256_CASE_1;
            String case2 = suite == CipherSuite.SUITE_3 ? SHA1_CASE_2 : SHA256_CASE_2;
            assertEquals(case1, hmac(suite.hmac(), KEY_0B, HI_THERE), "the key the engine was keyed with");
            assertArrayEquals(
                    message,
                    RmcpPlusCrypto.decrypt(k2a, RmcpPlusCrypto.encrypt(k2a, random, message))
                            .value());
            RmcpPlusCrypto.keyEngines(suite, KEY_0B, k2a);
            assertEquals(case2, hmac(suite.hmac(), JEFE, WHAT), "another key after keying ahead");
            assertArrayEquals(message, RmcpPlusCrypto.decrypt(k2b, forB).value(), "another K2 after keying ahead");
            Decoded<byte[]> wrong = RmcpPlusCrypto.decrypt(k2a, forB);
            assertFalse(wrong.isOk() && Arrays.equals(message, wrong.value()), "keyed ahead with A: B's still fails");
        }
    }

    @Test
    void aesKeyObjectIsNotKeptAcrossKeysThatDifferOnlyInTheirLastAesByte() {
        byte[] k2a = filled(0x21, 20);
        byte[] k2b = k2a.clone();
        k2b[15] ^= 1; // the 16th byte: the last one AES-CBC-128 uses
        byte[] message = HexFormat.of().parseHex("2018c881047c01f3");
        SecureRandom random = new SecureRandom();
        for (int round = 0; round < 3; round++) {
            byte[] a = RmcpPlusCrypto.encrypt(k2a, random, message);
            Decoded<byte[]> wrong = RmcpPlusCrypto.decrypt(k2b, a);
            assertFalse(wrong.isOk() && Arrays.equals(message, wrong.value()), "K2 differing in byte 15");
            assertArrayEquals(message, RmcpPlusCrypto.decrypt(k2a, a).value());
        }
    }

    private static String hmac(String algorithm, byte[] key, byte[] data) {
        return HexFormat.of().formatHex(RmcpPlusCrypto.hmac(algorithm, key, data));
    }

    private static byte[] filled(int value, int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
