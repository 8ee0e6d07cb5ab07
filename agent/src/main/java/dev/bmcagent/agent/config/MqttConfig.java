package dev.bmcagent.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * MQTT telemetry settings (extended by the MQTT work).
 *
 * @param brokerUrl external broker such as {@code tcp://127.0.0.1:1883}; null: the embedded broker on
 *                  {@code mqttPort} when one runs (the demo), else no telemetry
 * @param site      site name in the topic prefix {@code bmc/<site>/<bmc-id>}
 * @param bmcId     this BMC's id in the topic prefix
 */
public record MqttConfig(String brokerUrl, String site, String bmcId) {
    public static final String DEFAULT_SITE = "local";
    public static final String DEFAULT_BMC_ID = "bmc0";
    /** Topic levels: no MQTT wildcards, separators or NUL. */
    private static final java.util.regex.Pattern TOPIC_LEVEL = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Schemes Paho accepts. */
    public static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    public MqttConfig {
        if (!TOPIC_LEVEL.matcher(site).matches()) {
            throw new ConfigException("mqtt.site", "'" + site + "' must be 1-64 of A-Z a-z 0-9 . _ -");
        }
        if (!TOPIC_LEVEL.matcher(bmcId).matches()) {
            throw new ConfigException("mqtt.bmcId", "'" + bmcId + "' must be 1-64 of A-Z a-z 0-9 . _ -");
        }
        if (brokerUrl != null) {
            try {
                URI u = new URI(brokerUrl);
                if (u.getScheme() == null || !SCHEMES.contains(u.getScheme().toLowerCase(Locale.ROOT))
                        || u.getHost() == null) {
                    throw new ConfigException("mqtt.brokerUrl", "'" + brokerUrl
                            + "' must look like tcp://HOST:PORT (schemes: tcp, ssl, ws, wss)");
                }
            } catch (URISyntaxException e) {
                throw new ConfigException("mqtt.brokerUrl", "'" + brokerUrl + "' is not a URL: " + e.getReason());
            }
        }
    }

    /** The embedded broker. */
    public static MqttConfig embedded() {
        return new MqttConfig(null, DEFAULT_SITE, DEFAULT_BMC_ID);
    }
}
