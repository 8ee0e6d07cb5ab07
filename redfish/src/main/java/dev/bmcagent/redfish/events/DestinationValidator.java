package dev.bmcagent.redfish.events;

import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.RedfishError;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks a push destination before anything is sent to it: absolute http(s) URL, bounded length, no credentials
 * in the URL, and a host the configured {@link DestinationAllowList} allows (loopback only by default; never
 * link-local or cloud-metadata addresses). Names are compared literally, never resolved here, so a name cannot be
 * made to point elsewhere later. A destination on the agent's own machine
 * (loopback, the unspecified address, {@code localhost} or one of the agent's bind hosts) may not name a port one of
 * the agent's own listeners uses (Redfish, IPMI, host interface, MQTT broker): events are never pushed into the
 * agent's own protocols.
 */
public final class DestinationValidator {

    private final DestinationAllowList allowed;
    private final int maxLength;
    private final Set<String> selfHosts;
    private final Supplier<Set<Integer>> ownPorts;

    /**
     * Without knowledge of the agent's own listeners (tests of the URL rules).
     *
     * @param allowedHosts host names, IP addresses and CIDR blocks (see {@link DestinationAllowList#of})
     */
    public DestinationValidator(List<String> allowedHosts, int maxLength) {
        this(allowedHosts, maxLength, Set.of(), Set::of);
    }

    /**
     * @param selfHosts host names or addresses the agent's listeners are bound to, besides loopback
     * @param ownPorts  the ports the agent's listeners use, read at each check (a port 0 listener binds late)
     */
    public DestinationValidator(
            List<String> allowedHosts, int maxLength, Set<String> selfHosts, Supplier<Set<Integer>> ownPorts) {
        this.allowed = DestinationAllowList.of(allowedHosts);
        this.maxLength = maxLength;
        this.selfHosts = Set.copyOf(
                selfHosts.stream().map(DestinationValidator::normalise).toList());
        this.ownPorts = ownPorts;
    }

    public Optional<RedfishError> check(String destination) {
        if (destination.length() > maxLength) {
            return Optional.of(error(BaseMessage.PropertyValueFormatError, destination));
        }
        URI u;
        try {
            u = new URI(destination);
        } catch (URISyntaxException e) {
            return Optional.of(error(BaseMessage.PropertyValueFormatError, destination));
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("https") && !scheme.equals("http")) || u.getHost() == null) {
            return Optional.of(error(BaseMessage.PropertyValueFormatError, destination));
        }
        if (u.getRawUserInfo() != null) {
            return Optional.of(error(BaseMessage.PropertyValueFormatError, destination));
        }
        if (!allowed.allows(u.getHost())) {
            return Optional.of(RedfishError.property(
                    BaseMessage.PropertyValueIncorrect, "#/Destination", "Destination", destination));
        }
        int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
        if (isSelf(normalise(u.getHost())) && ownPorts.get().contains(port)) {
            return Optional.of(RedfishError.property(
                    BaseMessage.PropertyValueIncorrect, "#/Destination", "Destination", destination));
        }
        return Optional.empty();
    }

    private boolean isSelf(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost") || selfHosts.contains(host)) {
            return true;
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false; // a name: never resolved here
        }
        try {
            InetAddress a = InetAddress.getByName(host); // a literal: parsed, no lookup
            return a.isLoopbackAddress() || a.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static RedfishError error(BaseMessage m, String destination) {
        return RedfishError.property(m, "#/Destination", destination, "Destination");
    }

    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
