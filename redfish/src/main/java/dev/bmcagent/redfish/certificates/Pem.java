package dev.bmcagent.redfish.certificates;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * PEM text in and out: certificates, private keys (PKCS#8 or traditional) and CSRs.
 *
 * <p>The forms the agent writes itself and reads at every start — "CERTIFICATE" and PKCS#8 "PRIVATE KEY" of RSA, EC
 * and EdDSA keys — are read and written with the JDK alone; everything else (traditional "RSA PRIVATE KEY" / "EC
 * PRIVATE KEY", other key algorithms, malformed text) goes to BouncyCastle ({@link BcPem}), which also words the
 * error. Both give the same objects: BouncyCastle's converters use the JDK's certificate and key factories.
 */
public final class Pem {

    /** Garbage, an unsupported block, or no certificate at all. */
    public static final class PemException extends Exception {
        PemException(String message) {
            super(message);
        }
    }

    /** What a PEM text held: certificates in order and at most one private key. */
    public record Parsed(List<X509Certificate> certificates, Optional<PrivateKey> key) {
        public Parsed {
            certificates = List.copyOf(certificates);
        }
    }

    /** Upper bound on PEM objects read from one text (a chain longer than this is refused). */
    static final int MAX_OBJECTS = 10;

    private static final String CERTIFICATE = "CERTIFICATE";
    private static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {}

    public static Parsed parse(String text) throws PemException {
        Optional<Parsed> plain = parsePlain(text);
        return plain.isPresent() ? plain.get() : BcPem.parse(text);
    }

    public static String certificates(List<X509Certificate> chain) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate c : chain) {
            try {
                block(out, CERTIFICATE, c.getEncoded());
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode the certificate", e);
            }
        }
        return out.toString();
    }

    /** PKCS#8 ("PRIVATE KEY"), which both TLS engines read for RSA and EC keys alike. */
    public static String privateKey(PrivateKey key) {
        byte[] der = key.getEncoded();
        if (der == null || !"PKCS#8".equals(key.getFormat())) {
            throw new IllegalStateException("cannot encode the private key: format " + key.getFormat());
        }
        return block(new StringBuilder(), PRIVATE_KEY, der).toString();
    }

    public static String csr(PKCS10CertificationRequest csr) {
        return BcPem.write(csr);
    }

    /**
     * The text read with the JDK when every block in it is a well-formed "CERTIFICATE" or PKCS#8 "PRIVATE KEY" of a
     * known algorithm; empty (BouncyCastle decides) otherwise.
     */
    static Optional<Parsed> parsePlain(String text) {
        List<String[]> blocks = new ArrayList<>(); // {type, base64}
        String type = null;
        StringBuilder body = new StringBuilder();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (type == null) {
                if (line.startsWith("-----BEGIN ")) {
                    if (!line.endsWith("-----")) {
                        return Optional.empty();
                    }
                    type = line.substring("-----BEGIN ".length(), line.length() - 5);
                    body.setLength(0);
                }
            } else if (line.startsWith("-----END ")) {
                if (!line.equals("-----END " + type + "-----")) {
                    return Optional.empty();
                }
                blocks.add(new String[] {type, body.toString()});
                type = null;
                if (blocks.size() > MAX_OBJECTS) {
                    return Optional.empty(); // refused by BouncyCastle, with its wording
                }
            } else if (line.indexOf(':') >= 0) {
                return Optional.empty(); // RFC 1421 headers (an encrypted traditional key)
            } else {
                body.append(line);
            }
        }
        if (type != null) {
            return Optional.empty();
        }
        List<X509Certificate> certs = new ArrayList<>();
        PrivateKey key = null;
        try {
            CertificateFactory factory = null;
            for (String[] b : blocks) {
                byte[] der = Base64.getDecoder().decode(b[1]);
                if (b[0].equals(CERTIFICATE)) {
                    if (factory == null) {
                        factory = CertificateFactory.getInstance("X.509");
                    }
                    certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                } else if (b[0].equals(PRIVATE_KEY) && key == null) {
                    Optional<String> algorithm = pkcs8Algorithm(der);
                    if (algorithm.isEmpty()) {
                        return Optional.empty();
                    }
                    key = KeyFactory.getInstance(algorithm.get()).generatePrivate(new PKCS8EncodedKeySpec(der));
                } else {
                    return Optional.empty();
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(certs, Optional.ofNullable(key)));
    }

    // DER of the AlgorithmIdentifier OIDs (tag, length, value) the JDK's key factories take
    private static final byte[] OID_RSA = {6, 9, 42, -122, 72, -122, -9, 13, 1, 1, 1}; // 1.2.840.113549.1.1.1
    private static final byte[] OID_EC = {6, 7, 42, -122, 72, -50, 61, 2, 1}; // 1.2.840.10045.2.1
    private static final byte[] OID_ED25519 = {6, 3, 43, 101, 112}; // 1.3.101.112
    private static final byte[] OID_ED448 = {6, 3, 43, 101, 113}; // 1.3.101.113

    /**
     * The key algorithm of a PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER version, SEQUENCE { OID, ... }, ... }; empty
     * for anything else.
     */
    static Optional<String> pkcs8Algorithm(byte[] der) {
        int[] at = {0};
        if (!enter(der, at, 0x30) || !skip(der, at, 0x02) || !enter(der, at, 0x30)) {
            return Optional.empty();
        }
        int start = at[0];
        if (start >= der.length || der[start] != 6 || start + 1 >= der.length) {
            return Optional.empty();
        }
        int end = start + 2 + (der[start + 1] & 0xFF);
        if (end > der.length) {
            return Optional.empty();
        }
        byte[] oid = Arrays.copyOfRange(der, start, end);
        if (Arrays.equals(oid, OID_RSA)) {
            return Optional.of("RSA");
        } else if (Arrays.equals(oid, OID_EC)) {
            return Optional.of("EC");
        } else if (Arrays.equals(oid, OID_ED25519)) {
            return Optional.of("Ed25519");
        } else if (Arrays.equals(oid, OID_ED448)) {
            return Optional.of("Ed448");
        }
        return Optional.empty();
    }

    /** Steps into the constructed element with {@code tag} at {@code at}; false when it is not there. */
    private static boolean enter(byte[] der, int[] at, int tag) {
        int len = header(der, at, tag);
        return len >= 0 && at[0] + len <= der.length;
    }

    /** Steps over the element with {@code tag} at {@code at}; false when it is not there. */
    private static boolean skip(byte[] der, int[] at, int tag) {
        int len = header(der, at, tag);
        if (len < 0 || at[0] + len > der.length) {
            return false;
        }
        at[0] += len;
        return true;
    }

    /** Reads tag and length at {@code at} (moving past them); the content length, or -1. */
    private static int header(byte[] der, int[] at, int tag) {
        int i = at[0];
        if (i + 2 > der.length || (der[i] & 0xFF) != tag) {
            return -1;
        }
        int first = der[i + 1] & 0xFF;
        i += 2;
        int len;
        if (first < 0x80) {
            len = first;
        } else {
            int n = first & 0x7F;
            if (n == 0 || n > 3 || i + n > der.length) {
                return -1;
            }
            len = 0;
            for (int k = 0; k < n; k++) {
                len = (len << 8) | (der[i++] & 0xFF);
            }
        }
        at[0] = i;
        return len;
    }

    private static StringBuilder block(StringBuilder out, String type, byte[] der) {
        return out.append("-----BEGIN ")
                .append(type)
                .append("-----\n")
                .append(ENCODER.encodeToString(der))
                .append("\n-----END ")
                .append(type)
                .append("-----\n");
    }
}
