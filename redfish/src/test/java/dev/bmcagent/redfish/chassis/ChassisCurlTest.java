package dev.bmcagent.redfish.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.redfish.testing.HttpResult;
import dev.bmcagent.redfish.testing.RedfishFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chassis identity, identify LED, Thermal, Power and PowerSubsystem (OCP Server Hardware Management), via curl. */
class ChassisCurlTest {
    private static final String ADMIN = "admin:secret";
    private static final String CHASSIS = "/redfish/v1/Chassis/host1";

    @TempDir
    static Path dir;

    static RedfishFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = RedfishFixture.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @BeforeEach
    void reset() {
        f.reset();
    }

    private static JsonNode get(String uri) {
        HttpResult r = f.curl.get(uri, "-u", ADMIN);
        assertEquals(200, r.status(), uri);
        return r.json();
    }

    @Test
    void chassisAndSystemCarryTheFruIdentity() {
        JsonNode c = get(CHASSIS);
        assertEquals("Test Vendor", c.get("Manufacturer").asText());
        assertEquals("Test Server 9", c.get("Model").asText());
        assertEquals("CH-TEST-7", c.get("SerialNumber").asText());
        assertEquals("CHP-0042", c.get("PartNumber").asText());
        assertEquals("SKU-0042", c.get("SKU").asText());
        JsonNode s = get("/redfish/v1/Systems/host1");
        assertEquals("SYS-TEST-7", s.get("SerialNumber").asText());
        assertEquals("Test Server 9", s.get("Model").asText());
        assertEquals("SKU-0042", s.get("SKU").asText());
    }

    @Test
    void identifyLedIsOneStateForChassisAndSystem() {
        assertEquals("Off", get(CHASSIS).get("IndicatorLED").asText());
        assertFalse(get(CHASSIS).get("LocationIndicatorActive").asBoolean());
        HttpResult r = f.curl.send("PATCH", CHASSIS, "{\"LocationIndicatorActive\":true}", "-u", ADMIN);
        assertEquals(200, r.status(), r.body());
        assertEquals("Blinking", r.json().get("IndicatorLED").asText());
        JsonNode s = get("/redfish/v1/Systems/host1");
        assertEquals("Blinking", s.get("IndicatorLED").asText());
        assertTrue(s.get("LocationIndicatorActive").asBoolean());
        assertEquals(
                200,
                f.curl.send("PATCH", "/redfish/v1/Systems/host1", "{\"IndicatorLED\":\"Off\"}", "-u", ADMIN)
                        .status());
        assertFalse(get(CHASSIS).get("LocationIndicatorActive").asBoolean());
        assertEquals(
                200,
                f.curl.send("PATCH", CHASSIS, "{\"IndicatorLED\":\"Lit\"}", "-u", ADMIN)
                        .status());
        assertTrue(
                get("/redfish/v1/Systems/host1").get("LocationIndicatorActive").asBoolean());
    }

    @Test
    void ledPatchRefusesBadValuesAndReaders() {
        assertEquals(
                "Base.1.19.0.PropertyValueNotInList",
                f.curl.send("PATCH", CHASSIS, "{\"IndicatorLED\":\"Disco\"}", "-u", ADMIN)
                        .messageId());
        assertEquals(
                "Base.1.19.0.PropertyValueTypeError",
                f.curl.send("PATCH", CHASSIS, "{\"LocationIndicatorActive\":\"yes\"}", "-u", ADMIN)
                        .messageId());
        assertEquals(
                403,
                f.curl.send("PATCH", CHASSIS, "{\"LocationIndicatorActive\":true}", "-u", "reader:readonly1")
                        .status());
        assertEquals("Off", get(CHASSIS).get("IndicatorLED").asText());
    }

    @Test
    void thermalListsTemperaturesWithPhysicalContextAndFans() {
        assertEquals(CHASSIS + "/Thermal", get(CHASSIS).at("/Thermal/@odata.id").asText());
        JsonNode t = get(CHASSIS + "/Thermal");
        assertEquals("#Thermal.v1_7_3.Thermal", t.get("@odata.type").asText());
        JsonNode cpu = t.at("/Temperatures/0");
        assertEquals("0", cpu.get("MemberId").asText());
        assertEquals("CPU0 Temp", cpu.get("Name").asText());
        assertEquals("CPU", cpu.get("PhysicalContext").asText());
        assertEquals(41.5, cpu.get("ReadingCelsius").asDouble());
        assertEquals(CHASSIS + "/Thermal#/Temperatures/0", cpu.get("@odata.id").asText());
        JsonNode dimm = t.at("/Temperatures/1");
        assertEquals("Memory", dimm.get("PhysicalContext").asText());
        assertTrue(dimm.get("ReadingCelsius").isNull());
        assertEquals("UnavailableOffline", dimm.at("/Status/State").asText());
        assertEquals(7200, t.at("/Fans/0/Reading").asInt());
        assertTrue(t.at("/Fans/0/Reading").isIntegralNumber());
        assertEquals("RPM", t.at("/Fans/0/ReadingUnits").asText());
    }

    @Test
    void powerAndPowerSubsystemInventNothing() {
        JsonNode p = get(CHASSIS + "/Power");
        assertEquals("#Power.v1_7_3.Power", p.get("@odata.type").asText());
        assertTrue(p.at("/PowerControl/0/PowerConsumedWatts").isNull()); // no power sensor in this chassis
        assertTrue(p.at("/PowerControl/0/PowerCapacityWatts").isNull());
        assertEquals(
                "NoAction", p.at("/PowerControl/0/PowerLimit/LimitException").asText());
        JsonNode ps = get(CHASSIS + "/PowerSubsystem");
        assertEquals(
                "#PowerSubsystem.v1_1_3.PowerSubsystem", ps.get("@odata.type").asText());
        assertEquals(
                404, f.curl.get("/redfish/v1/Chassis/nope/Power", "-u", ADMIN).status());
        JsonNode env = get(CHASSIS + "/EnvironmentMetrics");
        assertTrue(env.at("/PowerWatts/Reading").isNull());
        assertEquals(0, get(CHASSIS + "/Controls").get("Members@odata.count").asInt());
    }
}
