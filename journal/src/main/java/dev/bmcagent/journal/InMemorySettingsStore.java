package dev.bmcagent.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@link SettingsStore} in memory only. */
public final class InMemorySettingsStore implements SettingsStore {
    private final Map<String, JsonNode> values = new LinkedHashMap<>();

    @Override
    public synchronized CompletableFuture<Void> put(String key, JsonNode value) {
        values.put(SettingsKeys.check(key), value.deepCopy());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Boolean> remove(String key) {
        return CompletableFuture.completedFuture(values.remove(key) != null);
    }

    @Override
    public synchronized Optional<JsonNode> get(String key) {
        return Optional.ofNullable(values.get(key)).map(JsonNode::deepCopy);
    }

    @Override
    public synchronized Map<String, JsonNode> snapshot() {
        Map<String, JsonNode> out = new java.util.TreeMap<>();
        values.forEach((k, v) -> out.put(k, v.deepCopy()));
        return out;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
