package dev.bmcagent.bench;

import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.ipmi.command.HostScoped;
import dev.bmcagent.ipmi.command.StandardCommands;
import dev.bmcagent.ipmi.command.app.AcpiPowerState;
import dev.bmcagent.ipmi.command.app.AcpiStatePort;
import dev.bmcagent.ipmi.command.app.BmcIdentity;
import dev.bmcagent.ipmi.command.app.UserEntry;
import dev.bmcagent.ipmi.command.app.UserInfo;
import dev.bmcagent.ipmi.command.chassis.ChassisAction;
import dev.bmcagent.ipmi.command.chassis.ChassisStatus;
import dev.bmcagent.ipmi.command.chassis.HostControl;
import dev.bmcagent.ipmi.command.chassis.InMemoryBootOptionsStore;
import dev.bmcagent.ipmi.command.chassis.RestartCause;
import dev.bmcagent.ipmi.command.sensor.SensorReading;
import dev.bmcagent.ipmi.fru.FruImage;
import dev.bmcagent.ipmi.fru.FruInventory;
import dev.bmcagent.ipmi.lan.DatagramProcessor;
import dev.bmcagent.ipmi.lan.IpmiLanOptions;
import dev.bmcagent.ipmi.lan.IpmiLanServer;
import dev.bmcagent.ipmi.lan.LanCounters;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.registry.CommandRegistry;
import dev.bmcagent.ipmi.registry.Dispatcher;
import dev.bmcagent.ipmi.sdr.SdrRepository;
import dev.bmcagent.ipmi.sdr.SensorCatalog;
import dev.bmcagent.ipmi.sdr.SensorNumbers;
import dev.bmcagent.ipmi.sel.InMemorySelStore;
import dev.bmcagent.ipmi.sel.SelClock;
import dev.bmcagent.ipmi.sel.SelEvents;
import dev.bmcagent.ipmi.sel.SelRecord;
import dev.bmcagent.ipmi.sel.SystemEvent;
import dev.bmcagent.ipmi.session.InMemoryUserDirectory;
import dev.bmcagent.ipmi.session.IpmiUser;
import dev.bmcagent.ipmi.session.LanPacketProcessor;
import dev.bmcagent.ipmi.session.SourceLockout;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The IPMI benchmark target: the real {@link IpmiLanServer} over {@link LanPacketProcessor} and the
 * {@link StandardCommands} dispatcher on 127.0.0.1, with one administrator, the standard SDR (8 DIMMs, 4 fans)
 * and a SEL of {@code --sel} records (default 1,000) written as repeated realistic boots through
 * {@link SelEvents}. Not the full agent runtime: this is the LAN server + dispatcher alone.
 *
 * <pre>java -cp ... dev.bmcagent.bench.IpmiBenchTarget --port 6230 --user admin --password secret [--sel 1000]
 *      [--max-seconds 3600] [--warmup-datagrams 200000] [--time-processor true]</pre>
 * Warms the JIT up first ({@link #warmUp}: a long-running server is warm), then prints
 * {@code READY port=... sel=... sdr=...} once bound; stops on stdin EOF, SIGTERM or the time limit,
 * printing {@code STATS ...} (the server's counters).
 */
public final class IpmiBenchTarget implements AutoCloseable {
    private static final UUID DEVICE_GUID = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3");
    private static final UUID SYSTEM_GUID = UUID.fromString("12345678-9abc-4def-8123-456789abcdef");
    private static final int DIMMS = 8;
    private static final int FANS = 4;
    /** Requests per warm-up session: short sessions, so session setup is compiled too. */
    private static final int SESSION_REQUESTS = 100;

    private final SystemScheduler scheduler = new SystemScheduler("ipmi-bench-clock");
    private final InMemorySelStore sel;
    private final LanCounters counters = new LanCounters();
    private final LanPacketProcessor processor;
    private final IpmiLanServer server;
    private final TimedProcessor processTimes;
    private final String user;
    private final String password;
    private final int sdrRecords;

    IpmiBenchTarget(int port, String user, String password, int selRecords) {
        this(port, user, password, selRecords, false);
    }

    /** {@code timed}: also time each {@code process} call in the server (diagnostic, printed on close). */
    IpmiBenchTarget(int port, String user, String password, int selRecords, boolean timed) {
        this.user = user;
        this.password = password;
        Clock clock = scheduler.clock();
        SelClock selClock = new SelClock(clock);
        sel = new InMemorySelStore(selClock);
        Map<Integer, SensorReading> readings = new ConcurrentHashMap<>();
        fillReadings(readings);
        SdrRepository sdr = SdrRepository.build(
                "BMC",
                "Builtin FRU",
                SensorCatalog.standard(DIMMS, FANS),
                clock.instant().getEpochSecond());
        sdrRecords = SensorCatalog.standard(DIMMS, FANS).size();
        IpmiLanOptions options = IpmiLanOptions.defaults().withBind("127.0.0.1", port);
        AtomicReference<LanPacketProcessor> lan = new AtomicReference<>();
        StandardCommands.Ports ports = new StandardCommands.Ports(
                new BmcIdentity(0x20, 0x01, 2, 13, 0x00C0DE, 0x1234, 0x0A0B0C0D, DEVICE_GUID, SYSTEM_GUID),
                singleUser(user),
                () -> lan.get() == null ? 0 : lan.get().activeSessions(),
                HostScoped.single(new FixedAcpi()),
                HostScoped.single(new BenchHost()),
                HostScoped.single(new InMemoryBootOptionsStore()),
                HostScoped.single(n -> readings.getOrDefault(n, SensorReading.unavailable())),
                HostScoped.single(stored -> {}),
                HostScoped.single(sel),
                HostScoped.single(selClock),
                HostScoped.single(sdr),
                HostScoped.single(FruImage.of(fruInventory())),
                options.allowInsecure());
        Dispatcher dispatcher = new Dispatcher(
                StandardCommands.register(CommandRegistry.builder(), ports).build());
        fillSel(selRecords);
        // hyperfine runs ipmitool back to back from one address: the RAKP 1 rate limit is lifted, the lockout stays
        SourceLockout guard = new SourceLockout(
                options.lockoutThreshold(),
                options.lockoutWindow(),
                options.lockoutDuration(),
                Integer.MAX_VALUE / 2,
                Integer.MAX_VALUE / 2);
        processor = new LanPacketProcessor(
                options,
                new InMemoryUserDirectory(IpmiUser.of(2, user, password, Privilege.ADMINISTRATOR)),
                guard,
                dispatcher,
                0,
                BmcIdentity.ipmiGuidBytes(SYSTEM_GUID),
                clock,
                new SecureRandom(),
                counters);
        lan.set(processor);
        processTimes = timed ? new TimedProcessor(processor) : null;
        server = new IpmiLanServer(options, timed ? processTimes : processor, counters);
    }

    public static void main(String[] args) throws InterruptedException {
        BenchOptions o = BenchOptions.parse(args);
        int port = (int) o.number("port", 0, 0, 65_535);
        int selRecords = (int) o.number("sel", 1000, 0, InMemorySelStore.DEFAULT_CAPACITY);
        long maxSeconds = o.number("max-seconds", 3600, 1, 86_400);
        IpmiBenchTarget target = new IpmiBenchTarget(
                port,
                o.string("user", "admin"),
                o.string("password", "benchpass"),
                selRecords,
                o.has("time-processor"));
        long t0 = System.nanoTime();
        long warm = o.number("warmup-datagrams", 200_000, 0, 10_000_000);
        try {
            target.warmUp((int) warm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("warm-up failed", e);
        }
        long warmNanos = System.nanoTime() - t0;
        t0 = System.nanoTime();
        InetSocketAddress bound = target.server.startBlocking();
        System.out.printf(
                Locale.ROOT,
                "READY port=%d sel=%d sdr=%d warmup_datagrams=%d warmup_ms=%.0f start_ms=%.1f%n",
                bound.getPort(),
                target.sel.info().entries(),
                target.sdrRecords,
                warm,
                warmNanos / 1e6,
                (System.nanoTime() - t0) / 1e6);
        System.out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            target.close();
                            stop.countDown();
                        },
                        "ipmi-bench-shutdown"));
        Thread stdin = new Thread(
                () -> {
                    drain(System.in);
                    stop.countDown();
                },
                "ipmi-bench-stdin");
        stdin.setDaemon(true);
        stdin.start();
        if (!stop.await(maxSeconds, TimeUnit.SECONDS)) {
            System.out.println("time limit reached");
        }
        System.exit(0);
    }

    /**
     * Runs {@code datagrams} requests through the session layer in this thread before the socket opens, as a
     * long-running server would have seen them (JIT compilation): per session, as ipmitool does, Get Channel
     * Authentication Capabilities (IPMI v1.5) and Get Channel Cipher Suites, the login (suites 17 and 3 in
     * turn), Set Session Privilege Level, 100 requests (Get SEL Entry over the whole SEL, Get SDR, Get Device
     * ID) and Close Session. The sessions' source port (9) is one no client uses; every session is closed.
     */
    void warmUp(int datagrams) throws GeneralSecurityException {
        // in-process only: no packet is sent
        InetSocketAddress from = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
        int sent = 0;
        int round = 0;
        while (sent < datagrams) {
            BenchConsole console = new BenchConsole(
                    round++ % 2 == 0 ? 17 : 3, d -> processor.process(d, from).orElse(null));
            expectReply(console.authCapabilitiesRequest(), from, "Get Channel Authentication Capabilities");
            expectReply(console.cipherSuitesRequest(), from, "Get Channel Cipher Suites");
            console.login(user, password);
            expectReply(console.privilegeRequest(), from, "Set Session Privilege Level");
            sent += 6;
            for (int i = 0; i < SESSION_REQUESTS && sent < datagrams; i++, sent++) {
                int id = (round * SESSION_REQUESTS + i) % 1000 + 1;
                byte[] request = switch (i % 20) {
                    case 0 -> console.request(0x06, 0x01); // Get Device ID
                    case 1 -> console.request(0x0A, 0x23, new byte[] {0, 0, (byte) (i % 19), 0, 0, (byte) 0xFF});
                    default ->
                        console.request(
                                0x0A,
                                0x43, // Get SEL Entry
                                new byte[] {0, 0, (byte) id, (byte) (id >> 8), 0, (byte) 0xFF});
                };
                expectReply(request, from, "warm-up request");
            }
            processor.process(console.closeRequest(), from);
        }
    }

    private void expectReply(byte[] request, InetSocketAddress from, String what) {
        if (processor.process(request, from).isEmpty()) {
            throw new IllegalStateException(what + " unanswered during warm-up");
        }
    }

    /** The session layer alone (for the in-process microbenchmark; the server need not be started). */
    LanPacketProcessor processor() {
        return processor;
    }

    @Override
    public synchronized void close() {
        server.close();
        scheduler.close();
        System.out.printf(Locale.ROOT, "STATS %s%n", counters);
        if (processTimes != null && processTimes.count > 0) {
            System.out.println(
                    LatencyStats.of(processTimes.samples, processTimes.count).resultLine("process"));
        }
        System.out.flush();
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // wait for EOF
            }
        } catch (IOException e) {
            // stdin gone: same as EOF
        }
    }

    /**
     * Repeated boots as the agent logs them (ACPI transitions, restart cause, firmware progress, a boot error,
     * OS boot) with a threshold excursion on a DIMM and a fan every fourth boot, until {@code count} records.
     */
    private void fillSel(int count) {
        SystemEvent[] boot = {
            SelEvents.acpiState(AcpiSystemState.S5_G2),
            SelEvents.systemRestart(RestartCause.CHASSIS_CONTROL.code()),
            SelEvents.firmwareProgress(0x19), // primary CPU initialization
            SelEvents.firmwareProgress(0x01), // memory initialization
            SelEvents.firmwareProgress(0x07), // PCI resource configuration
            SelEvents.firmwareProgress(0x13), // system boot initiated
            SelEvents.bootError(SelEvents.BOOT_ERROR_PXE_SERVER_NOT_FOUND),
            SelEvents.acpiState(AcpiSystemState.S2_D2),
            SelEvents.acpiState(AcpiSystemState.S0_G0_D0),
            SelEvents.osBoot(SelEvents.OS_BOOT_COMPLETED),
            SelEvents.threshold(SelEvents.TYPE_TEMPERATURE, SensorNumbers.dimmTemp(2), 0x07, false, 0x56, 0x55),
            SelEvents.threshold(SelEvents.TYPE_TEMPERATURE, SensorNumbers.dimmTemp(2), 0x07, true, 0x50, 0x55),
            SelEvents.threshold(SelEvents.TYPE_FAN, SensorNumbers.sysFan(3), 0x00, false, 0x08, 0x0A),
            SelEvents.threshold(SelEvents.TYPE_FAN, SensorNumbers.sysFan(3), 0x00, true, 0x30, 0x0A),
        };
        for (int i = 0; i < count; i++) {
            sel.append(SelRecord.of(0, 0, boot[i % boot.length]));
        }
    }

    private static void fillReadings(Map<Integer, SensorReading> readings) {
        readings.put(SensorNumbers.CPU_TEMP, SensorReading.raw(47));
        readings.put(SensorNumbers.CPU_POWER, SensorReading.raw(61));
        readings.put(SensorNumbers.ACPI_STATUS, SensorReading.discrete(1));
        readings.put(SensorNumbers.RESTART_CAUSE, SensorReading.discrete(1 << 7));
        readings.put(SensorNumbers.FW_PROGRESS, SensorReading.discrete(1 << 2));
        readings.put(SensorNumbers.BOOT_ERROR, SensorReading.discrete(1 << 2));
        readings.put(SensorNumbers.OS_BOOT, SensorReading.discrete(1 << 6));
        for (int slot = 0; slot < DIMMS; slot++) {
            readings.put(SensorNumbers.dimmTemp(slot), SensorReading.raw(36 + slot));
        }
        for (int n = 1; n <= FANS; n++) {
            readings.put(SensorNumbers.sysFan(n), SensorReading.raw(50 + n));
        }
    }

    private static UserInfo singleUser(String name) {
        return new UserInfo() {
            @Override
            public int maxUsers() {
                return 10;
            }

            @Override
            public Optional<UserEntry> find(int userId) {
                return userId == 2
                        ? Optional.of(new UserEntry(name, true, Privilege.ADMINISTRATOR, false))
                        : Optional.empty();
            }
        };
    }

    private static FruInventory fruInventory() {
        return new FruInventory(
                FruInventory.CHASSIS_RACK_MOUNT,
                "CH-4711",
                "CHS0001",
                Instant.parse("2025-06-07T08:09:00Z"),
                "Example Systems",
                "BMC-AGENT-BOARD",
                "BRD123456",
                "PN-0815",
                "Example Systems",
                "bmc-agent server",
                "SRV-42",
                "1.0",
                "SN987654",
                "ASSET-7");
    }

    /** Times each {@link LanPacketProcessor#process} call (the last 2^20 datagrams) with {@code System.nanoTime}. */
    private static final class TimedProcessor implements DatagramProcessor {
        private final LanPacketProcessor delegate;
        private final long[] samples = new long[1 << 20];
        private int count;
        private int next;

        TimedProcessor(LanPacketProcessor delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<byte[]> process(byte[] datagram, InetSocketAddress sender) {
            long t0 = System.nanoTime();
            Optional<byte[]> reply = delegate.process(datagram, sender);
            samples[next] = System.nanoTime() - t0;
            next = (next + 1) & (samples.length - 1);
            count = Math.min(count + 1, samples.length);
            return reply;
        }

        @Override
        public void afterReply() {
            delegate.afterReply();
        }
    }

    /** The host stays in S0/D0. */
    private static final class FixedAcpi implements AcpiStatePort {
        @Override
        public AcpiPowerState current() {
            return new AcpiPowerState(AcpiSystemState.S0_G0_D0, AcpiDeviceState.D0);
        }

        @Override
        public void reportFromHost(Optional<AcpiSystemState> system, Optional<AcpiDeviceState> device) {
            // fixed host state
        }
    }

    /** A powered-on host that accepts chassis actions and does nothing with them. */
    private static final class BenchHost implements HostControl {
        private volatile boolean on = true;

        @Override
        public ChassisStatus chassisStatus() {
            return new ChassisStatus(on, ChassisStatus.RestorePolicy.PREVIOUS, false, false, true, false);
        }

        @Override
        public Result powerControl(ChassisAction action) {
            if (action == ChassisAction.POWER_DOWN || action == ChassisAction.SOFT_SHUTDOWN) {
                on = false;
            } else if (action == ChassisAction.POWER_UP) {
                on = true;
            }
            return Result.DONE;
        }

        @Override
        public RestartCause restartCause() {
            return RestartCause.CHASSIS_CONTROL;
        }

        @Override
        public int restartChannel() {
            return 1;
        }
    }
}
