package dev.bmcagent.redfish.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Protocol headers on every response (OData-Version, Cache-Control, security headers) and refusal of an
 * OData-Version this service does not speak (412) and of query parameters it does not implement (501) or that are
 * malformed or combined wrongly (400, see {@link QueryParameters}), before authentication or any business logic.
 */
public final class ODataHandler implements Handler<RoutingContext> {

    public static final String ODATA_VERSION = "4.0";

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response()
                .putHeader("OData-Version", ODATA_VERSION)
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Strict-Transport-Security", "max-age=31536000");
        String requested = ctx.request().getHeader("OData-Version");
        if (requested != null && !ODATA_VERSION.equals(requested.trim())) {
            Responses.error(ctx, RedfishError.of(BaseMessage.HeaderInvalid, "OData-Version: " + requested));
            return;
        }
        String maxVersion = ctx.request().getHeader("OData-MaxVersion");
        if (maxVersion != null && !maxVersion.trim().startsWith("4.")) {
            Responses.error(ctx, RedfishError.of(BaseMessage.HeaderInvalid, "OData-MaxVersion: " + maxVersion));
            return;
        }
        try {
            QueryParameters.parseInto(ctx);
        } catch (RedfishException e) {
            Responses.error(ctx, e.error());
            return;
        }
        ctx.next();
    }
}
