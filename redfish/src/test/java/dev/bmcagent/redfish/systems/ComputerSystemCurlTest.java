package dev.bmcagent.redfish.systems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.redfish.backend.AcpiView;
import dev.bmcagent.redfish.backend.BootSource;
import dev.bmcagent.redfish.backend.Health;
import dev.bmcagent.redfish.backend.SystemView;
import dev.bmcagent.redfish.testing.HttpResult;
import dev.bmcagent.redfish.testing.RedfishFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComputerSystemCurlTest {
    static final String ADMIN = "admin:secret";
    static final String SYS = "/redfish/v1/Systems/host1";

    @TempDir
    static Path dir;

    static RedfishFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = RedfishFixture.start(dir);
    }

    @BeforeEach
    void reset() {
        f.reset();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    HttpResult admin(String method, String path, String body, String... extra) {
        String[] opts = new String[extra.length + 2];
        opts[0] = "-u";
        opts[1] = ADMIN;
        System.arraycopy(extra, 0, opts, 2, extra.length);
        return f.curl.send(method, path, body, opts);
    }

    /** GETs reuse the last serialization only while the backend's view is equal: a state change shows at once. */
    @Test
    void everyStateChangeShowsInTheNextGet() {
        HttpResult first = admin("GET", SYS, null);
        assertEquals(first.body(), admin("GET", SYS, null).body());
        assertEquals(first.header("ETag"), admin("GET", SYS, null).header("ETag"));
        SystemView v = f.systems.system("host1").orElseThrow();
        f.systems.put(new SystemView(
                v.id(),
                v.name(),
                v.powerState(),
                new AcpiView(
                        AcpiSystemState.S0_G0_D0,
                        v.acpi().device(),
                        v.acpi().lastChange().plusSeconds(1),
                        v.acpi().inferred()),
                v.bootProgress(),
                v.biosVersion(),
                v.uuid(),
                v.memoryGiB(),
                v.processors(),
                v.indicatorLed(),
                v.assetTag(),
                v.bootOverride(),
                v.bootOrder(),
                v.bootOptions(),
                Health.OK,
                List.of())); // the host changed state, no PATCH
        HttpResult changed = admin("GET", SYS, null);
        assertEquals(
                "S0_G0_D0", changed.json().at("/Oem/BmcAgent/AcpiSystemState").asText());
        assertNotEquals(first.header("ETag"), changed.header("ETag"));
        f.systems.put(v); // and back: the original representation
        assertEquals(first.body(), admin("GET", SYS, null).body());
        assertEquals(first.header("ETag"), admin("GET", SYS, null).header("ETag"));
        f.systems.bootSources = java.util.EnumSet.of(BootSource.Pxe, BootSource.None);
        assertEquals(
                2,
                admin("GET", SYS, null)
                        .json()
                        .at("/Boot/BootSourceOverrideTarget@Redfish.AllowableValues")
                        .size());
        assertEquals(
                "S2_D2",
                admin("GET", SYS + "?$select=Oem/BmcAgent/AcpiSystemState,Oem", null)
                        .json()
                        .at("/Oem/BmcAgent/AcpiSystemState")
                        .asText()); // $select on a cached tree
        assertEquals(first.json().at("/Oem"), admin("GET", SYS, null).json().at("/Oem")); // ... left intact
    }

    @Test
    void getSystemShowsBootProgressAcpiAndBoot() {
        HttpResult r = admin("GET", SYS, null);
        assertEquals(200, r.status());
        JsonNode j = r.json();
        assertEquals(
                "#ComputerSystem.v1_20_0.ComputerSystem", j.get("@odata.type").asText());
        assertEquals("OEM", j.at("/BootProgress/LastState").asText());
        assertEquals("EFI 0x03041000", j.at("/BootProgress/OemLastState").asText());
        assertEquals(187.0, j.at("/BootProgress/LastBootTimeSeconds").asDouble());
        assertEquals(
                "2026-11-22T07:59:18+00:00", j.at("/BootProgress/LastStateTime").asText());
        assertEquals("S2_D2", j.at("/Oem/BmcAgent/AcpiSystemState").asText());
        assertFalse(j.at("/Oem/BmcAgent/AcpiStateInferred").asBoolean());
        assertEquals(256.0, j.at("/MemorySummary/TotalSystemMemoryGiB").asDouble());
        // ComputerSystem v1_20_0 defines BootOptions only inside Boot (v1_5_0); the resource is additionalProperties
        // false
        assertEquals(
                "/redfish/v1/Systems/host1/BootOptions",
                j.at("/Boot/BootOptions/@odata.id").asText());
        assertFalse(j.has("BootOptions"), "no top-level BootOptions in ComputerSystem");
        assertEquals(
                BootSource.values().length,
                j.at("/Boot/BootSourceOverrideTarget@Redfish.AllowableValues").size());
        assertEquals("GET, HEAD, PATCH", r.header("Allow"));
        assertEquals(
                "/redfish/v1/Systems/host1/ResetActionInfo",
                j.at("/Actions/#ComputerSystem.Reset/@Redfish.ActionInfo").asText());
    }

    @Test
    void collectionAndOnly() {
        HttpResult c = admin("GET", "/redfish/v1/Systems", null);
        assertEquals(1, c.json().get("Members@odata.count").asInt());
        HttpResult only = admin("GET", "/redfish/v1/Systems?only", null);
        assertEquals(200, only.status());
        assertEquals("host1", only.json().get("Id").asText());
    }

    @Test
    void selectKeepsOnlyNamedProperties() {
        HttpResult r = admin("GET", SYS + "?%24select=PowerState,Boot/BootSourceOverrideTarget", null);
        JsonNode j = r.json();
        assertEquals("On", j.get("PowerState").asText());
        assertEquals("None", j.at("/Boot/BootSourceOverrideTarget").asText());
        assertFalse(j.has("BiosVersion"));
        assertFalse(j.get("Boot").has("BootOrder"));
        assertTrue(j.has("@odata.id"));
    }

    @Test
    void patchWithMatchingEtagApplies() {
        String etag = admin("GET", SYS, null).header("ETag");
        HttpResult r = admin(
                "PATCH",
                SYS,
                "{\"AssetTag\":\"rack-13\",\"Boot\":{\"BootSourceOverrideTarget\":\"UefiHttp\","
                        + "\"BootSourceOverrideEnabled\":\"Once\",\"HttpBootUri\":\"https://127.0.0.1/boot.efi\","
                        + "\"BootOrder\":[\"Boot0002\",\"Boot0001\"]}}",
                "-H",
                "If-Match: " + etag);
        assertEquals(200, r.status(), r.body());
        assertEquals("rack-13", r.json().get("AssetTag").asText());
        assertEquals("UefiHttp", r.json().at("/Boot/BootSourceOverrideTarget").asText());
        assertEquals(
                List.of("Boot0002", "Boot0001"),
                f.systems.system("host1").orElseThrow().bootOrder());
        assertNotEquals(etag, r.header("ETag"));
    }

    @Test
    void patchWithStaleEtagIs412AndChangesNothing() {
        HttpResult r = admin("PATCH", SYS, "{\"AssetTag\":\"x\"}", "-H", "If-Match: \"0000000000000000\"");
        assertEquals(412, r.status());
        assertEquals("Base.1.19.0.PreconditionFailed", r.messageId());
        assertEquals("rack-12", f.systems.system("host1").orElseThrow().assetTag());
    }

    @Test
    void malformedJsonIs400() {
        HttpResult r = admin("PATCH", SYS, "{\"AssetTag\": ");
        assertEquals(400, r.status());
        assertEquals("Base.1.19.0.MalformedJSON", r.messageId());
    }

    @Test
    void unknownPropertyIs400AndNothingApplied() {
        HttpResult r = admin("PATCH", SYS, "{\"AssetTag\":\"y\",\"Frobnicate\":1}");
        assertEquals(400, r.status());
        assertEquals("Base.1.19.0.PropertyUnknown", r.messageId());
        assertEquals("rack-12", f.systems.system("host1").orElseThrow().assetTag());
    }

    @Test
    void readOnlyPropertyIs400PropertyNotWritable() {
        HttpResult r = admin("PATCH", SYS, "{\"PowerState\":\"Off\"}");
        assertEquals(400, r.status());
        assertEquals("Base.1.19.0.PropertyNotWritable", r.messageId());
        assertEquals(
                "#/PowerState",
                r.json()
                        .at("/error/@Message.ExtendedInfo/0/RelatedProperties/0")
                        .asText());
    }

    @Test
    void enumValueNotInListAndWrongType() {
        HttpResult r = admin("PATCH", SYS, "{\"Boot\":{\"BootSourceOverrideTarget\":\"Floppy\"},\"AssetTag\":5}");
        assertEquals(400, r.status());
        JsonNode infos = r.json().at("/error/@Message.ExtendedInfo");
        assertEquals(2, infos.size());
        assertEquals(
                "Base.1.19.0.PropertyValueNotInList",
                infos.get(0).get("MessageId").asText());
        assertEquals(
                "Base.1.19.0.PropertyValueTypeError",
                infos.get(1).get("MessageId").asText());
    }

    @Test
    void bootSourceTheBackendCannotCarryOutIs400AndNotAllowable() {
        f.systems.bootSources = java.util.EnumSet.of(BootSource.None, BootSource.Pxe, BootSource.UefiHttp);
        HttpResult r = admin("PATCH", SYS, "{\"Boot\":{\"BootSourceOverrideTarget\":\"UefiShell\"}}");
        assertEquals(400, r.status());
        assertEquals("Base.1.19.0.PropertyValueNotInList", r.messageId());
        assertEquals(
                "#/Boot/BootSourceOverrideTarget",
                r.json()
                        .at("/error/@Message.ExtendedInfo/0/RelatedProperties/0")
                        .asText());
        assertEquals(List.of(), f.systems.resets);
        assertEquals(
                "None",
                admin("GET", SYS, null)
                        .json()
                        .at("/Boot/BootSourceOverrideTarget")
                        .asText());
        JsonNode allowed = admin("GET", SYS, null).json().at("/Boot/BootSourceOverrideTarget@Redfish.AllowableValues");
        assertEquals("[\"None\",\"Pxe\",\"UefiHttp\"]", allowed.toString());
        assertEquals(
                200,
                admin("PATCH", SYS, "{\"Boot\":{\"BootSourceOverrideTarget\":\"UefiHttp\"}}")
                        .status());
    }

    @Test
    void bootOrderMustNameReportedOptions() {
        HttpResult r = admin("PATCH", SYS, "{\"Boot\":{\"BootOrder\":[\"Boot0009\"]}}");
        assertEquals(400, r.status());
        assertEquals("Base.1.19.0.PropertyValueIncorrect", r.messageId());
    }

    @Test
    void bootOrderPatternsArePatchableThroughTheOem() {
        HttpResult r = admin(
                "PATCH",
                SYS,
                "{\"Oem\":{\"BmcAgent\":{\"BootOrderPatterns\":[\".*HTTPS IPv6.*\"," + "\"UEFI OS \\\\(.*\\\\)\"]}}}");
        assertEquals(200, r.status(), r.body());
        assertEquals(
                List.of(".*HTTPS IPv6.*", "UEFI OS \\(.*\\)"),
                f.systems.system("host1").orElseThrow().bootOrderPatterns());
        assertEquals(
                "[\".*HTTPS IPv6.*\",\"UEFI OS \\\\(.*\\\\)\"]",
                admin("GET", SYS, null)
                        .json()
                        .at("/Oem/BmcAgent/BootOrderPatterns")
                        .toString());
        assertEquals(
                200,
                admin("PATCH", SYS, "{\"Oem\":{\"BmcAgent\":{\"BootOrderPatterns\":[]}}}")
                        .status());
        assertEquals(List.of(), f.systems.system("host1").orElseThrow().bootOrderPatterns());
    }

    @Test
    void badBootOrderPatternsAre400NamingEachAndNothingApplied() {
        String tooLong = "a".repeat(SystemsResource.MAX_PATTERN_LENGTH + 1);
        HttpResult r = admin(
                "PATCH",
                SYS,
                "{\"AssetTag\":\"new\",\"Oem\":{\"BmcAgent\":{\"BootOrderPatterns\":" + "[\".*ok.*\",\"(unclosed\",\""
                        + tooLong + "\",\"\",\"caf\u00e9\"]}}}");
        assertEquals(400, r.status(), r.body());
        JsonNode infos = r.json().at("/error/@Message.ExtendedInfo");
        assertEquals(4, infos.size(), infos.toString());
        for (JsonNode i : infos) {
            assertEquals(
                    "Base.1.19.0.PropertyValueFormatError", i.get("MessageId").asText());
        }
        assertEquals(
                "#/Oem/BmcAgent/BootOrderPatterns/1",
                infos.get(0).at("/RelatedProperties/0").asText());
        assertEquals("(unclosed", infos.get(0).at("/MessageArgs/0").asText());
        assertEquals(
                "#/Oem/BmcAgent/BootOrderPatterns/4",
                infos.get(3).at("/RelatedProperties/0").asText());
        assertEquals("rack-12", f.systems.system("host1").orElseThrow().assetTag()); // nothing applied
        // the wrong type, too many, read-only neighbours
        assertEquals(
                "Base.1.19.0.PropertyValueTypeError",
                admin("PATCH", SYS, "{\"Oem\":{\"BmcAgent\":{\"BootOrderPatterns\":\".*\"}}}")
                        .messageId());
        String many = String.join(",", java.util.Collections.nCopies(SystemsResource.MAX_PATTERNS + 1, "\"a\""));
        assertEquals(
                "Base.1.19.0.PropertyValueFormatError",
                admin("PATCH", SYS, "{\"Oem\":{\"BmcAgent\":{\"BootOrderPatterns\":[" + many + "]}}}")
                        .messageId());
        assertEquals(
                "Base.1.19.0.PropertyNotWritable",
                admin("PATCH", SYS, "{\"Oem\":{\"BmcAgent\":{\"AcpiStateInferred\":true}}}")
                        .messageId());
        assertEquals(
                "Base.1.19.0.PropertyUnknown",
                admin("PATCH", SYS, "{\"Oem\":{\"Other\":{}}}").messageId());
        assertEquals(List.of(), f.systems.system("host1").orElseThrow().bootOrderPatterns());
    }

    @Test
    void bootOrderAndPatternsTogetherConflict() {
        String ref =
                f.systems.system("host1").orElseThrow().bootOptions().get(0).reference();
        HttpResult r = admin(
                "PATCH",
                SYS,
                "{\"Boot\":{\"BootOrder\":[\"" + ref + "\"]},"
                        + "\"Oem\":{\"BmcAgent\":{\"BootOrderPatterns\":[\".*\"]}}}");
        assertEquals(400, r.status());
        assertEquals("Base.1.19.0.PropertyValueConflict", r.messageId());
        assertEquals(
                "The property 'Oem/BmcAgent/BootOrderPatterns' could not be written because its value would "
                        + "conflict with the value of the 'Boot/BootOrder' property.",
                r.json().at("/error/message").asText());
    }

    @Test
    void httpBootUriMustBePrintableAscii() {
        HttpResult r = admin("PATCH", SYS, "{\"Boot\":{\"HttpBootUri\":\"http://h/caf\u00e9.efi\"}}");
        assertEquals(400, r.status());
        assertEquals("Base.1.19.0.PropertyValueFormatError", r.messageId());
    }

    @Test
    void readOnlyRolePatchIs403() {
        HttpResult r = f.curl.send("PATCH", SYS, "{\"AssetTag\":\"z\"}", "-u", "reader:readonly1");
        assertEquals(403, r.status());
        assertEquals("Base.1.19.0.InsufficientPrivilege", r.messageId());
        HttpResult reset = f.curl.send(
                "POST", SYS + "/Actions/ComputerSystem.Reset", "{\"ResetType\":\"On\"}", "-u", "reader:readonly1");
        assertEquals(403, reset.status());
        assertTrue(f.systems.resets.isEmpty());
        assertEquals(200, f.curl.get(SYS, "-u", "reader:readonly1").status());
    }

    @Test
    void unknownIdsAre404() {
        HttpResult r = admin("GET", "/redfish/v1/Systems/nohost", null);
        assertEquals(404, r.status());
        assertEquals("Base.1.19.0.ResourceNotFound", r.messageId());
        assertEquals(404, admin("GET", SYS + "/BootOptions/Boot0099", null).status());
        assertEquals(
                404, admin("GET", "/redfish/v1/Chassis/nohost/Sensors", null).status());
        assertEquals(
                404,
                admin("GET", "/redfish/v1/AccountService/Accounts/99", null).status());
    }

    @Test
    void unsupportedMethodIs405() {
        HttpResult r = admin("DELETE", SYS, null);
        assertEquals(405, r.status());
        assertEquals("GET, HEAD, PATCH", r.header("Allow"));
    }

    @Test
    void resetActionQueuesPowerAction() {
        HttpResult r = admin("POST", SYS + "/Actions/ComputerSystem.Reset", "{\"ResetType\":\"PowerCycle\"}");
        assertEquals(204, r.status());
        assertEquals(List.of("host1:PowerCycle"), f.systems.resets);
    }

    @Test
    void resetActionParameterErrors() {
        assertEquals(
                "Base.1.19.0.ActionParameterMissing",
                admin("POST", SYS + "/Actions/ComputerSystem.Reset", "{}").messageId());
        assertEquals(
                "Base.1.19.0.ActionParameterValueNotInList",
                admin("POST", SYS + "/Actions/ComputerSystem.Reset", "{\"ResetType\":\"Explode\"}")
                        .messageId());
        assertTrue(f.systems.resets.isEmpty());
        HttpResult info = admin("GET", SYS + "/ResetActionInfo", null);
        assertEquals(7, info.json().at("/Parameters/0/AllowableValues").size());
    }

    @Test
    void oversizedBodyIs413AndChangesNothing() {
        String big = "{\"AssetTag\":\"" + "a".repeat(70 * 1024) + "\"}";
        HttpResult r = admin("PATCH", SYS, big);
        assertEquals(413, r.status());
        assertEquals("rack-12", f.systems.system("host1").orElseThrow().assetTag());
    }

    @Test
    void bootOptionsReportedByHost() {
        HttpResult r = admin("GET", SYS + "/BootOptions/Boot0001", null);
        assertEquals(200, r.status());
        assertTrue(r.json().get("DisplayName").asText().contains("HTTPS IPv6"));
        assertTrue(r.json().get("BootOptionEnabled").asBoolean());
    }
}
