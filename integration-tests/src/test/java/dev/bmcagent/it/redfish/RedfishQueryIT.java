package dev.bmcagent.it.redfish;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code $expand} and {@code $filter} against the running agent with real curl: the Systems collection expanded
 * one level, the SEL the host's boot filled filtered by EntryType and SensorType, and a ReadOnly account that sees
 * through {@code $expand} only the account it could GET itself.
 */
class RedfishQueryIT {
    static final String SEL = "/redfish/v1/Managers/bmc/LogServices/SEL/Entries";

    @TempDir
    Path dir;

    RedfishRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new RedfishRig(dir);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    /** {@code name=value} percent-encoded as a careful client sends it ({@code $} as %24, space as %20). */
    static String q(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    RedfishRig.Run get(String user, String password, String path) {
        RedfishRig.Run r = rig.curl(user, password, "GET", path, null);
        System.out.println("curl -sk -u " + user + ":*** '" + rig.base() + path + "'\n" + r.out());
        return r;
    }

    @Test
    void expandSystemsAndFilterTheSelAHostBootFilled() {
        rig.powerOn();
        RedfishBootIT.firmware(rig);
        RedfishBootIT.rest(rig);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rig.get(SEL).get("Members@odata.count").asInt() >= 3);

        RedfishRig.Run systems =
                get(RedfishRig.ADMIN, RedfishRig.ADMIN_PW, "/redfish/v1/Systems?" + q("$expand", ".($levels=1)"));
        assertEquals(200, systems.status(), systems.out());
        JsonNode host0 = systems.json().at("/Members/0");
        assertEquals("host0", host0.get("Id").asText(), host0::toString);
        assertEquals("On", host0.get("PowerState").asText());
        assertTrue(host0.at("/Links/Chassis/0").size() == 1, "Links are not expanded by '.'");

        JsonNode all = rig.get(SEL);
        List<String> selIds = new ArrayList<>();
        List<String> acpiIds = new ArrayList<>();
        all.get("Members").forEach(m -> {
            if (m.get("EntryType").asText().equals("SEL")) {
                selIds.add(m.get("Id").asText());
            }
            if (m.get("SensorType").asText().equals("System ACPI PowerState")) {
                acpiIds.add(m.get("Id").asText());
            }
        });
        RedfishRig.Run bySel =
                get(RedfishRig.ADMIN, RedfishRig.ADMIN_PW, SEL + "?" + q("$filter", "EntryType eq 'SEL'"));
        assertEquals(200, bySel.status(), bySel.out());
        assertEquals(selIds, ids(bySel.json()));
        assertEquals(selIds.size(), bySel.json().get("Members@odata.count").asInt());

        RedfishRig.Run acpi = get(
                RedfishRig.VIEWER,
                RedfishRig.VIEWER_PW,
                SEL + "?" + q("$filter", "SensorType eq 'System ACPI PowerState' and not (Message eq 'nothing')"));
        assertEquals(acpiIds, ids(acpi.json()));
        assertTrue(acpiIds.size() >= 2 && acpiIds.size() < all.get("Members").size(), all::toString);

        RedfishRig.Run bad = get(RedfishRig.ADMIN, RedfishRig.ADMIN_PW, SEL + "?" + q("$filter", "EntryType eq"));
        assertEquals(400, bad.status());
        assertTrue(bad.out().contains("QueryParameterValueFormatError"), bad.out());
    }

    @Test
    void readOnlyAccountSeesThroughExpandOnlyWhatItCouldGet() {
        String accounts = "/redfish/v1/AccountService/Accounts?" + q("$expand", ".");
        RedfishRig.Run viewer = get(RedfishRig.VIEWER, RedfishRig.VIEWER_PW, accounts);
        assertEquals(200, viewer.status(), viewer.out());
        assertEquals(1, viewer.json().get("Members@odata.count").asInt());
        assertEquals(RedfishRig.VIEWER, viewer.json().at("/Members/0/UserName").asText());
        RedfishRig.Run admin = get(RedfishRig.ADMIN, RedfishRig.ADMIN_PW, accounts);
        assertEquals(3, admin.json().get("Members").size());
        admin.json().get("Members").forEach(m -> assertTrue(m.has("UserName"), m::toString));
    }

    static List<String> ids(JsonNode collection) {
        List<String> out = new ArrayList<>();
        collection.get("Members").forEach(m -> out.add(m.get("Id").asText()));
        return out;
    }
}
