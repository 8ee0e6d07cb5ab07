package dev.bmcagent.redfish.certificates;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * What a replacement must satisfy before it is served: a leaf and its private key that belong together (proven by a
 * signature, whatever the key type), an RSA key of at least 2048 bits or an EC key on P-256/P-384, valid now, and a
 * chain in which each certificate was signed by the next one.
 */
public final class CertificateChecks {

    /** Why a replacement was refused; the message is safe to show (no key material). */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private CertificateChecks() {}

    public static ServedCertificate check(
            List<X509Certificate> chain, Optional<PrivateKey> key, Instant now, SecureRandom random) throws Refused {
        if (chain.isEmpty()) {
            throw new Refused("no certificate in the PEM text");
        }
        if (key.isEmpty()) {
            throw new Refused("no private key: include it or use the key of a GenerateCSR");
        }
        X509Certificate leaf = chain.get(0);
        strongEnough(leaf.getPublicKey());
        if (!belongTogether(leaf.getPublicKey(), key.get(), random)) {
            throw new Refused("the private key does not match the certificate");
        }
        for (X509Certificate c : chain) {
            try {
                c.checkValidity(Date.from(now));
            } catch (java.security.cert.CertificateExpiredException e) {
                throw new Refused("certificate " + c.getSubjectX500Principal() + " has expired");
            } catch (java.security.cert.CertificateNotYetValidException e) {
                throw new Refused("certificate " + c.getSubjectX500Principal() + " is not yet valid");
            }
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            try {
                chain.get(i).verify(chain.get(i + 1).getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new Refused("certificate " + (i + 1) + " of the chain is not signed by the next one");
            }
        }
        return new ServedCertificate(chain, key.get());
    }

    private static void strongEnough(PublicKey key) throws Refused {
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new Refused("RSA key below 2048 bits");
            }
        } else if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getOrder().bitLength();
            if (bits != 256 && bits != 384) {
                throw new Refused("EC curve other than P-256/P-384");
            }
        } else {
            throw new Refused("unsupported key type " + key.getAlgorithm());
        }
    }

    /** Signs a random challenge with the private key and verifies it with the certificate's public key. */
    static boolean belongTogether(PublicKey pub, PrivateKey priv, SecureRandom random) {
        if (!pub.getAlgorithm().equals(priv.getAlgorithm())
                && !(pub.getAlgorithm().startsWith("EC") && priv.getAlgorithm().startsWith("EC"))) {
            return false;
        }
        String alg = pub instanceof RSAPublicKey ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        try {
            Signature s = Signature.getInstance(alg);
            s.initSign(priv);
            s.update(challenge);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(challenge);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
