package dev.bmcagent.it.ipmi;

import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.common.time.HandClock;
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
import dev.bmcagent.ipmi.lan.IpmiLanOptions;
import dev.bmcagent.ipmi.lan.IpmiLanServer;
import dev.bmcagent.ipmi.lan.LanCounters;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.message.RequestContext;
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
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One managed host's IPMI LAN endpoint as the agent assembles it: {@link IpmiLanServer} over
 * {@link LanPacketProcessor} and the {@link StandardCommands} table, over in-memory ports filled with a
 * realistic boot (a whole SEL written through {@link SelEvents}, the standard SDR with 8 DIMMs and 4 fans,
 * readings with one gated DIMM sensor, a FRU image) and a {@link HostControl} that records chassis actions.
 */
public final class IpmiAgentFixture implements AutoCloseable {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "Adm1n-Secret";
    public static final String OPERATOR = "operator";
    public static final String OPERATOR_PASSWORD = "0per-Secret";
    public static final String USER = "user";
    public static final String USER_PASSWORD = "Us3r-Secret";
    public static final String DISABLED = "disabled";
    public static final String DISABLED_PASSWORD = "D1sabled-Secret";

    /** SEL time base: 2026-11-22T08:00:00Z. */
    public static final Instant BOOT_START = Instant.parse("2026-11-22T08:00:00Z");

    public static final UUID DEVICE_GUID = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3");
    public static final UUID SYSTEM_GUID = UUID.fromString("12345678-9abc-4def-8123-456789abcdef");
    /** The DIMM whose SMBus read is gated (reading unavailable). */
    public static final int GATED_DIMM_SLOT = 3;

    private final HandClock selBase = new HandClock(BOOT_START);
    private final HandClock sessionClock = new HandClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final SelClock selClock = new SelClock(selBase);
    private final InMemorySelStore sel = new InMemorySelStore(selClock);
    private final InMemoryBootOptionsStore bootOptions = new InMemoryBootOptionsStore();
    private final Map<Integer, SensorReading> readings = new ConcurrentHashMap<>();
    private final List<ChassisAction> actions = new CopyOnWriteArrayList<>();
    private final List<SelRecord> platformEvents = new CopyOnWriteArrayList<>();
    private final RecordingHost host = new RecordingHost();
    private final Dispatcher dispatcher;
    private final LanPacketProcessor processor;
    private final IpmiLanServer server;

    private IpmiAgentFixture(int port) {
        IpmiUser disabled = new IpmiUser(
                5, DISABLED, false, DISABLED_PASSWORD.getBytes(StandardCharsets.US_ASCII), Privilege.ADMINISTRATOR);
        InMemoryUserDirectory directory = new InMemoryUserDirectory(
                IpmiUser.of(2, ADMIN, ADMIN_PASSWORD, Privilege.ADMINISTRATOR),
                IpmiUser.of(3, OPERATOR, OPERATOR_PASSWORD, Privilege.OPERATOR),
                IpmiUser.of(4, USER, USER_PASSWORD, Privilege.USER),
                disabled);
        UserInfo userInfo = new UserInfo() {
            @Override
            public int maxUsers() {
                return 10;
            }

            @Override
            public Optional<UserEntry> find(int userId) {
                return switch (userId) {
                    case 2 -> Optional.of(new UserEntry(ADMIN, true, Privilege.ADMINISTRATOR, false));
                    case 3 -> Optional.of(new UserEntry(OPERATOR, true, Privilege.OPERATOR, false));
                    case 4 -> Optional.of(new UserEntry(USER, true, Privilege.USER, false));
                    case 5 -> Optional.of(new UserEntry(DISABLED, false, Privilege.ADMINISTRATOR, false));
                    default -> Optional.empty();
                };
            }
        };
        AcpiStatePort acpi = new AcpiStatePort() {
            @Override
            public AcpiPowerState current() {
                return new AcpiPowerState(AcpiSystemState.S0_G0_D0, AcpiDeviceState.D0);
            }

            @Override
            public void reportFromHost(Optional<AcpiSystemState> system, Optional<AcpiDeviceState> device) {
                // the fixture's host state is fixed at S0/D0
            }
        };
        BmcIdentity identity =
                new BmcIdentity(0x20, 0x01, 2, 13, 0x00C0DE, 0x1234, 0x0A0B0C0D, DEVICE_GUID, SYSTEM_GUID);
        SdrRepository sdr =
                SdrRepository.build("BMC", "Builtin FRU", SensorCatalog.standard(8, 4), BOOT_START.getEpochSecond());
        IpmiLanOptions options = IpmiLanOptions.defaults()
                .withBind("127.0.0.1", port)
                .withLockout(1000, Duration.ofMinutes(5), Duration.ofMinutes(5));
        AtomicReference<LanPacketProcessor> lan = new AtomicReference<>();
        StandardCommands.Ports ports = new StandardCommands.Ports(
                identity,
                userInfo,
                () -> lan.get() == null ? 0 : lan.get().activeSessions(),
                HostScoped.single(acpi),
                HostScoped.single(host),
                HostScoped.single(bootOptions),
                HostScoped.single(n -> readings.getOrDefault(n, SensorReading.unavailable())),
                HostScoped.single(platformEvents::add),
                HostScoped.single(sel),
                HostScoped.single(selClock),
                HostScoped.single(sdr),
                HostScoped.single(FruImage.of(fruInventory())),
                options.allowInsecure());
        dispatcher = new Dispatcher(
                StandardCommands.register(CommandRegistry.builder(), ports).build());
        fillReadings();
        writeBoot();
        LanCounters counters = new LanCounters();
        processor = new LanPacketProcessor(
                options,
                directory,
                dispatcher,
                0,
                BmcIdentity.ipmiGuidBytes(SYSTEM_GUID),
                sessionClock,
                new SecureRandom(),
                counters);
        lan.set(processor);
        server = new IpmiLanServer(options, processor, counters);
    }

    /** Starts on a free 127.0.0.1 UDP port. */
    public static IpmiAgentFixture start() {
        return start(0);
    }

    /** Starts on 127.0.0.1:{@code port} (0 = free port); throws if the port cannot be bound. */
    public static IpmiAgentFixture start(int port) {
        IpmiAgentFixture f = new IpmiAgentFixture(port);
        f.server.startBlocking();
        return f;
    }

    public int port() {
        return server.localAddress().getPort();
    }

    /** Chassis actions HostControl received, oldest first. */
    public List<ChassisAction> actions() {
        return List.copyOf(actions);
    }

    public Optional<ChassisAction> lastAction() {
        return actions.isEmpty() ? Optional.empty() : Optional.of(actions.get(actions.size() - 1));
    }

    public InMemorySelStore sel() {
        return sel;
    }

    public InMemoryBootOptionsStore bootOptions() {
        return bootOptions;
    }

    public LanPacketProcessor processor() {
        return processor;
    }

    /**
     * Between two client processes: lets handshakes a refused client left half-open time out, as they would in
     * real time (the session clock is hand-advanced), so the per-source pending limit never blocks the next one.
     */
    public void betweenClients() {
        sessionClock.advance(Duration.ofSeconds(11));
        processor.sweep();
    }

    @Override
    public void close() {
        server.close();
    }

    private void fillReadings() {
        readings.put(SensorNumbers.CPU_TEMP, SensorReading.raw(47));
        readings.put(SensorNumbers.CPU_POWER, SensorReading.raw(61)); // 122 W
        readings.put(SensorNumbers.ACPI_STATUS, SensorReading.discrete(1)); // offset 00h S0/G0
        readings.put(SensorNumbers.RESTART_CAUSE, SensorReading.discrete(1 << 7)); // 07h system restart
        readings.put(SensorNumbers.FW_PROGRESS, SensorReading.discrete(1 << 2)); // 02h progress
        readings.put(SensorNumbers.BOOT_ERROR, SensorReading.discrete(1 << 2)); // 02h PXE server not found
        readings.put(SensorNumbers.OS_BOOT, SensorReading.discrete(1 << 6)); // 06h boot completed
        readings.put(SensorNumbers.INLET_TEMP, SensorReading.raw(24)); // 24 degrees C
        for (int slot = 0; slot < 8; slot++) {
            readings.put(
                    SensorNumbers.dimmTemp(slot),
                    slot == GATED_DIMM_SLOT ? SensorReading.unavailable() : SensorReading.raw(36 + slot));
        }
        for (int n = 1; n <= 4; n++) {
            readings.put(SensorNumbers.sysFan(n), SensorReading.raw(50 + n)); // 5100.. RPM
        }
    }

    /** A whole boot as the agent logs it, then two events the host's firmware sends itself. */
    private void writeBoot() {
        append(SelEvents.acpiState(AcpiSystemState.S5_G2));
        append(SelEvents.systemRestart(RestartCause.CHASSIS_CONTROL.code()));
        append(SelEvents.firmwareProgress(0x19)); // primary CPU initialization
        append(SelEvents.firmwareProgress(0x01)); // memory initialization
        append(SelEvents.firmwareProgress(0x07)); // PCI resource configuration
        append(SelEvents.firmwareProgress(0x13)); // system boot initiated
        append(SelEvents.bootError(SelEvents.BOOT_ERROR_PXE_SERVER_NOT_FOUND));
        append(SelEvents.acpiState(AcpiSystemState.S2_D2));
        append(SelEvents.acpiState(AcpiSystemState.S0_G0_D0));
        append(SelEvents.osBoot(SelEvents.OS_BOOT_COMPLETED));
        // Platform Event Messages over the system interface (generator 01h = BIOS), through the dispatcher
        hostEvent(
                0x01,
                SystemEvent.EVM_REV_IPMI_2,
                SelEvents.TYPE_SYSTEM_FIRMWARE,
                SensorNumbers.FW_PROGRESS,
                0x6F,
                0xC2,
                0x09,
                0xFF); // video initialization
        hostEvent(
                0x01,
                SystemEvent.EVM_REV_IPMI_2,
                SelEvents.TYPE_TEMPERATURE,
                SensorNumbers.CPU_TEMP,
                0x01,
                0x57,
                0x56,
                0x55); // upper non-critical high
    }

    private void append(SystemEvent event) {
        selBase.advance(Duration.ofSeconds(7));
        sel.append(SelRecord.of(0, 0, event));
    }

    private void hostEvent(int... bytes) {
        selBase.advance(Duration.ofSeconds(3));
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        IpmiResponse r = dispatcher.dispatch(
                new IpmiRequest(RequestContext.systemInterface(0), NetFn.SENSOR_EVENT, 0, 0x02, data));
        if (!r.completionCode().isOk()) {
            throw new IllegalStateException("platform event refused: " + r);
        }
    }

    static FruInventory fruInventory() {
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

    /** The host: power state follows the actions it is asked for. */
    private final class RecordingHost implements HostControl {
        private volatile boolean on = true;

        @Override
        public ChassisStatus chassisStatus() {
            return new ChassisStatus(on, ChassisStatus.RestorePolicy.PREVIOUS, false, false, true, false);
        }

        @Override
        public Result powerControl(ChassisAction action) {
            actions.add(action);
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
