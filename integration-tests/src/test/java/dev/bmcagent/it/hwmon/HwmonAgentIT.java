package dev.bmcagent.it.hwmon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.hostif.HostInterfaceClient;
import dev.bmcagent.it.AgentJvm;
import dev.bmcagent.it.ClientProcesses;
import dev.bmcagent.it.ipmi.ClientRun;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bmc agent --config} (its own JVM) with a {@code hardware:} section on a fake sysfs tree: hwmon readings over
 * the real {@code ipmitool sdr elist} and {@code curl} on Redfish, the DIMM gate closed in S2_D2 (set by a QEMU-like
 * host on the VM link), the pwm file at the fixed duty then back on the curve in S0; configured SDR numbers and
 * thresholds over {@code ipmitool sdr elist} / {@code sensor} and Redfish {@code Thresholds}; a Redfish ForceOff runs
 * the configured power command ({@code power.off}).
 */
class HwmonAgentIT {
    private static final String PASSWORD = "Hwmon-IT-42";

    @TempDir
    Path dir;

    @Test
    void hwmonSensorsAndFansFromConfiguration() throws Exception {
        Path sys = dir.resolve("sys");
        Files.createDirectories(sys.resolve("hwmon0"));
        Files.createDirectories(sys.resolve("hwmon1"));
        Files.writeString(sys.resolve("hwmon0/temp1_input"), "24000\n"); // millidegrees (hwmon sysfs ABI)
        Files.writeString(sys.resolve("hwmon0/temp2_input"), "35000\n");
        Files.writeString(sys.resolve("hwmon0/temp3_input"), "47000\n");
        Files.writeString(sys.resolve("hwmon0/temp4_input"), "52000\n");
        Files.writeString(sys.resolve("hwmon1/pwm1"), "0\n");
        Files.writeString(sys.resolve("hwmon1/pwm1_enable"), "2\n");
        int ipmiPort = FreePorts.udp();
        int redfishPort = FreePorts.tcp();
        int hostPort = FreePorts.tcp();
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
                        "hostPort: " + hostPort,
                        "hardware:",
                        "  hwmonRoot: " + sys,
                        "  sensors:",
                        "    - {name: INLET_TEMP, kind: TEMPERATURE, file: hwmon0/temp1_input, gate: ALWAYS,",
                        "       thresholds: {upperNonCritical: 30, upperCritical: 35, upperNonRecoverable: 40}}",
                        "    - {name: GPU_TEMP, kind: TEMPERATURE, file: hwmon0/temp4_input, gate: ALWAYS, sdrNumber: 0x30,",
                        "       thresholds: {upperNonCritical: 50, upperCritical: 90}}",
                        "    - {name: DIMM_TEMP_0, kind: TEMPERATURE, file: hwmon0/temp2_input, gate: NOT_DURING_FIRMWARE_INIT}",
                        "    - {name: CPU_TEMP, kind: TEMPERATURE, file: hwmon0/temp3_input, gate: HOST_ON}",
                        "  fanZones:",
                        "    - [hwmon1/pwm1]",
                        "power:",
                        "  commandTimeoutSeconds: 10",
                        "  off: [sh, -c, 'echo FORCE_OFF >> " + dir.resolve("power.log") + "']",
                        ""));
        Process agent = AgentJvm.start(config, dir, redfishPort);
        try (SystemScheduler scheduler = new SystemScheduler("it-host")) {
            await().until(() -> sdr(ipmiPort).contains("INLET_TEMP | 08h | ok | 55.1 | 24 degrees C"));
            String off = sdr(ipmiPort);
            assertTrue(off.contains("DIMM_TEMP_0 | 10h | ns | 32.1 | No Reading"), off);
            assertTrue(off.contains("CPU_TEMP | 01h | ns | 3.1 | No Reading"), off);
            // configured SDR number and thresholds: GPU_TEMP at 30h, 52 C over its upper non-critical 50 C
            await().untilAsserted(() -> {
                String elist = sdr(ipmiPort);
                assertTrue(elist.contains("GPU_TEMP | 30h | unc | 7.1 | 52 degrees C"), elist);
            });
            String sensors = ipmitool(ipmiPort, "sensor").replaceAll(" +", " ");
            System.out.println("ipmitool sensor:\n" + sensors);
            assertTrue(
                    sensors.contains(
                            "INLET_TEMP | 24.000 | degrees C | ok | na | na | na | 30.000 | 35.000 | " + "40.000"),
                    sensors);
            assertTrue(
                    sensors.contains("GPU_TEMP | 52.000 | degrees C | nc | na | na | na | 50.000 | 90.000 | na"),
                    sensors);
            String gpu = curl(redfishPort, "/redfish/v1/Chassis/host0/Sensors/GPU_TEMP")
                    .replace(" ", "");
            System.out.println("curl Sensors/GPU_TEMP: " + gpu);
            assertTrue(
                    gpu.contains("\"Thresholds\":{\"UpperCaution\":{\"Reading\":50.0},\"UpperCritical\":"
                            + "{\"Reading\":90.0}}"),
                    gpu);
            assertTrue(gpu.contains("\"Health\":\"Warning\""), gpu);

            HostInterfaceClient host = new HostInterfaceClient(scheduler, VmCapabilities.QEMU, c -> {});
            try {
                host.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), hostPort));
                await().atMost(Duration.ofSeconds(10)).until(host::isConnected);
                host.request(0x06, 0, 0x06, new byte[] {(byte) 0x82, (byte) 0x82})
                        .get(10, TimeUnit.SECONDS);
                // S2_D2: FixedDuty 60 % → pwm 153; the DIMM (and every host-powered sensor) gated until S0
                await().until(() ->
                        Files.readString(sys.resolve("hwmon1/pwm1")).trim().equals("153"));
                assertEquals(
                        "1", Files.readString(sys.resolve("hwmon1/pwm1_enable")).trim());
                String s2 = sdr(ipmiPort);
                System.out.println("ipmitool sdr elist in S2_D2:\n" + s2);
                assertTrue(s2.contains("DIMM_TEMP_0 | 10h | ns | 32.1 | No Reading"), s2);

                host.request(0x06, 0, 0x06, new byte[] {(byte) 0x80, (byte) 0x80})
                        .get(10, TimeUnit.SECONDS);
                await().until(() -> sdr(ipmiPort).contains("DIMM_TEMP_0 | 10h | ok | 32.1 | 35 degrees C"));
                String s0 = sdr(ipmiPort);
                System.out.println("ipmitool sdr elist in S0:\n" + s0);
                assertTrue(s0.contains("CPU_TEMP | 01h | ok | 3.1 | 47 degrees C"), s0);
                // Normal: the curve on the hottest sensor (GPU_TEMP 52 C between 40 C/30 % and 85 C/100 %) → about 49 %
                await().until(() ->
                        !Files.readString(sys.resolve("hwmon1/pwm1")).trim().equals("153"));
                int pwm = Integer.parseInt(
                        Files.readString(sys.resolve("hwmon1/pwm1")).trim());
                assertTrue(pwm > 110 && pwm < 140, "pwm " + pwm);

                String redfish = curl(redfishPort, "/redfish/v1/Chassis/host0/Sensors/DIMM_TEMP_0");
                System.out.println("curl Sensors/DIMM_TEMP_0: " + redfish);
                assertTrue(redfish.replace(" ", "").contains("\"Reading\":35.0"), redfish);

                // power actions run the configured command (power.off) instead of the VM link's op
                String reset = ClientProcesses.httpStatus(
                        "https://127.0.0.1:" + redfishPort + "/redfish/v1/Systems/host0/Actions/ComputerSystem.Reset",
                        "-u",
                        "admin:" + PASSWORD,
                        "-X",
                        "POST",
                        "-H",
                        "Content-Type: application/json",
                        "-d",
                        "{\"ResetType\":\"ForceOff\"}");
                assertEquals("204", reset.trim());
                await().until(() -> Files.exists(dir.resolve("power.log"))
                        && Files.readString(dir.resolve("power.log")).trim().equals("FORCE_OFF"));
            } finally {
                host.close();
            }
        } finally {
            agent.destroy();
            assertTrue(agent.waitFor(30, TimeUnit.SECONDS), "agent did not stop on SIGTERM");
        }
    }

    private static String sdr(int port) {
        return ipmitool(port, "sdr", "elist").replaceAll(" +", " ");
    }

    private static String ipmitool(int port, String... command) {
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
        argv.addAll(List.of(command));
        return ClientRun.of(argv).ok().output();
    }

    private static String curl(int port, String path) {
        return ClientRun.of(List.of("curl", "-sk", "-u", "admin:" + PASSWORD, "https://127.0.0.1:" + port + path))
                .ok()
                .output();
    }
}
