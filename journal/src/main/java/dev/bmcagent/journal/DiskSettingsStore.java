package dev.bmcagent.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@link SettingsStore} on a {@link KeyValueJournal} ({@code settings.journal}); values stored as JSON text. */
public final class DiskSettingsStore implements SettingsStore {
    private final KeyValueJournal kv;
    private final ObjectMapper json = new ObjectMapper();

    private DiskSettingsStore(KeyValueJournal kv) {
        this.kv = kv;
    }

    public static DiskSettingsStore open(Path file, JournalOptions options) throws IOException {
        return new DiskSettingsStore(KeyValueJournal.open(file, options));
    }

    @Override
    public CompletableFuture<Void> put(String key, JsonNode value) {
        return put(key, value, false);
    }

    @Override
    public CompletableFuture<Void> putDurably(String key, JsonNode value) {
        return put(key, value, true);
    }

    private CompletableFuture<Void> put(String key, JsonNode value, boolean durable) {
        try {
            kv.put(
                    SettingsKeys.check(key),
                    json.writeValueAsBytes(java.util.Objects.requireNonNull(value, "value")),
                    durable);
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(e));
        }
    }

    @Override
    public CompletableFuture<Boolean> remove(String key) {
        return remove(key, false);
    }

    @Override
    public CompletableFuture<Boolean> removeDurably(String key) {
        return remove(key, true);
    }

    private CompletableFuture<Boolean> remove(String key, boolean durable) {
        try {
            return CompletableFuture.completedFuture(kv.remove(key, durable));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(e));
        }
    }

    @Override
    public Optional<JsonNode> get(String key) {
        return Optional.ofNullable(kv.get(key)).map(this::parse);
    }

    @Override
    public Map<String, JsonNode> snapshot() {
        Map<String, JsonNode> out = new java.util.TreeMap<>();
        kv.snapshot().forEach((k, v) -> out.put(k, parse(v)));
        return out;
    }

    @Override
    public void close() {
        try {
            kv.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("stored setting is not JSON", e);
        }
    }
}
