package dev.bmcagent.agent.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link AccountStore} on a {@link KeyValueJournal} ({@code accounts.journal}), one JSON record per account.
 * Passwords are stored recoverably (IPMI RAKP needs the cleartext key) but encrypted at rest with
 * AES-256-GCM under the key file {@value PasswordCipher#KEY_FILE} (mode 0600) in the data directory;
 * see {@link PasswordCipher}. Names, roles and flags are stored in clear.
 *
 * <p>Decoded accounts are kept in memory (the journal is private to this store and every write goes through
 * {@link #put}/{@link #remove}, which replace or drop the decoded entry under the same lock), so a lookup does not
 * parse JSON and run AES-GCM on every Redfish Basic-auth request; a password change is visible to the next lookup.
 */
public final class DiskAccountStore implements AccountStore {
    private final KeyValueJournal kv;
    private final PasswordCipher cipher;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Account> decoded = new ConcurrentHashMap<>();

    private DiskAccountStore(KeyValueJournal kv, PasswordCipher cipher) {
        this.kv = kv;
        this.cipher = cipher;
    }

    public static DiskAccountStore open(Path file, PasswordCipher cipher, JournalOptions options) throws IOException {
        return new DiskAccountStore(KeyValueJournal.open(file, options), cipher);
    }

    @Override
    public CompletableFuture<Void> put(Account account) {
        Objects.requireNonNull(account, "account");
        ObjectNode n = json.createObjectNode()
                .put("role", account.role().name())
                .put("enabled", account.enabled())
                .put("locked", account.locked())
                .put("password", cipher.encrypt(account.name(), account.password()));
        try {
            synchronized (this) {
                kv.put(account.name(), json.writeValueAsBytes(n), true);
                decoded.put(account.name(), account);
            }
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(e));
        }
    }

    @Override
    public CompletableFuture<Boolean> remove(String name) {
        try {
            synchronized (this) {
                decoded.remove(name);
                return CompletableFuture.completedFuture(kv.remove(name, true));
            }
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(e));
        }
    }

    @Override
    public Optional<Account> find(String name) {
        Account hit = decoded.get(name);
        if (hit != null) {
            return Optional.of(hit);
        }
        synchronized (this) {
            return Optional.ofNullable(kv.get(name)).map(v -> cached(name, v));
        }
    }

    @Override
    public synchronized List<Account> list() {
        List<Account> out = new ArrayList<>();
        kv.snapshot().forEach((name, v) -> out.add(cached(name, v)));
        out.sort(java.util.Comparator.comparing(Account::name));
        return List.copyOf(out);
    }

    @Override
    public void close() {
        try {
            kv.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Called with the lock held, {@code value} being the journal's current value of {@code name}. */
    private Account cached(String name, byte[] value) {
        return decoded.computeIfAbsent(name, k -> decode(k, value));
    }

    private Account decode(String name, byte[] value) {
        try {
            var n = json.readTree(value);
            return new Account(name, cipher.decrypt(name, n.get("password").asText()),
                    Role.valueOf(n.get("role").asText()), n.get("enabled").asBoolean(), n.get("locked").asBoolean());
        } catch (IOException e) {
            throw new UncheckedIOException("stored account '" + name + "' is not JSON", e);
        }
    }
}
