package dev.bmcagent.agent.redfishport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.journal.PasswordCipher;
import dev.bmcagent.journal.SettingsStore;
import dev.bmcagent.redfish.backend.EventFilter;
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
 * journal.
 *
 * <p>HttpHeaders often carry credentials (Authorization) and are needed in clear text to deliver, so they are
 * stored encrypted ({@code httpHeadersSealed}: the headers as a JSON object, sealed by the data directory's
 * {@link PasswordCipher} with the setting's key as associated data, so a sealed value cannot be moved to another
 * subscription). The service never returns them. A record written before encryption ({@code httpHeaders} in clear)
 * still loads and is rewritten sealed at once; its old bytes stay in the journal until the next compaction.
 */
final class SettingsSubscriptions implements SubscriptionPersistence {
    static final String PREFIX = "redfish.subscription.";
    private static final Logger log = LoggerFactory.getLogger(SettingsSubscriptions.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SEALED = "httpHeadersSealed";
    private static final String LEGACY_HEADERS = "httpHeaders";

    private final SettingsStore settings;
    private final StoreWriter writer;
    private final PasswordCipher cipher;

    SettingsSubscriptions(SettingsStore settings, StoreWriter writer, PasswordCipher cipher) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
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
                StoredSubscription s = fromJson(id, value, cipher);
                out.add(s);
                if (value.has(LEGACY_HEADERS)) {
                    log.info("redfish: event subscription {}: HttpHeaders stored in clear, rewriting them sealed", id);
                    save(s);
                }
            } catch (RuntimeException e) {
                log.warn("redfish: stored event subscription {} skipped: malformed ({})", id, e.getMessage());
            }
        });
        out.sort(Comparator.comparingLong(SettingsSubscriptions::order).thenComparing(StoredSubscription::id));
        return out;
    }

    @Override
    public void save(StoredSubscription s) {
        ObjectNode json = toJson(s, cipher);
        writer.submit(
                "event subscription " + s.id(),
                () -> settings.put(PREFIX + s.id(), json).join());
    }

    @Override
    public void delete(String id) {
        writer.submit(
                "deleting event subscription " + id,
                () -> settings.remove(PREFIX + id).join());
    }

    static ObjectNode toJson(StoredSubscription s, PasswordCipher cipher) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("destination", s.destination());
        n.put("context", s.context());
        ObjectNode headers = JsonNodeFactory.instance.objectNode();
        s.httpHeaders().forEach(headers::put);
        n.put(SEALED, cipher.encrypt(PREFIX + s.id(), headers.toString()));
        s.registryPrefixes().forEach(n.putArray("registryPrefixes")::add);
        s.resourceTypes().forEach(n.putArray("resourceTypes")::add);
        n.put("retryPolicy", s.retryPolicy());
        n.put("owner", s.owner());
        n.put("suspended", s.suspended());
        ObjectNode f = n.putObject("filter");
        s.filter().messageIds().forEach(f.putArray("messageIds")::add);
        s.filter().originResources().forEach(f.putArray("originResources")::add);
        s.filter().excludeMessageIds().forEach(f.putArray("excludeMessageIds")::add);
        s.filter().excludeRegistryPrefixes().forEach(f.putArray("excludeRegistryPrefixes")::add);
        f.put("subordinateResources", s.filter().subordinateResources());
        f.put("includeOriginOfCondition", s.filter().includeOriginOfCondition());
        return n;
    }

    /**
     * Reads what {@link #toJson} wrote, or a record from before HttpHeaders were sealed (clear {@code httpHeaders});
     * throws IllegalArgumentException on anything missing or of the wrong type, IllegalStateException when the
     * headers do not decrypt (key file replaced, value moved from another key).
     */
    static StoredSubscription fromJson(String id, JsonNode n, PasswordCipher cipher) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode h = n.has(SEALED) ? unseal(PREFIX + id, text(n.get(SEALED), SEALED), cipher) : n.path(LEGACY_HEADERS);
        if (!h.isObject()) {
            throw new IllegalArgumentException("httpHeaders is not an object");
        }
        h.properties().forEach(e -> headers.put(e.getKey(), text(e.getValue(), "httpHeaders." + e.getKey())));
        if (!n.path("suspended").isBoolean()) {
            throw new IllegalArgumentException("suspended is not a boolean");
        }
        return new StoredSubscription(
                id,
                text(n.get("destination"), "destination"),
                text(n.get("context"), "context"),
                headers,
                texts(n.path("registryPrefixes"), "registryPrefixes"),
                texts(n.path("resourceTypes"), "resourceTypes"),
                text(n.get("retryPolicy"), "retryPolicy"),
                text(n.get("owner"), "owner"),
                n.get("suspended").asBoolean(),
                filter(n.get("filter")));
    }

    /** The further filters; absent in records written before they existed: {@link EventFilter#NONE}. */
    private static EventFilter filter(JsonNode f) {
        if (f == null) {
            return EventFilter.NONE;
        }
        if (!f.isObject()
                || !f.path("subordinateResources").isBoolean()
                || !f.path("includeOriginOfCondition").isBoolean()) {
            throw new IllegalArgumentException("filter is malformed");
        }
        return new EventFilter(
                texts(f.path("messageIds"), "filter.messageIds"),
                texts(f.path("originResources"), "filter.originResources"),
                texts(f.path("excludeMessageIds"), "filter.excludeMessageIds"),
                texts(f.path("excludeRegistryPrefixes"), "filter.excludeRegistryPrefixes"),
                f.get("subordinateResources").asBoolean(),
                f.get("includeOriginOfCondition").asBoolean());
    }

    private static JsonNode unseal(String key, String sealed, PasswordCipher cipher) {
        try {
            return JSON.readTree(cipher.decrypt(key, sealed));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("sealed httpHeaders are not JSON", e);
        }
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
