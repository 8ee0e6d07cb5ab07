package dev.bmcagent.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
final class DiskAccountStore implements AccountStore {
    private final KeyValueJournal kv;
    private final PasswordCipher cipher;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Account> decoded = new ConcurrentHashMap<>();

    /** Not a valid account name: the highest id ever handed out, so that a deleted account's id is not reused. */
    static final String HIGH_WATER_KEY = "#high-water";

    private DiskAccountStore(KeyValueJournal kv, PasswordCipher cipher) {
        this.kv = kv;
        this.cipher = cipher;
    }

    /**
     * Opens the store. Accounts written before ids were stored get, once and durably, the ids they were shown
     * under until then: their position in name order from {@link #FIRST_ID}.
     */
    public static DiskAccountStore open(Path file, PasswordCipher cipher, JournalOptions options) throws IOException {
        DiskAccountStore store = new DiskAccountStore(KeyValueJournal.open(file, options), cipher);
        store.migrateIds();
        return store;
    }

    /** Adds the missing ids to the stored JSON records; passwords stay encrypted (no key needed here). */
    private synchronized void migrateIds() throws IOException {
        Map<String, ObjectNode> nodes = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : accountRecords().entrySet()) {
            nodes.put(e.getKey(), (ObjectNode) json.readTree(e.getValue()));
        }
        if (nodes.values().stream().allMatch(n -> n.path("id").asInt(0) > 0)) {
            return;
        }
        Set<Integer> taken = new HashSet<>();
        nodes.values().forEach(n -> taken.add(n.path("id").asInt(0)));
        int next = Math.max(
                FIRST_ID,
                Math.max(
                                highWater(),
                                taken.stream().mapToInt(Integer::intValue).max().orElse(0))
                        + 1);
        int position = FIRST_ID;
        int highest = next - 1;
        for (Map.Entry<String, ObjectNode> e : nodes.entrySet()) { // name order: the ids shown until now
            if (e.getValue().path("id").asInt(0) <= 0) {
                int id = taken.contains(position) ? next++ : position;
                taken.add(id);
                highest = Math.max(highest, id);
                kv.put(e.getKey(), json.writeValueAsBytes(e.getValue().put("id", id)));
            }
            position++;
        }
        kv.put(HIGH_WATER_KEY, Integer.toString(highest).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public CompletableFuture<Void> put(Account account) {
        Objects.requireNonNull(account, "account");
        try {
            synchronized (this) {
                write(account);
            }
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(e));
        }
    }

    /** Called with the lock held. */
    private void write(Account given) throws IOException {
        int id = given.id() > 0
                ? given.id()
                : find(given.name()).map(Account::id).filter(i -> i > 0).orElse(highWater() + 1);
        id = Math.max(id, given.id() > 0 ? given.id() : FIRST_ID);
        Account account = given.withId(id);
        if (id > highWater()) {
            kv.put(HIGH_WATER_KEY, Integer.toString(id).getBytes(StandardCharsets.US_ASCII), true);
        }
        ObjectNode n = json.createObjectNode()
                .put("id", account.id())
                .put("role", account.role().name())
                .put("enabled", account.enabled())
                .put("locked", account.locked())
                .put("password", cipher.encrypt(account.name(), account.password()));
        kv.put(account.name(), json.writeValueAsBytes(n), true); // durable before the answer (security state)
        decoded.put(account.name(), account);
    }

    /** Called with the lock held. */
    private int highWater() {
        byte[] v = kv.get(HIGH_WATER_KEY);
        return v == null ? FIRST_ID - 1 : Integer.parseInt(new String(v, StandardCharsets.US_ASCII));
    }

    private Map<String, byte[]> accountRecords() {
        Map<String, byte[]> out = new TreeMap<>(kv.snapshot());
        out.remove(HIGH_WATER_KEY);
        return out;
    }

    @Override
    public CompletableFuture<Boolean> remove(String name) {
        if (HIGH_WATER_KEY.equals(name)) {
            return CompletableFuture.completedFuture(false);
        }
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
        if (HIGH_WATER_KEY.equals(name)) {
            return Optional.empty();
        }
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
        accountRecords().forEach((name, v) -> out.add(cached(name, v)));
        out.sort(Comparator.comparingInt(Account::id));
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
            return new Account(
                    n.path("id").asInt(0),
                    name,
                    cipher.decrypt(name, n.get("password").asText()),
                    Role.valueOf(n.get("role").asText()),
                    n.get("enabled").asBoolean(),
                    n.get("locked").asBoolean());
        } catch (IOException e) {
            throw new UncheckedIOException("stored account '" + name + "' is not JSON", e);
        }
    }
}
