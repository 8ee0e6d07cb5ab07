package dev.bmcagent.redfish.updates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.FirmwareBackend;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.backend.SoftwareView;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.RedfishError;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * UpdateService and its FirmwareInventory (SoftwareInventory members: the BMC's build, each host's BIOS and NIC
 * option ROMs as the host reported them). There is no update backend: {@code ServiceEnabled} is false, no action is
 * listed (an empty {@code Actions} object: sushy requires one), members are not {@code Updateable}, and a SimpleUpdate sent anyway is refused with ActionNotSupported.
 */
public final class UpdateServiceResource {

    public static final String SERVICE = "/redfish/v1/UpdateService";
    static final String INVENTORY = SERVICE + "/FirmwareInventory";

    private final FirmwareBackend backend;

    public UpdateServiceResource(FirmwareBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    public void register(Routes routes) {
        routes.get(SERVICE, PrivilegeType.Login, (ctx, p) -> Responses.resource(ctx, service()));
        routes.get(
                INVENTORY,
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(
                        ctx,
                        Json.collection(
                                INVENTORY,
                                Schema.SOFTWARE_INVENTORY_COLLECTION,
                                "Firmware Inventory",
                                backend.inventory().stream()
                                        .map(s -> INVENTORY + "/" + s.id())
                                        .toList())));
        routes.get(INVENTORY + "/:softwareId", PrivilegeType.Login, this::member);
        routes.post(SERVICE + "/Actions/UpdateService.SimpleUpdate", PrivilegeType.ConfigureComponents, (ctx, p) -> {
            throw RedfishError.of(BaseMessage.ActionNotSupported, "UpdateService.SimpleUpdate")
                    .exception();
        });
    }

    private ObjectNode service() {
        ObjectNode n = Json.resource(SERVICE, Schema.UPDATE_SERVICE, "UpdateService", "Update Service");
        n.put("Description", "Firmware inventory as reported; this service has no update backend yet");
        n.put("ServiceEnabled", false);
        n.putObject("Status").put("State", "Disabled").put("Health", "OK");
        n.set("FirmwareInventory", Json.link(INVENTORY));
        n.putObject("Actions"); // present but empty: sushy requires the object; no action is offered
        return n;
    }

    private void member(RoutingContext ctx, dev.bmcagent.redfish.http.Principal p) {
        String id = ctx.pathParam("softwareId");
        SoftwareView s = backend.inventory().stream()
                .filter(v -> v.id().equals(id))
                .findFirst()
                .orElseThrow(() -> RedfishError.of(BaseMessage.ResourceNotFound, "SoftwareInventory", id)
                        .exception());
        ObjectNode n = Json.resource(INVENTORY + "/" + s.id(), Schema.SOFTWARE_INVENTORY, s.id(), s.name());
        n.put("Version", s.version());
        s.manufacturer().ifPresent(m -> n.put("Manufacturer", m));
        n.put("Updateable", false);
        n.putObject("Status").put("State", "Enabled").put("Health", "OK");
        n.putArray("RelatedItem")
                .add(Json.link(
                        s.systemId().map(sys -> "/redfish/v1/Systems/" + sys).orElse("/redfish/v1/Managers/bmc")));
        Responses.resource(ctx, n);
    }
}
