package dev.bmcagent.redfish.backend;

import java.util.Objects;

/** Everything the Redfish service needs from the agent, in one place for wiring. */
public record RedfishBackends(
        SystemsBackend systems,
        ChassisBackend chassis,
        ManagerBackend manager,
        LogBackend logs,
        AccountDirectory accounts,
        RedfishEvents events,
        FirmwareBackend firmware,
        java.util.Optional<NetworkConfigBackend> network) {

    /** Without a network configuration backend: the BMC's EthernetInterfaces are read-only. */
    public RedfishBackends(
            SystemsBackend systems,
            ChassisBackend chassis,
            ManagerBackend manager,
            LogBackend logs,
            AccountDirectory accounts,
            RedfishEvents events,
            FirmwareBackend firmware) {
        this(systems, chassis, manager, logs, accounts, events, firmware, java.util.Optional.empty());
    }

    /** These backends with {@code n} configuring the BMC's network (EthernetInterfaces PATCH). */
    public RedfishBackends withNetwork(NetworkConfigBackend n) {
        return new RedfishBackends(
                systems, chassis, manager, logs, accounts, events, firmware, java.util.Optional.of(n));
    }

    /** Without host firmware reports: FirmwareInventory lists the BMC only. */
    public RedfishBackends(
            SystemsBackend systems,
            ChassisBackend chassis,
            ManagerBackend manager,
            LogBackend logs,
            AccountDirectory accounts,
            RedfishEvents events) {
        this(systems, chassis, manager, logs, accounts, events, FirmwareBackend.bmcOnly(manager));
    }

    public RedfishBackends {
        Objects.requireNonNull(systems, "systems");
        Objects.requireNonNull(chassis, "chassis");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(network, "network");
    }
}
