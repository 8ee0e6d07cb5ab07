package dev.bmcagent.redfish.events;

import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.RedfishError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a push destination before anything is sent to it: absolute http(s) URL, bounded length, no credentials
 * in the URL, and a host on the configured allow-list (loopback only by default). Hosts are compared literally,
 * never resolved, so a name cannot be made to point elsewhere later.
 */
public final class DestinationValidator {

    private final List<String> allowedHosts;
    private final int maxLength;

    public DestinationValidator(List<String> allowedHosts, int maxLength) {
        this.allowedHosts = allowedHosts.stream().map(DestinationValidator::normalise).toList();
        this.maxLength = maxLength;
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
        if (!scheme.equals("https") && !scheme.equals("http") || u.getHost() == null) {
            return Optional.of(error(BaseMessage.PropertyValueFormatError, destination));
        }
        if (u.getRawUserInfo() != null) {
            return Optional.of(error(BaseMessage.PropertyValueFormatError, destination));
        }
        if (!allowedHosts.contains(normalise(u.getHost()))) {
            return Optional.of(RedfishError.property(BaseMessage.PropertyValueIncorrect, "#/Destination",
                    "Destination", destination));
        }
        return Optional.empty();
    }

    private static RedfishError error(BaseMessage m, String destination) {
        return RedfishError.property(m, "#/Destination", destination, "Destination");
    }

    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
