package dev.bmcagent.redfish.certificates;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** A PKCS#10 request (BouncyCastle) with a fresh key pair; SANs and serverAuth requested as extensions. */
public final class CsrGenerator {

    /** The CSR's PEM text and the key pair whose public half it carries. */
    public record Generated(String csrPem, KeyPair keys) {}

    private CsrGenerator() {}

    public static Generated generate(CsrRequest r, SecureRandom random) {
        KeyPair keys = r.key().generate(random);
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
        r.country().ifPresent(v -> subject.addRDN(BCStyle.C, v));
        r.state().ifPresent(v -> subject.addRDN(BCStyle.ST, v));
        r.city().ifPresent(v -> subject.addRDN(BCStyle.L, v));
        r.organization().ifPresent(v -> subject.addRDN(BCStyle.O, v));
        r.organizationalUnit().ifPresent(v -> subject.addRDN(BCStyle.OU, v));
        subject.addRDN(BCStyle.CN, r.commonName());
        r.email().ifPresent(v -> subject.addRDN(BCStyle.EmailAddress, v));
        try {
            ExtensionsGenerator ext = new ExtensionsGenerator();
            List<GeneralName> sans = new ArrayList<>();
            sans.add(new GeneralName(GeneralName.dNSName, r.commonName()));
            for (String name : r.alternativeNames()) {
                sans.add(
                        SubjectNames.isLiteral(name)
                                ? new GeneralName(GeneralName.iPAddress, name)
                                : new GeneralName(GeneralName.dNSName, name));
            }
            ext.addExtension(
                    Extension.subjectAlternativeName,
                    false,
                    new GeneralNames(sans.stream().distinct().toArray(GeneralName[]::new)));
            ext.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(subject.build(), keys.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate())
                    .build(new JcaContentSignerBuilder(r.key().signatureAlgorithm()).build(keys.getPrivate()));
            return new Generated(Pem.csr(csr), keys);
        } catch (java.io.IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot build the CSR", e);
        }
    }
}
