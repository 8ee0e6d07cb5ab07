package dev.bmcagent.redfish.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.acpi.lifecycle.BootCycle;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.redfish.backend.Health;
import dev.bmcagent.redfish.backend.LogEntryType;
import dev.bmcagent.redfish.backend.LogEntryView;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.testing.RedfishFixture;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every resource reachable from the service root and checks the rules a Redfish service validator checks
 * first (the DMTF validator itself needs the schema pack from the network, so it is not run here): required
 * {@code @odata.id}/{@code @odata.type}/Id/Name, the type's namespace declared in $metadata, collection counts,
 * ETag/Allow/OData-Version headers.
 */
class ResourceTreeTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Pattern TYPE = Pattern.compile("#([A-Za-z]+)(\\.v\\d+_\\d+_\\d+)?\\.([A-Za-z]+)");

    @TempDir
    static Path dir;

    static RedfishFixture f;
    static Vertx vertx;
    static WebClient client;

    @BeforeAll
    static void start() throws Exception {
        f = RedfishFixture.start(dir);
        f.logs.sel.add(new LogEntryView(
                "77",
                RedfishFixture.T0,
                LogEntryType.SEL,
                "System ACPI PowerState",
                0x03,
                "Assert",
                "S5/G2: soft-off",
                Health.OK,
                "0x6F060000"));
        f.logs.sel.add(new LogEntryView(
                "78",
                RedfishFixture.T0,
                LogEntryType.SEL,
                "System ACPI PowerState",
                0x03,
                "Assert",
                "S5/G2: soft-off (inferred by the BMC, not reported by the host)",
                Health.OK,
                "0x6F25FF01",
                true));
        var t0 = RedfishFixture.T0;
        f.logs.cycles.put(
                "host1",
                List.of(new BootCycle(
                        1,
                        t0,
                        "power on",
                        List.of(new BootCycle.PhaseMark(
                                BootProgressState.MemoryInitializationStarted, "EFI 0x00051000", t0.plusSeconds(5))),
                        List.of(
                                new BootCycle.PostCodeMark(0x10, t0.plusSeconds(1)),
                                new BootCycle.PostCodeMark(0x1D, t0.plusSeconds(4))),
                        List.of(new BootCycle.NetworkBootAttempt(
                                "HTTPv4 P1",
                                LifecycleInput.BootErrorKind.PXE_SERVER_NOT_FOUND,
                                Duration.ofMinutes(5),
                                t0.plusSeconds(400),
                                dev.bmcagent.acpi.lifecycle.BootInterface.decode(0xA2, 0, 0x02))),
                        Optional.of(t0.plusSeconds(600)),
                        Optional.of(BootCycle.Outcome.OS_RUNNING))));
        vertx = Vertx.vertx();
        client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setSsl(true)
                        .setTrustAll(true)
                        .setVerifyHost(false)
                        .setDefaultHost("127.0.0.1")
                        .setDefaultPort(f.port()));
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static HttpResponse<Buffer> get(String uri) throws Exception {
        return client.get(uri)
                .basicAuthentication("admin", "secret")
                .send()
                .toCompletionStage()
                .toCompletableFuture()
                .get(20, TimeUnit.SECONDS);
    }

    @Test
    void everyReachableResourceIsWellFormed() throws Exception {
        String metadata = get("/redfish/v1/$metadata").bodyAsString();
        Set<String> seen = new LinkedHashSet<>();
        CsdlProperties csdl = new CsdlProperties();
        List<String> unknown = new java.util.ArrayList<>();
        Deque<String> todo = new ArrayDeque<>(List.of("/redfish/v1"));
        while (!todo.isEmpty()) {
            String uri = todo.poll();
            if (!seen.add(uri)) {
                continue;
            }
            HttpResponse<Buffer> r = get(uri);
            assertEquals(200, r.statusCode(), uri);
            assertEquals("4.0", r.getHeader("OData-Version"), uri);
            assertNotNull(r.getHeader("ETag"), uri);
            assertTrue(r.getHeader("Allow").contains("GET"), uri);
            JsonNode j = MAPPER.readTree(r.bodyAsString());
            assertEquals(uri, j.path("@odata.id").asText(), uri);
            Matcher m = TYPE.matcher(j.path("@odata.type").asText());
            assertTrue(m.matches(), uri + " type " + j.path("@odata.type"));
            assertEquals(m.group(1), m.group(3), uri);
            String namespace = m.group(1) + (m.group(2) == null ? "" : m.group(2));
            assertTrue(metadata.contains("Namespace=\"" + namespace + "\""), uri + " " + namespace);
            assertTrue(j.has("Name"), uri);
            if (j.has("Members")) {
                assertEquals(
                        j.get("Members").size(), j.get("Members@odata.count").asInt(), uri);
            } else {
                assertTrue(j.has("Id"), uri);
            }
            csdl.unknownProperties(j).forEach(problem -> unknown.add(uri + problem));
            collectLinks(j, todo);
        }
        assertEquals(List.of(), unknown, "properties their declared schema version lacks");
        for (String expected : List.of(
                "/redfish/v1/Systems/host1/BootOptions/Boot0002",
                "/redfish/v1/Systems/host1/ResetActionInfo",
                "/redfish/v1/Systems/host1/LogServices/PostCodes/Entries/B1-2",
                "/redfish/v1/Chassis/host1/Sensors/DIMM_A0_Temp",
                "/redfish/v1/Chassis/host1/ThermalSubsystem/Fans/Fan0",
                "/redfish/v1/Managers/bmc/NetworkProtocol",
                "/redfish/v1/Managers/bmc/LogServices/SEL/Entries/77",
                "/redfish/v1/AccountService/Roles/Operator",
                "/redfish/v1/Registries/BmcAgentBoot.1.0.0")) {
            assertTrue(seen.contains(expected), expected + " not reached; saw " + seen);
        }
    }

    @Test
    void everySchemaTheServiceEmitsIsInTheGeneratedPropertyList() {
        CsdlProperties csdl = new CsdlProperties();
        for (dev.bmcagent.redfish.http.Schema s : dev.bmcagent.redfish.http.Schema.values()) {
            assertTrue(
                    csdl.schemas.has(s.schemaName()),
                    s.schemaName()
                            + " missing: run scripts/redfish/csdl-properties.py > redfish/src/test/resources/"
                            + "redfish-csdl-properties.json");
            String declared = s.namespace().contains(".")
                    ? s.namespace().substring(s.schemaName().length() + 1)
                    : null;
            assertEquals(
                    declared,
                    csdl.schemas.get(s.schemaName()).isNull()
                            ? null
                            : csdl.schemas.get(s.schemaName()).asText(),
                    s.schemaName() + ": regenerate the property list");
        }
    }

    @Test
    void theCheckCatchesAPropertyNewerThanTheDeclaredVersion() throws Exception {
        CsdlProperties csdl = new CsdlProperties();
        JsonNode root = MAPPER.readTree("{\"@odata.type\":\"#ServiceRoot.v1_16_0.ServiceRoot\",\"Id\":\"x\","
                + "\"ProtocolFeaturesSupported\":{\"TopSkipQuery\":true,\"SelectQuery\":true},\"Bogus\":1}");
        assertEquals(
                List.of(
                        "/ProtocolFeaturesSupported/TopSkipQuery: added in ServiceRoot.v1_17_0, resource "
                                + "declares v1_16_0",
                        "/Bogus: not a property of ServiceRoot.ServiceRoot"),
                csdl.unknownProperties(root));
    }

    private static void collectLinks(JsonNode n, Deque<String> todo) {
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (e.getKey().equals("@odata.id") && e.getValue().isTextual()) {
                    if (!e.getValue().asText().contains("#")) { // "Thermal#/Temperatures/0": a member, read with it
                        todo.add(e.getValue().asText());
                    }
                } else if (e.getKey().equals("@Redfish.ActionInfo")) {
                    todo.add(e.getValue().asText());
                } else {
                    collectLinks(e.getValue(), todo);
                }
            }
        } else if (n.isArray()) {
            n.forEach(c -> collectLinks(c, todo));
        }
    }

    @Test
    void sensorsShowUnavailableOfflineNotFailed() throws Exception {
        JsonNode s = MAPPER.readTree(
                get("/redfish/v1/Chassis/host1/Sensors/DIMM_A0_Temp").bodyAsString());
        assertEquals("UnavailableOffline", s.at("/Status/State").asText());
        assertTrue(s.get("Reading").isNull());
        assertEquals("Cel", s.get("ReadingUnits").asText());
        JsonNode t = MAPPER.readTree(
                get("/redfish/v1/Chassis/host1/ThermalSubsystem").bodyAsString());
        assertEquals("FixedDuty", t.at("/Oem/BmcAgent/FanMode").asText());
    }

    @Test
    void managerShowsPortsAndFirmware() throws Exception {
        JsonNode m = MAPPER.readTree(get("/redfish/v1/Managers/bmc").bodyAsString());
        assertEquals("BMC", m.get("ManagerType").asText());
        assertEquals("0.1.0-test", m.get("FirmwareVersion").asText());
        JsonNode accounts = MAPPER.readTree(get("/redfish/v1/AccountService").bodyAsString());
        assertEquals(
                "[\"Redfish\",\"IPMI\"]", accounts.get("SupportedAccountTypes").toString());
        JsonNode np =
                MAPPER.readTree(get("/redfish/v1/Managers/bmc/NetworkProtocol").bodyAsString());
        assertEquals(6230, np.at("/IPMI/Port").asInt());
        assertEquals(8443, np.at("/HTTPS/Port").asInt());
    }

    @Test
    void bootHistoryAndPostCodes() throws Exception {
        JsonNode h = MAPPER.readTree(get("/redfish/v1/Systems/host1/LogServices/BootHistory/Entries/1")
                .bodyAsString());
        assertEquals("BmcAgentBoot.1.0.BootCycleCompleted", h.get("MessageId").asText());
        assertEquals(
                "Boot cycle 1 of host1 ended with OS_RUNNING after 600.000 seconds.",
                h.get("Message").asText());
        assertEquals(
                "HTTPv4 P1",
                h.at("/Oem/BmcAgent/NetworkBootAttempts/0/Interface").asText());
        // issue #13 item 10: the attempt names its protocol and interface, not "PXE server not found"
        assertEquals(
                "HTTP(S) boot server not found",
                h.at("/Oem/BmcAgent/NetworkBootAttempts/0/Description").asText());
        assertEquals(
                "HTTP", h.at("/Oem/BmcAgent/NetworkBootAttempts/0/Protocol").asText());
        assertEquals(
                "IPv4", h.at("/Oem/BmcAgent/NetworkBootAttempts/0/IpVersion").asText());
        assertEquals(
                0, h.at("/Oem/BmcAgent/NetworkBootAttempts/0/InterfaceIndex").asInt(-1));
        JsonNode p = MAPPER.readTree(get("/redfish/v1/Systems/host1/LogServices/PostCodes/Entries/B1-2")
                .bodyAsString());
        assertEquals(
                "Boot cycle 1 POST code 0x1D at 4.000 seconds.",
                p.get("Message").asText());
        JsonNode sel = MAPPER.readTree(
                get("/redfish/v1/Managers/bmc/LogServices/SEL/Entries/77").bodyAsString());
        assertEquals("SEL", sel.get("EntryType").asText());
        assertEquals("System ACPI PowerState", sel.get("SensorType").asText());
        assertEquals("0x6F060000", sel.get("MessageId").asText());
        assertTrue(sel.path("Oem").isMissingNode(), "a reported state carries no marker: " + sel);
        JsonNode inferred = MAPPER.readTree(
                get("/redfish/v1/Managers/bmc/LogServices/SEL/Entries/78").bodyAsString());
        assertTrue(inferred.at("/Oem/BmcAgent/Inferred").asBoolean(), inferred.toString()); // issue #13 item 5
        assertEquals(
                "#BmcAgent.v1_0_0.LogEntry",
                inferred.at("/Oem/BmcAgent/@odata.type").asText());
        for (String log : List.of(
                "/redfish/v1/Systems/host1/LogServices/BootHistory",
                "/redfish/v1/Systems/host1/LogServices/PostCodes",
                "/redfish/v1/Managers/bmc/LogServices/SEL")) {
            JsonNode service = MAPPER.readTree(get(log).bodyAsString());
            assertEquals(
                    Json.dateTime(f.clock.instant()), service.get("DateTime").asText(), log);
        }
        for (String log : List.of(
                "/redfish/v1/Systems/host1/LogServices/BootHistory",
                "/redfish/v1/Systems/host1/LogServices/PostCodes")) {
            assertEquals(
                    "Event",
                    MAPPER.readTree(get(log).bodyAsString()).get("LogEntryType").asText(),
                    log);
        }
        assertEquals(
                "SEL",
                MAPPER.readTree(get("/redfish/v1/Managers/bmc/LogServices/SEL").bodyAsString())
                        .get("LogEntryType")
                        .asText());
        assertEquals("Event", h.get("EntryType").asText());
        assertEquals("Event", p.get("EntryType").asText());
    }
}
