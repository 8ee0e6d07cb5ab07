package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Carries out a {@code $expand}: every hyperlink ({@code {"@odata.id": uri}}, alone in its object, including the
 * elements of {@code Members}) the query's type selects is replaced in place by the body a GET of {@code uri}
 * returns through the {@link ResourceReader}, and so on for {@code levels} levels. A hyperlink that cannot be read,
 * or that points back to the resource being expanded or one of its ancestors (a cycle), stays a hyperlink.
 */
public final class Expansion {

    private final ResourceReader reader;
    private final ExpandQuery query;

    public Expansion(ResourceReader reader, ExpandQuery query) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.query = Objects.requireNonNull(query, "query");
    }

    /** Expands {@code resource} in place; the future completes with it when every read has answered. */
    public Future<ObjectNode> apply(ObjectNode resource) {
        Set<String> self = new HashSet<>();
        JsonNode id = resource.get("@odata.id");
        if (id != null && id.isTextual()) {
            self.add(normalize(id.asText()));
        }
        return expand(resource, query.levels(), self).map(v -> resource);
    }

    private Future<Void> expand(ObjectNode resource, int levels, Set<String> ancestors) {
        Future<Void> chain = Future.succeededFuture();
        for (ObjectNode link : hyperlinks(resource, query.type())) {
            String uri = link.get("@odata.id").asText();
            if (ancestors.contains(normalize(uri))) {
                continue;
            }
            chain = chain.compose(v -> reader.read(uri)).compose(body -> {
                if (body.isEmpty()) {
                    return Future.succeededFuture();
                }
                ObjectNode child = body.get();
                Future<Void> deeper = Future.succeededFuture();
                if (levels > 1) {
                    Set<String> path = new HashSet<>(ancestors);
                    path.add(normalize(uri));
                    deeper = expand(child, levels - 1, path);
                }
                return deeper.map(x -> {
                    link.removeAll();
                    link.setAll(child);
                    return null;
                });
            });
        }
        return chain;
    }

    /**
     * The hyperlink objects of a resource body that {@code type} follows, in document order. A hyperlink is an
     * object whose only property is a string {@code @odata.id}; "inside Links" means anywhere below a property
     * named {@code Links}.
     */
    static List<ObjectNode> hyperlinks(ObjectNode resource, ExpandQuery.Type type) {
        List<ObjectNode> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : resource.properties()) {
            collect(e.getValue(), e.getKey().equals("Links"), type, out);
        }
        return out;
    }

    private static void collect(JsonNode node, boolean inLinks, ExpandQuery.Type type, List<ObjectNode> out) {
        if (node.isArray()) {
            node.forEach(element -> collect(element, inLinks, type, out));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        if (object.size() == 1 && object.path("@odata.id").isTextual()) {
            if (type.follows(inLinks)) {
                out.add(object);
            }
            return;
        }
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            collect(e.getValue(), inLinks || e.getKey().equals("Links"), type, out);
        }
    }

    /** "/redfish/v1/Systems/" and "/redfish/v1/Systems" name the same resource. */
    private static String normalize(String uri) {
        return uri.length() > 1 && uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
