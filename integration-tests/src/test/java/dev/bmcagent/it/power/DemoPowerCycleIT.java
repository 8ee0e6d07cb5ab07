package dev.bmcagent.it.power;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.agent.AgentAssembly;
import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.agent.config.PartialConfig;
import dev.bmcagent.app.demo.DemoWorld;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.it.ipmi.ClientRun;
import dev.bmcagent.journal.StoreKind;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bmc demo}'s world at time scale 60 (the agent plus a simulated host on the VM link, which stays connected in
 * standby): a power cycle from unmodified ipmitool or curl (Redfish {@code PowerCycle}) powers the host off, waits
 * the configured off time (default 2 s) and powers it on again, so {@code power status} is on again within 5 s and
 * the SEL shows the power loss (S5) before the new boot's S2.
 */
class DemoPowerCycleIT {
    private static final String PASSWORD = "Demo-Ipmi1";
    private static final String S5 = "S5/G2: soft-off";
    private static final String S2 = "S2: sleeping, processor context lost";

    @TempDir
    Path dir;

    private final SystemScheduler scheduler = new SystemScheduler("demo-power-cycle-it");
    private AgentAssembly agent;

    @BeforeEach
    void start() throws IOException {
        PartialConfig demo = PartialConfig.builder()
                .hosts(1)
                .adminPassword(PASSWORD)
                .timeScale(60.0)
                .store(StoreKind.MEMORY)
                .build();
        AgentConfig config = demo.overriddenBy(FreePorts.partial()).resolve(dir);
        agent = DemoWorld.start(config, scheduler, new SecureRandom());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> agent.runtime().node(0).state().powerOn());
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        scheduler.close();
    }

    @Test
    void ipmitoolPowerCycleEndsWithTheHostOnAndTheSelInOrder() {
        int before = selLines().size();
        ClientRun cycle = ipmitool("chassis", "power", "cycle");
        assertEquals(0, cycle.exit(), cycle.output());
        assertTrue(cycle.output().contains("Chassis Power Control: Cycle"), cycle.output());
        long sent = System.nanoTime();
        // it goes off (S5 in the SEL) ...
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> selLines().stream().skip(before).anyMatch(l -> l.contains(S5)));
        // ... and is on again within 5 s of the command
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ipmitool("chassis", "power", "status").output().contains("Chassis Power is on"));
        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        System.out.println("power cycle: on again after " + took.toMillis() + " ms");
        assertTrue(took.compareTo(Duration.ofSeconds(5)) <= 0, took::toString);
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> selLines().stream().skip(before).anyMatch(l -> l.contains(S2)));
        List<String> all = selLines(); // one read: the SEL keeps growing while the host boots
        List<String> after = all.subList(before, all.size());
        System.out.println("SEL after the cycle:\n" + String.join("\n", after));
        int s5 = indexOf(after, S5);
        int s2 = indexOf(after, S2);
        assertTrue(s5 >= 0 && s2 > s5, "S5 before S2:\n" + String.join("\n", after));
    }

    @Test
    void redfishPowerCycleEndsWithTheHostOn() {
        String sys = "https://127.0.0.1:" + agent.config().redfishPort() + "/redfish/v1/Systems/host0";
        ClientRun info = curl("GET", sys + "/ResetActionInfo", null);
        assertTrue(info.output().contains("\"PowerCycle\""), info.output());
        int before = selLines().size();
        ClientRun post = curl("POST", sys + "/Actions/ComputerSystem.Reset", "{\"ResetType\":\"PowerCycle\"}");
        assertTrue(post.output().strip().endsWith("204"), post.output());
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> selLines().stream().skip(before).anyMatch(l -> l.contains(S5)));
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> curl("GET", sys, null).output().contains("\"PowerState\":\"On\""));
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private List<String> selLines() {
        ClientRun r = ipmitool("sel", "elist");
        assertEquals(0, r.exit(), r.output());
        return r.output().lines().filter(l -> l.contains("|")).toList();
    }

    private ClientRun ipmitool(String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                "ipmitool",
                "-I",
                "lanplus",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(agent.runtime().ipmiAddress(0).getPort()),
                "-U",
                "admin",
                "-P",
                PASSWORD,
                "-C",
                "17"));
        cmd.addAll(List.of(args));
        return ClientRun.of(cmd);
    }

    private ClientRun curl(String method, String url, String body) {
        List<String> cmd = new ArrayList<>(
                List.of("curl", "-sk", "-u", "admin:" + PASSWORD, "-X", method, "-w", "\n%{http_code}"));
        if (body != null) {
            cmd.addAll(List.of("-H", "Content-Type: application/json", "-d", body));
        }
        cmd.add(url);
        return ClientRun.of(cmd);
    }
}
