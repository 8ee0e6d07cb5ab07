package dev.bmcagent.agent.redfishport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.agent.AgentAssembly;
import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.agent.config.PartialConfig;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push subscriptions against the whole agent with the real curl: HttpHeaders that could split the delivery request
 * (CR, LF, NUL, a non-token name, a framing header) are refused 400 at creation, and a destination on this machine
 * naming one of the agent's own listener ports (Redfish, IPMI, host interface, MQTT broker) is refused 400; nothing
 * is stored for a refused request.
 */
class SubscriptionHygieneAgentTest {
    private static final String SUBSCRIPTIONS = "/redfish/v1/EventService/Subscriptions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HandClockScheduler scheduler = new HandClockScheduler(Instant.parse("2026-11-22T08:00:00Z"));
    private AgentAssembly agent;
    private AgentConfig config;

    @BeforeEach
    void start() throws Exception {
        config = PartialConfig.empty().overriddenBy(FreePorts.partial()).resolve(dir);
        agent = AgentAssembly.start(config, scheduler, new SecureRandom());
    }

    @AfterEach
    void stop() {
        agent.close();
        scheduler.close();
    }

    @Test
    void headersThatCouldSplitTheDeliveryRequestAreRefused400() throws Exception {
        String dest = "http://127.0.0.1:" + freePort() + "/events";
        for (String headers : List.of(
                "{\"X-Token\":\"a\\r\\nX-Evil: 1\"}",
                "{\"X-Token\":\"a\\nb\"}",
                "{\"X-Token\":\"a\\rb\"}",
                "{\"X-Token\":\"a\\u0000b\"}",
                "{\"X Token\":\"v\"}",
                "{\"X-Token:\":\"v\"}",
                "{\"Content-Length\":\"0\"}",
                "{\"Host\":\"evil\"}",
                "{\"X-Big\":\"" + "v".repeat(1025) + "\"}")) {
            JsonNode r = post(
                    "{\"Destination\":\"" + dest + "\",\"Protocol\":\"Redfish\",\"HttpHeaders\":" + headers + "}", 400);
            assertEquals(
                    "Base.1.19.0.PropertyValueFormatError",
                    r.at("/error/@Message.ExtendedInfo/0/MessageId").asText(),
                    headers);
        }
        assertEquals(0, members());
        post(
                "{\"Destination\":\"" + dest + "\",\"Protocol\":\"Redfish\",\"HttpHeaders\":"
                        + "{\"Authorization\":\"Bearer x.y_z~1\",\"X-Tab\":\"a\\tb\"}}",
                201);
        assertEquals(1, members());
    }

    @Test
    void destinationsOnTheAgentsOwnPortsAreRefused400() throws Exception {
        int ipmi = agent.runtime().ipmiAddress(0).getPort();
        int hostIf = agent.runtime().hostInterfaceAddress(0).getPort();
        for (String dest : List.of(
                "http://127.0.0.1:" + config.redfishPort() + "/x",
                "https://127.0.0.1:" + config.redfishPort() + "/x",
                "http://127.0.0.1:" + ipmi + "/x",
                "http://127.0.0.1:" + hostIf + "/x",
                "http://[::1]:" + hostIf + "/x",
                "http://127.0.0.1:" + config.mqttPort() + "/x")) {
            JsonNode r = post("{\"Destination\":\"" + dest + "\",\"Protocol\":\"Redfish\"}", 400);
            assertEquals(
                    "Base.1.19.0.PropertyValueIncorrect",
                    r.at("/error/@Message.ExtendedInfo/0/MessageId").asText(),
                    dest);
        }
        assertEquals(0, members());
        post("{\"Destination\":\"http://127.0.0.1:" + freePort() + "/events\",\"Protocol\":\"Redfish\"}", 201);
        assertEquals(1, members());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private int members() throws Exception {
        return curl("GET", SUBSCRIPTIONS, null, 200).get("Members@odata.count").asInt();
    }

    private JsonNode post(String body, int expected) throws Exception {
        return curl("POST", SUBSCRIPTIONS, body, expected);
    }

    private JsonNode curl(String method, String path, String body, int expected) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                "curl", "-sk", "-u", "admin:" + agent.admin().password(), "-X", method, "-w", "\n%{http_code}"));
        if (body != null) {
            cmd.addAll(List.of("-H", "Content-Type: application/json", "--data-binary", body));
        }
        cmd.add("https://127.0.0.1:" + config.redfishPort() + path);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        int nl = out.lastIndexOf('\n');
        assertEquals(expected, Integer.parseInt(out.substring(nl + 1).trim()), () -> body + " -> " + out);
        return JSON.readTree(out.substring(0, nl));
    }
}
