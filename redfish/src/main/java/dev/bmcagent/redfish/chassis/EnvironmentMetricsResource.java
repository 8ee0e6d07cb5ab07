package dev.bmcagent.redfish.chassis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.ChassisBackend;
import dev.bmcagent.redfish.backend.ChassisView;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.backend.ReadingType;
import dev.bmcagent.redfish.backend.SensorView;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * {@code Chassis/{id}/EnvironmentMetrics} (the chassis' inlet temperature and power draw as Sensor excerpts; the OCP
 * baseline requires it with PowerSubsystem) and {@code Chassis/{id}/Controls}: empty, the agent exposes no control
 * loop set points (the fan policy is its own, see ThermalSubsystem Oem).
 */
public final class EnvironmentMetricsResource {

    private final ChassisBackend backend;

    public EnvironmentMetricsResource(ChassisBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    public void register(Routes routes) {
        routes.get(
                "/redfish/v1/Chassis/:chassisId/EnvironmentMetrics",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(ctx, metrics(ChassisResource.find(backend, ctx))));
        routes.get("/redfish/v1/Chassis/:chassisId/Controls", PrivilegeType.Login, (ctx, p) -> {
            String uri = ChassisResource.uri(ChassisResource.find(backend, ctx).id()) + "/Controls";
            Responses.resource(ctx, Json.collection(uri, Schema.CONTROL_COLLECTION, "Controls", List.of()));
        });
    }

    private static ObjectNode metrics(ChassisView c) {
        String base = ChassisResource.uri(c.id());
        ObjectNode n = Json.resource(
                base + "/EnvironmentMetrics",
                Schema.ENVIRONMENT_METRICS,
                "EnvironmentMetrics",
                "Chassis Environment Metrics");
        c.sensors().stream()
                .filter(s -> s.kind() == ReadingType.Temperature
                        && PhysicalContext.of(s.id()).equals("Intake"))
                .findFirst()
                .ifPresent(s -> n.set("TemperatureCelsius", excerpt(base, s)));
        ObjectNode power = n.putObject("PowerWatts");
        OptionalDouble watts = PowerResource.consumedWatts(c);
        if (watts.isPresent()) {
            power.put("Reading", watts.getAsDouble());
        } else {
            power.putNull("Reading");
        }
        return n;
    }

    private static ObjectNode excerpt(String base, SensorView s) {
        ObjectNode e = Json.object().put("DataSourceUri", base + "/Sensors/" + s.id());
        if (s.reading().isPresent()) {
            e.put("Reading", s.reading().getAsDouble());
        } else {
            e.putNull("Reading");
        }
        return e;
    }
}
