package dev.bmcagent.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * MQTT telemetry settings (extended by the MQTT work).
 *
 * @param brokerUrl external broker such as {@code tcp://127.0.0.1:1883}; null: the embedded broker on
 *                  {@code mqttPort}
 */
public record MqttConfig(String brokerUrl) {
    /** Schemes Paho accepts. */
    public static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    public MqttConfig {
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
        return new MqttConfig(null);
    }
}
