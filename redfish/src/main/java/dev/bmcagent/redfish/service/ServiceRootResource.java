package dev.bmcagent.redfish.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.http.ExpandQuery;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import io.vertx.core.http.HttpMethod;
import java.util.Objects;
import java.util.UUID;

/** {@code /redfish} (version object) and {@code /redfish/v1/} (ServiceRoot), both public. */
public final class ServiceRootResource {

    public static final String REDFISH_VERSION = "1.17.0";

    private final UUID uuid;
    private final String product;

    public ServiceRootResource(UUID uuid, String product) {
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.product = Objects.requireNonNull(product, "product");
    }

    public void register(Routes routes) {
        routes.publicRoute(
                HttpMethod.GET,
                "/redfish",
                (ctx, p) -> Responses.send(ctx, 200, Json.object().put("v1", "/redfish/v1/")));
        routes.publicRoute(HttpMethod.GET, "/redfish/v1", (ctx, p) -> Responses.resource(ctx, root()));
        routes.publicRoute(HttpMethod.GET, "/redfish/v1/", (ctx, p) -> Responses.resource(ctx, root()));
    }

    ObjectNode root() {
        ObjectNode n = Json.resource("/redfish/v1", Schema.SERVICE_ROOT, "RootService", "Root Service");
        n.put("RedfishVersion", REDFISH_VERSION);
        n.put("UUID", uuid.toString());
        n.put("Product", product);
        n.put("Vendor", "bmc-agent");
        ObjectNode features = n.putObject("ProtocolFeaturesSupported");
        features.put("ExcerptQuery", false);
        features.set(
                "ExpandQuery",
                Json.object()
                        .put("ExpandAll", true)
                        .put("Levels", true)
                        .put("Links", true)
                        .put("NoLinks", true)
                        .put("MaxLevels", ExpandQuery.MAX_LEVELS));
        features.put("FilterQuery", true);
        features.put("OnlyMemberQuery", true);
        features.put("TopSkipQuery", true);
        features.put("SelectQuery", true);
        features.put("MultipleHTTPRequests", true); // concurrent connections, each HTTP/1.1 keep-alive
        features.set("DeepOperations", Json.object().put("DeepPATCH", false).put("DeepPOST", false));
        n.set("Systems", Json.link("/redfish/v1/Systems"));
        n.set("Chassis", Json.link("/redfish/v1/Chassis"));
        n.set("Managers", Json.link("/redfish/v1/Managers"));
        n.set("SessionService", Json.link("/redfish/v1/SessionService"));
        n.set("AccountService", Json.link("/redfish/v1/AccountService"));
        n.set("EventService", Json.link("/redfish/v1/EventService"));
        n.set("Registries", Json.link("/redfish/v1/Registries"));
        n.set("CertificateService", Json.link("/redfish/v1/CertificateService"));
        n.set("UpdateService", Json.link("/redfish/v1/UpdateService"));
        n.putObject("Links").set("Sessions", Json.link("/redfish/v1/SessionService/Sessions"));
        return n;
    }
}
