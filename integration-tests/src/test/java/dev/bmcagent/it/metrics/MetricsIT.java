package dev.bmcagent.it.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.hostif.HostInterfaceClient;
import dev.bmcagent.hostif.VmMessage;
import dev.bmcagent.it.AgentJvm;
import dev.bmcagent.it.ClientProcesses;
import dev.bmcagent.it.ipmi.ClientRun;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prometheus {@code /metrics} on the Redfish listener of the real {@code bmc agent} process, read with real curl:
 * 401 without credentials, and a real boot over the VM link (gate closure in S2_D2, a failed PXE attempt that loses
 * over a second, slow-boot alert, OS boot complete) plus ipmitool over LAN move the counters.
 */
class MetricsIT {
    private static final String PASSWORD = "Metrics-IT-42";

    @TempDir
    Path dir;

    @Test
    void metricsNeedCredentialsAndARealBootMovesTheCounters() throws Exception {
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
                        "alerts:",
                        "  slowBoot: 1s",
                        ""));
        Process agent = AgentJvm.start(config, dir, redfishPort);
        try (SystemScheduler scheduler = new SystemScheduler("it-host")) {
            assertEquals("401", ClientProcesses.httpStatus("https://127.0.0.1:" + redfishPort + "/metrics"));
            assertEquals(
                    "401",
                    ClientProcesses.httpStatus("https://127.0.0.1:" + redfishPort + "/metrics", "-u", "admin:wrong"));
            String before = metrics(redfishPort);
            assertEquals(Optional.empty(), value(before, "bmc_boot_duration_seconds_count", "host=\"host0\""));

            HostInterfaceClient host = new HostInterfaceClient(scheduler, VmCapabilities.QEMU, c -> {});
            try {
                host.connect(new InetSocketAddress(
                        InetAddress.getLoopbackAddress(), hostPort)); // power good: a boot cycle starts
                send(host, 0x06, 0x06, "82 82"); // S2_D2: gates close
                send(host, 0x04, 0x02, "01 04 0F 05 6F C2 07 FF"); // PEM: FW progress, PCI init
                await().pollDelay(Duration.ofMillis(1300)).until(() -> true); // the PXE attempt takes 1.3 s
                send(host, 0x04, 0x02, "01 04 1E 09 6F 82 00 02"); // PEM: boot error, PXE server absent
                send(host, 0x06, 0x06, "80 80"); // S0
                send(host, 0x04, 0x02, "01 04 1F 07 6F 06 FF FF"); // PEM: OS boot completed
            } finally {
                host.close();
            }
            ClientRun.of(List.of(
                            "ipmitool",
                            "-I",
                            "lanplus",
                            "-H",
                            "127.0.0.1",
                            "-p",
                            Integer.toString(ipmiPort),
                            "-U",
                            "admin",
                            "-P",
                            PASSWORD,
                            "-C",
                            "17",
                            "mc",
                            "info"))
                    .ok()
                    .output();

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> value(metrics(redfishPort), "bmc_boot_duration_seconds_count", "host=\"host0\"")
                            .isPresent());
            String after = metrics(redfishPort);
            System.out.println("curl /metrics after a boot:\n"
                    + after.lines()
                            .filter(l -> l.startsWith("bmc_") && !l.contains("_bucket"))
                            .reduce("", (a, b) -> a + b + "\n"));
            assertEquals(
                    1.0,
                    value(after, "bmc_boot_duration_seconds_count", "outcome=\"os_running\"")
                            .orElseThrow());
            assertTrue(value(after, "bmc_boot_duration_seconds_sum", "host=\"host0\"")
                            .orElseThrow()
                    >= 1.3);
            assertEquals(
                    1.0,
                    value(after, "bmc_network_boot_failures_total", "kind=\"PXE_SERVER_NOT_FOUND\"")
                            .orElse(value(after, "bmc_network_boot_failures_total", "host=\"host0\"")
                                    .orElseThrow()));
            assertTrue(
                    value(after, "bmc_boot_time_lost_seconds_total", "host=\"host0\"")
                                    .orElseThrow()
                            >= 1.0,
                    after);
            assertEquals(
                    1.0,
                    value(after, "bmc_alerts_raised_total", "kind=\"SLOW_BOOT\"")
                            .orElseThrow());
            assertTrue(value(after, "bmc_sensor_gate_closures_total", "host=\"host0\"")
                            .orElseThrow()
                    >= 1.0);
            assertEquals(
                    1.0,
                    value(after, "bmc_boot_cycles_started_total", "host=\"host0\"")
                            .orElseThrow());
            assertTrue(value(after, "bmc_ipmi_requests_total", "channel=\"system\",completion_code=\"00\"")
                            .orElseThrow()
                    >= 5.0);
            assertTrue(value(after, "bmc_ipmi_requests_total", "channel=\"lan\",completion_code=\"00\"")
                            .orElseThrow()
                    >= 1.0);
            assertTrue(value(after, "bmc_ipmi_request_duration_seconds_count", "channel=\"lan\"")
                            .orElseThrow()
                    >= 1.0);
            assertTrue(value(after, "bmc_redfish_requests_total", "method=\"GET\",status=\"401\"")
                            .orElseThrow()
                    >= 2.0);
            assertTrue(value(after, "bmc_redfish_requests_total", "method=\"GET\",status=\"200\"")
                            .orElseThrow()
                    >= 1.0);
            assertTrue(value(after, "bmc_redfish_request_duration_seconds_count", "method=\"GET\"")
                            .orElseThrow()
                    >= 3.0);
        } finally {
            agent.destroy();
            assertTrue(agent.waitFor(30, TimeUnit.SECONDS), "agent did not stop on SIGTERM");
        }
    }

    private static void send(HostInterfaceClient host, int netFn, int cmd, String hex) throws Exception {
        VmMessage r = host.request(netFn, 0, cmd, HexFormat.of().parseHex(hex.replace(" ", "")))
                .get(10, TimeUnit.SECONDS);
        assertEquals(0, r.completionCode().value(), "request " + hex + ": " + r);
    }

    /** The value of the first sample of {@code name} whose labels contain {@code labels}. */
    static Optional<Double> value(String exposition, String name, String labels) {
        Pattern p = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        Matcher m = p.matcher(exposition);
        while (m.find()) {
            if (m.group(1).contains(labels)) {
                return Optional.of(Double.parseDouble(m.group(2)));
            }
        }
        return Optional.empty();
    }

    private static String metrics(int port) {
        return ClientRun.of(List.of(
                        "curl", "-sk", "--fail", "-u", "admin:" + PASSWORD, "https://127.0.0.1:" + port + "/metrics"))
                .ok()
                .output();
    }
}
