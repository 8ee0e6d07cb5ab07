package dev.bmcagent.redfish.certificates;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What the HTTPS service presents: the leaf certificate first, then any intermediates, and the leaf's private key.
 * Built only from material that {@link CertificateChecks} accepted or that {@link SelfSignedGenerator} made.
 */
public record ServedCertificate(List<X509Certificate> chain, PrivateKey key) {
    public ServedCertificate {
        chain = List.copyOf(chain);
        Objects.requireNonNull(key, "key");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("empty certificate chain");
        }
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** The chain as PEM (no key): what the service sends and what {@code CertificateString} shows. */
    public String chainPem() {
        return Pem.certificates(chain);
    }

    public String keyPem() {
        return Pem.privateKey(key);
    }
}
