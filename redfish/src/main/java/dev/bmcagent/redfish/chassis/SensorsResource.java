package dev.bmcagent.redfish.chassis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.ChassisBackend;
import dev.bmcagent.redfish.backend.ChassisView;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.backend.SensorView;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.MemberLookup;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import java.util.Objects;

/**
 * Sensors of a chassis. A gated or unpowered sensor is {@code Status.State: UnavailableOffline} with a null
 * Reading, not a failure.
 */
public final class SensorsResource {

    private final ChassisBackend backend;

    public SensorsResource(ChassisBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    public void register(Routes routes) {
        routes.get("/redfish/v1/Chassis/:chassisId/Sensors", PrivilegeType.Login, (ctx, p) -> {
            ChassisView c = ChassisResource.find(backend, ctx);
            String base = ChassisResource.uri(c.id()) + "/Sensors";
            Responses.resource(
                    ctx,
                    Json.collection(
                            base,
                            Schema.SENSOR_COLLECTION,
                            "Sensors",
                            c.sensors().stream().map(s -> base + "/" + s.id()).toList()));
        });
        routes.get("/redfish/v1/Chassis/:chassisId/Sensors/:sensorId", PrivilegeType.Login, (ctx, p) -> {
            ChassisView c = ChassisResource.find(backend, ctx);
            String id = ctx.pathParam("sensorId");
            SensorView s = MemberLookup.find(c.sensors(), SensorView::id, id, "Sensor");
            Responses.resource(ctx, render(c, s));
        });
    }

    static ObjectNode render(ChassisView c, SensorView s) {
        ObjectNode n =
                Json.resource(ChassisResource.uri(c.id()) + "/Sensors/" + s.id(), Schema.SENSOR, s.id(), s.name());
        n.put("ReadingType", s.kind().name());
        n.put("ReadingUnits", s.kind().unit());
        if (s.reading().isPresent()) {
            n.put("Reading", s.reading().getAsDouble());
        } else {
            n.putNull("Reading");
        }
        if (!s.thresholds().isEmpty()) {
            ObjectNode t = n.putObject("Thresholds");
            s.thresholds().forEach((name, value) -> t.putObject(name).put("Reading", value));
        }
        n.putObject("Status")
                .put("State", s.state().name())
                .put("Health", s.health().name());
        return n;
    }
}
