package dev.bmcagent.redfish.http;

import io.vertx.ext.web.RoutingContext;

/** A resource operation; may throw {@link RedfishException} to answer with a Base-registry error. */
@FunctionalInterface
public interface ResourceHandler {
    void handle(RoutingContext ctx, Principal principal);
}
