package dev.bmcagent.openbmc;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.agent.runtime.BmcRuntime;
import dev.bmcagent.agent.runtime.RuntimeOptions;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.event.InMemoryEventHistory;
import dev.bmcagent.core.node.HostNode;
import dev.bmcagent.core.node.NodeTiming;
import dev.bmcagent.core.sensor.SensorKind;
import dev.bmcagent.journal.Account;
import dev.bmcagent.journal.Role;
import dev.bmcagent.journal.StoreKind;
import dev.bmcagent.journal.Stores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent on a real {@code dbus-daemon} with emulated phosphor services, driven and checked with the real
 * {@code busctl}; the SEL checked with the real {@code ipmitool sel elist} over the agent's RMCP+ port.
 */
class OpenBmcLinkTest {
    static final String ADMIN = "admin";
    static final String PASSWORD = "Dbus-Test-42";
    static final String AGENT_NAME = "dev.bmcagent.Agent";

    @TempDir
    Path dir;

    PrivateBus bus;
    PhosphorServices phosphor;
    OpenBmcLink link;
    SystemScheduler scheduler;
    Stores stores;
    BmcRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        bus = new PrivateBus(dir);
        phosphor = new PhosphorServices(bus.address);
        OpenBmcSettings settings = new OpenBmcSettings(
                bus.address,
                AGENT_NAME,
                List.of(
                        new OpenBmcSettings.Sensor(
                                "DIMM_TEMP_0",
                                SensorKind.TEMPERATURE,
                                PhosphorServices.TEMP_SERVICE,
                                PhosphorServices.DIMM,
                                GateClass.NOT_DURING_FIRMWARE_INIT),
                        new OpenBmcSettings.Sensor(
                                "CPU_TEMP",
                                SensorKind.TEMPERATURE,
                                PhosphorServices.TEMP_SERVICE,
                                PhosphorServices.CPU,
                                GateClass.HOST_ON),
                        new OpenBmcSettings.Sensor(
                                "INLET_TEMP",
                                SensorKind.TEMPERATURE,
                                PhosphorServices.TEMP_SERVICE,
                                PhosphorServices.INLET,
                                GateClass.ALWAYS)),
                List.of(new OpenBmcSettings.Zone(
                        Pdi.FAN_CTRL_SERVICE,
                        PhosphorServices.ZONE,
                        List.of(new OpenBmcSettings.Pwm(PhosphorServices.FAN_SERVICE, PhosphorServices.PWM)))));
        link = OpenBmcLink.open(settings);
        scheduler = new SystemScheduler("openbmc-test");
        stores = Stores.inMemory(Stores.DEFAULT_HISTORY_PER_HOST);
        stores.accounts().put(Account.of(ADMIN, PASSWORD, Role.ADMINISTRATOR)).join();
        RuntimeOptions o = RuntimeOptions.builder(1, dir)
                .store(StoreKind.MEMORY)
                .selCapacity(64)
                .timing(new NodeTiming(Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(100)))
                .build();
        runtime = BmcRuntime.builder(o, stores)
                .history(new InMemoryEventHistory())
                .link(Optional.of(link))
                .start(scheduler, new SecureRandom());
    }

    @AfterEach
    void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        if (link != null) {
            link.close();
        }
        if (stores != null) {
            stores.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        if (phosphor != null) {
            phosphor.close();
        }
        if (bus != null) {
            bus.close();
        }
    }

    HostNode node() {
        return runtime.node(0);
    }

    String get(String service, String path, String iface, String prop) throws Exception {
        return bus.busctl("get-property", service, path, iface, prop);
    }

    String available(String path) throws Exception {
        return get(PhosphorServices.TEMP_SERVICE, path, Pdi.AVAILABILITY, "Available");
    }

    String agent(String prop) throws Exception {
        return get(AGENT_NAME, BootStateObject.path(0), BootStateObject.IFACE, prop);
    }

    void setAcpi(String state) throws Exception {
        bus.busctl(
                "set-property",
                Pdi.SETTINGS_SERVICE,
                Pdi.acpiPath(0),
                Pdi.ACPI,
                "SysACPIStatus",
                "s",
                Pdi.enumValue(Pdi.ACPI_ENUM, state));
    }

    void setPower(String state) throws Exception {
        bus.busctl(
                "set-property",
                Pdi.CHASSIS_SERVICE,
                Pdi.chassisPath(0),
                Pdi.CHASSIS,
                "CurrentPowerState",
                "s",
                Pdi.enumValue(Pdi.CHASSIS_POWER_STATE, state));
    }

    /** ipmitool's table with runs of spaces squashed: "NAME | 08h | ok | 55.1 | 24 degrees C". */
    static String squash(String s) {
        return s.replaceAll(" +", " ");
    }

    static String ipmitool(int port, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(
                "ipmitool",
                "-I",
                "lanplus",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-U",
                ADMIN,
                "-P",
                PASSWORD,
                "-C",
                "17"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ipmitool timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void hostOffGatesHostPoweredSensorsAsUnavailable() throws Exception {
        await().until(() -> link.sensors().markedUnavailable(PhosphorServices.CPU));
        assertEquals("b false", available(PhosphorServices.DIMM));
        assertEquals("b false", available(PhosphorServices.CPU));
        assertEquals("b true", available(PhosphorServices.INLET));
        assertEquals("s \"S5_G2\"", agent("SystemACPIState"));
        assertEquals("b false", agent("PowerGood"));

        // dbus-sensors marks a sensor available again after its own successful read: the agent re-asserts the gate
        bus.busctl(
                "set-property",
                PhosphorServices.TEMP_SERVICE,
                PhosphorServices.DIMM,
                Pdi.AVAILABILITY,
                "Available",
                "b",
                "true");
        await().until(() -> available(PhosphorServices.DIMM).equals("b false"));
    }

    @Test
    void s2d2OverDbusLogsTheSelRecordClosesTheGateAndTakesTheFanZone() throws Exception {
        setPower("On");
        await().until(() -> node().state().powerOn());

        setAcpi("S2_D2"); // what phosphor-host-ipmid writes on the host's Set ACPI Power State
        await().until(() -> node().state().system() == AcpiSystemState.S2_D2);
        assertTrue(node().state().closedGates().contains(GateClass.NOT_DURING_FIRMWARE_INIT));
        await().until(() -> node().fanLoop().mode() == FanMode.FixedDuty);
        await().until(() -> get(Pdi.FAN_CTRL_SERVICE, PhosphorServices.ZONE, Pdi.CONTROL_MODE, "Manual")
                .equals("b true"));
        // FanPolicy.DEFAULT fixed duty 60 % → Target round(60 * 255 / 100) = 153
        await().until(() -> get(PhosphorServices.FAN_SERVICE, PhosphorServices.PWM, Pdi.FAN_PWM, "Target")
                .equals("t 153"));
        assertEquals("b false", available(PhosphorServices.DIMM));
        await().until(() -> agent("SystemACPIState").equals("s \"S2_D2\""));
        assertEquals("s \"FixedDuty\"", agent("FanMode"));

        // the D-Bus readings reach IPMI through the agent's poller (sensors named as the agent's SDR names them)
        await().until(() -> squash(ipmitool(runtime.ipmiAddress(0).getPort(), "sdr", "elist"))
                .contains("INLET_TEMP | 08h | ok | 55.1 | 24 degrees C"));
        String sdr = squash(ipmitool(runtime.ipmiAddress(0).getPort(), "sdr", "elist"));
        System.out.println("ipmitool sdr elist:\n" + sdr);
        assertTrue(sdr.contains("DIMM_TEMP_0 | 10h | ns | 32.1 | No Reading"), sdr);
        assertTrue(sdr.contains("CPU_TEMP | 01h | ns | 3.1 | No Reading"), sdr);

        String sel = ipmitool(runtime.ipmiAddress(0).getPort(), "sel", "elist");
        System.out.println("ipmitool sel elist:\n" + sel);
        assertTrue(
                sel.contains(
                        "System ACPI Power State ACPI_STATUS | S2: sleeping, processor context lost | " + "Asserted"),
                sel);

        // firmware progress through Boot.Progress and a POST code through Boot.Raw
        bus.busctl(
                "set-property",
                Pdi.HOST_SERVICE,
                Pdi.hostPath(0),
                Pdi.BOOT_PROGRESS,
                "BootProgress",
                "s",
                Pdi.enumValue(Pdi.PROGRESS_STAGES, "MemoryInit"));
        await().until(() -> node().state().progress().lastState() == BootProgressState.MemoryInitializationStarted);
        await().until(() -> agent("BootProgress").equals("s \"MemoryInitializationStarted\""));
        bus.busctl(
                "set-property",
                Pdi.BOOT_RAW_SERVICE,
                Pdi.rawPath(0),
                Pdi.BOOT_RAW,
                "Value",
                "(ayay)",
                "1",
                "0x92",
                "0");
        await().until(() -> runtime.history().read("host0", 1, 1000).stream()
                .anyMatch(e -> e.event() instanceof LifecycleEvent.PostCodeSeen p && p.code() == 0x92));

        // S0: the gate opens, the zone goes back to pid-control, the DIMM is available again
        setAcpi("S0_G0_D0");
        await().until(() -> node().state().closedGates().isEmpty());
        await().until(() -> get(Pdi.FAN_CTRL_SERVICE, PhosphorServices.ZONE, Pdi.CONTROL_MODE, "Manual")
                .equals("b false"));
        await().until(() -> available(PhosphorServices.DIMM).equals("b true"));
        await().until(() -> available(PhosphorServices.CPU).equals("b true"));
        await().until(() -> squash(ipmitool(runtime.ipmiAddress(0).getPort(), "sdr", "elist"))
                .contains("DIMM_TEMP_0 | 10h | ok | 32.1 | 35 degrees C"));

        // power-good lost on the chassis: the agent infers S5 and says so on its object
        setPower("Off");
        await().until(() -> agent("SystemACPIState").equals("s \"S5_G2\""));
        assertEquals("b true", agent("ACPIStateInferred"));
        await().until(() -> available(PhosphorServices.DIMM).equals("b false"));
    }

    @Test
    void aServiceThatRestartsWithAnotherValueIsReadAgain() throws Exception {
        assertEquals("b false", agent("PowerGood"));
        // phosphor-state-manager restarts (or starts after the agent) with the chassis on: no PropertiesChanged
        phosphor.restartChassis(bus.address, "On");
        await().until(() -> node().state().powerOn());
        await().until(() -> agent("PowerGood").equals("b true"));
        // and its signals count again (the new owner is the one checked)
        setPower("Off");
        await().until(() -> !node().state().powerOn());
    }

    @Test
    void powerActionsBecomeRequestedTransitions() throws Exception {
        node().submit(new LifecycleInput.PowerCommand(LifecycleInput.PowerAction.ON))
                .get(5, TimeUnit.SECONDS);
        await().until(() -> get(Pdi.HOST_SERVICE, Pdi.hostPath(0), Pdi.HOST, "RequestedHostTransition")
                .equals("s \"xyz.openbmc_project.State.Host.Transition.On\""));
        node().submit(new LifecycleInput.PowerCommand(LifecycleInput.PowerAction.POWER_CYCLE))
                .get(5, TimeUnit.SECONDS);
        await().until(() -> get(Pdi.CHASSIS_SERVICE, Pdi.chassisPath(0), Pdi.CHASSIS, "RequestedPowerTransition")
                .equals("s \"xyz.openbmc_project.State.Chassis.Transition.PowerCycle\""));
    }

    @Test
    void theAgentsObjectIsReadOnlyAndForgedSignalsAreIgnored() throws Exception {
        PrivateBus.Result r = bus.busctlResult(
                "set-property",
                AGENT_NAME,
                BootStateObject.path(0),
                BootStateObject.IFACE,
                "SystemACPIState",
                "s",
                "S0_G0_D0");
        assertTrue(r.exit() != 0, r.output());
        assertTrue(r.output().contains("read-only"), r.output());
        String introspect = bus.busctl("introspect", AGENT_NAME, BootStateObject.path(0), BootStateObject.IFACE);
        System.out.println("busctl introspect:\n" + introspect);
        assertTrue(introspect.contains(".BootProgress") && introspect.contains(".ClosedGates"), introspect);
        assertTrue(bus.busctl("tree", AGENT_NAME).contains(BootStateObject.path(0)));
        assertEquals("s \"S5_G2\"", agent("SystemACPIState"));

        setPower("On");
        await().until(() -> node().state().powerOn());
        setAcpi("S2_D2");
        await().until(() -> node().state().system() == AcpiSystemState.S2_D2);
        // busctl's own connection is not xyz.openbmc_project.Settings: its PropertiesChanged must not count
        bus.busctl(
                "emit",
                Pdi.acpiPath(0),
                "org.freedesktop.DBus.Properties",
                "PropertiesChanged",
                "sa{sv}as",
                Pdi.ACPI,
                "1",
                "SysACPIStatus",
                "s",
                Pdi.enumValue(Pdi.ACPI_ENUM, "S0_G0_D0"),
                "0");
        // a real change afterwards is taken (same delivery thread): the forged one was seen and dropped, not slow
        bus.busctl(
                "set-property",
                Pdi.HOST_SERVICE,
                Pdi.hostPath(0),
                Pdi.BOOT_PROGRESS,
                "BootProgress",
                "s",
                Pdi.enumValue(Pdi.PROGRESS_STAGES, "MemoryInit"));
        await().until(() -> node().state().progress().lastState() == BootProgressState.MemoryInitializationStarted);
        assertEquals(AcpiSystemState.S2_D2, node().state().system(), "the forged S0 was taken");
        assertTrue(
                runtime.history().read("host0", 1, 1000).stream()
                        .noneMatch(e -> e.event() instanceof LifecycleEvent.AcpiChanged a
                                && a.system() == AcpiSystemState.S0_G0_D0),
                "the forged S0 was taken");
    }
}
