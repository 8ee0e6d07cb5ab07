package dev.bmcagent.redfish.chassis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.ChassisBackend;
import dev.bmcagent.redfish.backend.ChassisView;
import dev.bmcagent.redfish.backend.FanView;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.backend.ReadingType;
import dev.bmcagent.redfish.backend.SensorView;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import java.util.Objects;

/**
 * The deprecated {@code Chassis/{id}/Thermal} (Thermal.v1_7_3): the same temperature sensors and fans as Sensors and
 * ThermalSubsystem, in the older shape the OCP Server Hardware Management profile requires and {@code redfishtool
 * Chassis -F Sensors} reads first. Read-only; an unreadable sensor has a null reading and its Sensor's state.
 */
public final class LegacyThermalResource {

    private final ChassisBackend backend;

    public LegacyThermalResource(ChassisBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    public void register(Routes routes) {
        routes.get(
                "/redfish/v1/Chassis/:chassisId/Thermal",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(ctx, render(ChassisResource.find(backend, ctx))));
    }

    static ObjectNode render(ChassisView c) {
        String uri = ChassisResource.uri(c.id()) + "/Thermal";
        ObjectNode n = Json.resource(uri, Schema.THERMAL, "Thermal", "Thermal");
        n.putObject("Status").put("State", "Enabled").put("Health", "OK");
        ArrayNode temps = n.putArray("Temperatures");
        for (SensorView s : c.sensors()) {
            if (s.kind() != ReadingType.Temperature) {
                continue;
            }
            ObjectNode t = temps.addObject();
            t.put("@odata.id", uri + "#/Temperatures/" + (temps.size() - 1));
            t.put("MemberId", Integer.toString(temps.size() - 1)); // the array index, as the @odata.id says
            t.put("Name", s.name());
            if (s.reading().isPresent()) {
                t.put("ReadingCelsius", s.reading().getAsDouble());
            } else {
                t.putNull("ReadingCelsius");
            }
            t.put("PhysicalContext", PhysicalContext.of(s.id()));
            t.putObject("Status")
                    .put("State", s.state().name())
                    .put("Health", s.health().name());
        }
        ArrayNode fans = n.putArray("Fans");
        for (FanView f : c.fans()) {
            ObjectNode o = fans.addObject();
            o.put("@odata.id", uri + "#/Fans/" + (fans.size() - 1));
            o.put("MemberId", Integer.toString(fans.size() - 1));
            o.put("Name", f.name());
            if (f.speedRpm().isPresent()) { // Thermal.v1 Fan.Reading is an integer
                o.put("Reading", Math.round(f.speedRpm().getAsDouble()));
                o.put("ReadingUnits", "RPM");
            } else if (f.speedPercent().isPresent()) {
                o.put("Reading", Math.round(f.speedPercent().getAsDouble()));
                o.put("ReadingUnits", "Percent");
            } else {
                o.putNull("Reading");
            }
            o.put("PhysicalContext", "Fan");
            o.putObject("Status")
                    .put("State", f.state().name())
                    .put("Health", f.health().name());
        }
        return n;
    }
}
