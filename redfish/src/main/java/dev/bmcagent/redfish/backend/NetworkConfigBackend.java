package dev.bmcagent.redfish.backend;

import java.util.Optional;

/**
 * Configures the BMC's own network (Managers/bmc/EthernetInterfaces PATCH). An implementation applies settings to
 * the machine (systemd-networkd files and a reload, ...) and reads back what it persisted; the service validates
 * every value before calling {@link #apply}. Both methods may block (files, commands): the service calls
 * {@link #apply} off the event loop.
 */
public interface NetworkConfigBackend {

    /** What is configured for interface {@code name}; empty when this backend has no configuration for it yet. */
    Optional<NetworkSettings> settings(String name);

    /** The configured host name, when this backend manages one (it applies to every interface). */
    Optional<String> hostName();

    /**
     * Persists and applies {@code desired} for interface {@code name} (host name included). On failure nothing of
     * it stays in effect: the previous configuration is restored before the exception is thrown.
     */
    void apply(String name, NetworkSettings desired) throws NetworkConfigException;

    /** Applying failed (a file could not be written, the reload command failed); the message says what. */
    final class NetworkConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        public NetworkConfigException(String message, Throwable cause) {
            super(message, cause);
        }

        public NetworkConfigException(String message) {
            super(message);
        }
    }
}
