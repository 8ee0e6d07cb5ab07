package dev.bmcagent.agent.redfishport;

import dev.bmcagent.agent.BuildVersion;
import dev.bmcagent.agent.runtime.BmcRuntime;
import dev.bmcagent.core.event.EventHistory;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.node.HostCommandTable;
import dev.bmcagent.core.node.HostInputs;
import dev.bmcagent.core.node.HostOperations;
import dev.bmcagent.core.node.HostView;
import dev.bmcagent.journal.Stores;
import dev.bmcagent.redfish.RedfishOptions;
import dev.bmcagent.redfish.RedfishServer;
import dev.bmcagent.redfish.backend.NetworkConfigBackend;
import dev.bmcagent.redfish.backend.RedfishBackends;
import dev.bmcagent.redfish.managers.NetworkdBackend;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redfish service over the agent's runtime: the {@link RedfishServer} with backends over the host nodes
 * (lifecycle snapshots, SEL, shared boot options, sensors, fans), the account store (shared with IPMI), the
 * settings store (push subscriptions with sealed HttpHeaders, login sessions) and the event stream. {@link #start} binds the port and returns; {@link #close()} stops it.
 *
 * <p>For the assembly, after the runtime: {@code redfish = started("redfish", RedfishService.start(
 * RedfishService.options(config), runtime, stores, scheduler.clock()));}
 */
public final class RedfishService implements AutoCloseable {
    /** What Managers/bmc reports as FirmwareVersion when the jar has no version. */
    public static final String DEV_VERSION = "dev";

    private static final Logger log = LoggerFactory.getLogger(RedfishService.class);
    private static final long STOP_SECONDS = 10;

    private final RedfishServer server;
    private final StoreWriter writer;
    private final StreamEvents events;
    private final BootCycleLog cycles;

    private RedfishService(RedfishServer server, StoreWriter writer, StreamEvents events, BootCycleLog cycles) {
        this.server = server;
        this.writer = writer;
        this.events = events;
        this.cycles = cycles;
    }

    /**
     * Redfish options from the agent's configuration: bind address, port, data directory (certificate), and the
     * embedded broker's port (and a configured broker's) among the ports push subscriptions may not target.
     */
    public static RedfishOptions options(dev.bmcagent.agent.config.AgentConfig config) {
        java.util.Set<Integer> own = new java.util.HashSet<>(java.util.Set.of(config.mqttPort()));
        if (config.mqtt().brokerUrl() != null) {
            int port = java.net.URI.create(config.mqtt().brokerUrl()).getPort();
            if (port > 0) {
                own.add(port);
            }
        }
        return new RedfishOptions()
                .host(config.listeners().redfish())
                .port(config.redfishPort())
                .dataDir(config.dataDir())
                .ownPorts(own)
                .eventDestinationHosts(config.redfish().eventDestinations())
                .openSsl(config.redfish().openSsl());
    }

    /**
     * Over a {@link BmcRuntime} started from the configuration (its nodes, event stream and host 0's IPMI port); the
     * boot history is seeded from the history that runtime records into.
     */
    public static RedfishService start(RedfishOptions options, BmcRuntime runtime, Stores stores, Clock clock) {
        return start(options, runtime, stores, clock, java.util.Optional.empty());
    }

    /** As above, the BMC's EthernetInterfaces writable through {@code network} (see {@link #network}). */
    public static RedfishService start(
            RedfishOptions options,
            BmcRuntime runtime,
            Stores stores,
            Clock clock,
            java.util.Optional<NetworkConfigBackend> network) {
        java.util.Set<Integer> own = new java.util.HashSet<>(options.ownPorts());
        for (int i = 0; i < runtime.nodes().size(); i++) {
            own.add(runtime.ipmiAddress(i).getPort());
        }
        runtime.hostInterfaceAddresses().forEach(a -> own.add(a.getPort())); // none with the D-Bus host link
        options.ownPorts(own);
        return start(
                options,
                runtime.nodes(),
                runtime.events(),
                runtime.history(),
                stores,
                clock,
                runtime.ipmiAddress(0).getPort(),
                version(),
                runtime.fruInventory(),
                network);
    }

    /** The systemd-networkd backend of the {@code redfish.network} section, if configured. */
    public static java.util.Optional<NetworkConfigBackend> network(dev.bmcagent.agent.config.AgentConfig config) {
        return config.redfish()
                .network()
                .map(n -> new NetworkdBackend(
                        n.directory(), n.hostnameFile(), n.reload(), n.setHostname(), n.commandTimeout()));
    }

    /**
     * Builds the backends and starts the server; blocks until the port is bound (call it from the assembly, not an
     * event loop). On failure everything started is closed and the cause thrown.
     *
     * @param history  where to seed the boot history from (null: only cycles that end from now on)
     * @param ipmiPort the RMCP+ port Managers/bmc/NetworkProtocol reports
     */
    public static <N extends HostView & HostInputs & HostOperations> RedfishService start(
            RedfishOptions options,
            List<N> nodes,
            EventStream stream,
            EventHistory history,
            Stores stores,
            Clock clock,
            int ipmiPort,
            String firmwareVersion) {
        return start(
                options,
                nodes,
                stream,
                history,
                stores,
                clock,
                ipmiPort,
                firmwareVersion,
                HostCommandTable.defaultInventory(clock.instant()));
    }

    /** As above, with the FRU inventory the BMC serves over IPMI (Redfish's ComputerSystem and Chassis identity). */
    public static <N extends HostView & HostInputs & HostOperations> RedfishService start(
            RedfishOptions options,
            List<N> nodes,
            EventStream stream,
            EventHistory history,
            Stores stores,
            Clock clock,
            int ipmiPort,
            String firmwareVersion,
            dev.bmcagent.ipmi.fru.FruInventory fru) {
        return start(
                options,
                nodes,
                stream,
                history,
                stores,
                clock,
                ipmiPort,
                firmwareVersion,
                fru,
                java.util.Optional.empty());
    }

    /** As above, the BMC's EthernetInterfaces writable through {@code network} when present. */
    public static <N extends HostView & HostInputs & HostOperations> RedfishService start(
            RedfishOptions options,
            List<N> nodes,
            EventStream stream,
            EventHistory history,
            Stores stores,
            Clock clock,
            int ipmiPort,
            String firmwareVersion,
            dev.bmcagent.ipmi.fru.FruInventory fru,
            java.util.Optional<NetworkConfigBackend> network) {
        Objects.requireNonNull(options, "options");
        StoreWriter writer = new StoreWriter();
        StreamEvents events = new StreamEvents(stream, history);
        List<String> ids = nodes.stream().map(HostView::hostId).toList();
        BootCycleLog cycles = new BootCycleLog(
                ids, history == null ? emptyHistory() : history, stream, Stores.DEFAULT_HISTORY_PER_HOST);
        try {
            UUID uuid = HostCommandTable.DEFAULT_IDENTITY.deviceGuid(); // the BMC's IPMI Device GUID
            RedfishBackends backends = new RedfishBackends(
                    new RuntimeSystems(nodes, stores.settings(), uuid, writer, FruIdentity.system(fru)),
                    new RuntimeChassis(nodes, FruIdentity.chassis(fru)),
                    new RuntimeManager(firmwareVersion, uuid, ipmiPort, options.port(), clock, stores.health()),
                    new RuntimeLogs(nodes, cycles, writer, stores.health()),
                    new AccountStoreDirectory(stores.accounts(), clock, stores.lockouts(), stores.cipher()),
                    events,
                    new RuntimeFirmware(firmwareVersion, dev.bmcagent.agent.BuildVersion.projectVendor(), nodes));
            if (network.isPresent()) {
                backends = backends.withNetwork(network.get());
            }
            RedfishServer server = new RedfishServer(
                    options,
                    backends,
                    new SettingsSubscriptions(stores.settings(), writer, stores.cipher()),
                    new SettingsSessions(stores.settings(), writer),
                    clock);
            server.start().toCompletionStage().toCompletableFuture().get(STOP_SECONDS, TimeUnit.SECONDS);
            log.info(
                    "Redfish service on https://{}:{}/redfish/v1 ({} host(s))",
                    options.host(),
                    server.port(),
                    nodes.size());
            return new RedfishService(server, writer, events, cycles);
        } catch (Exception e) {
            cycles.close();
            events.close();
            writer.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw e instanceof RuntimeException r ? r : new CompletionException("Redfish service did not start", e);
        }
    }

    private static String version() {
        return BuildVersion.projectVersion().orElse(DEV_VERSION);
    }

    private static EventHistory emptyHistory() {
        return new dev.bmcagent.core.event.InMemoryEventHistory();
    }

    /** The bound HTTPS port. */
    public int port() {
        return server.port();
    }

    /** Store writes that failed since start (logged each). */
    public long storeWriteFailures() {
        return writer.failures();
    }

    /** Stops the server (waits up to 10 s), then the event subscriptions and the store writer. */
    @Override
    public void close() {
        try {
            server.stop().toCompletionStage().toCompletableFuture().get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Redfish server did not stop cleanly", e);
        } finally {
            cycles.close();
            events.close();
            writer.close();
        }
    }
}
