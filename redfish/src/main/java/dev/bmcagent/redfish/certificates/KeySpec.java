package dev.bmcagent.redfish.certificates;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Key pairs GenerateCSR can make, named as the schema asks: {@code KeyPairAlgorithm} from the TCG algorithm
 * registry (TPM_ALG_RSA, TPM_ALG_ECDSA or TPM_ALG_ECC), {@code KeyBitLength} for RSA, {@code KeyCurveId} from the TCG
 * curve table for EC. RSA below 2048 bits and curves other than P-256/P-384 are refused.
 */
public enum KeySpec {
    RSA_2048("TPM_ALG_RSA", 2048, null, "SHA256withRSA"),
    RSA_3072("TPM_ALG_RSA", 3072, null, "SHA256withRSA"),
    RSA_4096("TPM_ALG_RSA", 4096, null, "SHA384withRSA"),
    EC_P256("TPM_ALG_ECDSA", 256, "TPM_ECC_NIST_P256", "SHA256withECDSA"),
    EC_P384("TPM_ALG_ECDSA", 384, "TPM_ECC_NIST_P384", "SHA384withECDSA");

    /** What a GenerateCSR without key parameters gets: the key type the generated certificate uses too. */
    public static final KeySpec DEFAULT = EC_P256;

    static final List<String> ALGORITHMS = List.of("TPM_ALG_RSA", "TPM_ALG_ECDSA", "TPM_ALG_ECC");

    private final String algorithm;
    private final int bits;
    private final String curve;
    private final String signature;

    KeySpec(String algorithm, int bits, String curve, String signature) {
        this.algorithm = algorithm;
        this.bits = bits;
        this.curve = curve;
        this.signature = signature;
    }

    public boolean rsa() {
        return algorithm.equals("TPM_ALG_RSA");
    }

    public int bits() {
        return bits;
    }

    /** The JCA signature algorithm used with this key (CSR and self-signed certificate). */
    public String signatureAlgorithm() {
        return signature;
    }

    /**
     * The spec for the GenerateCSR parameters, each optional (empty: not given); empty when the combination is not
     * one this service makes. An RSA algorithm without length gets 2048 bits, an EC one without curve P-256.
     */
    public static Optional<KeySpec> of(
            Optional<String> algorithm, Optional<Integer> bitLength, Optional<String> curveId) {
        if (algorithm.isEmpty() && bitLength.isEmpty() && curveId.isEmpty()) {
            return Optional.of(DEFAULT);
        }
        String alg = algorithm.orElse(curveId.isPresent() ? "TPM_ALG_ECDSA" : "TPM_ALG_RSA");
        if (!ALGORITHMS.contains(alg)) {
            return Optional.empty();
        }
        boolean rsa = alg.equals("TPM_ALG_RSA");
        return Arrays.stream(values())
                .filter(k -> k.rsa() == rsa)
                .filter(k -> rsa
                        ? k.bits == bitLength.orElse(2048)
                        : k.curve.equals(curveId.orElse("TPM_ECC_NIST_P256"))
                                && bitLength.map(b -> b == k.bits).orElse(true))
                .findFirst();
    }

    public KeyPair generate(SecureRandom random) {
        try {
            if (rsa()) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), random);
                return g.generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(bits == 256 ? "secp256r1" : "secp384r1"), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make a " + this + " key", e);
        }
    }
}
