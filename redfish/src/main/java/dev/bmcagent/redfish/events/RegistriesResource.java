package dev.bmcagent.redfish.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.RedfishError;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import java.util.List;

/** /redfish/v1/Registries: the project registry BmcAgentBoot.1.0.0, generated from {@link BootMessage}. */
public final class RegistriesResource {

    static final String BASE = "/redfish/v1/Registries";
    static final String FILE = BASE + "/" + BootMessage.REGISTRY_ID;
    static final String JSON = FILE + "/" + BootMessage.REGISTRY_ID + ".json";

    public void register(Routes routes) {
        routes.get(
                "/redfish/v1/Registries",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(
                        ctx,
                        Json.collection(
                                BASE,
                                Schema.MESSAGE_REGISTRY_FILE_COLLECTION,
                                "Registry File Collection",
                                List.of(FILE))));
        routes.get("/redfish/v1/Registries/:registryId", PrivilegeType.Login, (ctx, p) -> {
            known(ctx.pathParam("registryId"));
            Responses.resource(ctx, file());
        });
        routes.get("/redfish/v1/Registries/:registryId/:registryFile", PrivilegeType.Login, (ctx, p) -> {
            known(ctx.pathParam("registryId"));
            if (!(BootMessage.REGISTRY_ID + ".json").equals(ctx.pathParam("registryFile"))) {
                throw RedfishError.of(BaseMessage.ResourceMissingAtURI, ctx.normalizedPath())
                        .exception();
            }
            Responses.resource(ctx, registry());
        });
    }

    private static void known(String id) {
        if (!BootMessage.REGISTRY_ID.equals(id)) {
            throw RedfishError.of(BaseMessage.ResourceNotFound, "MessageRegistryFile", id)
                    .exception();
        }
    }

    private static ObjectNode file() {
        ObjectNode n = Json.resource(
                FILE, Schema.MESSAGE_REGISTRY_FILE, BootMessage.REGISTRY_ID, "BmcAgentBoot Message Registry File");
        n.put("Description", "Boot telemetry messages of bmc-agent");
        n.putArray("Languages").add("en");
        n.put("Registry", BootMessage.PREFIX + ".1.0");
        n.putArray("Location").addObject().put("Language", "en").put("Uri", JSON);
        return n;
    }

    static ObjectNode registry() {
        ObjectNode n = Json.object();
        n.put("@odata.type", Schema.MESSAGE_REGISTRY.odataType());
        n.put("Id", BootMessage.REGISTRY_ID);
        n.put("Name", "BmcAgentBoot Message Registry");
        n.put("Language", "en");
        n.put("Description", "Host power, ACPI, boot progress, network boot, stuck-host, fan and boot-order messages");
        n.put("RegistryPrefix", BootMessage.PREFIX);
        n.put("RegistryVersion", BootMessage.VERSION);
        n.put("OwningEntity", "bmc-agent");
        ObjectNode messages = n.putObject("Messages");
        for (BootMessage m : BootMessage.values()) {
            ObjectNode e = messages.putObject(m.name());
            e.put("Description", m.description());
            e.put("Message", m.template());
            e.put("MessageSeverity", m.severity().name());
            e.put("NumberOfArgs", m.paramTypes().size());
            ArrayNode types = e.putArray("ParamTypes");
            m.paramTypes().forEach(types::add);
            e.put("Resolution", m.resolution());
        }
        return n;
    }
}
