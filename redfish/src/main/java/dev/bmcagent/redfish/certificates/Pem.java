package dev.bmcagent.redfish.certificates;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemGenerationException;

/** PEM text in and out through BouncyCastle: certificates, private keys (PKCS#8 or traditional) and CSRs. */
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

    private Pem() {}

    public static Parsed parse(String text) throws PemException {
        List<X509Certificate> certs = new ArrayList<>();
        PrivateKey key = null;
        JcaX509CertificateConverter certConverter = new JcaX509CertificateConverter();
        JcaPEMKeyConverter keyConverter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object o;
            int objects = 0;
            while ((o = parser.readObject()) != null) {
                if (++objects > MAX_OBJECTS) {
                    throw new PemException("more than " + MAX_OBJECTS + " PEM objects");
                }
                if (o instanceof X509CertificateHolder h) {
                    certs.add(certConverter.getCertificate(h));
                } else if (o instanceof PrivateKeyInfo info && key == null) {
                    key = keyConverter.getPrivateKey(info);
                } else if (o instanceof PEMKeyPair pair && key == null) {
                    key = keyConverter.getKeyPair(pair).getPrivate();
                } else {
                    throw new PemException(
                            "unsupported PEM object " + o.getClass().getSimpleName());
                }
            }
        } catch (PEMException | CertificateException e) {
            throw new PemException("unreadable PEM: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new PemException("unreadable PEM: " + e.getMessage());
        }
        return new Parsed(certs, Optional.ofNullable(key));
    }

    public static String certificates(List<X509Certificate> chain) {
        return write(chain.toArray());
    }

    /** PKCS#8 ("PRIVATE KEY"), which both TLS engines read for RSA and EC keys alike. */
    public static String privateKey(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null));
        } catch (PemGenerationException e) {
            throw new IllegalStateException("cannot encode the private key", e);
        }
    }

    public static String csr(PKCS10CertificationRequest csr) {
        return write(csr);
    }

    private static String write(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                w.writeObject(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
