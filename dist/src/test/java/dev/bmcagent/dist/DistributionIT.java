package dev.bmcagent.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance of issue #14 section 3: {@code tar xzf} of the distribution on a clean directory, then
 * {@code bin/bmc agent --config etc/agent.yaml} (the shipped default configuration, ports and data directory from
 * flags) runs without Maven; real {@code ipmitool} and {@code curl} talk to it; SIGTERM stops it; with a systemd
 * {@code CacheDirectory} the first stop leaves an AppCDS archive that the restart maps.
 */
class DistributionIT {
    @TempDir
    Path dir;

    @Test
    void theUnpackedDistributionRunsTheAgentWithoutMaven() throws Exception {
        Path home = Dist.extract(dir.resolve("bmc-agent"));
        assertTrue(Files.isExecutable(home.resolve("bin/bmc")));
        for (String f : List.of("etc/agent.yaml", "systemd/bmc-agent.service", "INSTALL.md")) {
            assertTrue(Files.isRegularFile(home.resolve(f)), f);
        }
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            List<String> jars =
                    lib.map(p -> p.getFileName().toString()).sorted().toList();
            System.out.println("lib/: " + jars.size() + " jars");
            for (String module : List.of(
                    "agent-",
                    "common-",
                    "acpi-",
                    "ipmi-",
                    "redfish-",
                    "openbmc-",
                    "rollout-",
                    "simulator-",
                    "logback-classic-",
                    "netty-",
                    "vertx-core-",
                    "dbus-java-core-")) {
                assertTrue(
                        jars.stream().anyMatch(j -> j.startsWith(module) && j.endsWith(".jar")),
                        module + " in " + jars);
            }
            assertFalse(
                    jars.stream().anyMatch(j -> j.startsWith("junit") || j.startsWith("awaitility")),
                    "test " + "libraries shipped: " + jars);
        }

        AgentProcess agent = new AgentProcess(home, dir.resolve("run"));
        try (agent) {
            agent.start();
            String mc = Dist.run(agent.ipmitool("mc", "info"), Map.of());
            System.out.println("ipmitool mc info:\n" + mc);
            assertTrue(mc.contains("IPMI Version"), mc);
            String power = Dist.run(agent.ipmitool("chassis", "power", "status"), Map.of());
            assertEquals("Chassis Power is off", power.strip());
            String system = Dist.run(agent.curl("/redfish/v1/Systems/host0"), Map.of());
            System.out.println("curl /redfish/v1/Systems/host0: " + system);
            assertTrue(system.contains("\"PowerState\":\"Off\""), system);
            String unauthenticated = Dist.run(
                    List.of(
                            "curl",
                            "-sk",
                            "-o",
                            "/dev/null",
                            "-w",
                            "%{http_code}",
                            "https://127.0.0.1:" + agent.redfishPort + "/redfish/v1/Systems/host0"),
                    Map.of());
            assertEquals("401", unauthenticated);

            int status = agent.stop();
            System.out.println("exit status after SIGTERM: " + status);
            assertTrue(status == 0 || status == 143, "exit " + status + "\n" + agent.log());
            assertTrue(agent.log().contains("agent stopped"), agent.log());

            // the first stop left the AppCDS archive in the cache directory; the next start maps it
            Path archive = agent.cacheDirectory().resolve("bmc-agent.jsa");
            assertTrue(Files.isRegularFile(archive), "no AppCDS archive after the first stop:\n" + agent.log());
            assertEquals(
                    String.valueOf(Files.size(archive)),
                    Files.readString(agent.cacheDirectory().resolve("bmc-agent.jsa.size"))
                            .strip());
            agent.start();
            String maps = Files.readString(Path.of("/proc/" + agent.pid() + "/maps"));
            assertTrue(maps.contains(archive.toString()), "archive not mapped by the restart");
            assertTrue(
                    Dist.run(agent.ipmitool("mc", "info"), Map.of()).contains("IPMI Version"),
                    "restart with the archive answers IPMI");
            int again = agent.stop();
            assertTrue(again == 0 || again == 143, "exit " + again + "\n" + agent.log());
        }
        assertFalse(Files.exists(agent.mvnCalled), "the launcher called mvn");
    }
}
