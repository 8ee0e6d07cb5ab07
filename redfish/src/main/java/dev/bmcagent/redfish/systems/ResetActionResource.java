package dev.bmcagent.redfish.systems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.backend.ResetType;
import dev.bmcagent.redfish.backend.SystemView;
import dev.bmcagent.redfish.backend.SystemsBackend;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.Bodies;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.Principal;
import dev.bmcagent.redfish.http.RedfishError;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/** ComputerSystem.Reset and its ResetActionInfo. */
public final class ResetActionResource {

    static final String ACTION = "ComputerSystem.Reset";

    private final SystemsBackend backend;

    public ResetActionResource(SystemsBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    public void register(Routes routes) {
        routes.post(
                "/redfish/v1/Systems/:systemId/Actions/ComputerSystem.Reset",
                PrivilegeType.ConfigureComponents,
                this::reset);
        routes.get("/redfish/v1/Systems/:systemId/ResetActionInfo", PrivilegeType.Login, (ctx, p) -> {
            SystemView v = SystemsResource.find(backend, ctx);
            Responses.resource(ctx, actionInfo(v, backend.resetTypes(v.id())));
        });
    }

    private void reset(RoutingContext ctx, Principal p) {
        SystemView v = SystemsResource.find(backend, ctx);
        ResetType type = parse(Bodies.object(ctx));
        Set<ResetType> allowed = backend.resetTypes(v.id());
        if (allowed.isEmpty()) {
            throw RedfishError.of(BaseMessage.ActionNotSupported, ACTION).exception();
        }
        if (!allowed.contains(type)) {
            throw RedfishError.of(BaseMessage.ActionParameterValueNotInList, type.name(), "ResetType", ACTION)
                    .exception();
        }
        if (!backend.reset(v.id(), type)) {
            throw RedfishError.of(BaseMessage.ResourceNotFound, "ComputerSystem", v.id())
                    .exception();
        }
        Responses.noContent(ctx);
    }

    /** The one action parameter, checked the way the Base registry words it. */
    public static ResetType parse(ObjectNode body) {
        RedfishError.Collector errors = new RedfishError.Collector();
        body.fieldNames().forEachRemaining(f -> {
            if (!f.equals("ResetType")) {
                errors.add(BaseMessage.ActionParameterUnknown, "#/" + f, ACTION, f);
            }
        });
        errors.throwIfAny();
        JsonNode t = body.get("ResetType");
        if (t == null) {
            throw RedfishError.of(BaseMessage.ActionParameterMissing, ACTION, "ResetType")
                    .exception();
        }
        if (!t.isTextual()) {
            throw RedfishError.of(BaseMessage.ActionParameterValueTypeError, Json.write(t), "ResetType", ACTION)
                    .exception();
        }
        return Arrays.stream(ResetType.values())
                .filter(r -> r.name().equals(t.asText()))
                .findFirst()
                .orElseThrow(() -> RedfishError.of(
                                BaseMessage.ActionParameterValueNotInList, t.asText(), "ResetType", ACTION)
                        .exception());
    }

    private static ObjectNode actionInfo(SystemView v, Set<ResetType> allowed) {
        String uri = ComputerSystemJson.uri(v.id()) + "/ResetActionInfo";
        ObjectNode n = Json.resource(uri, Schema.ACTION_INFO, "ResetActionInfo", "Reset Action Info");
        ObjectNode param = n.putArray("Parameters").addObject();
        param.put("Name", "ResetType");
        param.put("Required", true);
        param.put("DataType", "String");
        ArrayNode values = param.putArray("AllowableValues");
        for (ResetType r : ResetType.values()) {
            if (allowed.contains(r)) {
                values.add(r.name());
            }
        }
        return n;
    }
}
