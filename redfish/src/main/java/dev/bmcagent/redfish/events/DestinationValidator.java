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
 * in the URL, and a host the configured {@link DestinationAllowList} allows (loopback only by default; never
 * link-local or cloud-metadata addresses). Names are compared literally, never resolved here.
 */
public final class DestinationValidator {

    private final DestinationAllowList allowed;
    private final int maxLength;

    /** @param allowed host names, IP addresses and CIDR blocks (see {@link DestinationAllowList#of}) */
    public DestinationValidator(List<String> allowed, int maxLength) {
        this.allowed = DestinationAllowList.of(allowed);
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
        if (!allowed.allows(u.getHost())) {
            return Optional.of(RedfishError.property(BaseMessage.PropertyValueIncorrect, "#/Destination",
                    "Destination", destination));
        }
        return Optional.empty();
    }

    private static RedfishError error(BaseMessage m, String destination) {
        return RedfishError.property(m, "#/Destination", destination, "Destination");
    }
}
