package dev.bmcagent.redfish.chassis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.ChassisBackend;
import dev.bmcagent.redfish.backend.ChassisView;
import dev.bmcagent.redfish.backend.Privilege;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.RedfishError;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/** The Chassis collection and Chassis. */
public final class ChassisResource {

    private final ChassisBackend backend;

    public ChassisResource(ChassisBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    public void register(Routes routes) {
        routes.get("/redfish/v1/Chassis", Privilege.Login, (ctx, p) -> Responses.resource(ctx,
                Json.collection("/redfish/v1/Chassis", Schema.CHASSIS_COLLECTION, "Chassis Collection",
                        backend.chassisIds().stream().map(ChassisResource::uri).toList())));
        routes.get("/redfish/v1/Chassis/:chassisId", Privilege.Login,
                (ctx, p) -> Responses.resource(ctx, render(find(backend, ctx))));
    }

    static String uri(String id) {
        return "/redfish/v1/Chassis/" + id;
    }

    static ChassisView find(ChassisBackend backend, RoutingContext ctx) {
        String id = ctx.pathParam("chassisId");
        return backend.chassis(id)
                .orElseThrow(() -> RedfishError.of(BaseMessage.ResourceNotFound, "Chassis", id).exception());
    }

    private static ObjectNode render(ChassisView c) {
        ObjectNode n = Json.resource(uri(c.id()), Schema.CHASSIS, c.id(), c.name());
        n.put("ChassisType", "RackMount");
        n.put("PowerState", c.powerState().name());
        n.putObject("Status").put("State", "Enabled").put("Health", "OK");
        n.set("Sensors", Json.link(uri(c.id()) + "/Sensors"));
        n.set("ThermalSubsystem", Json.link(uri(c.id()) + "/ThermalSubsystem"));
        ObjectNode links = n.putObject("Links");
        c.systemId().ifPresent(s -> links.putArray("ComputerSystems").add(Json.link("/redfish/v1/Systems/" + s)));
        links.putArray("ManagedBy").add(Json.link("/redfish/v1/Managers/bmc"));
        return n;
    }
}
