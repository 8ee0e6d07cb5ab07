package dev.bmcagent.redfish.certificates;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate the service makes for itself when none was installed: a leaf (CA:false, serverAuth) with the
 * {@link SubjectNames} as SANs, valid for {@link #VALIDITY} from an hour before "now" (clock skew).
 *
 * <p>One year: long enough that a client pinning it is not disturbed often, short enough that a copied key does not
 * stay useful for decades (the old certificate ran to 9999), and within the 398 days browsers accept for a server
 * certificate. The agent regenerates it at start when it has expired or will within {@link #RENEW_BEFORE}, or when
 * the bind addresses changed ({@link CertificateStore}).
 */
public final class SelfSignedGenerator {

    public static final Duration VALIDITY = Duration.ofDays(365);
    public static final Duration RENEW_BEFORE = Duration.ofDays(30);
    /** Marks a certificate as the service's own, so only that one is ever regenerated. */
    public static final String OWN_OU = "bmc-agent self-signed";

    private SelfSignedGenerator() {}

    public static ServedCertificate generate(
            SubjectNames names, String commonName, Instant now, KeySpec spec, SecureRandom random) {
        return Bc.generate(names, commonName, now, spec, random);
    }

    /** Whether {@code cert} is one this class made (self-issued with the marker OU). */
    public static boolean isOwn(X509Certificate cert) {
        return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())
                && cert.getSubjectX500Principal().getName().contains("OU=" + OWN_OU);
    }

    /**
     * The BouncyCastle part, a class of its own: loading {@link SelfSignedGenerator} for {@link #isOwn} at every start
     * must not make the JVM open and verify the signed BouncyCastle jars (its exception handlers name their types).
     */
    private static final class Bc {
        private Bc() {}

        static ServedCertificate generate(
                SubjectNames names, String commonName, Instant now, KeySpec spec, SecureRandom random) {
            KeyPair pair = spec.generate(random);
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, "bmc-agent")
                    .addRDN(BCStyle.OU, OWN_OU)
                    .addRDN(BCStyle.CN, commonName)
                    .build();
            byte[] serial = new byte[16];
            random.nextBytes(serial);
            List<GeneralName> sans = new ArrayList<>();
            names.dnsNames().forEach(d -> sans.add(new GeneralName(GeneralName.dNSName, d)));
            names.ipAddresses().forEach(ip -> sans.add(new GeneralName(GeneralName.iPAddress, ip)));
            try {
                X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                        subject,
                        new BigInteger(1, serial),
                        Date.from(now.minus(Duration.ofHours(1))),
                        Date.from(now.plus(VALIDITY)),
                        subject,
                        pair.getPublic());
                JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                b.addExtension(
                        Extension.keyUsage,
                        true,
                        new KeyUsage(
                                spec.rsa()
                                        ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                                        : KeyUsage.digitalSignature));
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                b.addExtension(
                        Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
                b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
                X509Certificate cert = new JcaX509CertificateConverter()
                        .getCertificate(b.build(
                                new JcaContentSignerBuilder(spec.signatureAlgorithm()).build(pair.getPrivate())));
                return new ServedCertificate(List.of(cert), pair.getPrivate());
            } catch (CertIOException
                    | OperatorCreationException
                    | CertificateException
                    | java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("cannot generate the self-signed certificate", e);
            }
        }
    }
}
