package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON resources and errors with the headers Redfish requires. */
public final class Responses {

    public static final String JSON = "application/json;charset=utf-8";

    private Responses() {}

    /**
     * Answers a GET of a resource: ETag of the full representation, then the request's query applied
     * ({@link QueryParameters}: {@code $filter}, {@code $expand}, {@code $select}). Collections with {@code ?only}
     * and exactly one member are answered with that member. During an internal read ({@link RerouteReader}) the
     * full representation goes to the reader instead.
     */
    public static void resource(RoutingContext ctx, ObjectNode body) {
        if (InternalRead.answer(ctx, 200, body)) {
            return;
        }
        resource(ctx, Rendered.of(body));
    }

    /**
     * As {@link #resource(RoutingContext, ObjectNode)}, the body serialized once (possibly cached by the caller, so
     * it is never modified here: whatever reshapes it works on a copy).
     */
    public static void resource(RoutingContext ctx, Rendered rendered) {
        ObjectNode body = rendered.body();
        if (InternalRead.answer(ctx, 200, body.deepCopy())) {
            return;
        }
        QueryParameters query = QueryParameters.of(ctx);
        if (query.only() && body.has("Members")) {
            JsonNode members = body.get("Members");
            if (members.size() == 1) {
                ctx.reroute(members.get(0).get("@odata.id").asText());
                return;
            }
        }
        if (query.collectionOnly() && !FilterQuery.appliesTo(body)) {
            error(ctx, RedfishError.of(BaseMessage.QueryNotSupportedOnResource));
            return;
        }
        ctx.response().putHeader("ETag", rendered.etag());
        JsonNode type = body.get("@odata.type");
        if (type != null) {
            SchemaLink.of(type.asText()).ifPresent(link -> ctx.response().putHeader("Link", link));
        }
        if (query.reshapes() && HttpMethod.GET.equals(ctx.request().method())) {
            QueryAnswer.send(ctx, body.deepCopy(), query);
            return;
        }
        if (query.select().isPresent()) {
            send(ctx, 200, Projection.select(body.deepCopy(), query.select().get())); // may share subtrees
        } else if (!ctx.response().ended()) {
            ctx.response().setStatusCode(200).putHeader("Content-Type", JSON).end(rendered.bytes());
        }
    }

    public static void send(RoutingContext ctx, int status, JsonNode body) {
        if (InternalRead.answer(ctx, status, body) || ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(Json.write(body));
    }

    public static void noContent(RoutingContext ctx) {
        if (!InternalRead.answer(ctx, 204, null) && !ctx.response().ended()) {
            ctx.response().setStatusCode(204).end();
        }
    }

    public static void error(RoutingContext ctx, RedfishError error) {
        if (InternalRead.answer(ctx, error.status(), null) || ctx.response().ended()) {
            return;
        }
        if (error.status() == 401 && !RequestHygieneHandler.fromBrowser(ctx.request())) {
            ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"BMC\", charset=\"UTF-8\"");
        }
        send(ctx, error.status(), error.toJson());
    }
}
