package dev.bmcagent.simulator.netboot;

import java.util.Objects;
import java.util.regex.Pattern;

/** Decides which boot options can actually boot where the host stands. */
@FunctionalInterface
public interface NetworkEnvironment {

    Reachability reach(BootOption option);

    /**
     * Only network options whose description matches {@code regex} boot; other network options find no DHCP
     * server; disks hold no OS. E.g. {@code onlyMatching(".*HTTPS IPv6.*")} for an IPv6-only HTTPS boot network.
     */
    static NetworkEnvironment onlyMatching(String regex) {
        Pattern p = Pattern.compile(Objects.requireNonNull(regex, "regex"));
        return option -> {
            if (!option.isNetwork()) {
                return Reachability.NO_MEDIA;
            }
            return p.matcher(option.description()).matches() ? Reachability.BOOTS : Reachability.NO_DHCP;
        };
    }

    /** Nothing boots: every port has link but no DHCP, disks are empty. */
    static NetworkEnvironment allDead() {
        return option -> option.isNetwork() ? Reachability.NO_DHCP : Reachability.NO_MEDIA;
    }
}
