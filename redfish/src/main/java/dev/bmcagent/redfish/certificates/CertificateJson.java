package dev.bmcagent.redfish.certificates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.Schema;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** A served certificate as a Redfish {@code Certificate} resource: pure translation, table-tested. */
public final class CertificateJson {

    /** X.509 keyUsage bits in order (RFC 5280 4.2.1.3) as Certificate.KeyUsage members. */
    private static final List<String> KEY_USAGE_BITS = List.of(
            "DigitalSignature",
            "NonRepudiation",
            "KeyEncipherment",
            "DataEncipherment",
            "KeyAgreement",
            "KeyCertSign",
            "CRLSigning",
            "EncipherOnly",
            "DecipherOnly");

    private static final Map<String, String> EXTENDED_USAGES = Map.of(
            "1.3.6.1.5.5.7.3.1",
            "ServerAuthentication",
            "1.3.6.1.5.5.7.3.2",
            "ClientAuthentication",
            "1.3.6.1.5.5.7.3.3",
            "CodeSigning",
            "1.3.6.1.5.5.7.3.4",
            "EmailProtection",
            "1.3.6.1.5.5.7.3.8",
            "Timestamping",
            "1.3.6.1.5.5.7.3.9",
            "OCSPSigning");
    private static final Map<String, String> SIGNATURES = Map.of(
            "1.2.840.113549.1.1.11",
            "sha256WithRSAEncryption",
            "1.2.840.113549.1.1.12",
            "sha384WithRSAEncryption",
            "1.2.840.113549.1.1.13",
            "sha512WithRSAEncryption",
            "1.2.840.10045.4.3.2",
            "ecdsa-with-SHA256",
            "1.2.840.10045.4.3.3",
            "ecdsa-with-SHA384",
            "1.2.840.10045.4.3.4",
            "ecdsa-with-SHA512");
    private static final Map<String, ASN1ObjectIdentifier> IDENTIFIER = identifierFields();

    private CertificateJson() {}

    public static ObjectNode certificate(String uri, String id, ServedCertificate c) {
        X509Certificate leaf = c.leaf();
        ObjectNode n = Json.resource(uri, Schema.CERTIFICATE, id, "HTTPS Certificate");
        n.put("CertificateString", c.chainPem());
        n.put("CertificateType", c.chain().size() == 1 ? "PEM" : "PEMchain");
        n.set(
                "Subject",
                identifier(X500Name.getInstance(leaf.getSubjectX500Principal().getEncoded())));
        n.set(
                "Issuer",
                identifier(X500Name.getInstance(leaf.getIssuerX500Principal().getEncoded())));
        n.put("ValidNotBefore", Json.dateTime(leaf.getNotBefore().toInstant()));
        n.put("ValidNotAfter", Json.dateTime(leaf.getNotAfter().toInstant()));
        ArrayNode usage = n.putArray("KeyUsage");
        keyUsage(leaf).forEach(usage::add);
        n.put("SerialNumber", serial(leaf.getSerialNumber()));
        n.put("Fingerprint", colonHex(sha256(leaf)));
        n.put("FingerprintHashAlgorithm", "TPM_ALG_SHA256");
        n.put("SignatureAlgorithm", SIGNATURES.getOrDefault(leaf.getSigAlgOID(), leaf.getSigAlgOID()));
        n.putArray("CertificateUsageTypes").add("Web");
        return n;
    }

    static List<String> keyUsage(X509Certificate leaf) {
        List<String> out = new java.util.ArrayList<>();
        boolean[] bits = leaf.getKeyUsage();
        for (int i = 0; bits != null && i < bits.length && i < KEY_USAGE_BITS.size(); i++) {
            if (bits[i]) {
                out.add(KEY_USAGE_BITS.get(i));
            }
        }
        try {
            List<String> eku = leaf.getExtendedKeyUsage();
            if (eku != null) {
                eku.stream()
                        .map(EXTENDED_USAGES::get)
                        .filter(java.util.Objects::nonNull)
                        .forEach(out::add);
            }
        } catch (CertificateParsingException e) {
            // no extended usages shown
        }
        return out;
    }

    private static ObjectNode identifier(X500Name name) {
        ObjectNode n = Json.object();
        IDENTIFIER.forEach((property, oid) -> {
            RDN[] rdns = name.getRDNs(oid);
            if (rdns.length > 0) {
                n.put(property, IETFUtils.valueToString(rdns[0].getFirst().getValue()));
            }
        });
        return n;
    }

    private static Map<String, ASN1ObjectIdentifier> identifierFields() {
        Map<String, ASN1ObjectIdentifier> m = new LinkedHashMap<>();
        m.put("CommonName", BCStyle.CN);
        m.put("Organization", BCStyle.O);
        m.put("OrganizationalUnit", BCStyle.OU);
        m.put("City", BCStyle.L);
        m.put("State", BCStyle.ST);
        m.put("Country", BCStyle.C);
        m.put("Email", BCStyle.EmailAddress);
        return m;
    }

    private static byte[] sha256(X509Certificate c) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The serial's magnitude as colon hex, without the sign byte {@code toByteArray} may add. */
    static String serial(java.math.BigInteger serial) {
        String hex = serial.abs().toString(16);
        return colonHex(HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : "0" + hex));
    }

    /** "0A:1B:..." upper case, as the schema's pattern and openssl's fingerprint output. */
    static String colonHex(byte[] bytes) {
        String hex = HexFormat.ofDelimiter(":").withUpperCase().formatHex(bytes);
        return hex.isEmpty() ? "00" : hex;
    }
}
