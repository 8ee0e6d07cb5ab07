package dev.bmcagent.redfish.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.redfish.backend.Health;
import dev.bmcagent.redfish.backend.LogEntryType;
import dev.bmcagent.redfish.backend.LogEntryView;
import dev.bmcagent.redfish.backend.PowerState;
import dev.bmcagent.redfish.backend.SystemView;
import dev.bmcagent.redfish.testing.HttpResult;
import dev.bmcagent.redfish.testing.RedfishFixture;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** $expand and $filter end to end: real curl against a real server with the in-memory backends. */
class QueryCurlTest {
    static final String SYSTEMS = "/redfish/v1/Systems";
    static final String SEL = "/redfish/v1/Managers/bmc/LogServices/SEL/Entries";

    @TempDir
    static Path dir;

    static RedfishFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = RedfishFixture.start(dir);
        SystemView h = RedfishFixture.host1();
        // host2 is Off and has no chassis: its Links/Chassis hyperlink cannot be read
        f.systems.put(new SystemView(
                "host2",
                "Host 2",
                PowerState.Off,
                h.acpi(),
                h.bootProgress(),
                h.biosVersion(),
                h.uuid(),
                h.memoryGiB(),
                h.processors(),
                h.indicatorLed(),
                "rack-13",
                h.bootOverride(),
                h.bootOrder(),
                h.bootOptions(),
                Health.OK,
                List.of()));
        f.logs.sel.add(new LogEntryView(
                "1",
                RedfishFixture.T0,
                LogEntryType.SEL,
                "BaseOSBoot/InstallationStatus",
                0x10,
                "Assert",
                "Boot started",
                Health.OK,
                "0x6F010000"));
        f.logs.sel.add(new LogEntryView(
                "2",
                RedfishFixture.T0,
                LogEntryType.Oem,
                "Fan",
                0x30,
                "Assert",
                "Fan 0 below threshold",
                Health.Critical,
                "0x00000000"));
        f.logs.sel.add(new LogEntryView(
                "3",
                RedfishFixture.T0,
                LogEntryType.SEL,
                "Temperature",
                0x21,
                "Assert",
                "CPU0 upper critical",
                Health.Critical,
                "0x01095A5F"));
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    /** A query string value percent-encoded the way a careful client sends it (space as %20). */
    static String q(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static HttpResult as(String user, String method, String path) {
        return f.curl.send(method, path, null, "-u", user);
    }

    static HttpResult admin(String path) {
        return as("admin:secret", "GET", path);
    }

    static List<String> ids(JsonNode members) {
        List<String> out = new ArrayList<>();
        members.forEach(m -> out.add(m.path("Id").asText(m.path("@odata.id").asText())));
        return out;
    }

    @Test
    void serviceRootDeclaresWhatWorks() {
        JsonNode features = f.curl.get("/redfish/v1/").json().get("ProtocolFeaturesSupported");
        JsonNode expand = features.get("ExpandQuery");
        assertTrue(expand.get("ExpandAll").asBoolean()
                && expand.get("Levels").asBoolean()
                && expand.get("Links").asBoolean()
                && expand.get("NoLinks").asBoolean());
        assertEquals(ExpandQuery.MAX_LEVELS, expand.get("MaxLevels").asInt());
        assertTrue(features.get("FilterQuery").asBoolean());
        assertTrue(features.get("TopSkipQuery").asBoolean());
    }

    @Test
    void topAndSkipPageTheSelWithANextLinkThatCurlCanFollow() {
        JsonNode all = admin(SEL).json();
        int total = all.get("Members@odata.count").asInt();
        List<String> everyId = ids(all.get("Members"));
        List<String> paged = new ArrayList<>();
        String next = SEL + "?" + q("$top", "2");
        int pages = 0;
        while (next != null) {
            JsonNode page = admin(next).json();
            assertEquals(total, page.get("Members@odata.count").asInt(), "the count is the whole collection's");
            assertTrue(page.get("Members").size() <= 2, page.toString());
            paged.addAll(ids(page.get("Members")));
            next = page.has("Members@odata.nextLink")
                    ? page.get("Members@odata.nextLink").asText()
                    : null;
            pages++;
        }
        assertEquals(everyId, paged, "following nextLink visits every entry once, in order");
        assertEquals((total + 1) / 2, pages);
        JsonNode skipped =
                admin(SEL + "?" + q("$skip", "1") + "&" + q("$top", "1")).json();
        assertEquals(List.of(everyId.get(1)), ids(skipped.get("Members")));
        JsonNode filtered = admin(SEL + "?" + q("$filter", "EntryType eq 'SEL'") + "&" + q("$top", "1"))
                .json();
        assertEquals(List.of("1"), ids(filtered.get("Members")));
        assertEquals(2, filtered.get("Members@odata.count").asInt(), "count after the filter, before the page");
        assertTrue(filtered.get("Members@odata.nextLink").asText().contains("$skip=1"), filtered.toString());
        assertEquals(
                0, admin(SEL + "?" + q("$skip", "1000")).json().get("Members").size());
    }

    @Test
    void dotExpandsMembersWithTheirOwnHeadersKept() {
        HttpResult plain = admin(SYSTEMS);
        HttpResult r = admin(SYSTEMS + "?" + q("$expand", ".($levels=1)"));
        assertEquals(200, r.status(), r.body());
        JsonNode members = r.json().get("Members");
        assertEquals(List.of("host1", "host2"), ids(members));
        assertEquals("On", members.at("/0/PowerState").asText());
        assertEquals(Json.link("/redfish/v1/Chassis/host1"), members.at("/0/Links/Chassis/0"), "one level only");
        assertEquals(Json.link(SYSTEMS + "/host1/BootOptions"), members.at("/0/Boot/BootOptions"));
        assertEquals(plain.header("ETag"), r.header("ETag"), "the collection's own ETag, not a member's");
        assertEquals("GET, HEAD", r.header("Allow"), "the collection's own Allow, not a member's");
        assertEquals("4.0", r.header("OData-Version"));
    }

    @Test
    void twoLevelsExpandTheMembersSubordinatesButNotTheirLinks() {
        JsonNode host1 =
                admin(SYSTEMS + "?" + q("$expand", ".($levels=2)")).json().at("/Members/0");
        assertEquals(
                "Boot Option Collection", host1.at("/Boot/BootOptions/Name").asText(), host1.toString());
        assertTrue(host1.at("/Boot/BootOptions/Members/0").has("@odata.id"));
        assertEquals(Json.link("/redfish/v1/Managers/bmc"), host1.at("/Links/ManagedBy/0"));
    }

    @Test
    void tildeExpandsOnlyLinksAndUnreadableLinksStayHyperlinks() {
        JsonNode host1 = admin(SYSTEMS + "/host1?" + q("$expand", "~")).json();
        assertEquals("host1", host1.at("/Links/Chassis/0/Id").asText());
        assertEquals("bmc", host1.at("/Links/ManagedBy/0/Id").asText());
        assertEquals(Json.link(SYSTEMS + "/host1/BootOptions"), host1.at("/Boot/BootOptions"));
        JsonNode host2 = admin(SYSTEMS + "/host2?" + q("$expand", "~")).json();
        assertEquals(Json.link("/redfish/v1/Chassis/host2"), host2.at("/Links/Chassis/0"));
    }

    @Test
    void starWithLevelsStopsAtCycles() {
        HttpResult r = admin(SYSTEMS + "/host1?" + q("$expand", "*($levels=3)"));
        assertEquals(200, r.status());
        JsonNode chassis = r.json().at("/Links/Chassis/0");
        assertEquals("host1", chassis.get("Id").asText());
        // the chassis links back to the system being expanded: left a hyperlink
        assertEquals(Json.link(SYSTEMS + "/host1"), chassis.at("/Links/ComputerSystems/0"));
        assertEquals("Sensors", chassis.at("/Sensors/Name").asText(), chassis.toString());
    }

    @Test
    void filterOnInlineMembers() {
        HttpResult r = admin(SEL + "?" + q("$filter", "EntryType eq 'SEL'"));
        assertEquals(200, r.status(), r.body());
        assertEquals(List.of("1", "3"), ids(r.json().get("Members")));
        assertEquals(2, r.json().get("Members@odata.count").asInt());
        JsonNode critical = admin(SEL + "?"
                        + q("$filter", "Severity eq 'Critical' and not (EntryType eq 'Oem') or SensorNumber lt 16"))
                .json();
        assertEquals(List.of("3"), ids(critical.get("Members")));
    }

    @Test
    void oemSelRecordsCarryOemRecordFormatAndNoSensorFields() {
        JsonNode oem = admin(SEL + "/2").json();
        assertEquals("Oem", oem.get("EntryType").asText());
        assertEquals("IPMI SEL OEM record", oem.get("OemRecordFormat").asText());
        assertFalse(oem.has("SensorNumber") || oem.has("SensorType") || oem.has("EntryCode"), oem::toString);
        JsonNode sel = admin(SEL + "/3").json();
        assertEquals("Temperature", sel.get("SensorType").asText());
        assertEquals(0x21, sel.get("SensorNumber").asInt());
        assertFalse(sel.has("OemRecordFormat"));
    }

    @Test
    void filterReadsHyperlinkedMembersAndCombinesWithExpand() {
        JsonNode off =
                admin(SYSTEMS + "?" + q("$filter", "PowerState eq 'Off'")).json();
        assertEquals(List.of(Json.link(SYSTEMS + "/host2")), List.<JsonNode>copyOf(toList(off.get("Members"))));
        assertEquals(1, off.get("Members@odata.count").asInt());
        JsonNode none = admin(SYSTEMS + "?" + q("$filter", "Oem/BmcAgent/Unknown eq 'x'"))
                .json();
        assertEquals(0, none.get("Members").size());
        assertEquals(0, none.get("Members@odata.count").asInt());
        JsonNode both = admin(SYSTEMS + "?" + q("$filter", "AssetTag eq 'rack-13'") + "&" + q("$expand", ".") + "&"
                        + q("$select", "Members"))
                .json();
        assertEquals(List.of("host2"), ids(both.get("Members")));
        assertEquals("Off", both.at("/Members/0/PowerState").asText());
        assertFalse(both.has("Members@odata.count"), "$select comes last");
        assertTrue(both.has("@odata.id"));
    }

    @Test
    void selectReachesIntoExpandedMembers() {
        JsonNode r = admin(SYSTEMS + "?" + q("$expand", ".") + "&" + q("$select", "Members/PowerState,Name"))
                .json();
        assertEquals("Computer System Collection", r.get("Name").asText());
        JsonNode host2 = r.at("/Members/1");
        assertEquals("Off", host2.get("PowerState").asText(), r.toString());
        assertEquals(SYSTEMS + "/host2", host2.get("@odata.id").asText());
        assertFalse(host2.has("Id"), r.toString());
        assertFalse(r.has("Members@odata.count"));
    }

    @Test
    void readOnlyCallerSeesThroughExpandOnlyWhatItCouldGet() {
        String q = "/redfish/v1/AccountService?" + q("$expand", ".($levels=2)");
        JsonNode mine = as("reader:readonly1", "GET", q).json().get("Accounts");
        assertEquals(1, mine.get("Members@odata.count").asInt());
        assertEquals("reader", mine.at("/Members/0/UserName").asText());
        JsonNode all = as("admin:secret", "GET", q).json().get("Accounts");
        assertEquals(3, all.get("Members").size());
        assertEquals("admin", all.at("/Members/0/UserName").asText());
        JsonNode filtered = as(
                        "reader:readonly1",
                        "GET",
                        "/redfish/v1/AccountService/Accounts?" + q("$filter", "UserName ne 'nobody'"))
                .json();
        assertEquals(1, filtered.get("Members@odata.count").asInt());
    }

    @Test
    void withoutCredentialsThePublicRootExpandsNothing() {
        HttpResult r = f.curl.get("/redfish/v1?" + q("$expand", "*"));
        assertEquals(200, r.status(), r.body());
        assertEquals(Json.link(SYSTEMS), r.json().get("Systems"));
        assertEquals(Json.link("/redfish/v1/SessionService/Sessions"), r.json().at("/Links/Sessions"));
        HttpResult withCredentials = admin("/redfish/v1?" + q("$expand", "*"));
        assertEquals(
                "Computer System Collection",
                withCredentials.json().at("/Systems/Name").asText());
    }

    @Test
    void theWholeTreeExpandsSixLevelsThroughEveryResourceWithoutHangingOrLooping() {
        for (String user : List.of("admin:secret", "reader:readonly1")) {
            HttpResult r = as(user, "GET", "/redfish/v1?" + q("$expand", "*($levels=6)"));
            assertEquals(200, r.status(), r.body());
            JsonNode root = r.json();
            assertEquals("host1", root.at("/Systems/Members/0/Id").asText());
            assertEquals(
                    "Boot Option Collection",
                    root.at("/Systems/Members/0/Boot/BootOptions/Name").asText());
            assertTrue(root.at("/Systems/Members/0/Boot/BootOptions/Members/0").has("DisplayName"), root::toString);
            assertEquals(
                    "SEL",
                    root.at("/Managers/Members/0/LogServices/Members/0/Id").asText(),
                    root::toString);
            assertEquals(
                    user.startsWith("admin") ? 3 : 1,
                    root.at("/AccountService/Accounts/Members").size());
            assertEquals(
                    Json.link("/redfish/v1/Systems/host1"),
                    root.at("/Systems/Members/0/Links/Chassis/0/Links/ComputerSystems/0"),
                    "cycle back to host1");
        }
    }

    @Test
    void malformedUnsupportedAndMisplacedQueriesAreRefused() {
        assertError(400, "QueryParameterValueFormatError", admin(SYSTEMS + "?" + q("$expand", "Members")));
        assertError(400, "QueryParameterValueTypeError", admin(SYSTEMS + "?" + q("$expand", ".($levels=two)")));
        assertError(400, "QueryParameterOutOfRange", admin(SYSTEMS + "?" + q("$expand", "*($levels=7)")));
        assertError(400, "QueryParameterValueFormatError", admin(SEL + "?" + q("$filter", "EntryType eq")));
        assertError(400, "QueryCombinationInvalid", admin(SYSTEMS + "?only&" + q("$expand", ".")));
        assertError(400, "QueryNotSupportedOnResource", admin(SYSTEMS + "/host1?" + q("$filter", "Id eq 'x'")));
        assertError(501, "QueryNotSupported", admin(SYSTEMS + "?" + q("$orderby", "Id")));
        assertError(400, "QueryParameterValueTypeError", admin(SYSTEMS + "?" + q("$top", "one")));
        assertError(400, "QueryParameterOutOfRange", admin(SYSTEMS + "?" + q("$skip", "-1")));
        assertError(400, "QueryNotSupportedOnResource", admin(SYSTEMS + "/host1?" + q("$top", "1")));
        assertError(400, "QueryCombinationInvalid", admin(SYSTEMS + "?only&" + q("$top", "1")));
        HttpResult patch = f.curl.send(
                "PATCH", SYSTEMS + "/host1?" + q("$expand", "."), "{\"AssetTag\":\"zz\"}", "-u", "admin:secret");
        assertError(400, "QueryNotSupportedOnOperation", patch);
        assertEquals("rack-12", f.systems.system("host1").orElseThrow().assetTag(), "refused before the PATCH ran");
    }

    static void assertError(int status, String message, HttpResult r) {
        assertEquals(status, r.status(), r.body());
        assertEquals("Base.1.19.0." + message, r.messageId(), r.body());
    }

    static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
