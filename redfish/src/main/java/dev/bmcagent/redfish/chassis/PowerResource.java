package dev.bmcagent.redfish.chassis;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * {@code Chassis/{id}/PowerSubsystem} and the deprecated {@code Chassis/{id}/Power} (required by the OCP profile).
 * The agent measures no power supplies and enforces no power limit: PowerControl reports the sum of the chassis'
 * power sensors as PowerConsumedWatts (null when none is readable), no capacity and no limit (nulls, not invented
 * numbers).
 */
public final class PowerResource {

    private final ChassisBackend backend;

    public PowerResource(ChassisBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    public void register(Routes routes) {
        routes.get(
                "/redfish/v1/Chassis/:chassisId/Power",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(ctx, power(ChassisResource.find(backend, ctx))));
        routes.get(
                "/redfish/v1/Chassis/:chassisId/PowerSubsystem",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(ctx, subsystem(ChassisResource.find(backend, ctx))));
    }

    /** The sum of the readable power sensors, empty when there is none. */
    static OptionalDouble consumedWatts(ChassisView c) {
        double sum = 0;
        boolean any = false;
        for (SensorView s : c.sensors()) {
            if (s.kind() == ReadingType.Power && s.reading().isPresent()) {
                sum += s.reading().getAsDouble();
                any = true;
            }
        }
        return any ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    private static ObjectNode power(ChassisView c) {
        String uri = ChassisResource.uri(c.id()) + "/Power";
        ObjectNode n = Json.resource(uri, Schema.POWER, "Power", "Power");
        ArrayNode control = n.putArray("PowerControl");
        ObjectNode pc = control.addObject();
        pc.put("@odata.id", uri + "#/PowerControl/0");
        pc.put("MemberId", "0");
        pc.put("Name", "Chassis power");
        OptionalDouble watts = consumedWatts(c);
        if (watts.isPresent()) {
            pc.put("PowerConsumedWatts", watts.getAsDouble());
        } else {
            pc.putNull("PowerConsumedWatts");
        }
        pc.putNull("PowerCapacityWatts");
        pc.putObject("PowerLimit").putNull("LimitInWatts").put("LimitException", "NoAction");
        pc.putObject("Status").put("State", "Enabled").put("Health", "OK");
        ArrayNode voltages = n.putArray("Voltages");
        for (SensorView s : c.sensors()) {
            if (s.kind() == ReadingType.Voltage) {
                ObjectNode v = voltages.addObject();
                v.put("@odata.id", uri + "#/Voltages/" + (voltages.size() - 1));
                v.put("MemberId", s.id());
                v.put("Name", s.name());
                if (s.reading().isPresent()) {
                    v.put("ReadingVolts", s.reading().getAsDouble());
                } else {
                    v.putNull("ReadingVolts");
                }
                v.putObject("Status")
                        .put("State", s.state().name())
                        .put("Health", s.health().name());
            }
        }
        n.putArray("PowerSupplies");
        return n;
    }

    private static ObjectNode subsystem(ChassisView c) {
        String uri = ChassisResource.uri(c.id()) + "/PowerSubsystem";
        ObjectNode n = Json.resource(uri, Schema.POWER_SUBSYSTEM, "PowerSubsystem", "Power Subsystem");
        n.putObject("Status").put("State", "Enabled").put("Health", "OK");
        return n;
    }
}
