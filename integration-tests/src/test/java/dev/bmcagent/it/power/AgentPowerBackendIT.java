package dev.bmcagent.it.power;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.agent.AgentAssembly;
import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.agent.config.AgentConfigLoader;
import dev.bmcagent.agent.config.PartialConfig;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.it.ipmi.ClientRun;
import dev.bmcagent.journal.StoreKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bmc agent} without the demo, with real ipmitool and curl: without a power backend and without a connected
 * host, power actions are refused (IPMI D5h, Redfish ActionNotSupported) and not advertised; with a {@code power:}
 * section in the YAML, each action runs its command ({@code {host}} and {@code {hostPort}} filled in) and a power
 * cycle is off, the off time, on.
 */
class AgentPowerBackendIT {
    private static final String PASSWORD = "Agent-Ipmi1";

    @TempDir
    Path dir;

    private final SystemScheduler scheduler = new SystemScheduler("agent-power-it");
    private AgentAssembly agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        scheduler.close();
    }

    private void start(String yaml) throws IOException {
        PartialConfig file = new AgentConfigLoader().parse(yaml);
        PartialConfig base = PartialConfig.builder()
                .hosts(1)
                .adminPassword(PASSWORD)
                .store(StoreKind.MEMORY)
                .build();
        AgentConfig config =
                base.overriddenBy(file).overriddenBy(FreePorts.partial()).resolve(dir);
        agent = AgentAssembly.start(config, scheduler, new SecureRandom());
    }

    @Test
    void withoutABackendPowerOnIsRefusedWithD5hAndNotAdvertised() throws IOException {
        start("hosts: 1\n");
        ClientRun on = ipmitool("chassis", "power", "on");
        assertTrue(on.output().contains("Command not supported in present state"), on.output());
        assertFalse(on.output().contains("Chassis Power Control: Up/On"), on.output());
        ClientRun info = curl("GET", sys() + "/ResetActionInfo", null);
        assertTrue(info.output().contains("\"AllowableValues\":[]"), info.output());
        ClientRun post = curl("POST", sys() + "/Actions/ComputerSystem.Reset", "{\"ResetType\":\"On\"}");
        assertTrue(post.output().strip().endsWith("400"), post.output());
        assertTrue(post.output().contains("Base.1.19.0.ActionNotSupported"), post.output());
        assertFalse(agent.runtime().node(0).state().powerOn());
        assertEquals(0, agent.runtime().node(0).agent().effectFailures());
    }

    @Test
    void configuredCommandsRunPerActionAndACycleIsOffWaitOn() throws IOException {
        Path log = dir.resolve("power.log");
        String record = "echo \"$0 $(date +%s%N)\" >> " + log;
        start("hosts: 1\npower:\n"
                + "  on: [sh, -c, '" + record + "', 'on-{host}-{hostPort}']\n"
                + "  off: [sh, -c, '" + record + "', 'off-{host}']\n"
                + "  nmi: [sh, -c, 'echo no such guest >&2; exit 3']\n"
                + "  commandTimeoutSeconds: 5\n"
                + "  cycleOffSeconds: 1\n");
        int hostPort = agent.runtime().hostInterfaceAddress(0).getPort();
        ClientRun info = curl("GET", sys() + "/ResetActionInfo", null);
        assertTrue(
                info.output().contains("\"AllowableValues\":[\"On\",\"ForceOff\",\"PowerCycle\",\"Nmi\"]"),
                info.output());

        ClientRun on = ipmitool("chassis", "power", "on");
        assertEquals(0, on.exit(), on.output());
        assertTrue(on.output().contains("Chassis Power Control: Up/On"), on.output());
        await().atMost(Duration.ofSeconds(10)).until(() -> lines(log).size() == 1);
        assertTrue(
                lines(log).get(0).startsWith("on-0-" + hostPort + " "),
                lines(log).toString());

        ClientRun post = curl("POST", sys() + "/Actions/ComputerSystem.Reset", "{\"ResetType\":\"PowerCycle\"}");
        assertTrue(post.output().strip().endsWith("204"), post.output());
        await().atMost(Duration.ofSeconds(10)).until(() -> lines(log).size() == 3);
        List<String> l = lines(log);
        assertTrue(l.get(1).startsWith("off-0 ") && l.get(2).startsWith("on-0-"), l.toString());
        long offNanos = Long.parseLong(l.get(1).split(" ", -1)[1]);
        long onNanos = Long.parseLong(l.get(2).split(" ", -1)[1]);
        assertTrue(onNanos - offNanos >= 1_000_000_000L, "off time " + (onNanos - offNanos) + " ns");
        assertEquals(0, agent.runtime().node(0).agent().effectFailures());
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private String sys() {
        return "https://127.0.0.1:" + agent.config().redfishPort() + "/redfish/v1/Systems/host0";
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
