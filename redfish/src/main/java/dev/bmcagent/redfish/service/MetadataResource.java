package dev.bmcagent.redfish.service;

import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import io.vertx.core.http.HttpMethod;

/**
 * {@code $metadata} (CSDL: an edmx:Reference for every schema in {@link Schema}, plus the service container) and
 * the OData service document {@code /redfish/v1/odata}. Both public.
 */
public final class MetadataResource {

    public void register(Routes routes) {
        String xml = metadata();
        routes.publicRoute(
                HttpMethod.GET,
                "/redfish/v1/$metadata",
                (ctx, p) -> ctx.response()
                        .putHeader("Content-Type", "application/xml;charset=utf-8")
                        .end(xml));
        routes.publicRoute(HttpMethod.GET, "/redfish/v1/odata", (ctx, p) -> Responses.send(ctx, 200, odata()));
    }

    static String metadata() {
        StringBuilder b = new StringBuilder(8192);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<edmx:Edmx xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\" Version=\"4.0\">\n");
        reference(
                b,
                "http://docs.oasis-open.org/odata/odata/v4.0/errata03/csd01/complete/vocabularies/Org.OData.Core.V1.xml",
                "Org.OData.Core.V1",
                "OData");
        reference(
                b,
                "http://redfish.dmtf.org/schemas/v1/RedfishExtensions_v1.xml",
                "RedfishExtensions.v1_0_0",
                "Redfish");
        b.append("  <edmx:Reference Uri=\"http://redfish.dmtf.org/schemas/v1/Resource_v1.xml\">\n")
                .append("    <edmx:Include Namespace=\"Resource\"/>\n")
                .append("    <edmx:Include Namespace=\"Resource.v1_0_0\"/>\n  </edmx:Reference>\n");
        for (Schema s : Schema.values()) {
            b.append("  <edmx:Reference Uri=\"").append(s.csdlUri()).append("\">\n");
            b.append("    <edmx:Include Namespace=\"").append(s.schemaName()).append("\"/>\n");
            if (!s.namespace().equals(s.schemaName())) {
                b.append("    <edmx:Include Namespace=\"").append(s.namespace()).append("\"/>\n");
            }
            b.append("  </edmx:Reference>\n");
        }
        b.append("  <edmx:Reference Uri=\"")
                .append(OemSchemaResource.URI)
                .append("\">\n")
                .append("    <edmx:Include Namespace=\"BmcAgent\"/>\n")
                .append("    <edmx:Include Namespace=\"")
                .append(OemSchemaResource.NAMESPACE)
                .append("\"/>\n")
                .append("  </edmx:Reference>\n");
        b.append("  <edmx:DataServices>\n");
        b.append("    <Schema xmlns=\"http://docs.oasis-open.org/odata/ns/edm\" Namespace=\"Service\">\n");
        b.append("      <EntityContainer Name=\"Service\" Extends=\"")
                .append(Schema.SERVICE_ROOT.namespace())
                .append(".ServiceContainer\"/>\n");
        b.append("    </Schema>\n");
        b.append("  </edmx:DataServices>\n");
        b.append("</edmx:Edmx>\n");
        return b.toString();
    }

    private static void reference(StringBuilder b, String uri, String namespace, String alias) {
        b.append("  <edmx:Reference Uri=\"").append(uri).append("\">\n");
        b.append("    <edmx:Include Namespace=\"").append(namespace).append('"');
        if (alias != null) {
            b.append(" Alias=\"").append(alias).append('"');
        }
        b.append("/>\n  </edmx:Reference>\n");
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode odata() {
        var n = Json.object();
        n.put("@odata.context", "/redfish/v1/$metadata");
        var value = n.putArray("value");
        String[][] entries = {
            {"Service", "/redfish/v1/"},
            {"Systems", "/redfish/v1/Systems"},
            {"Chassis", "/redfish/v1/Chassis"},
            {"Managers", "/redfish/v1/Managers"},
            {"SessionService", "/redfish/v1/SessionService"},
            {"AccountService", "/redfish/v1/AccountService"},
            {"EventService", "/redfish/v1/EventService"},
            {"Registries", "/redfish/v1/Registries"},
        };
        for (String[] e : entries) {
            value.addObject().put("name", e[0]).put("kind", "Singleton").put("url", e[1]);
        }
        return n;
    }
}
