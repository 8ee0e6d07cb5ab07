package dev.bmcagent.redfish.chassis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.redfish.backend.ChassisBackend;
import dev.bmcagent.redfish.backend.ChassisView;
import dev.bmcagent.redfish.backend.FanView;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.MemberLookup;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import dev.bmcagent.redfish.service.OemSchemaResource;
import java.util.Objects;

/** ThermalSubsystem (fan mode under Oem.BmcAgent) and its Fans. */
public final class ThermalResource {

    private final ChassisBackend backend;

    public ThermalResource(ChassisBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    public void register(Routes routes) {
        routes.get(
                "/redfish/v1/Chassis/:chassisId/ThermalSubsystem",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(ctx, thermal(ChassisResource.find(backend, ctx))));
        routes.get("/redfish/v1/Chassis/:chassisId/ThermalSubsystem/Fans", PrivilegeType.Login, (ctx, p) -> {
            ChassisView c = ChassisResource.find(backend, ctx);
            String base = ChassisResource.uri(c.id()) + "/ThermalSubsystem/Fans";
            Responses.resource(
                    ctx,
                    Json.collection(
                            base,
                            Schema.FAN_COLLECTION,
                            "Fans",
                            c.fans().stream().map(f -> base + "/" + f.id()).toList()));
        });
        routes.get("/redfish/v1/Chassis/:chassisId/ThermalSubsystem/Fans/:fanId", PrivilegeType.Login, (ctx, p) -> {
            ChassisView c = ChassisResource.find(backend, ctx);
            String id = ctx.pathParam("fanId");
            FanView f = MemberLookup.find(c.fans(), FanView::id, id, "Fan");
            Responses.resource(ctx, fan(c, f));
        });
    }

    private static ObjectNode thermal(ChassisView c) {
        String uri = ChassisResource.uri(c.id()) + "/ThermalSubsystem";
        ObjectNode n = Json.resource(uri, Schema.THERMAL_SUBSYSTEM, "ThermalSubsystem", "Thermal Subsystem");
        n.putObject("Status")
                .put("State", "Enabled")
                .put("Health", c.fanMode() == FanMode.FailSafe ? "Critical" : "OK");
        n.set("Fans", Json.link(uri + "/Fans"));
        n.putObject("Oem")
                .putObject("BmcAgent")
                .put("@odata.type", OemSchemaResource.odataType("ThermalSubsystem"))
                .put("FanMode", c.fanMode().name());
        return n;
    }

    private static ObjectNode fan(ChassisView c, FanView f) {
        ObjectNode n = Json.resource(
                ChassisResource.uri(c.id()) + "/ThermalSubsystem/Fans/" + f.id(), Schema.FAN, f.id(), f.name());
        ObjectNode speed = n.putObject("SpeedPercent");
        if (f.speedPercent().isPresent()) {
            speed.put("Reading", f.speedPercent().getAsDouble());
        } else {
            speed.putNull("Reading");
        }
        f.speedRpm().ifPresent(r -> speed.put("SpeedRPM", r));
        n.putObject("Status")
                .put("State", f.state().name())
                .put("Health", f.health().name());
        return n;
    }
}
