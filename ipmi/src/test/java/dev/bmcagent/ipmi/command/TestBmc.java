package dev.bmcagent.ipmi.command;

import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
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
import dev.bmcagent.ipmi.message.Channel;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.message.RequestContext;
import dev.bmcagent.ipmi.registry.CommandRegistry;
import dev.bmcagent.ipmi.registry.Dispatcher;
import dev.bmcagent.ipmi.sdr.SdrRepository;
import dev.bmcagent.ipmi.sdr.SensorCatalog;
import dev.bmcagent.ipmi.sel.InMemorySelStore;
import dev.bmcagent.ipmi.sel.SelClock;
import dev.bmcagent.ipmi.sel.SelRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One BMC for one host, assembled from {@link StandardCommands} over in-memory ports and recording fakes. */
public final class TestBmc {
    /** 2026-03-04T05:06:07Z = 69A7BDBFh: bytes BF BD A7 69 on the wire. */
    public static final Instant START = Instant.parse("2026-03-04T05:06:07Z");

    public static final UUID DEVICE_GUID = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
    public static final UUID SYSTEM_GUID = UUID.fromString("12345678-9abc-4def-8123-456789abcdef");

    public final ManualClock clock = new ManualClock(START);
    public final SelClock selClock = new SelClock(clock);
    public final InMemorySelStore sel = new InMemorySelStore(selClock);
    public final SdrRepository sdr =
            SdrRepository.build("BMC", "Builtin FRU", SensorCatalog.standard(2, 2), START.getEpochSecond());
    public final InMemoryBootOptionsStore bootOptions = new InMemoryBootOptionsStore();
    public final Map<Integer, SensorReading> readings = new HashMap<>();
    public final List<SelRecord> events = new ArrayList<>();
    public final List<ChassisAction> actions = new ArrayList<>();
    public final List<String> acpiReports = new ArrayList<>();
    public HostControl.Result controlResult = HostControl.Result.DONE;
    /** Chassis Identify requests as "seconds/force". */
    public final List<String> identifies = new ArrayList<>();

    public boolean identifySupported = true;
    public AcpiPowerState acpiState = new AcpiPowerState(AcpiSystemState.S5_G2, AcpiDeviceState.D3);
    public final FruImage fru = FruImage.of(fruInventory());
    public final Dispatcher dispatcher;

    public TestBmc() {
        HostControl host = new HostControl() {
            @Override
            public ChassisStatus chassisStatus() {
                return new ChassisStatus(true, ChassisStatus.RestorePolicy.PREVIOUS, false, false, true, false);
            }

            @Override
            public Result powerControl(ChassisAction action) {
                actions.add(action);
                return controlResult;
            }

            @Override
            public RestartCause restartCause() {
                return RestartCause.CHASSIS_CONTROL;
            }

            @Override
            public int restartChannel() {
                return 1;
            }

            @Override
            public boolean identify(int seconds, boolean force) {
                identifies.add(seconds + "/" + force);
                return identifySupported;
            }
        };
        AcpiStatePort acpi = new AcpiStatePort() {
            @Override
            public AcpiPowerState current() {
                return acpiState;
            }

            @Override
            public void reportFromHost(Optional<AcpiSystemState> system, Optional<AcpiDeviceState> device) {
                acpiReports.add(system.map(Enum::name).orElse("-") + "/"
                        + device.map(Enum::name).orElse("-"));
            }
        };
        UserInfo users = new UserInfo() {
            @Override
            public int maxUsers() {
                return 15;
            }

            @Override
            public Optional<UserEntry> find(int userId) {
                return switch (userId) {
                    case 1 -> Optional.of(new UserEntry("", false, Privilege.USER, true));
                    case 2 -> Optional.of(new UserEntry("admin", true, Privilege.ADMINISTRATOR, false));
                    case 3 -> Optional.of(new UserEntry("operator", true, Privilege.OPERATOR, false));
                    default -> Optional.empty();
                };
            }
        };
        BmcIdentity identity =
                new BmcIdentity(0x20, 0x01, 0x02, 13, 0x00C0DE, 0x1234, 0x0A0B0C0D, DEVICE_GUID, SYSTEM_GUID);
        StandardCommands.Ports ports = new StandardCommands.Ports(
                identity,
                users,
                () -> 3,
                HostScoped.single(acpi),
                HostScoped.single(host),
                HostScoped.single(bootOptions),
                HostScoped.single(n -> readings.getOrDefault(n, SensorReading.unavailable())),
                HostScoped.single(events::add),
                HostScoped.single(sel),
                HostScoped.single(selClock),
                HostScoped.single(sdr),
                HostScoped.single(fru),
                false);
        dispatcher = new Dispatcher(
                StandardCommands.register(CommandRegistry.builder(), ports).build());
    }

    public static FruInventory fruInventory() {
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

    public IpmiResponse lan(Privilege privilege, int netFn, int cmd, String hex) {
        return dispatcher.dispatch(new IpmiRequest(
                new RequestContext(Channel.LAN, privilege, "admin", 0x1234, 0), netFn, 0, cmd, bytes(hex)));
    }

    public IpmiResponse lan(int netFn, int cmd, String hex) {
        return lan(Privilege.ADMINISTRATOR, netFn, cmd, hex);
    }

    public IpmiResponse host(int netFn, int cmd, String hex) {
        return dispatcher.dispatch(new IpmiRequest(RequestContext.systemInterface(0), netFn, 0, cmd, bytes(hex)));
    }

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    public static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b);
    }

    /** A hand-advanced clock. */
    public static final class ManualClock extends Clock {
        private volatile Instant now;

        public ManualClock(Instant start) {
            now = start;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
