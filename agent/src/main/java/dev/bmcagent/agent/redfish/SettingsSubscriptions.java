package dev.bmcagent.agent.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.agent.store.SettingsStore;
import dev.bmcagent.redfish.backend.StoredSubscription;
import dev.bmcagent.redfish.backend.SubscriptionPersistence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redfish push subscriptions in the settings store, one JSON value per subscription under
 * {@code redfish.subscription.<id>}. Writes go through the {@link StoreWriter} so the event loop never waits for the
 * journal. HttpHeaders are stored as given (they are needed to deliver); the service never returns them.
 */
final class SettingsSubscriptions implements SubscriptionPersistence {
    static final String PREFIX = "redfish.subscription.";
    private static final Logger log = LoggerFactory.getLogger(SettingsSubscriptions.class);

    private final SettingsStore settings;
    private final StoreWriter writer;

    SettingsSubscriptions(SettingsStore settings, StoreWriter writer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public List<StoredSubscription> load() {
        List<StoredSubscription> out = new ArrayList<>();
        settings.snapshot().forEach((key, value) -> {
            if (!key.startsWith(PREFIX)) {
                return;
            }
            String id = key.substring(PREFIX.length());
            try {
                out.add(fromJson(id, value));
            } catch (RuntimeException e) {
                log.warn("redfish: stored event subscription {} skipped: malformed ({})", id, e.getMessage());
            }
        });
        out.sort(Comparator.comparingLong(SettingsSubscriptions::order).thenComparing(StoredSubscription::id));
        return out;
    }

    @Override
    public void save(StoredSubscription s) {
        ObjectNode json = toJson(s);
        writer.submit("event subscription " + s.id(), () -> settings.put(PREFIX + s.id(), json).join());
    }

    @Override
    public void delete(String id) {
        writer.submit("deleting event subscription " + id, () -> settings.remove(PREFIX + id).join());
    }

    static ObjectNode toJson(StoredSubscription s) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("destination", s.destination());
        n.put("context", s.context());
        ObjectNode headers = n.putObject("httpHeaders");
        s.httpHeaders().forEach(headers::put);
        s.registryPrefixes().forEach(n.putArray("registryPrefixes")::add);
        s.resourceTypes().forEach(n.putArray("resourceTypes")::add);
        n.put("retryPolicy", s.retryPolicy());
        n.put("owner", s.owner());
        n.put("suspended", s.suspended());
        return n;
    }

    /** Reads what {@link #toJson} wrote; throws IllegalArgumentException on anything missing or of the wrong type. */
    static StoredSubscription fromJson(String id, JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode h = n.path("httpHeaders");
        if (!h.isObject()) {
            throw new IllegalArgumentException("httpHeaders is not an object");
        }
        h.properties().forEach(e -> headers.put(e.getKey(), text(e.getValue(), "httpHeaders." + e.getKey())));
        if (!n.path("suspended").isBoolean()) {
            throw new IllegalArgumentException("suspended is not a boolean");
        }
        return new StoredSubscription(id, text(n.get("destination"), "destination"), text(n.get("context"), "context"),
                headers, texts(n.path("registryPrefixes"), "registryPrefixes"),
                texts(n.path("resourceTypes"), "resourceTypes"), text(n.get("retryPolicy"), "retryPolicy"),
                text(n.get("owner"), "owner"), n.get("suspended").asBoolean());
    }

    private static String text(JsonNode v, String name) {
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(name + " is not a string");
        }
        return v.asText();
    }

    private static List<String> texts(JsonNode v, String name) {
        if (!v.isArray()) {
            throw new IllegalArgumentException(name + " is not an array");
        }
        List<String> out = new ArrayList<>();
        v.forEach(x -> out.add(text(x, name)));
        return out;
    }

    /** Numeric ids in creation order (the snapshot is sorted by key, so "10" would come before "9"). */
    private static long order(StoredSubscription s) {
        try {
            return Long.parseLong(s.id());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
