package dev.bmcagent.redfish.certificates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JDK half of {@link Pem} against BouncyCastle ({@link BcPem}) as the oracle: same text written, same objects read;
 * what the JDK half does not take goes to BouncyCastle with the same result as before.
 */
class PemTest {
    private static final SecureRandom RANDOM = new SecureRandom(new byte[] {7});
    private static final SubjectNames NAMES = SubjectNames.forBind("127.0.0.1", "pem-test");

    @ParameterizedTest
    @EnumSource(KeySpec.class)
    void writesWhatBouncyCastleWrites(KeySpec spec) throws Exception {
        ServedCertificate c =
                SelfSignedGenerator.generate(NAMES, "localhost", Instant.parse("2026-12-06T00:00:00Z"), spec, RANDOM);
        assertEquals(BcPem.write(c.chain().toArray()), Pem.certificates(c.chain()));
        assertEquals(BcPem.write(new JcaPKCS8Generator(c.key(), null)), Pem.privateKey(c.key()));
    }

    @ParameterizedTest
    @EnumSource(KeySpec.class)
    void readsWhatBouncyCastleReads(KeySpec spec) throws Exception {
        ServedCertificate c =
                SelfSignedGenerator.generate(NAMES, "localhost", Instant.parse("2026-12-06T00:00:00Z"), spec, RANDOM);
        String text = "leading text is ignored\n" + Pem.certificates(c.chain())
                + Pem.privateKey(c.key()).replace("\n", "\r\n");
        Pem.Parsed plain = Pem.parsePlain(text).orElseThrow();
        Pem.Parsed bc = BcPem.parse(text);
        assertEquals(bc.certificates(), plain.certificates());
        assertEquals(c.chain(), plain.certificates());
        assertEquals(
                bc.key().orElseThrow().getAlgorithm(), plain.key().orElseThrow().getAlgorithm());
        assertArrayEquals(
                bc.key().orElseThrow().getEncoded(), plain.key().orElseThrow().getEncoded());
        assertArrayEquals(
                c.key().getEncoded(), Pem.parse(text).key().orElseThrow().getEncoded());
    }

    @Test
    void ed25519KeysAreReadByTheJdk() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String text = Pem.privateKey(pair.getPrivate());
        assertEquals(
                "Ed25519", Pem.pkcs8Algorithm(pair.getPrivate().getEncoded()).orElseThrow());
        assertArrayEquals(
                pair.getPrivate().getEncoded(),
                Pem.parsePlain(text).orElseThrow().key().orElseThrow().getEncoded());
    }

    @Test
    void traditionalKeysGoToBouncyCastle() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        String traditional = BcPem.write(pair.getPrivate()); // "RSA PRIVATE KEY"
        assertTrue(traditional.startsWith("-----BEGIN RSA PRIVATE KEY-----"), traditional);
        assertTrue(Pem.parsePlain(traditional).isEmpty());
        assertArrayEquals(
                pair.getPrivate().getEncoded(),
                Pem.parse(traditional).key().orElseThrow().getEncoded());
    }

    @Test
    void x25519AndOtherAlgorithmsAreLeftToBouncyCastle() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("XDH").generateKeyPair();
        assertTrue(Pem.pkcs8Algorithm(pair.getPrivate().getEncoded()).isEmpty());
        String text = Pem.privateKey(pair.getPrivate());
        assertTrue(Pem.parsePlain(text).isEmpty());
        assertArrayEquals(
                pair.getPrivate().getEncoded(),
                Pem.parse(text).key().orElseThrow().getEncoded());
    }

    @Test
    void malformedTextGetsBouncyCastlesError() {
        for (String bad : List.of(
                "-----BEGIN CERTIFICATE-----\nnot base64 !!\n-----END CERTIFICATE-----\n",
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
                "-----BEGIN CERTIFICATE-----\nMIIB\n",
                "-----BEGIN PRIVATE KEY-----\nMAMCAQA=\n-----END PRIVATE KEY-----\n",
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END PRIVATE KEY-----\n")) {
            Pem.PemException e = assertThrows(Pem.PemException.class, () -> Pem.parse(bad), bad);
            assertTrue(
                    e.getMessage().startsWith("unreadable PEM")
                            || e.getMessage().startsWith("unsupported"),
                    e.getMessage());
        }
    }

    @Test
    void pkcs8AlgorithmRefusesTruncatedDer() {
        byte[] der = SelfSignedGenerator.generate(
                        NAMES, "localhost", Instant.parse("2026-12-06T00:00:00Z"), KeySpec.DEFAULT, RANDOM)
                .key()
                .getEncoded();
        for (int n = 0; n < 16; n++) {
            assertTrue(Pem.pkcs8Algorithm(java.util.Arrays.copyOf(der, n)).isEmpty(), "length " + n);
        }
        assertEquals("EC", Pem.pkcs8Algorithm(der).orElseThrow());
    }
}
