package dev.bmcagent.it.openbmc;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.it.AgentJvm;
import dev.bmcagent.openbmc.Pdi;
import dev.bmcagent.openbmc.PhosphorServices;
import dev.bmcagent.openbmc.PrivateBus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bmc agent --config} (its own JVM) with {@code hostLink: dbus} on a real private {@code dbus-daemon} next to
 * emulated phosphor services: {@code busctl set-property} of SysACPIStatus to S2_D2 → the SEL record over
 * {@code ipmitool sel elist}, the pid-control zone in Manual with the fixed duty, the DIMM sensor unavailable.
 */
class OpenBmcAgentIT {
    private static final String PASSWORD = "Dbus-IT-42";

    @TempDir
    Path dir;

    @Test
    void s2d2SetOnDbusReachesTheSelTheFanZoneAndTheSensor() throws Exception {
        try (PrivateBus bus = new PrivateBus(dir);
                PhosphorServices phosphor = new PhosphorServices(bus.address)) {
            int ipmiPort = FreePorts.udp();
            int redfishPort = FreePorts.tcp();
            Path config = dir.resolve("agent.yaml");
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "hosts: 1",
                            "dataDir: " + dir.resolve("data"),
                            "adminPassword: " + PASSWORD,
                            "ipmiPort: " + ipmiPort,
                            "redfishPort: " + redfishPort,
                            "mqttPort: " + FreePorts.tcp(),
                            "hostPort: " + FreePorts.tcp(),
                            "hostLink: dbus",
                            "openbmc:",
                            "  busAddress: " + bus.address,
                            "  sensors:",
                            "    - {name: DIMM_A0_TEMP, kind: TEMPERATURE, service: " + PhosphorServices.TEMP_SERVICE
                                    + ", path: " + PhosphorServices.DIMM + ", gate: NOT_DURING_FIRMWARE_INIT}",
                            "    - {name: INLET_TEMP, kind: TEMPERATURE, service: " + PhosphorServices.TEMP_SERVICE
                                    + ", path: " + PhosphorServices.INLET + ", gate: ALWAYS}",
                            "  zones:",
                            "    - service: " + Pdi.FAN_CTRL_SERVICE,
                            "      path: " + PhosphorServices.ZONE,
                            "      pwm:",
                            "        - {service: " + PhosphorServices.FAN_SERVICE + ", path: " + PhosphorServices.PWM
                                    + "}",
                            ""));
            Process agent = AgentJvm.start(config, dir, redfishPort);
            try {
                bus.busctl(
                        "set-property",
                        Pdi.CHASSIS_SERVICE,
                        Pdi.chassisPath(0),
                        Pdi.CHASSIS,
                        "CurrentPowerState",
                        "s",
                        Pdi.enumValue(Pdi.CHASSIS_POWER_STATE, "On"));
                await().until(() -> agentProperty(bus, "PowerGood").equals("b true"));
                bus.busctl(
                        "set-property",
                        Pdi.SETTINGS_SERVICE,
                        Pdi.acpiPath(0),
                        Pdi.ACPI,
                        "SysACPIStatus",
                        "s",
                        Pdi.enumValue(Pdi.ACPI_ENUM, "S2_D2"));
                await().until(() -> agentProperty(bus, "SystemACPIState").equals("s \"S2_D2\""));
                await().until(() -> bus.busctl(
                                "get-property", Pdi.FAN_CTRL_SERVICE, PhosphorServices.ZONE, Pdi.CONTROL_MODE, "Manual")
                        .equals("b true"));
                assertEquals(
                        "t 153",
                        bus.busctl(
                                "get-property",
                                PhosphorServices.FAN_SERVICE,
                                PhosphorServices.PWM,
                                Pdi.FAN_PWM,
                                "Target"));
                assertEquals(
                        "b false",
                        bus.busctl(
                                "get-property",
                                PhosphorServices.TEMP_SERVICE,
                                PhosphorServices.DIMM,
                                Pdi.AVAILABILITY,
                                "Available"));
                assertEquals(
                        "b true",
                        bus.busctl(
                                "get-property",
                                PhosphorServices.TEMP_SERVICE,
                                PhosphorServices.INLET,
                                Pdi.AVAILABILITY,
                                "Available"));

                String sel = ipmitool(ipmiPort, "sel", "elist");
                System.out.println("ipmitool sel elist:\n" + sel);
                assertTrue(
                        sel.contains("System ACPI Power State ACPI_STATUS | S2: sleeping, processor context lost"
                                + " | Asserted"),
                        sel);
            } finally {
                agent.destroy();
                assertTrue(agent.waitFor(30, TimeUnit.SECONDS), "agent did not stop on SIGTERM");
            }
            String log = Files.readString(dir.resolve("agent.log"));
            assertTrue(log.contains("OpenBMC D-Bus link on " + bus.address), log);
        }
    }

    private static String agentProperty(PrivateBus bus, String name) throws Exception {
        PrivateBus.Result r = bus.busctlResult(
                "get-property",
                "dev.bmcagent.Agent",
                "/xyz/openbmc_project/bmc_agent/host0",
                "dev.bmcagent.BootState",
                name);
        return r.output();
    }

    private static String ipmitool(int port, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(
                "ipmitool",
                "-I",
                "lanplus",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-U",
                "admin",
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
}
