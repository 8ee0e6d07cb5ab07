package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Carries out a {@code $filter} on a collection: keeps the {@code Members} whose body satisfies the expression and
 * sets {@code Members@odata.count} to how many were kept. A member given as a hyperlink is judged on the body a GET
 * of it returns through the {@link ResourceReader} (a member that cannot be read does not match); a member given
 * in full is judged as it is. Kept members stay as they were (hyperlinks stay hyperlinks).
 */
public final class FilterQuery {

    private final ResourceReader reader;
    private final FilterExpression expression;

    public FilterQuery(ResourceReader reader, FilterExpression expression) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.expression = Objects.requireNonNull(expression, "expression");
    }

    /** Whether {@code $filter} applies to this body: it has a Members array. */
    public static boolean appliesTo(ObjectNode body) {
        return body.path("Members").isArray();
    }

    /** Filters {@code collection}'s Members in place; the future completes with it. */
    public Future<ObjectNode> apply(ObjectNode collection) {
        if (!appliesTo(collection)) {
            throw new IllegalArgumentException("not a collection: " + collection.path("@odata.id"));
        }
        List<JsonNode> kept = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (JsonNode member : collection.get("Members")) {
            chain = chain.compose(v -> matches(member)).map(match -> {
                if (match) {
                    kept.add(member);
                }
                return null;
            });
        }
        return chain.map(v -> {
            ArrayNode members = collection.putArray("Members");
            members.addAll(kept);
            collection.put("Members@odata.count", kept.size());
            return collection;
        });
    }

    private Future<Boolean> matches(JsonNode member) {
        if (member.size() == 1 && member.path("@odata.id").isTextual()) {
            return reader.read(member.get("@odata.id").asText())
                    .map(body -> body.map(expression::test).orElse(false));
        }
        return Future.succeededFuture(expression.test(member));
    }
}
