package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON resources and errors with the headers Redfish requires. */
public final class Responses {

    public static final String JSON = "application/json;charset=utf-8";

    private Responses() {
    }

    /**
     * Answers a GET of a resource: ETag of the full representation, then {@code $select} and {@code ?only}
     * applied. Collections with {@code ?only} and exactly one member are answered with that member.
     */
    public static void resource(RoutingContext ctx, ObjectNode body) {
        resource(ctx, Rendered.of(body));
    }

    /** As {@link #resource(RoutingContext, ObjectNode)}, the body serialized once (possibly cached by the caller). */
    public static void resource(RoutingContext ctx, Rendered rendered) {
        ObjectNode body = rendered.body();
        if (ctx.queryParams().contains("only") && body.has("Members")) {
            JsonNode members = body.get("Members");
            if (members.size() == 1) {
                ctx.reroute(members.get(0).get("@odata.id").asText());
                return;
            }
        }
        ctx.response().putHeader("ETag", rendered.etag());
        String select = ctx.queryParams().get("$select");
        if (select != null) {
            send(ctx, 200, Projection.select(body.deepCopy(), select));   // the projection may share subtrees
        } else if (!ctx.response().ended()) {
            ctx.response().setStatusCode(200).putHeader("Content-Type", JSON).end(rendered.bytes());
        }
    }

    public static void send(RoutingContext ctx, int status, JsonNode body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(Json.write(body));
    }

    public static void noContent(RoutingContext ctx) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(204).end();
        }
    }

    public static void error(RoutingContext ctx, RedfishError error) {
        if (ctx.response().ended()) {
            return;
        }
        if (error.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"BMC\", charset=\"UTF-8\"");
        }
        send(ctx, error.status(), error.toJson());
    }
}
