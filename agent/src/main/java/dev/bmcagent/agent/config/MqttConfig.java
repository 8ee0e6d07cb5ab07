package dev.bmcagent.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * MQTT telemetry settings.
 *
 * @param brokerUrl          external broker such as {@code tcp://127.0.0.1:1883} or {@code ssl://mqtt.example:8883};
 *                           null: the embedded broker on {@code mqttPort} when one runs (the demo), else no telemetry
 * @param site               site name in the topic prefix {@code bmc/<site>/<bmc-id>}
 * @param bmcId              this BMC's id in the topic prefix
 * @param allowAnonymous     embedded broker: clients without credentials may connect (read only); only allowed on a
 *                           loopback {@code mqtt.bind} (default: true there, false elsewhere)
 * @param username           external broker: user name (null: none)
 * @param password           external broker: password (null: none; needs a user name)
 * @param trustStore         external {@code ssl://} broker: PKCS12/JKS trust store file (null: the JDK's trust)
 * @param trustStorePassword password of the trust store (null: none)
 */
public record MqttConfig(
        String brokerUrl,
        String site,
        String bmcId,
        boolean allowAnonymous,
        String username,
        String password,
        String trustStore,
        String trustStorePassword) {
    public static final String DEFAULT_SITE = "local";
    public static final String DEFAULT_BMC_ID = "bmc0";
    /** Topic levels: no MQTT wildcards, separators or NUL. */
    static final java.util.regex.Pattern TOPIC_LEVEL = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Schemes the telemetry client connects with (MQTT over TCP and over TLS). */
    public static final Set<String> SCHEMES = Set.of("tcp", "ssl");

    public MqttConfig {
        if (!TOPIC_LEVEL.matcher(site).matches()) {
            throw new ConfigException("mqtt.site", "'" + site + "' must be 1-64 of A-Z a-z 0-9 . _ -");
        }
        if (!TOPIC_LEVEL.matcher(bmcId).matches()) {
            throw new ConfigException("mqtt.bmcId", "'" + bmcId + "' must be 1-64 of A-Z a-z 0-9 . _ -");
        }
        String scheme = brokerUrl == null ? null : scheme(brokerUrl);
        if (brokerUrl == null) {
            for (String[] k : new String[][] {
                {"username", username},
                {"password", password},
                {"trustStore", trustStore},
                {"trustStorePassword", trustStorePassword}
            }) {
                if (k[1] != null) {
                    throw new ConfigException(
                            "mqtt." + k[0],
                            "applies to an external broker (mqtt.brokerUrl); the "
                                    + "embedded broker's credentials are generated in the data directory");
                }
            }
        }
        if (password != null && username == null) {
            throw new ConfigException("mqtt.password", "needs mqtt.username");
        }
        if (username != null && (username.isEmpty() || username.length() > 256)) {
            throw new ConfigException("mqtt.username", "must be 1..256 characters");
        }
        if (trustStorePassword != null && trustStore == null) {
            throw new ConfigException("mqtt.trustStorePassword", "needs mqtt.trustStore");
        }
        if (trustStore != null) {
            if (!"ssl".equals(scheme)) {
                throw new ConfigException(
                        "mqtt.trustStore", "only used with an ssl:// broker URL (mqtt.brokerUrl is " + brokerUrl + ")");
            }
            Path store;
            try {
                store = Path.of(trustStore);
            } catch (InvalidPathException e) {
                throw new ConfigException("mqtt.trustStore", "'" + trustStore + "' is not a path: " + e.getReason());
            }
            if (!Files.isRegularFile(store) || !Files.isReadable(store)) {
                throw new ConfigException("mqtt.trustStore", store + " is not a readable file");
            }
        }
    }

    /** Without credentials or TLS settings (the embedded broker, or a plain external one). */
    public MqttConfig(String brokerUrl, String site, String bmcId) {
        this(brokerUrl, site, bmcId, brokerUrl == null, null, null, null, null);
    }

    /** The embedded broker. */
    public static MqttConfig embedded() {
        return new MqttConfig(null, DEFAULT_SITE, DEFAULT_BMC_ID);
    }

    private static String scheme(String brokerUrl) {
        URI u;
        try {
            u = new URI(brokerUrl);
        } catch (URISyntaxException e) {
            throw new ConfigException("mqtt.brokerUrl", "'" + brokerUrl + "' is not a URL: " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("ws") || scheme.equals("wss")) {
            throw new ConfigException(
                    "mqtt.brokerUrl",
                    "'" + brokerUrl + "': MQTT over WebSocket is not supported; "
                            + "use the broker's MQTT listener with tcp://HOST:PORT or ssl://HOST:PORT");
        }
        if (!SCHEMES.contains(scheme)
                || u.getHost() == null
                || u.getPort() < 1
                || u.getPort() > 65535
                || !(u.getPath() == null || u.getPath().isEmpty())
                || u.getQuery() != null) {
            throw new ConfigException(
                    "mqtt.brokerUrl", "'" + brokerUrl + "' must look like tcp://HOST:PORT or ssl://HOST:PORT");
        }
        return scheme;
    }
}
