package dev.bmcagent.ipmi.session;

import java.util.Optional;

/**
 * Users port of the RMCP+ session layer: the agent implements it over its account store. Called on the
 * LAN event loop for every RAKP 1, so it must be fast and non-blocking.
 */
@FunctionalInterface
public interface IpmiUserDirectory {
    /** The user named {@code name} (exact, case-sensitive), if it exists; disabled users are returned too. */
    Optional<IpmiUser> findByName(String name);
}
