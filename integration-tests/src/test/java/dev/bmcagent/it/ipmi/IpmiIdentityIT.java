package dev.bmcagent.it.ipmi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.it.AgentJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ipmi.manufacturerId} / {@code ipmi.productId} (docs/CONFIGURATION.md) reach Get Device ID: real
 * {@code ipmitool mc info} and FreeIPMI {@code bmc-info} against {@code bmc agent --config}.
 */
class IpmiIdentityIT {
    private static final String PASSWORD = "Identity-Pw-1";

    @Test
    void getDeviceIdReportsTheConfiguredMakerAndModel(@TempDir Path dir) throws Exception {
        int ipmiPort = FreePorts.udp();
        int redfishPort = FreePorts.tcp();
        Path config = dir.resolve("agent.yaml");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "hosts: 1",
                        "store: MEMORY",
                        "dataDir: " + dir.resolve("data"),
                        "adminPassword: " + PASSWORD,
                        "ipmiPort: " + ipmiPort,
                        "redfishPort: " + redfishPort,
                        "hostPort: " + FreePorts.tcp(),
                        "ipmi:",
                        "  manufacturerId: 4660", // 0x1234: the ipmi_sim anchor's in scripts/bench/ipmi.sh
                        "  productId: 22136", // 0x5678
                        ""));
        Process agent = AgentJvm.start(config, dir, redfishPort);
        try {
            String mc = run(List.of(
                    "ipmitool",
                    "-I",
                    "lanplus",
                    "-H",
                    "127.0.0.1",
                    "-p",
                    String.valueOf(ipmiPort),
                    "-U",
                    "admin",
                    "-P",
                    PASSWORD,
                    "-C",
                    "17",
                    "mc",
                    "info"));
            System.out.println("ipmitool mc info:\n" + mc);
            assertTrue(mc.matches("(?s).*Manufacturer ID\\s+: 4660\\R.*"), mc);
            assertTrue(mc.matches("(?s).*Product ID\\s+: 22136 \\(0x5678\\).*"), mc);
            String info = run(List.of(
                    "bmc-info",
                    "-D",
                    "LAN_2_0",
                    "-h",
                    "127.0.0.1:" + ipmiPort,
                    "-u",
                    "admin",
                    "-p",
                    PASSWORD,
                    "-l",
                    "ADMIN",
                    "-I",
                    "17",
                    "--get-device-id"));
            System.out.println("bmc-info --get-device-id:\n" + info);
            assertTrue(
                    info.matches("(?s).*Manufacturer ID\\s+: .*\\(4660\\).*|(?s).*Manufacturer ID\\s+: 4660.*"), info);
            assertTrue(info.matches("(?s).*Product ID\\s+: 22136.*"), info);
        } finally {
            agent.destroy();
            agent.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), argv.get(0) + " timed out");
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
