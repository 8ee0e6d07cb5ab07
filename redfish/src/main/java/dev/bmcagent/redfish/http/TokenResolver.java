package dev.bmcagent.redfish.http;

import java.util.Optional;

/** Resolves an X-Auth-Token to the session's principal, refreshing its idle timer. */
@FunctionalInterface
public interface TokenResolver {
    Optional<Principal> resolve(String token);
}
