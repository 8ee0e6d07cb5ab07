package dev.bmcagent.agent;

import dev.bmcagent.agent.account.AdminCredentials;
import dev.bmcagent.agent.account.AdminPassword;
import dev.bmcagent.agent.account.BrokerAccounts;
import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.agent.config.ConfigException;
import dev.bmcagent.agent.config.HostLinkKind;
import dev.bmcagent.agent.config.Listeners;
import dev.bmcagent.agent.history.LogEventHistory;
import dev.bmcagent.agent.redfishport.RedfishService;
import dev.bmcagent.agent.runtime.BmcRuntime;
import dev.bmcagent.agent.runtime.HostLinkProvider;
import dev.bmcagent.agent.runtime.HwmonHardware;
import dev.bmcagent.agent.runtime.RuntimeOptions;
import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.core.event.EventHistory;
import dev.bmcagent.core.firmware.FirmwareStager;
import dev.bmcagent.core.host.Hosts;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.core.node.HostView;
import dev.bmcagent.core.reboot.DeadlineRebootPermits;
import dev.bmcagent.core.reboot.PermitTopics;
import dev.bmcagent.core.reboot.RebootAccounting;
import dev.bmcagent.journal.Account;
import dev.bmcagent.journal.DataDirGuard;
import dev.bmcagent.journal.JournalOptions;
import dev.bmcagent.journal.Role;
import dev.bmcagent.journal.StorageHealth;
import dev.bmcagent.journal.Stores;
import dev.bmcagent.mqtt.telemetry.CampaignUpdates;
import dev.bmcagent.mqtt.telemetry.MqttOptions;
import dev.bmcagent.mqtt.telemetry.MqttRebootPermits;
import dev.bmcagent.mqtt.telemetry.MqttTelemetry;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the agent: builds and starts each component in order, and {@link #close()} stops them in reverse.
 * This is the one place that knows the whole agent; read {@link #startAll} top to bottom.
 *
 * <p>To add a component: construct it in {@link #startAll} after what it depends on, pass it through
 * {@link #started(String, AutoCloseable)} (which registers it for reverse-order shutdown and logs it),
 * and if it serves a port add its {@link Service} to {@code serving} so the demo's client commands stop
 * saying "not yet served". The caller owns the {@link Scheduler} and closes it after the assembly.
 */
public final class AgentAssembly implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AgentAssembly.class);

    private final AgentConfig config;
    private final Scheduler scheduler;
    private final Deque<Running> running = new ArrayDeque<>();
    private final Set<Service> serving = EnumSet.noneOf(Service.class);
    private Stores stores;
    /** Write failures of every journal (disk full), reported on IPMI, Redfish and MQTT. */
    private final StorageHealth storageHealth = new StorageHealth();

    private AdminCredentials admin;
    private boolean closed;

    private final Optional<Surroundings> surroundings;
    private EventHistory history;
    private BmcRuntime runtime;
    private Optional<BrokerAccounts> brokerAccounts = Optional.empty();
    private boolean embeddedBroker;
    private MqttRebootPermits permitClient;
    private String permitBroker;

    private AgentAssembly(AgentConfig config, Scheduler scheduler, Optional<Surroundings> surroundings) {
        this.config = config;
        this.scheduler = scheduler;
        this.surroundings = surroundings;
    }

    /**
     * What {@code bmc demo} (module app, {@code DemoWorld}) puts around the agent, handed in explicitly.
     *
     * @param hardware the simulated hosts' sensors and fans: the host nodes poll and gate them instead of hwmon, and
     *                 the hosts' timeline runs on a clock scaled by {@code timeScale} (simulated seconds)
     * @param broker   starts an embedded MQTT broker with the agent's generated broker accounts; used only when no
     *                 {@code mqtt.brokerUrl} is configured
     * @param firmwareStager stages firmware images on the hosts for a campaign's firmware steps, if the hosts can
     */
    public record Surroundings(
            IntFunction<HostHardware> hardware, BrokerStarter broker, Optional<FirmwareStager> firmwareStager) {
        public Surroundings {
            Objects.requireNonNull(hardware, "hardware");
            Objects.requireNonNull(broker, "broker");
            Objects.requireNonNull(firmwareStager, "firmwareStager");
        }

        /** Hosts that cannot stage firmware. */
        public Surroundings(IntFunction<HostHardware> hardware, BrokerStarter broker) {
            this(hardware, broker, Optional.empty());
        }
    }

    /** Starts the embedded broker that enforces {@code accounts} (only the agent publishes). */
    @FunctionalInterface
    public interface BrokerStarter {
        RunningBroker start(BrokerAccounts accounts) throws Exception;
    }

    /** A started embedded broker: its {@code tcp://} URL; closed with the agent. */
    public interface RunningBroker extends AutoCloseable {
        String url();
    }

    /** Starts everything; if a step fails, what was started is closed again and the failure is thrown. */
    public static AgentAssembly start(AgentConfig config, Scheduler scheduler, SecureRandom random) throws IOException {
        return start(config, scheduler, random, Optional.empty());
    }

    /** Starts the agent with the demo's surroundings (simulated host hardware, embedded broker). */
    public static AgentAssembly start(
            AgentConfig config, Scheduler scheduler, SecureRandom random, Surroundings surroundings)
            throws IOException {
        return start(config, scheduler, random, Optional.of(surroundings));
    }

    private static AgentAssembly start(
            AgentConfig config, Scheduler scheduler, SecureRandom random, Optional<Surroundings> surroundings)
            throws IOException {
        AgentAssembly a = new AgentAssembly(config, scheduler, surroundings);
        try {
            a.startAll(random);
        } catch (IOException | RuntimeException e) {
            a.close();
            throw e;
        } catch (Exception e) {
            a.close();
            throw new IOException("starting the embedded broker failed: " + e.getMessage(), e);
        }
        return a;
    }

    private void startAll(SecureRandom random) throws Exception {
        // 1. Data directory (0700, locked before any file in it is touched): all state lives under it.
        started("data directory lock", DataDirGuard.open(config.dataDir()));

        // 2. Stores: boot history / telemetry outbox, settings, accounts.
        stores = started(
                "stores (" + config.store() + ")",
                Stores.open(
                        config.store(), config.dataDir(), Stores.DEFAULT_HISTORY_PER_HOST, journalOptions(), random));

        // 3. Admin account: configured password, or generated on the first start and kept in the data dir.
        admin = AdminPassword.resolve(config.dataDir(), config.adminPassword(), random);
        ensureAdminAccount();

        // 4. The demo's surroundings that the services use: simulated host hardware and an embedded MQTT broker.
        //    An embedded broker enforces the generated accounts: only the agent publishes (see BrokerAccounts).
        Optional<String> brokerUrl = Optional.ofNullable(config.mqtt().brokerUrl());
        // Host0's hwmon sensors and fans from the hardware: section (none configured: no sensors, no fans).
        IntFunction<HostHardware> hardware = HwmonHardware.perHost(config.hardware());
        FirmwareStager stager = null;
        if (surroundings.isPresent()) {
            hardware = surroundings.get().hardware();
            stager = surroundings.get().firmwareStager().orElse(null);
            if (brokerUrl.isEmpty()) {
                brokerAccounts = Optional.of(BrokerAccounts.resolve(config, random));
                RunningBroker broker =
                        started("embedded broker", surroundings.get().broker().start(brokerAccounts.get()));
                brokerUrl = Optional.of(broker.url());
                embeddedBroker = true;
                serving.add(Service.MQTT);
            }
        }

        // 5. Host link other than the VM protocol (hostLink: dbus → OpenBMC D-Bus, module openbmc).
        Optional<HostLinkProvider> link = Optional.empty();
        if (config.hostLink() != HostLinkKind.VM) {
            link = Optional.of(started("host link (" + config.hostLink().key() + ")", openLink()));
        }

        // 6. Per host: agent core, IPMI RMCP+ server (UDP ipmiPort + i), host interface (TCP hostPort + i) unless
        //    another host link carries the host's signals.
        // 5b. Reboot permits (rollout.permits: mqtt): the coordinator's MQTT client, its answer deadline and rule.
        Optional<RebootAccounting> reboots = Optional.empty();
        if (config.rollout().mqtt()) {
            reboots = Optional.of(rebootPermits(brokerUrl));
        }

        history = new LogEventHistory(stores.events());
        runtime = started(
                "runtime",
                BmcRuntime.builder(hostOptions(), stores)
                        .history(history)
                        .hardware(hardware)
                        .link(link)
                        .reboots(reboots)
                        .bootOrder(config.bootOrder()) // every host; Redfish may replace it
                        .start(scheduler, random));
        if (permitClient != null) {
            CampaignUpdates updates = new CampaignUpdates(
                    permitClient,
                    reboots.orElseThrow(),
                    runtime.nodes(),
                    runtime::powerBackend,
                    Optional.ofNullable(stager),
                    scheduler);
            updates.start();
            log.info(
                    "reboot permits from the coordinator on {} (group {}, answer deadline {}, unreachable: {}); "
                            + "campaign updates {}",
                    permitBroker,
                    config.rollout().group(),
                    config.rollout().answerDeadline(),
                    config.rollout().onUnreachable(),
                    stager == null ? "answered WRONG_VERSION (no firmware stager)" : "staged by the extension");
        }
        serving.add(Service.IPMI);
        if (link.isEmpty()) {
            serving.add(Service.HOST_INTERFACE);
        }

        // 7. Redfish service (HTTPS redfishPort), same accounts as IPMI.
        // Prometheus metrics (/metrics on the Redfish listener): lifecycle events, IPMI dispatch, Redfish requests
        dev.bmcagent.agent.metrics.AgentMetrics metrics = new dev.bmcagent.agent.metrics.AgentMetrics();
        dev.bmcagent.core.event.Subscription metricsFeed = runtime.events().subscribe("metrics", metrics);
        started("metrics", (AutoCloseable) () -> runtime.events().unsubscribe(metricsFeed));
        runtime.dispatcher().observe(metrics);
        started(
                "redfish",
                RedfishService.start(
                        RedfishService.options(config).metrics(metrics),
                        runtime,
                        stores,
                        scheduler.clock(),
                        RedfishService.network(config)));
        serving.add(Service.REDFISH);

        // 8. MQTT telemetry: to the configured broker, else to the demo's embedded one, else none.
        if (brokerUrl.isPresent()) {
            List<? extends HostView> hosts = runtime.nodes();
            List<String> hostIds = hosts.stream().map(HostView::hostId).toList();
            MqttTelemetry mqtt = started("mqtt telemetry", telemetry(URI.create(brokerUrl.get()), hostIds));
            mqtt.start();
            stores.health()
                    .onChange(problems -> mqtt.storageChanged(problems.stream()
                            .map(p -> p.file().getFileName() + ": " + p.message())
                            .sorted()
                            .toList()));
        } else {
            log.info("MQTT telemetry off: no mqtt.brokerUrl configured and no embedded broker");
        }

        warnExposure();
        log.info(
                "agent started: {} host(s), data in {}, serving {}",
                config.hosts(),
                config.dataDir(),
                serving.isEmpty() ? "no network services yet" : serving);
    }

    /**
     * The MQTT permit client (agent login: the embedded broker's, or mqtt.username/password; for ssl:// the same
     * TLS trust as telemetry, mqtt.trustStore or the JDK's, from the same {@link #mqttOptions}), wrapped in the answer
     * deadline and the unreachable rule; the alert is a WARN line and, if the broker takes it, a message on
     * {@code bmc/rollout/alert/<group>/<host>}. Never fails the start: an unreachable broker is retried.
     */
    private RebootAccounting rebootPermits(Optional<String> agentBroker) throws Exception {
        var r = config.rollout();
        permitBroker = r.brokerUrl()
                .or(() -> agentBroker)
                .orElseThrow(() -> new ConfigException(
                        "rollout.permits", "mqtt needs a broker: set rollout.brokerUrl or mqtt.brokerUrl"));
        MqttOptions login = mqttOptions(URI.create(permitBroker));
        permitClient = started(
                "reboot permit client",
                new MqttRebootPermits(
                                permitBroker,
                                MqttOptions.clientId(
                                                config.mqtt().site(),
                                                config.mqtt().bmcId()) + "-rollout",
                                h -> r.group(),
                                scheduler,
                                r.retry())
                        .withLogin(login));
        permitClient.start();
        MqttRebootPermits client = permitClient;
        DeadlineRebootPermits permits =
                new DeadlineRebootPermits(client, scheduler, r.answerDeadline(), r.onUnreachable(), alert -> {
                    log.warn("reboot permit alert: {}", alert);
                    String host = alert.substring(0, Math.max(0, alert.indexOf(':')));
                    client.publish(
                            PermitTopics.PREFIX + "/alert/" + r.group() + "/" + host,
                            alert.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                });
        return new RebootAccounting(permits);
    }

    /** One warning per listener that is not on loopback: the operator sees what the network can reach. */
    private void warnExposure() {
        var l = config.listeners();
        if (!Listeners.isLoopback(l.ipmi())) {
            log.warn("IPMI RMCP+ listens on {} (ipmi.bind), not loopback: reachable from the network", l.ipmi());
        }
        if (!Listeners.isLoopback(l.redfish())) {
            log.warn("Redfish listens on {} (redfish.bind), not loopback: reachable from the network", l.redfish());
        }
        if (!Listeners.isLoopback(l.hostInterface())) {
            log.warn(
                    "the host interface listens on {} (hostInterface.allowRemote): it is unauthenticated, whoever "
                            + "reaches it acts as the host",
                    l.hostInterface());
        }
        if (embeddedBroker && !Listeners.isLoopback(l.mqtt())) {
            log.warn(
                    "the embedded MQTT broker listens on {} (mqtt.bind), not loopback: every client must log in",
                    l.mqtt());
        }
    }

    /**
     * The runtime's options. With the demo's surroundings (simulated hosts, paced at {@code timeScale}), the hosts'
     * timeline runs on a clock scaled like theirs, so boot durations, time lost and stuck limits are simulated
     * seconds; a real host's timeline is real time whatever timeScale says.
     */
    private RuntimeOptions hostOptions() {
        RuntimeOptions o = RuntimeOptions.from(config);
        return surroundings.isEmpty() ? o : o.withHostTimeScale(config.timeScale());
    }

    /** The provider of the configured host link kind, found on the classpath with {@link ServiceLoader}. */
    private HostLinkProvider openLink() throws Exception {
        for (HostLinkProvider.Factory f : ServiceLoader.load(HostLinkProvider.Factory.class)) {
            if (f.kind() == config.hostLink()) {
                return f.open(config);
            }
        }
        throw new ConfigException(
                "hostLink",
                config.hostLink().key() + " needs its module on the classpath "
                        + "(dbus: module openbmc, included in the ./bmc launcher)");
    }

    /** Journal durability from the fsync key; BATCH group-commits on the agent's scheduler. */
    public JournalOptions journalOptions() {
        return new JournalOptions(config.fsync(), JournalOptions.DEFAULT_BATCH_INTERVAL, scheduler, storageHealth);
    }

    private MqttTelemetry telemetry(URI broker, List<String> hostIds) {
        MqttOptions options = mqttOptions(broker);
        List<? extends HostView> hosts = runtime.nodes();
        MqttTelemetry telemetry = new MqttTelemetry(
                        options,
                        runtime.events(),
                        history,
                        id -> hosts.get(Hosts.index(id)).state(),
                        hostIds,
                        scheduler)
                .firmware(id -> hosts.get(Hosts.index(id)).firmware().firmwareVersions());
        for (String id : hostIds) {
            hosts.get(Hosts.index(id)).firmware().onChange(change -> telemetry.firmwareChanged(id));
        }
        return telemetry;
    }

    /**
     * Telemetry options: the embedded broker with the agent's generated login; an external broker with
     * {@code mqtt.username}/{@code mqtt.password} and, for {@code ssl://}, {@code mqtt.trustStore}.
     */
    MqttOptions mqttOptions(URI broker) {
        var m = config.mqtt();
        MqttOptions options = MqttOptions.of(broker, m.site(), m.bmcId(), config.dataDir());
        if (embeddedBroker) {
            BrokerAccounts.Login agent = brokerAccounts.orElseThrow().agent();
            return options.withCredentials(agent.user(), agent.password());
        }
        if (m.username() != null) {
            options = m.password() == null
                    ? options.withUsername(m.username())
                    : options.withCredentials(m.username(), m.password());
        }
        if (m.trustStore() != null) {
            options = options.withTls(
                    Optional.of(java.nio.file.Path.of(m.trustStore())),
                    Optional.ofNullable(m.trustStorePassword()),
                    false);
        }
        return options;
    }

    /** The embedded broker's accounts (present when the demo runs one). */
    public Optional<BrokerAccounts> brokerAccounts() {
        return embeddedBroker ? brokerAccounts : Optional.empty();
    }

    /**
     * Creates the admin account on first start. Started with {@code --admin-password} (or the adminPassword key),
     * restores it: that password, Administrator, enabled, every lockout of it lifted; its id stays.
     */
    private void ensureAdminAccount() {
        Optional<Account> existing = stores.accounts().find(admin.user());
        Account wanted = Account.of(admin.user(), admin.password(), Role.ADMINISTRATOR);
        if (existing.isEmpty()) {
            stores.accounts().put(wanted).join();
        } else if (admin.source() == AdminCredentials.Source.CONFIGURED) {
            if (!existing.get().equals(wanted.withId(existing.get().id()))) {
                stores.accounts().put(wanted.withId(existing.get().id())).join();
                log.info("account '{}' restored from the configured admin password", admin.user());
            }
            stores.lockouts().unlock(admin.user(), scheduler.clock().instant());
        }
    }

    /** Registers a started component for reverse-order shutdown. */
    private <T extends AutoCloseable> T started(String name, T component) {
        running.push(new Running(name, component));
        log.debug("started {}", name);
        return component;
    }

    public AgentConfig config() {
        return config;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public Stores stores() {
        return stores;
    }

    /** The running agent runtime (hosts, dispatcher, servers, event stream). */
    public BmcRuntime runtime() {
        return runtime;
    }

    public AdminCredentials admin() {
        return admin;
    }

    /** The network services that are actually running. */
    public Set<Service> serving() {
        return Set.copyOf(serving);
    }

    /**
     * Registers a component that runs on the started agent (the demo's simulated hosts, connected to the host
     * interface): {@link #close()} stops it first, before the services it uses.
     */
    public synchronized void closeFirst(String name, AutoCloseable component) {
        if (closed) {
            throw new IllegalStateException("the agent is closed");
        }
        started(name, component);
    }

    /** Stops every started component in reverse order; logs each; idempotent and never throws. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!running.isEmpty()) {
            Running r = running.pop();
            try {
                r.component.close();
                log.debug("stopped {}", r.name);
            } catch (Exception e) {
                log.error("stopping {} failed", r.name, e);
            }
        }
        serving.clear();
        log.info("agent stopped");
    }

    private record Running(String name, AutoCloseable component) {}
}
