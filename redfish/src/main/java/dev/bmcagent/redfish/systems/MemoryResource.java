package dev.bmcagent.redfish.systems;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.DimmView;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.backend.SystemsBackend;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.RedfishError;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import java.util.Objects;

/**
 * {@code Systems/{id}/Memory}: one member per DIMM slot the host's memory training report covered. A populated slot
 * is Enabled/OK; a slot that had a DIMM at the last good boot and has none now is Absent/Critical (a DIMM lost); an
 * empty slot that never had one is Absent.
 */
public final class MemoryResource {
    private final SystemsBackend backend;

    public MemoryResource(SystemsBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    public void register(Routes routes) {
        routes.get("/redfish/v1/Systems/:systemId/Memory", PrivilegeType.Login, (ctx, p) -> {
            String id = SystemsResource.find(backend, ctx).id();
            Responses.resource(
                    ctx,
                    Json.collection(
                            "/redfish/v1/Systems/" + id + "/Memory",
                            Schema.MEMORY_COLLECTION,
                            "Memory Collection",
                            backend.memory(id).stream()
                                    .map(d -> "/redfish/v1/Systems/" + id + "/Memory/DIMM" + d.slot())
                                    .toList()));
        });
        routes.get("/redfish/v1/Systems/:systemId/Memory/:memoryId", PrivilegeType.Login, (ctx, p) -> {
            String id = SystemsResource.find(backend, ctx).id();
            String memoryId = ctx.pathParam("memoryId");
            DimmView d = backend.memory(id).stream()
                    .filter(v -> ("DIMM" + v.slot()).equals(memoryId))
                    .findFirst()
                    .orElseThrow(() -> RedfishError.of(BaseMessage.ResourceNotFound, "Memory", memoryId)
                            .exception());
            Responses.resource(ctx, render(id, d));
        });
    }

    static ObjectNode render(String systemId, DimmView d) {
        String id = "DIMM" + d.slot();
        ObjectNode n = Json.resource(
                "/redfish/v1/Systems/" + systemId + "/Memory/" + id, Schema.MEMORY, id, "DIMM slot " + d.slot());
        n.putObject("Location")
                .putObject("PartLocation")
                .put("ServiceLabel", id)
                .put("LocationType", "Slot")
                .put("LocationOrdinalValue", d.slot());
        n.put("MemoryType", "DRAM");
        if (d.present()) {
            n.put("CapacityMiB", d.capacityMiB());
            n.putObject("Status").put("State", "Enabled").put("Health", "OK");
        } else if (d.lost()) {
            n.putObject("Status").put("State", "Absent").put("Health", "Critical");
            n.put("Description", "populated at the last good boot, not initialised by the last memory training");
        } else {
            n.putObject("Status").put("State", "Absent");
        }
        return n;
    }
}
