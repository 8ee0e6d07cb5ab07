package dev.bmcagent.ipmi.registry;

import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;

/**
 * Handles one (netfn, cmd). The dispatcher has already checked length and privilege; a handler validates
 * values (throwing {@link dev.bmcagent.ipmi.message.IpmiException} with C9h/CCh/...) and returns data.
 */
@FunctionalInterface
public interface CommandHandler {
    IpmiResponse handle(IpmiRequest request);
}
