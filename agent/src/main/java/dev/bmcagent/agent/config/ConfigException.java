package dev.bmcagent.agent.config;

/** A configuration value or key was rejected; the message names the key (and the allowed values). */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    /** The offending key, dotted for nested keys (e.g. {@code mqtt.brokerUrl}). */
    public String key() {
        return key;
    }
}
