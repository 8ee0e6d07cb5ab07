package dev.bmcagent.redfish.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Protocol headers on every response (OData-Version, Cache-Control, security headers) and refusal of an
 * OData-Version this service does not speak (412) and of $-queries it does not implement (501), before
 * authentication or any business logic.
 */
public final class ODataHandler implements Handler<RoutingContext> {

    public static final String ODATA_VERSION = "4.0";
    /** DSP0266: unsupported $-queries are answered 501; $filter is only meaningful on the SSE stream. */
    private static final java.util.Set<String> SUPPORTED_QUERIES = java.util.Set.of("$select");
    private static final String SSE = "/redfish/v1/EventService/SSE";

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
        for (String name : ctx.queryParams().names()) {
            boolean sseFilter = name.equals("$filter") && SSE.equals(ctx.normalizedPath());
            if (name.startsWith("$") && !SUPPORTED_QUERIES.contains(name) && !sseFilter) {
                Responses.error(ctx, RedfishError.of(BaseMessage.QueryNotSupported));
                return;
            }
        }
        ctx.next();
    }
}
