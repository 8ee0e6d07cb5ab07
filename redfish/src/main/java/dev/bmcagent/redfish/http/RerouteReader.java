package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.regex.Pattern;

/**
 * A {@link ResourceReader} for one request: each read re-routes the request's own routing context as a GET of the
 * other URI ({@link RoutingContext#reroute}), so it passes the same protocol checks, authentication (the request's
 * own credentials, verified again), privilege check and handler as a client's GET; {@link Responses} hands the
 * answer back through {@link InternalRead} instead of writing it. Reads run one at a time (there is one context),
 * each from its own event-loop task so long chains never grow the stack; each URI is read at most once per
 * request. Only plain {@code /redfish/v1/...} paths are read; anything else (query, fragment, escapes, dot
 * segments) is reported unreadable.
 */
final class RerouteReader implements ResourceReader {

    private static final Pattern READABLE = Pattern.compile("/redfish/v1(/[A-Za-z0-9_\\-.:@$]+)*/?");

    private final RoutingContext ctx;
    private final Map<String, Future<Optional<ObjectNode>>> reads = new HashMap<>();
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean busy;

    RerouteReader(RoutingContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    static boolean readable(String uri) {
        return READABLE.matcher(uri).matches()
                && !uri.contains("/../")
                && !uri.contains("/./")
                && !uri.endsWith("/..")
                && !uri.endsWith("/.");
    }

    @Override
    public Future<Optional<ObjectNode>> read(String uri) {
        if (!readable(uri)) {
            return Future.succeededFuture(Optional.empty());
        }
        Future<Optional<ObjectNode>> read = reads.computeIfAbsent(uri, this::schedule);
        return read.map(body -> body.map(ObjectNode::deepCopy));
    }

    private Future<Optional<ObjectNode>> schedule(String uri) {
        Promise<Optional<ObjectNode>> promise = Promise.promise();
        queue.add(() -> ctx.vertx().runOnContext(v -> {
            InternalRead.begin(ctx, body -> {
                busy = false;
                promise.complete(body);
                pump();
            });
            if (ctx.response().closed()) {
                InternalRead.answer(ctx, 499, null); // the client has gone: nothing more to read for it
                return;
            }
            try {
                ctx.reroute(HttpMethod.GET, uri);
            } catch (RuntimeException e) {
                InternalRead.answer(ctx, 500, null);
            }
        }));
        pump();
        return promise.future();
    }

    private void pump() {
        if (busy) {
            return;
        }
        Runnable next = queue.poll();
        if (next != null) {
            busy = true;
            next.run();
        }
    }
}
