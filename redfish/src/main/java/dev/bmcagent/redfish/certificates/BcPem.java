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

/**
 * The BouncyCastle half of {@link Pem}: every PEM form the JDK cannot read itself (traditional "RSA/EC PRIVATE KEY",
 * odd key algorithms, garbage that needs BouncyCastle's error text) and CSRs. A class of its own so that the JVM
 * opens the signed BouncyCastle jars (7,600 manifest entries verified and kept on the heap) only when one of these
 * is needed, not at every agent start.
 */
final class BcPem {

    private BcPem() {}

    static Pem.Parsed parse(String text) throws Pem.PemException {
        List<X509Certificate> certs = new ArrayList<>();
        PrivateKey key = null;
        JcaX509CertificateConverter certConverter = new JcaX509CertificateConverter();
        JcaPEMKeyConverter keyConverter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object o;
            int objects = 0;
            while ((o = parser.readObject()) != null) {
                if (++objects > Pem.MAX_OBJECTS) {
                    throw new Pem.PemException("more than " + Pem.MAX_OBJECTS + " PEM objects");
                }
                if (o instanceof X509CertificateHolder h) {
                    certs.add(certConverter.getCertificate(h));
                } else if (o instanceof PrivateKeyInfo info && key == null) {
                    key = keyConverter.getPrivateKey(info);
                } else if (o instanceof PEMKeyPair pair && key == null) {
                    key = keyConverter.getKeyPair(pair).getPrivate();
                } else {
                    throw new Pem.PemException(
                            "unsupported PEM object " + o.getClass().getSimpleName());
                }
            }
        } catch (PEMException | CertificateException e) {
            throw new Pem.PemException("unreadable PEM: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new Pem.PemException("unreadable PEM: " + e.getMessage());
        }
        return new Pem.Parsed(certs, Optional.ofNullable(key));
    }

    /** PEM text of BouncyCastle objects (a PKCS#10 request, or anything {@link JcaPEMWriter} takes). */
    static String write(Object... objects) {
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
