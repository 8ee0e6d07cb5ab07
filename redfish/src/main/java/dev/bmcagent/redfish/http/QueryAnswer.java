package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a GET whose query reshapes the resource: {@code $filter} first, then {@code $skip}/{@code $top}, then
 * {@code $expand}, then {@code $select} (DSP0266 order), reading through a {@link RerouteReader} of the same request. The response
 * headers of the resource itself (Allow, ETag, protocol headers) are kept aside while the internal reads run and
 * put back for the answer.
 */
final class QueryAnswer {

    private static final Logger LOG = LoggerFactory.getLogger(QueryAnswer.class);

    private QueryAnswer() {}

    static void send(RoutingContext ctx, ObjectNode body, QueryParameters query) {
        MultiMap headers =
                MultiMap.caseInsensitiveMultiMap().addAll(ctx.response().headers());
        ResourceReader reader = new RerouteReader(ctx);
        Future<ObjectNode> answer = Future.succeededFuture(body);
        if (query.filter().isPresent()) {
            FilterQuery filter = new FilterQuery(reader, query.filter().get());
            answer = answer.compose(filter::apply);
        }
        if (query.paged()) {
            List<Map.Entry<String, String>> params = ctx.queryParams().entries();
            String path = ctx.request().path();
            answer = answer.map(b -> Paging.apply(b, query.skip(), query.top(), path, params));
        }
        if (query.expand().isPresent()) {
            Expansion expansion = new Expansion(reader, query.expand().get());
            answer = answer.compose(expansion::apply);
        }
        answer.onComplete(result -> {
            if (ctx.response().closed()) {
                return;
            }
            ctx.response().headers().clear().addAll(headers);
            if (result.failed()) {
                LOG.warn("query on {} failed", body.path("@odata.id").asText(), result.cause());
                Responses.error(ctx, RedfishError.of(BaseMessage.InternalError));
                return;
            }
            ObjectNode out = result.result();
            Responses.send(
                    ctx, 200, query.select().map(s -> Projection.select(out, s)).orElse(out));
        });
    }
}
