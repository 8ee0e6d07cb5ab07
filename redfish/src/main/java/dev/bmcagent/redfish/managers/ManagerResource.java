package dev.bmcagent.redfish.managers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.ManagerBackend;
import dev.bmcagent.redfish.backend.ManagerView;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.backend.ResetType;
import dev.bmcagent.redfish.backend.SystemsBackend;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.Bodies;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.Principal;
import dev.bmcagent.redfish.http.RedfishError;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import dev.bmcagent.redfish.logs.StorageStatus;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** Managers, the BMC (Managers/bmc), its NetworkProtocol, Manager.Reset and its ActionInfo. */
public final class ManagerResource {

    public static final String BMC = "/redfish/v1/Managers/bmc";
    /** Reset types a BMC supports. */
    static final List<ResetType> RESET_TYPES = List.of(ResetType.GracefulRestart, ResetType.ForceRestart);

    private final ManagerBackend backend;
    private final SystemsBackend systems;
    private final Supplier<MachineNetwork.Snapshot> network;

    public ManagerResource(ManagerBackend backend, SystemsBackend systems, Supplier<MachineNetwork.Snapshot> network) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.systems = Objects.requireNonNull(systems, "systems");
        this.network = Objects.requireNonNull(network, "network");
    }

    public void register(Routes routes) {
        routes.get(
                "/redfish/v1/Managers",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(
                        ctx,
                        Json.collection(
                                "/redfish/v1/Managers",
                                Schema.MANAGER_COLLECTION,
                                "Manager Collection",
                                List.of(BMC))));
        routes.get("/redfish/v1/Managers/bmc", PrivilegeType.Login, (ctx, p) -> Responses.resource(ctx, manager()));
        routes.get(
                "/redfish/v1/Managers/bmc/NetworkProtocol",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(ctx, networkProtocol()));
        routes.post("/redfish/v1/Managers/bmc/Actions/Manager.Reset", PrivilegeType.ConfigureManager, this::reset);
        routes.get(
                "/redfish/v1/Managers/bmc/ResetActionInfo",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(ctx, actionInfo()));
    }

    private ObjectNode manager() {
        ManagerView m = backend.manager();
        ObjectNode n = Json.resource(BMC, Schema.MANAGER, "bmc", "BMC");
        n.put("ManagerType", "BMC");
        n.put("FirmwareVersion", m.firmwareVersion());
        n.put("UUID", m.uuid().toString());
        n.put("ServiceIdentification", "bmc-agent");
        n.put("DateTime", Json.dateTime(m.dateTime()));
        n.put("DateTimeLocalOffset", "+00:00");
        n.put("PowerState", "On");
        StorageStatus.render(n, backend.storageProblems());
        n.set("NetworkProtocol", Json.link(BMC + "/NetworkProtocol"));
        n.set("LogServices", Json.link(BMC + "/LogServices"));
        n.set("EthernetInterfaces", Json.link(BMC + "/EthernetInterfaces"));
        ObjectNode reset = n.putObject("Actions").putObject("#Manager.Reset");
        reset.put("target", BMC + "/Actions/Manager.Reset");
        reset.put("@Redfish.ActionInfo", BMC + "/ResetActionInfo");
        ObjectNode links = n.putObject("Links");
        ArrayNode servers = links.putArray("ManagerForServers");
        ArrayNode chassis = links.putArray("ManagerForChassis");
        for (String id : systems.systemIds()) {
            servers.add(Json.link("/redfish/v1/Systems/" + id));
            chassis.add(Json.link("/redfish/v1/Chassis/" + id));
        }
        return n;
    }

    private ObjectNode networkProtocol() {
        ManagerView m = backend.manager();
        ObjectNode n = Json.resource(
                BMC + "/NetworkProtocol",
                Schema.MANAGER_NETWORK_PROTOCOL,
                "NetworkProtocol",
                "Manager Network Protocol");
        MachineNetwork.Snapshot net = network.get();
        n.put("HostName", net.hostName());
        n.put("FQDN", net.fqdn());
        n.putObject("Status").put("State", "Enabled").put("Health", "OK");
        n.putObject("HTTPS")
                .put("ProtocolEnabled", true)
                .put("Port", m.httpsPort())
                .set("Certificates", Json.link(BMC + "/NetworkProtocol/HTTPS/Certificates"));
        n.putObject("IPMI").put("ProtocolEnabled", true).put("Port", m.ipmiPort());
        return n;
    }

    private void reset(RoutingContext ctx, Principal p) {
        ObjectNode body = Bodies.objectOrEmpty(ctx);
        ResetType type = body.has("ResetType") ? parse(body) : ResetType.GracefulRestart;
        if (!RESET_TYPES.contains(type) || !backend.reset(type)) {
            throw RedfishError.of(BaseMessage.ActionParameterValueNotInList, type.name(), "ResetType", "Manager.Reset")
                    .exception();
        }
        Responses.noContent(ctx);
    }

    private static ResetType parse(ObjectNode body) {
        String value = body.get("ResetType").asText();
        return RESET_TYPES.stream()
                .filter(r -> r.name().equals(value))
                .findFirst()
                .orElseThrow(() -> RedfishError.of(
                                BaseMessage.ActionParameterValueNotInList, value, "ResetType", "Manager.Reset")
                        .exception());
    }

    private static ObjectNode actionInfo() {
        ObjectNode n =
                Json.resource(BMC + "/ResetActionInfo", Schema.ACTION_INFO, "ResetActionInfo", "Reset Action Info");
        ObjectNode param = n.putArray("Parameters").addObject();
        param.put("Name", "ResetType");
        param.put("Required", false);
        param.put("DataType", "String");
        ArrayNode values = param.putArray("AllowableValues");
        RESET_TYPES.forEach(r -> values.add(r.name()));
        return n;
    }
}
