package dev.bmcagent.redfish.testing;

import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.acpi.progress.BootProgress;
import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.redfish.RedfishOptions;
import dev.bmcagent.redfish.RedfishServer;
import dev.bmcagent.redfish.backend.AcpiView;
import dev.bmcagent.redfish.backend.BootOptionView;
import dev.bmcagent.redfish.backend.BootOverride;
import dev.bmcagent.redfish.backend.ChassisView;
import dev.bmcagent.redfish.backend.FanView;
import dev.bmcagent.redfish.backend.Health;
import dev.bmcagent.redfish.backend.IndicatorLed;
import dev.bmcagent.redfish.backend.PowerState;
import dev.bmcagent.redfish.backend.ProcessorSummaryView;
import dev.bmcagent.redfish.backend.ReadingType;
import dev.bmcagent.redfish.backend.RedfishBackends;
import dev.bmcagent.redfish.backend.RedfishRole;
import dev.bmcagent.redfish.backend.SensorState;
import dev.bmcagent.redfish.backend.SensorView;
import dev.bmcagent.redfish.backend.SystemView;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** A real server on a free 127.0.0.1 port with a self-signed certificate in a temp dir, and in-memory backends. */
public final class RedfishFixture implements AutoCloseable {
    public static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    public final MutableClock clock;
    public final InMemorySystems systems = new InMemorySystems();
    public final InMemoryChassis chassis = new InMemoryChassis();
    public final InMemoryManager manager;
    public final InMemoryLogs logs = new InMemoryLogs();
    public final InMemoryAccounts accounts;
    public final InMemoryEvents events;
    public final RedfishServer server;
    public final Curl curl;

    private RedfishFixture(Path dataDir, UnaryOperator<RedfishOptions> tweak) throws Exception {
        this(
                dataDir,
                tweak,
                new dev.bmcagent.redfish.backend.InMemorySubscriptionPersistence(),
                new dev.bmcagent.redfish.backend.InMemorySessionPersistence(),
                new MutableClock(T0),
                null);
    }

    private RedfishFixture(
            Path dataDir,
            UnaryOperator<RedfishOptions> tweak,
            dev.bmcagent.redfish.backend.SubscriptionPersistence subscriptions,
            dev.bmcagent.redfish.backend.SessionPersistence sessions,
            MutableClock clock,
            InMemoryAccounts sharedAccounts)
            throws Exception {
        this(dataDir, tweak, subscriptions, sessions, clock, sharedAccounts, null);
    }

    private RedfishFixture(
            Path dataDir,
            UnaryOperator<RedfishOptions> tweak,
            dev.bmcagent.redfish.backend.SubscriptionPersistence subscriptions,
            dev.bmcagent.redfish.backend.SessionPersistence sessions,
            MutableClock clock,
            InMemoryAccounts sharedAccounts,
            dev.bmcagent.redfish.backend.NetworkConfigBackend network)
            throws Exception {
        this.clock = clock;
        this.manager = new InMemoryManager(clock);
        this.events = new InMemoryEvents(clock);
        if (sharedAccounts == null) {
            accounts = new InMemoryAccounts();
            accounts.add("admin", "secret", RedfishRole.Administrator);
            accounts.add("operator", "opsecret", RedfishRole.Operator);
            accounts.add("reader", "readonly1", RedfishRole.ReadOnly);
        } else {
            accounts = sharedAccounts;
        }
        systems.put(host1());
        chassis.put(chassis1());
        RedfishOptions options = tweak.apply(new RedfishOptions().port(0).dataDir(dataDir));
        RedfishBackends backends = new RedfishBackends(systems, chassis, manager, logs, accounts, events);
        server = new RedfishServer(
                options, network == null ? backends : backends.withNetwork(network), subscriptions, sessions, clock);
        server.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        curl = new Curl(server.port());
    }

    /** A server whose BMC EthernetInterfaces are configured through {@code network}. */
    public static RedfishFixture withNetwork(Path dataDir, dev.bmcagent.redfish.backend.NetworkConfigBackend network)
            throws Exception {
        return new RedfishFixture(
                withSharedCertificate(dataDir),
                o -> o,
                new dev.bmcagent.redfish.backend.InMemorySubscriptionPersistence(),
                new dev.bmcagent.redfish.backend.InMemorySessionPersistence(),
                new MutableClock(T0),
                null,
                network);
    }

    public static RedfishFixture start(Path dataDir) throws Exception {
        return new RedfishFixture(withSharedCertificate(dataDir), o -> o);
    }

    /** A server that must generate its own certificate into the (empty) data dir. */
    public static RedfishFixture startGenerating(Path dataDir) throws Exception {
        return new RedfishFixture(dataDir, o -> o);
    }

    /** A server that must generate (or may reuse) its own certificate in the data dir, with options tweaked. */
    public static RedfishFixture startGenerating(Path dataDir, UnaryOperator<RedfishOptions> tweak) throws Exception {
        return new RedfishFixture(dataDir, tweak);
    }

    /**
     * Copies one certificate of the service's own kind (generated once per test JVM at {@link #T0}: key generation is
     * slow) into the data dir, for the names a 127.0.0.1 server wants, so the server keeps it.
     */
    private static synchronized Path withSharedCertificate(Path dataDir) throws java.io.IOException {
        if (sharedCert == null) {
            dev.bmcagent.redfish.certificates.ServedCertificate c =
                    dev.bmcagent.redfish.certificates.SelfSignedGenerator.generate(
                            dev.bmcagent.redfish.certificates.SubjectNames.forBind(
                                    RedfishOptions.DEFAULT_HOST,
                                    dev.bmcagent.redfish.certificates.SubjectNames.localHostName()),
                            "localhost",
                            T0,
                            dev.bmcagent.redfish.certificates.KeySpec.DEFAULT,
                            new java.security.SecureRandom());
            sharedCert = (c.chainPem() + c.keyPem()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        java.nio.file.Files.write(
                dataDir.resolve(dev.bmcagent.redfish.certificates.CertificateStore.TLS_FILE), sharedCert);
        return dataDir;
    }

    private static byte[] sharedCert;

    /** Puts the backends back to their initial state (for a server shared by a test class). */
    public void reset() {
        systems.put(host1());
        systems.resets.clear();
        systems.bootSources = java.util.EnumSet.allOf(dev.bmcagent.redfish.backend.BootSource.class);
        chassis.put(chassis1());
        logs.sel.clear();
        logs.cycles.clear();
    }

    public static RedfishFixture start(Path dataDir, UnaryOperator<RedfishOptions> tweak) throws Exception {
        return new RedfishFixture(withSharedCertificate(dataDir), tweak);
    }

    /** A server whose push subscriptions are loaded from and kept in {@code subscriptions}. */
    public static RedfishFixture start(
            Path dataDir,
            UnaryOperator<RedfishOptions> tweak,
            dev.bmcagent.redfish.backend.SubscriptionPersistence subscriptions)
            throws Exception {
        return new RedfishFixture(
                withSharedCertificate(dataDir),
                tweak,
                subscriptions,
                new dev.bmcagent.redfish.backend.InMemorySessionPersistence(),
                new MutableClock(T0),
                null);
    }

    /**
     * A server whose sessions are loaded from and kept in {@code sessions}, on the given clock and accounts (null:
     * fresh admin/operator/reader accounts): a restart is a new fixture given the same three.
     */
    public static RedfishFixture restartable(
            Path dataDir,
            dev.bmcagent.redfish.backend.SessionPersistence sessions,
            MutableClock clock,
            InMemoryAccounts accounts)
            throws Exception {
        return new RedfishFixture(
                withSharedCertificate(dataDir),
                o -> o,
                new dev.bmcagent.redfish.backend.InMemorySubscriptionPersistence(),
                sessions,
                clock,
                accounts);
    }

    public int port() {
        return server.port();
    }

    public static SystemView host1() {
        Instant changed = T0.minusSeconds(42);
        return new SystemView(
                "host1",
                "Host 1",
                PowerState.On,
                new AcpiView(AcpiSystemState.S2_D2, AcpiDeviceState.D2, changed, false),
                new BootProgress(
                        BootProgressState.OEM,
                        Optional.of("EFI 0x03041000"),
                        changed,
                        Optional.of(Duration.ofSeconds(187))),
                "EDK2 202502",
                UUID.fromString("0f9a7d3e-2b1c-4e5f-8a6b-1234567890ab"),
                256.0,
                new ProcessorSummaryView(2, 96, "Test CPU 9654"),
                IndicatorLed.Off,
                "rack-12",
                BootOverride.disabled(),
                List.of("Boot0001", "Boot0002"),
                List.of(
                        new BootOptionView(
                                "Boot0001",
                                "UEFI: HTTPS IPv6 Network Adapter - 50:00:E6:8F:4F:32 P1",
                                "PciRoot(0x0)/Pci(0x1,0x0)/MAC(5000E68F4F32,0x1)/IPv6(0000::0000)/Uri()",
                                true),
                        new BootOptionView(
                                "Boot0002",
                                "UEFI: PXE IPv4 Network Adapter - 50:00:E6:8F:4F:32 P1",
                                "PciRoot(0x0)/Pci(0x1,0x0)/MAC(5000E68F4F32,0x1)/IPv4(0.0.0.0)",
                                true)),
                Health.OK,
                List.of());
    }

    static ChassisView chassis1() {
        return new ChassisView(
                "host1",
                "Host 1 chassis",
                PowerState.On,
                Optional.of("host1"),
                List.of(
                        new SensorView(
                                "CPU0_Temp",
                                "CPU0 Temp",
                                ReadingType.Temperature,
                                OptionalDouble.of(41.5),
                                SensorState.Enabled,
                                Health.OK),
                        new SensorView(
                                "DIMM_A0_Temp",
                                "DIMM A0 Temp",
                                ReadingType.Temperature,
                                OptionalDouble.empty(),
                                SensorState.UnavailableOffline,
                                Health.OK)),
                List.of(new FanView(
                        "Fan0",
                        "Fan 0",
                        OptionalDouble.of(40),
                        OptionalDouble.of(7200),
                        SensorState.Enabled,
                        Health.OK)),
                FanMode.FixedDuty);
    }

    @Override
    public void close() throws java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        try {
            server.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
