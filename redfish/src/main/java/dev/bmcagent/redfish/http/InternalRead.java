package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Marks a routing pass as an internal read (see {@link RerouteReader}): {@link Responses} hands the answer to
 * this object instead of writing it to the client. Kept in the routing context's data, taken exactly once.
 */
final class InternalRead {

    private static final String KEY = "redfish.internalRead";

    private final Consumer<Optional<ObjectNode>> done;

    private InternalRead(Consumer<Optional<ObjectNode>> done) {
        this.done = Objects.requireNonNull(done, "done");
    }

    /** The next routing pass of {@code ctx} is an internal read whose answer goes to {@code done}. */
    static void begin(RoutingContext ctx, Consumer<Optional<ObjectNode>> done) {
        ctx.put(KEY, new InternalRead(done));
    }

    /** Whether the current routing pass is an internal read that has not been answered yet. */
    static boolean pending(RoutingContext ctx) {
        return ctx.get(KEY) != null;
    }

    /**
     * Answers the pending internal read of {@code ctx}, if any, with {@code status} and {@code body}: a 200
     * JSON object is the resource, anything else means "cannot be read". Returns whether there was one.
     */
    static boolean answer(RoutingContext ctx, int status, JsonNode body) {
        InternalRead read = ctx.remove(KEY);
        if (read == null) {
            return false;
        }
        read.done.accept(status == 200 && body instanceof ObjectNode o ? Optional.of(o) : Optional.empty());
        return true;
    }
}
