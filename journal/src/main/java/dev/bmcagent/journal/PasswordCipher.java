package dev.bmcagent.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts account passwords at rest with AES-256-GCM. The key is 32 random bytes in a key file in the
 * data directory, created with mode 0600 on first use. The account name is the associated data, so a
 * ciphertext cannot be moved to another account. Stored form: base64(12-byte IV | ciphertext | 16-byte tag).
 *
 * <p>The same key protects other secrets kept in the settings store (Redfish push-subscription HttpHeaders, with
 * the setting's key as associated data) and keys {@link #mac}, an HMAC-SHA256 under a key derived from it.
 *
 * <p>This protects the passwords against reading the journal alone (backups, support bundles); anyone who
 * can read the key file can decrypt them. That is inherent: IPMI RAKP needs the cleartext.
 */
public final class PasswordCipher {
    /** Name of the key file in the data directory. */
    public static final String KEY_FILE = "account.key";

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecretKey macKey;
    private final SecureRandom random;

    private PasswordCipher(byte[] key, SecureRandom random) {
        this.key = new SecretKeySpec(key, "AES");
        this.macKey = new SecretKeySpec(
                hmac(new SecretKeySpec(key, "HmacSHA256"), "bmc-agent mac v1".getBytes(StandardCharsets.US_ASCII)),
                "HmacSHA256");
        this.random = random;
    }

    private static byte[] hmac(SecretKey k, byte[] data) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(k);
            return m.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** A cipher with a fresh random key that lives in memory only (memory stores: nothing is at rest). */
    public static PasswordCipher ephemeral(SecureRandom random) {
        byte[] k = new byte[KEY_BYTES];
        random.nextBytes(k);
        return new PasswordCipher(k, random);
    }

    /** Loads the key file, creating it (0600) with a fresh random key if absent. */
    public static PasswordCipher loadOrCreate(Path keyFile, SecureRandom random) throws IOException {
        if (!Files.exists(keyFile)) {
            byte[] k = new byte[KEY_BYTES];
            random.nextBytes(k);
            AtomicFiles.write(keyFile, k, true);
        }
        byte[] k = Files.readAllBytes(keyFile);
        if (k.length != KEY_BYTES) {
            throw new IOException("account key " + keyFile + " must be " + KEY_BYTES + " bytes, is " + k.length);
        }
        return new PasswordCipher(k, random);
    }

    /**
     * HMAC-SHA256 of {@code data} under a key derived from this key (HMAC(key, "bmc-agent mac v1")), as lowercase
     * hex: a stable fingerprint of a secret that reveals nothing without the key file.
     */
    public String mac(String data) {
        return HexFormat.of().formatHex(hmac(macKey, data.getBytes(StandardCharsets.UTF_8)));
    }

    public String encrypt(String accountName, String password) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(accountName.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(IV_BYTES + ct.length)
                            .put(iv)
                            .put(ct)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Decrypts; fails if the key, the account name or the ciphertext do not match. */
    public String decrypt(String accountName, String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            c.updateAAD(accountName.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "cannot decrypt the password of account '" + accountName + "' (wrong or replaced " + KEY_FILE
                            + "?)",
                    e);
        }
    }
}
