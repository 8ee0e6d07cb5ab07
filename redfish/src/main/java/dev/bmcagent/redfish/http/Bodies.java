package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Request bodies: a JSON object or 400 MalformedJSON, never an exception out of a handler. */
public final class Bodies {

    private Bodies() {}

    public static ObjectNode object(RoutingContext ctx) {
        Buffer buffer = ctx.body().buffer();
        if (buffer == null || buffer.length() == 0) {
            throw RedfishError.of(BaseMessage.MalformedJSON).exception();
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(buffer.getBytes());
        } catch (JsonProcessingException e) {
            throw RedfishError.of(BaseMessage.MalformedJSON).exception();
        } catch (java.io.IOException e) {
            throw RedfishError.of(BaseMessage.MalformedJSON).exception();
        }
        if (!(node instanceof ObjectNode o)) {
            throw RedfishError.of(BaseMessage.MalformedJSON).exception();
        }
        return o;
    }

    /** An empty body is allowed for actions without parameters; otherwise a JSON object. */
    public static ObjectNode objectOrEmpty(RoutingContext ctx) {
        Buffer buffer = ctx.body().buffer();
        return buffer == null || buffer.length() == 0 ? Json.object() : object(ctx);
    }
}
