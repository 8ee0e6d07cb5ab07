package dev.bmcagent.ipmi.session;

import java.util.Optional;

/**
 * The RMCP+ cipher suites this BMC offers (IPMI 2.0 §22.15.2, table 22-20). Both authenticate, sign and
 * encrypt every session packet; suites without integrity or confidentiality are not offered.
 */
public enum CipherSuite {
    /** Suite 17: RAKP-HMAC-SHA256, HMAC-SHA256-128, AES-CBC-128. Listed first: ipmitool prefers it. */
    SUITE_17(17, 0x03, 0x04, "HmacSHA256", 32, 16),
    /** Suite 3: RAKP-HMAC-SHA1, HMAC-SHA1-96, AES-CBC-128 (the spec's mandatory suite). */
    SUITE_3(3, 0x01, 0x01, "HmacSHA1", 20, 12);

    /** Confidentiality algorithm AES-CBC-128 (§13.28.5). */
    public static final int CONF_AES_CBC_128 = 0x01;

    private final int id;
    private final int authAlgorithm;
    private final int integrityAlgorithm;
    private final String hmac;
    private final int digestLength;
    private final int truncatedLength;

    CipherSuite(int id, int authAlgorithm, int integrityAlgorithm, String hmac, int digestLength, int truncatedLength) {
        this.id = id;
        this.authAlgorithm = authAlgorithm;
        this.integrityAlgorithm = integrityAlgorithm;
        this.hmac = hmac;
        this.digestLength = digestLength;
        this.truncatedLength = truncatedLength;
    }

    public int id() {
        return id;
    }

    public int authAlgorithm() {
        return authAlgorithm;
    }

    public int integrityAlgorithm() {
        return integrityAlgorithm;
    }

    public int confidentialityAlgorithm() {
        return CONF_AES_CBC_128;
    }

    /** JCA name of the HMAC used for RAKP, SIK/K1/K2 and integrity. */
    public String hmac() {
        return hmac;
    }

    /** Length of RAKP 2/3 key exchange auth codes and of the SIK. */
    public int digestLength() {
        return digestLength;
    }

    /** Length of the RAKP 4 ICV and of each packet's AuthCode (SHA1-96: 12, SHA256-128: 16). */
    public int authCodeLength() {
        return truncatedLength;
    }

    /** The suite matching a client's proposal of algorithms, if offered. */
    public static Optional<CipherSuite> match(int auth, int integrity, int confidentiality) {
        for (CipherSuite s : values()) {
            if (s.authAlgorithm == auth && s.integrityAlgorithm == integrity && confidentiality == CONF_AES_CBC_128) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The Get Channel Cipher Suites records (§22.15, table 22-19): C0h, suite id, auth (tag 00b), integrity
     * (tag 01b), confidentiality (tag 10b) per suite, in preference order.
     */
    public static byte[] records() {
        CipherSuite[] all = values();
        byte[] out = new byte[all.length * 5];
        for (int i = 0; i < all.length; i++) {
            out[i * 5] = (byte) 0xC0;
            out[i * 5 + 1] = (byte) all[i].id;
            out[i * 5 + 2] = (byte) all[i].authAlgorithm;
            out[i * 5 + 3] = (byte) (0x40 | all[i].integrityAlgorithm);
            out[i * 5 + 4] = (byte) (0x80 | CONF_AES_CBC_128);
        }
        return out;
    }
}
