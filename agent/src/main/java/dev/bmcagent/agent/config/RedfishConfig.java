package dev.bmcagent.agent.config;

import dev.bmcagent.redfish.RedfishOptions;
import dev.bmcagent.redfish.events.DestinationAllowList;
import java.util.List;

/**
 * Redfish settings (the {@code redfish:} section).
 *
 * @param eventDestinations where push subscriptions may deliver: host names (compared literally), IP addresses and
 *                          CIDR blocks; default loopback only (127.0.0.1, ::1). Link-local and cloud-metadata
 *                          addresses are refused whatever this says. At most {@link #MAX_EVENT_DESTINATIONS}.
 * @param network           how PATCH of the BMC's EthernetInterfaces configures its network; empty: read-only
 * @param tlsEngine         {@code openssl} (default: netty-tcnative's BoringSSL when it loads on this machine, else the
 *                          JDK engine) or {@code jdk} (the JDK's SSLEngine always: the fallback where no native build
 *                          exists, e.g. 32-bit ARM BMCs)
 */
public record RedfishConfig(
        List<String> eventDestinations, java.util.Optional<BmcNetworkConfig> network, String tlsEngine) {
    public static final String TLS_OPENSSL = "openssl";
    public static final String TLS_JDK = "jdk";

    /** Entries in the allow-list: each is checked against every subscription POST and stored subscription. */
    public static final int MAX_EVENT_DESTINATIONS = 64;

    public RedfishConfig {
        java.util.Objects.requireNonNull(network, "network");
        if (!TLS_OPENSSL.equals(tlsEngine) && !TLS_JDK.equals(tlsEngine)) {
            throw new ConfigException("redfish.tlsEngine", "'" + tlsEngine + "': allowed openssl, jdk");
        }
        eventDestinations = List.copyOf(eventDestinations);
        if (eventDestinations.size() > MAX_EVENT_DESTINATIONS) {
            throw new ConfigException(
                    "redfish.eventDestinations",
                    eventDestinations.size() + " entries, at most " + MAX_EVENT_DESTINATIONS);
        }
        try {
            DestinationAllowList.of(eventDestinations);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("redfish.eventDestinations", e.getMessage());
        }
    }

    /** Whether OpenSSL is to be tried ({@code tlsEngine: openssl}). */
    public boolean openSsl() {
        return TLS_OPENSSL.equals(tlsEngine);
    }

    public static RedfishConfig defaults() {
        return new RedfishConfig(
                RedfishOptions.DEFAULT_EVENT_DESTINATION_HOSTS, java.util.Optional.empty(), TLS_OPENSSL);
    }
}
