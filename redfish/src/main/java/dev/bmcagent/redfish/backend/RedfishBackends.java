package dev.bmcagent.redfish.backend;

import java.util.Objects;

/** Everything the Redfish service needs from the agent, in one place for wiring. */
public record RedfishBackends(SystemsBackend systems, ChassisBackend chassis, ManagerBackend manager, LogBackend logs,
                              AccountDirectory accounts, RedfishEvents events) {
    public RedfishBackends {
        Objects.requireNonNull(systems, "systems");
        Objects.requireNonNull(chassis, "chassis");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(events, "events");
    }
}
