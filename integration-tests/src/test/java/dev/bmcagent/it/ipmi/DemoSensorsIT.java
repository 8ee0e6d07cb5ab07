package dev.bmcagent.it.ipmi;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.agent.AgentAssembly;
import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.agent.config.PartialConfig;
import dev.bmcagent.app.demo.DemoWorld;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.journal.StoreKind;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bmc demo}'s world (the agent plus {@link DemoWorld}'s simulated host) on free loopback ports: once the
 * simulated host runs its OS, unmodified ipmitool over RMCP+ lists its CPU, DIMM and fan sensors with values.
 */
class DemoSensorsIT {
    private static final String PASSWORD = "Demo-Ipmi1";

    @TempDir
    Path dir;

    private final SystemScheduler scheduler = new SystemScheduler("demo-sensors-it");
    private AgentAssembly agent;

    @BeforeEach
    void start() throws IOException {
        // time scale 30: the first boot reaches the OS in about half a minute, then the OS runs 4 s per boot
        PartialConfig demo = PartialConfig.builder()
                .hosts(1)
                .adminPassword(PASSWORD)
                .timeScale(30.0)
                .store(StoreKind.MEMORY)
                .build();
        agent = DemoWorld.start(demo.overriddenBy(FreePorts.partial()).resolve(dir), scheduler, new SecureRandom());
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        scheduler.close();
    }

    @Test
    void sdrListShowsTheSimulatedHostsSensorsWithValuesInTheOs() {
        ClientRun sdr = inOs("sdr", "list");
        assertEquals(0, sdr.exit(), sdr.output());
        assertLine(sdr.output(), "CPU_TEMP\\s+\\| \\d+ degrees C\\s+\\| ok");
        for (int slot = 0; slot < 8; slot++) {
            assertLine(sdr.output(), "DIMM_TEMP_" + slot + "\\s+\\| \\d+ degrees C\\s+\\| ok");
        }
        for (int fan = 1; fan <= 6; fan++) {
            assertLine(sdr.output(), "SYS_FAN" + fan + "\\s+\\| [1-9]\\d{3,4} RPM\\s+\\| ok");
        }
    }

    @Test
    void sensorListShowsTheSameSensorsWithThresholds() {
        ClientRun list = inOs("sensor", "list");
        assertEquals(0, list.exit(), list.output());
        assertLine(list.output(), "CPU_TEMP\\s+\\| \\d+\\.000\\s+\\| degrees C\\s+\\| ok\\s+\\|.*\\| 85\\.000 .*");
        assertLine(list.output(), "DIMM_TEMP_0\\s+\\| \\d+\\.000\\s+\\| degrees C\\s+\\| ok\\s+\\|.*");
        assertLine(list.output(), "SYS_FAN1\\s+\\| [1-9]\\d{3,4}\\.000\\s+\\| RPM\\s+\\| ok\\s+\\|.*");
    }

    @Test
    void fansReadDuringPostWhileTheDimmSensorsAreGated() {
        ClientRun fans = bracketed(AcpiSystemState.S2_D2, "sdr", "type", "Fan");
        assertEquals(0, fans.exit(), fans.output());
        for (int fan = 1; fan <= 6; fan++) {
            assertLine(fans.output(), "SYS_FAN" + fan + "\\s+\\| [0-9A-F]+h \\| ok\\s+\\|.*\\| [1-9]\\d{3,4} RPM");
        }
        ClientRun dimms = bracketed(AcpiSystemState.S2_D2, "sdr", "list");
        assertLine(dimms.output(), "DIMM_TEMP_0\\s+\\| no reading\\s+\\| ns");
    }

    private ClientRun bracketed(AcpiSystemState state, String... args) {
        return await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> bracketed(state, Duration.ofSeconds(2), args), Optional::isPresent)
                .orElseThrow();
    }

    /**
     * Runs ipmitool until one run falls entirely within one OS run of the host that began at least 2 s (two of the
     * agent's sensor polls) before it: the host reboots every few seconds, and a run across a reboot would see the
     * sensors gated.
     */
    private ClientRun inOs(String... args) {
        return await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> bracketed(AcpiSystemState.S0_G0_D0, Duration.ofSeconds(2), args), Optional::isPresent)
                .orElseThrow();
    }

    /** One ipmitool run that began at least {@code settled} into {@code state} and ended before the host left it. */
    /** When (on the test's real clock) the current ACPI state was first seen: the host timeline runs scaled. */
    private Instant seenAt = Instant.EPOCH;

    private Instant seenChange;

    private Optional<ClientRun> bracketed(AcpiSystemState state, Duration settled, String... args) {
        HostState before = agent.runtime().node(0).state();
        Instant now = scheduler.clock().instant();
        if (!before.acpiChangedAt().equals(seenChange)) {
            seenChange = before.acpiChangedAt();
            seenAt = now;
        }
        if (before.system() != state || seenAt.isAfter(now.minus(settled))) {
            return Optional.empty();
        }
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
        ClientRun run = ClientRun.of(cmd);
        HostState after = agent.runtime().node(0).state();
        boolean sameOsRun = after.system() == state && after.acpiChangedAt().equals(before.acpiChangedAt());
        return sameOsRun ? Optional.of(run) : Optional.empty();
    }

    private static void assertLine(String output, String regex) {
        Pattern p = Pattern.compile(regex);
        assertTrue(output.lines().anyMatch(l -> p.matcher(l.strip()).matches()), regex + " in\n" + output);
    }
}
