package dev.bmcagent.redfish.systems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.redfish.backend.DimmView;
import dev.bmcagent.redfish.testing.RedfishFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Memory and Processors collections over real curl: a DIMM lost since the last good boot shows Absent/Critical. */
class MemoryAndProcessorsCurlTest {
    private static final String ADMIN = "admin:secret";

    @TempDir
    Path dir;

    @Test
    void dimmsWithALostOneAndProcessorsConsistentWithTheSummary() throws Exception {
        try (RedfishFixture f = RedfishFixture.start(dir)) {
            f.systems.dimms.put(
                    "host1",
                    List.of(
                            new DimmView(0, true, false, 32768),
                            new DimmView(1, true, false, 32768),
                            new DimmView(2, false, true, 0),
                            new DimmView(3, false, false, 0)));
            JsonNode system =
                    f.curl.get("/redfish/v1/Systems/host1", "-u", ADMIN).json();
            assertEquals(
                    "/redfish/v1/Systems/host1/Memory",
                    system.at("/Memory/@odata.id").asText());
            JsonNode memory =
                    f.curl.get("/redfish/v1/Systems/host1/Memory", "-u", ADMIN).json();
            assertEquals(4, memory.path("Members@odata.count").asInt());
            JsonNode lost = f.curl.get("/redfish/v1/Systems/host1/Memory/DIMM2", "-u", ADMIN)
                    .json();
            assertEquals("Absent", lost.at("/Status/State").asText());
            assertEquals("Critical", lost.at("/Status/Health").asText());
            JsonNode ok = f.curl.get("/redfish/v1/Systems/host1/Memory/DIMM0", "-u", ADMIN)
                    .json();
            assertEquals("Enabled", ok.at("/Status/State").asText());
            assertEquals(32768, ok.path("CapacityMiB").asLong());
            JsonNode empty = f.curl.get("/redfish/v1/Systems/host1/Memory/DIMM3", "-u", ADMIN)
                    .json();
            assertEquals("Absent", empty.at("/Status/State").asText());
            assertTrue(empty.at("/Status/Health").isMissingNode(), empty.toString());
            assertEquals(
                    404,
                    f.curl.get("/redfish/v1/Systems/host1/Memory/DIMM9", "-u", ADMIN)
                            .status());

            JsonNode cpus = f.curl.get("/redfish/v1/Systems/host1/Processors", "-u", ADMIN)
                    .json();
            assertEquals(
                    system.at("/ProcessorSummary/Count").asInt(),
                    cpus.path("Members@odata.count").asInt());
            int cores = 0;
            for (JsonNode m : cpus.path("Members")) {
                JsonNode cpu = f.curl.get(
                                m.path("@odata.id").asText().replace("/redfish/v1", "/redfish/v1"), "-u", ADMIN)
                        .json();
                assertEquals(
                        system.at("/ProcessorSummary/Model").asText(),
                        cpu.path("Model").asText());
                cores += cpu.path("TotalCores").asInt();
            }
            assertEquals(system.at("/ProcessorSummary/CoreCount").asInt(), cores);
        }
    }
}
