package dev.bmcagent.agent.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link AccountStore} on a {@link KeyValueJournal} ({@code accounts.journal}), one JSON record per account.
 * Passwords are stored recoverably (IPMI RAKP needs the cleartext key) but encrypted at rest with
 * AES-256-GCM under the key file {@value PasswordCipher#KEY_FILE} (mode 0600) in the data directory;
 * see {@link PasswordCipher}. Names, roles and flags are stored in clear.
 */
public final class DiskAccountStore implements AccountStore {
    private final KeyValueJournal kv;
    private final PasswordCipher cipher;
    private final ObjectMapper json = new ObjectMapper();

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
            kv.put(account.name(), json.writeValueAsBytes(n));
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(e));
        }
    }

    @Override
    public CompletableFuture<Boolean> remove(String name) {
        try {
            return CompletableFuture.completedFuture(kv.remove(name));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(e));
        }
    }

    @Override
    public Optional<Account> find(String name) {
        return Optional.ofNullable(kv.get(name)).map(v -> decode(name, v));
    }

    @Override
    public List<Account> list() {
        List<Account> out = new ArrayList<>();
        kv.snapshot().forEach((name, v) -> out.add(decode(name, v)));
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
