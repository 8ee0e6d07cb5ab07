package dev.bmcagent.agent.redfishport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.journal.SettingsStore;
import dev.bmcagent.redfish.backend.RedfishRole;
import dev.bmcagent.redfish.backend.SessionPersistence;
import dev.bmcagent.redfish.backend.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redfish login sessions in the settings store (on disk: the crash-safe settings journal), one JSON value per
 * session under {@code redfish.session.<id>}, and SessionTimeout under {@code redfish.sessionservice}. A session
 * holds the SHA-256 of its token, never the token. Login and logout are written (fsynced) before they are answered;
 * last-use updates go through the {@link StoreWriter} queue so the event loop never waits for them; the store's
 * compaction drops superseded last-use records.
 */
final class SettingsSessions implements SessionPersistence {
    static final String PREFIX = "redfish.session.";
    static final String SERVICE = "redfish.sessionservice";
    private static final Logger log = LoggerFactory.getLogger(SettingsSessions.class);

    private final SettingsStore settings;
    private final StoreWriter writer;
    /** Ids of the sessions in the store (a save of an id not in here is a login). */
    private final java.util.Set<String> stored = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SettingsSessions(SettingsStore settings, StoreWriter writer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public List<StoredSession> load() {
        List<StoredSession> out = new ArrayList<>();
        settings.snapshot().forEach((key, value) -> {
            if (!key.startsWith(PREFIX)) {
                return;
            }
            String id = key.substring(PREFIX.length());
            try {
                out.add(fromJson(id, value));
                stored.add(id);
            } catch (RuntimeException e) {
                log.warn("redfish: stored session {} skipped: malformed ({})", id, e.getMessage());
            }
        });
        out.sort(Comparator.comparing(StoredSession::created).thenComparing(StoredSession::id));
        return out;
    }

    /**
     * A new session is stored durably (fsynced) before the login is answered; later saves of a known session only
     * move its last-use time and are queued.
     */
    @Override
    public void save(StoredSession s) {
        ObjectNode json = toJson(s);
        if (stored.add(s.id())) {
            writer.runNow(
                    "session " + s.id(),
                    () -> settings.putDurably(PREFIX + s.id(), json).join());
        } else {
            writer.submit(
                    "session " + s.id(),
                    () -> settings.put(PREFIX + s.id(), json).join());
        }
    }

    /** Logout, expiry, account change: durable (fsynced) before the response goes out, after queued writes. */
    @Override
    public void delete(String id) {
        stored.remove(id);
        writer.runNow(
                "deleting session " + id,
                () -> settings.removeDurably(PREFIX + id).join());
    }

    @Override
    public Optional<Duration> idleTimeout() {
        return settings.get(SERVICE)
                .map(n -> n.path("sessionTimeoutSeconds"))
                .filter(JsonNode::canConvertToLong)
                .filter(JsonNode::isIntegralNumber)
                .map(JsonNode::asLong)
                .filter(s -> s > 0)
                .map(Duration::ofSeconds);
    }

    @Override
    public void saveIdleTimeout(Duration timeout) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("sessionTimeoutSeconds", timeout.toSeconds());
        writer.submit("SessionTimeout", () -> settings.put(SERVICE, json).join());
    }

    static ObjectNode toJson(StoredSession s) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("tokenSha256", s.tokenSha256())
                .put("userName", s.userName())
                .put("role", s.role().name())
                .put("accountStamp", s.accountStamp())
                .put("created", s.created().toString())
                .put("lastUsed", s.lastUsed().toString());
    }

    /** Reads what {@link #toJson} wrote; throws a RuntimeException on anything missing, malformed or unknown. */
    static StoredSession fromJson(String id, JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        return new StoredSession(
                id,
                text(n, "tokenSha256"),
                text(n, "userName"),
                RedfishRole.valueOf(text(n, "role")),
                text(n, "accountStamp"),
                Instant.parse(text(n, "created")),
                Instant.parse(text(n, "lastUsed")));
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(name + " is not a string");
        }
        return v.asText();
    }
}
