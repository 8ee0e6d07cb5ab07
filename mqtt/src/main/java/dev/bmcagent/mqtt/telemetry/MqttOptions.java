package dev.bmcagent.mqtt.telemetry;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the agent publishes telemetry over MQTT. Mapped from the YAML config by the assembly.
 *
 * @param brokerUri     {@code tcp://host:port} or {@code ssl://host:port}
 * @param site          site name (topic level)
 * @param bmcId         this BMC's id (topic level and client id)
 * @param topicPrefix   topic prefix; {@code bmc/<site>/<bmc-id>} when empty
 * @param username      optional user name
 * @param password      optional password (only with a user name)
 * @param trustStore    for {@code ssl://}: a PKCS12/JKS trust store (empty: the JDK's default trust)
 * @param trustStorePassword password of the trust store (may be empty)
 * @param insecureTls   trust any server certificate and skip host name checks — tests only
 * @param backlogBound  per host: at most this many unacknowledged events are kept for sending; older ones are
 *                      skipped and counted ({@link MqttTelemetry#droppedEvents()})
 * @param version       protocol preference: AUTO tries MQTT 5 then 3.1.1
 * @param maxInflight   QoS 1 publishes in flight at once (further capped by the broker's Receive Maximum)
 * @param eventExpiry   MQTT 5 message expiry of events (zero: none)
 * @param reconnectMin  first reconnect delay (doubles up to {@link #reconnectMax})
 * @param reconnectMax  longest reconnect delay
 * @param stateRefresh  republish every host's state document this often even without events, so that the
 *                      current boot cycle's elapsed time stays fresh (zero: only on events and connects)
 * @param dataDir       where the last acknowledged sequence per host is kept ({@code mqtt-acked.properties})
 */
public record MqttOptions(
        URI brokerUri,
        String site,
        String bmcId,
        String topicPrefix,
        Optional<String> username,
        Optional<String> password,
        Optional<Path> trustStore,
        Optional<String> trustStorePassword,
        boolean insecureTls,
        int backlogBound,
        Version version,
        int maxInflight,
        Duration eventExpiry,
        Duration reconnectMin,
        Duration reconnectMax,
        Duration stateRefresh,
        Path dataDir) {

    public static final int DEFAULT_BACKLOG_BOUND = 10_000;
    public static final int DEFAULT_MAX_INFLIGHT = 64;
    public static final Duration DEFAULT_EVENT_EXPIRY = Duration.ofDays(1);
    public static final Duration DEFAULT_RECONNECT_MIN = Duration.ofMillis(250);
    public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(30);
    public static final Duration DEFAULT_STATE_REFRESH = Duration.ofSeconds(30);

    /** Protocol preference. */
    public enum Version {
        AUTO,
        V5,
        V3_1_1
    }

    public MqttOptions {
        Objects.requireNonNull(brokerUri, "brokerUri");
        String scheme = Optional.ofNullable(brokerUri.getScheme()).orElse("");
        if (!scheme.equals("tcp") && !scheme.equals("ssl")) {
            throw new IllegalArgumentException("broker URI must be tcp:// or ssl://: " + brokerUri);
        }
        requireTopicLevel(site, "site");
        requireTopicLevel(bmcId, "bmcId");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        if (topicPrefix.isBlank()) {
            topicPrefix = defaultTopicPrefix(site, bmcId);
        }
        if (topicPrefix.contains("+") || topicPrefix.contains("#") || topicPrefix.endsWith("/")) {
            throw new IllegalArgumentException("bad topic prefix: " + topicPrefix);
        }
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (password.isPresent() && username.isEmpty()) {
            throw new IllegalArgumentException("password without user name");
        }
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
        if (backlogBound < 1) {
            throw new IllegalArgumentException("backlogBound < 1");
        }
        Objects.requireNonNull(version, "version");
        if (maxInflight < 1 || maxInflight > 65_535) {
            throw new IllegalArgumentException("maxInflight out of 1..65535");
        }
        Objects.requireNonNull(eventExpiry, "eventExpiry");
        if (eventExpiry.isNegative()) {
            throw new IllegalArgumentException("eventExpiry < 0");
        }
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        if (reconnectMin.isNegative() || reconnectMin.isZero() || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("need 0 < reconnectMin <= reconnectMax");
        }
        Objects.requireNonNull(stateRefresh, "stateRefresh");
        if (stateRefresh.isNegative()) {
            throw new IllegalArgumentException("stateRefresh < 0");
        }
        Objects.requireNonNull(dataDir, "dataDir");
    }

    /** Defaults for everything but the broker, identity and data directory. */
    public static MqttOptions of(URI brokerUri, String site, String bmcId, Path dataDir) {
        return new MqttOptions(
                brokerUri,
                site,
                bmcId,
                "",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                DEFAULT_BACKLOG_BOUND,
                Version.AUTO,
                DEFAULT_MAX_INFLIGHT,
                DEFAULT_EVENT_EXPIRY,
                DEFAULT_RECONNECT_MIN,
                DEFAULT_RECONNECT_MAX,
                DEFAULT_STATE_REFRESH,
                dataDir);
    }

    public MqttOptions withBacklogBound(int bound) {
        Copy c = new Copy(this);
        c.backlogBound = bound;
        return c.build();
    }

    public MqttOptions withVersion(Version v) {
        Copy c = new Copy(this);
        c.version = v;
        return c.build();
    }

    public MqttOptions withCredentials(String user, String pass) {
        Copy c = new Copy(this);
        c.username = Optional.of(user);
        c.password = Optional.of(pass);
        return c.build();
    }

    /** A user name without a password. */
    public MqttOptions withUsername(String user) {
        Copy c = new Copy(this);
        c.username = Optional.of(user);
        c.password = Optional.empty();
        return c.build();
    }

    public MqttOptions withReconnect(Duration min, Duration max) {
        Copy c = new Copy(this);
        c.reconnectMin = min;
        c.reconnectMax = max;
        return c.build();
    }

    public MqttOptions withStateRefresh(Duration period) {
        Copy c = new Copy(this);
        c.stateRefresh = period;
        return c.build();
    }

    /** TLS with a trust store (PKCS12/JKS), or trusting anything when {@code insecure} (tests only). */
    public MqttOptions withTls(Optional<Path> store, Optional<String> storePassword, boolean insecure) {
        Copy c = new Copy(this);
        c.trustStore = store;
        c.trustStorePassword = storePassword;
        c.insecureTls = insecure;
        return c.build();
    }

    /** The components of one instance, to change some and build a new one (checked again by the constructor). */
    private static final class Copy {
        private URI brokerUri;
        private String site;
        private String bmcId;
        private String topicPrefix;
        private Optional<String> username;
        private Optional<String> password;
        private Optional<Path> trustStore;
        private Optional<String> trustStorePassword;
        private boolean insecureTls;
        private int backlogBound;
        private Version version;
        private int maxInflight;
        private Duration eventExpiry;
        private Duration reconnectMin;
        private Duration reconnectMax;
        private Duration stateRefresh;
        private Path dataDir;

        Copy(MqttOptions o) {
            brokerUri = o.brokerUri;
            site = o.site;
            bmcId = o.bmcId;
            topicPrefix = o.topicPrefix;
            username = o.username;
            password = o.password;
            trustStore = o.trustStore;
            trustStorePassword = o.trustStorePassword;
            insecureTls = o.insecureTls;
            backlogBound = o.backlogBound;
            version = o.version;
            maxInflight = o.maxInflight;
            eventExpiry = o.eventExpiry;
            reconnectMin = o.reconnectMin;
            reconnectMax = o.reconnectMax;
            stateRefresh = o.stateRefresh;
            dataDir = o.dataDir;
        }

        MqttOptions build() {
            return new MqttOptions(
                    brokerUri,
                    site,
                    bmcId,
                    topicPrefix,
                    username,
                    password,
                    trustStore,
                    trustStorePassword,
                    insecureTls,
                    backlogBound,
                    version,
                    maxInflight,
                    eventExpiry,
                    reconnectMin,
                    reconnectMax,
                    stateRefresh,
                    dataDir);
        }
    }

    /** The MQTT client id: stable per BMC so a broker can tell reconnects apart from new agents. */
    public String clientId() {
        return clientId(site, bmcId);
    }

    /** The client id of the agent of {@code site} / {@code bmcId}. */
    public static String clientId(String site, String bmcId) {
        return "bmc-agent-" + site + "-" + bmcId;
    }

    /** {@code bmc/<site>/<bmc-id>}. */
    public static String defaultTopicPrefix(String site, String bmcId) {
        return "bmc/" + site + "/" + bmcId;
    }

    private static void requireTopicLevel(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.contains("/") || value.contains("+") || value.contains("#")) {
            throw new IllegalArgumentException(name + " must be one non-empty topic level: " + value);
        }
    }
}
