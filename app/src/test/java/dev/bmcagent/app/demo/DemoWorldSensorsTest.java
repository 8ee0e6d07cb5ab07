package dev.bmcagent.app.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.agent.AgentAssembly;
import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.agent.config.PartialConfig;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.journal.StoreKind;
import dev.bmcagent.simulator.host.HostConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bmc demo}'s world around a real agent on free loopback ports: the simulated host's sensors and fans are
 * the agent's host hardware, so real HTTPS requests (curl) see their readings in S0, and the DIMM (and host-powered)
 * temperatures unavailable while UEFI owns the DIMM SMBus (S2_D2), the BMC-powered inlet still read.
 */
class DemoWorldSensorsTest {
    private static final String PASSWORD = "Demo-Pw1";
    private static final String CHASSIS = "/redfish/v1/Chassis/host0";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final SystemScheduler scheduler = new SystemScheduler("demo-sensors-test");
    private AgentAssembly agent;

    @BeforeEach
    void start() throws IOException {
        // time scale 30: a boot's S2_D2 (memory training, network-boot probing) lasts several real seconds, many
        // of the agent's 1 s sensor polls; the OS runs 2 virtual minutes (4 s) before each reboot
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
    void inS0TheHostsTemperaturesAndFansReadOverRedfish() {
        await().atMost(Duration.ofSeconds(60)).until(() -> state().system() == AcpiSystemState.S0_G0_D0);
        JsonNode members = get(CHASSIS + "/Sensors").get("Members");
        assertTrue(members.size() >= 1 + 1 + 8 + 6, members::toString); // inlet, CPU, 8 DIMMs, 6 fans (+ NICs)
        // the first poll after S0 may still be pending: wait for it, then every reading is a live one
        await().atMost(Duration.ofSeconds(10))
                .until(() -> osRunning()
                        && get(CHASSIS + "/Sensors/DIMM_TEMP_0")
                                .at("/Status/State")
                                .asText()
                                .equals("Enabled"));
        for (String name : List.of("CPU_TEMP", "DIMM_TEMP_0", "DIMM_TEMP_7", "INLET_TEMP")) {
            JsonNode s = get(CHASSIS + "/Sensors/" + name);
            assertEquals("Enabled", s.at("/Status/State").asText(), s::toString);
            assertEquals("Cel", s.get("ReadingUnits").asText(), s::toString);
            assertTrue(s.get("Reading").asDouble() > 20 && s.get("Reading").asDouble() < 80, s::toString);
        }
        JsonNode cpu = get(CHASSIS + "/Sensors/CPU_TEMP");
        JsonNode inlet = get(CHASSIS + "/Sensors/INLET_TEMP");
        assertTrue(
                cpu.get("Reading").asDouble() > inlet.get("Reading").asDouble() + 10,
                "the CPU runs an OS: warmer than the inlet: " + cpu + " " + inlet);
        JsonNode fan = get(CHASSIS + "/Sensors/SYS_FAN1");
        assertEquals("Enabled", fan.at("/Status/State").asText(), fan::toString);
        assertEquals("RPM", fan.get("ReadingUnits").asText(), fan::toString);
        assertTrue(fan.get("Reading").asDouble() >= 1000, fan::toString);
        // the DIMM reads never met UEFI's SPD reads on the shared bus: the host found all its memory
        HostConfig host = HostConfig.builder().build();
        assertEquals(
                (double) host.dimms() * host.dimmGiB(),
                get("/redfish/v1/Systems/host0")
                        .at("/MemorySummary/TotalSystemMemoryGiB")
                        .asDouble());
        JsonNode fans = get(CHASSIS + "/ThermalSubsystem/Fans/SYS_FAN2");
        assertTrue(fans.at("/SpeedPercent/SpeedRPM").asDouble() >= 1000, fans::toString);
    }

    @Test
    void whileUefiOwnsTheDimmBusTheDimmAndHostPoweredSensorsAreUnavailableOffline() {
        // a sample counts only if the host was in S2_D2 for 2 s (two polls) before the request and still after it
        Optional<JsonNode[]> sample =
                await().atMost(Duration.ofSeconds(90)).until(this::sampleDeepInS2, Optional::isPresent);
        JsonNode dimm = sample.orElseThrow()[0];
        JsonNode cpu = sample.orElseThrow()[1];
        JsonNode inlet = sample.orElseThrow()[2];
        assertEquals("UnavailableOffline", dimm.at("/Status/State").asText(), dimm::toString);
        assertTrue(dimm.get("Reading").isNull(), dimm::toString);
        // host-powered sensors are not trusted in early POST either (SensorPolicy): unavailable, not failed
        assertEquals("UnavailableOffline", cpu.at("/Status/State").asText(), cpu::toString);
        assertEquals("OK", cpu.at("/Status/Health").asText(), cpu::toString);
        // the BMC-powered inlet sensor is read throughout
        assertEquals("Enabled", inlet.at("/Status/State").asText(), inlet::toString);
        assertTrue(inlet.get("Reading").isNumber(), inlet::toString);
    }

    /** When (on the test's real clock) the current ACPI state was first seen: the host timeline runs scaled. */
    private Instant seenAt = Instant.EPOCH;

    private Instant seenChange;

    private Optional<JsonNode[]> sampleDeepInS2() {
        HostState before = state();
        Instant now = scheduler.clock().instant();
        if (!before.acpiChangedAt().equals(seenChange)) {
            seenChange = before.acpiChangedAt();
            seenAt = now;
        }
        if (before.system() != AcpiSystemState.S2_D2 || seenAt.isAfter(now.minusSeconds(2))) {
            return Optional.empty();
        }
        JsonNode dimm = get(CHASSIS + "/Sensors/DIMM_TEMP_0");
        JsonNode cpu = get(CHASSIS + "/Sensors/CPU_TEMP");
        JsonNode inlet = get(CHASSIS + "/Sensors/INLET_TEMP");
        HostState after = state();
        boolean same =
                after.system() == AcpiSystemState.S2_D2 && after.acpiChangedAt().equals(before.acpiChangedAt());
        return same ? Optional.of(new JsonNode[] {dimm, cpu, inlet}) : Optional.empty();
    }

    private boolean osRunning() {
        return state().system() == AcpiSystemState.S0_G0_D0;
    }

    private HostState state() {
        return agent.runtime().node(0).state();
    }

    /** GET over real HTTPS with curl (the agent's certificate is self-signed: -k). */
    private JsonNode get(String path) {
        String url = "https://127.0.0.1:" + agent.config().redfishPort() + path;
        try {
            Process p = new ProcessBuilder("curl", "-sk", "--max-time", "10", "-u", "admin:" + PASSWORD, url)
                    .redirectErrorStream(true)
                    .start();
            p.getOutputStream().close();
            byte[] body = p.getInputStream().readAllBytes();
            if (!p.waitFor(15, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("curl " + url + " failed: " + new String(body, StandardCharsets.UTF_8));
            }
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
