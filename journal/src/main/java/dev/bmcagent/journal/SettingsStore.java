package dev.bmcagent.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Agent settings: key → JSON value, last writer wins (boot-order declarations, MQTT outbox cursors,
 * Redfish settable properties...). Reads come from memory; writes are acknowledged when their future
 * completes. Values are deep-copied in and out.
 */
public interface SettingsStore extends AutoCloseable {

    CompletableFuture<Void> put(String key, JsonNode value);

    /** Completes with true if the key existed. */
    CompletableFuture<Boolean> remove(String key);

    /**
     * Like {@link #put} for security state (login sessions, lockout): completes only once the value is on stable
     * storage (fsynced, whatever the configured policy), so a power cut right after the answer cannot undo it.
     */
    default CompletableFuture<Void> putDurably(String key, JsonNode value) {
        return put(key, value);
    }

    /** Like {@link #remove}, durable as {@link #putDurably} (e.g. a Redfish logout). */
    default CompletableFuture<Boolean> removeDurably(String key) {
        return remove(key);
    }

    Optional<JsonNode> get(String key);

    /** All settings, sorted by key. */
    Map<String, JsonNode> snapshot();

    @Override
    void close();
}
