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
 */
public record RedfishConfig(List<String> eventDestinations, java.util.Optional<BmcNetworkConfig> network) {
    /** Entries in the allow-list: each is checked against every subscription POST and stored subscription. */
    public static final int MAX_EVENT_DESTINATIONS = 64;

    public RedfishConfig(List<String> eventDestinations) {
        this(eventDestinations, java.util.Optional.empty());
    }

    public RedfishConfig {
        java.util.Objects.requireNonNull(network, "network");
        eventDestinations = List.copyOf(eventDestinations);
        if (eventDestinations.size() > MAX_EVENT_DESTINATIONS) {
            throw new ConfigException("redfish.eventDestinations", eventDestinations.size() + " entries, at most "
                    + MAX_EVENT_DESTINATIONS);
        }
        try {
            DestinationAllowList.of(eventDestinations);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("redfish.eventDestinations", e.getMessage());
        }
    }

    public static RedfishConfig defaults() {
        return new RedfishConfig(RedfishOptions.DEFAULT_EVENT_DESTINATION_HOSTS);
    }
}
