package dev.bmcagent.redfish.chassis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.AssetIdentity;
import dev.bmcagent.redfish.backend.ChassisBackend;
import dev.bmcagent.redfish.backend.ChassisView;
import dev.bmcagent.redfish.backend.IndicatorLed;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.backend.SystemPatch;
import dev.bmcagent.redfish.backend.SystemView;
import dev.bmcagent.redfish.backend.SystemsBackend;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.Bodies;
import dev.bmcagent.redfish.http.ETags;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.PatchSpec;
import dev.bmcagent.redfish.http.Principal;
import dev.bmcagent.redfish.http.RedfishError;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;

/**
 * The Chassis collection and Chassis. A chassis holding a host shows that host's identify LED (IndicatorLED and
 * LocationIndicatorActive, PATCHable): the same LED as the ComputerSystem and IPMI Chassis Identify.
 */
public final class ChassisResource {

    private static final PatchSpec PATCH =
            new PatchSpec().enumeration("IndicatorLED", IndicatorLed.class).bool("LocationIndicatorActive");

    private final ChassisBackend backend;
    private final SystemsBackend systems;

    public ChassisResource(ChassisBackend backend, SystemsBackend systems) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.systems = Objects.requireNonNull(systems, "systems");
    }

    public void register(Routes routes) {
        routes.get(
                "/redfish/v1/Chassis",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(
                        ctx,
                        Json.collection(
                                "/redfish/v1/Chassis",
                                Schema.CHASSIS_COLLECTION,
                                "Chassis Collection",
                                backend.chassisIds().stream()
                                        .map(ChassisResource::uri)
                                        .toList())));
        routes.get(
                "/redfish/v1/Chassis/:chassisId",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(ctx, render(find(backend, ctx))));
        routes.patch("/redfish/v1/Chassis/:chassisId", PrivilegeType.ConfigureComponents, this::patch);
    }

    static String uri(String id) {
        return "/redfish/v1/Chassis/" + id;
    }

    static ChassisView find(ChassisBackend backend, RoutingContext ctx) {
        String id = ctx.pathParam("chassisId");
        return backend.chassis(id)
                .orElseThrow(() -> RedfishError.of(BaseMessage.ResourceNotFound, "Chassis", id)
                        .exception());
    }

    private void patch(RoutingContext ctx, Principal p) {
        ChassisView c = find(backend, ctx);
        ObjectNode current = render(c);
        ObjectNode body = Bodies.object(ctx);
        ETags.checkIfMatch(ctx, current);
        PATCH.validate(body, current);
        Optional<IndicatorLed> led = IndicatorLed.requested(
                PatchSpec.enumValue(body, "IndicatorLED", IndicatorLed.class),
                PatchSpec.bool(body, "LocationIndicatorActive"));
        if (led.isPresent()) {
            String system = c.systemId()
                    .orElseThrow(() -> RedfishError.property(
                                    BaseMessage.PropertyNotWritable, "#/IndicatorLED", "IndicatorLED")
                            .exception());
            if (!systems.patch(system, SystemPatch.indicatorLed(led.get()))) {
                throw RedfishError.of(BaseMessage.ResourceNotFound, "Chassis", c.id())
                        .exception();
            }
        }
        Responses.resource(ctx, render(find(backend, ctx)));
    }

    private ObjectNode render(ChassisView c) {
        ObjectNode n = Json.resource(uri(c.id()), Schema.CHASSIS, c.id(), c.name());
        n.put("ChassisType", "RackMount");
        backend.identity(c.id()).ifPresent(i -> identity(n, i));
        n.put("PowerState", c.powerState().name());
        c.systemId().flatMap(systems::system).map(SystemView::indicatorLed).ifPresent(led -> {
            n.put("IndicatorLED", led.name());
            n.put("LocationIndicatorActive", led.active());
        });
        n.putObject("Status").put("State", "Enabled").put("Health", "OK");
        n.set("Sensors", Json.link(uri(c.id()) + "/Sensors"));
        n.set("ThermalSubsystem", Json.link(uri(c.id()) + "/ThermalSubsystem"));
        n.set("PowerSubsystem", Json.link(uri(c.id()) + "/PowerSubsystem"));
        n.set("Thermal", Json.link(uri(c.id()) + "/Thermal"));
        n.set("Power", Json.link(uri(c.id()) + "/Power"));
        n.set("EnvironmentMetrics", Json.link(uri(c.id()) + "/EnvironmentMetrics"));
        n.set("Controls", Json.link(uri(c.id()) + "/Controls"));
        ObjectNode links = n.putObject("Links");
        c.systemId().ifPresent(s -> links.putArray("ComputerSystems").add(Json.link("/redfish/v1/Systems/" + s)));
        links.putArray("ManagedBy").add(Json.link("/redfish/v1/Managers/bmc"));
        return n;
    }

    private static void identity(ObjectNode n, AssetIdentity i) {
        n.put("Manufacturer", i.manufacturer());
        n.put("Model", i.model());
        n.put("SerialNumber", i.serialNumber());
        n.put("PartNumber", i.partNumber());
        n.put("SKU", i.sku());
    }
}
