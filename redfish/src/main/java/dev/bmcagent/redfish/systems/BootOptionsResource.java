package dev.bmcagent.redfish.systems;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.BootOptionView;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.backend.SystemView;
import dev.bmcagent.redfish.backend.SystemsBackend;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.MemberLookup;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import java.util.Objects;

/** BootOptions as the host reports them (read-only here: the declared order is Boot.BootOrder). */
public final class BootOptionsResource {

    private final SystemsBackend backend;

    public BootOptionsResource(SystemsBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    public void register(Routes routes) {
        routes.get("/redfish/v1/Systems/:systemId/BootOptions", PrivilegeType.Login, (ctx, p) -> {
            SystemView v = SystemsResource.find(backend, ctx);
            String base = ComputerSystemJson.uri(v.id()) + "/BootOptions";
            Responses.resource(
                    ctx,
                    Json.collection(
                            base,
                            Schema.BOOT_OPTION_COLLECTION,
                            "Boot Option Collection",
                            v.bootOptions().stream()
                                    .map(o -> base + "/" + o.reference())
                                    .toList()));
        });
        routes.get("/redfish/v1/Systems/:systemId/BootOptions/:optionId", PrivilegeType.Login, (ctx, p) -> {
            SystemView v = SystemsResource.find(backend, ctx);
            String id = ctx.pathParam("optionId");
            BootOptionView o = MemberLookup.find(v.bootOptions(), BootOptionView::reference, id, "BootOption");
            Responses.resource(ctx, render(v, o));
        });
    }

    private static ObjectNode render(SystemView v, BootOptionView o) {
        String uri = ComputerSystemJson.uri(v.id()) + "/BootOptions/" + o.reference();
        ObjectNode n = Json.resource(uri, Schema.BOOT_OPTION, o.reference(), o.displayName());
        n.put("BootOptionReference", o.reference());
        n.put("DisplayName", o.displayName());
        if (!o.uefiDevicePath().isEmpty()) { // a path the host did not report: absent, never ""
            n.put("UefiDevicePath", o.uefiDevicePath());
        }
        n.put("BootOptionEnabled", o.enabled());
        return n;
    }
}
