package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** JSON helpers: one configured, immutable-after-construction ObjectMapper (thread-safe) and small builders. */
public final class Json {

    /** Strict reader: duplicate keys and trailing tokens are malformed JSON. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ssxxx", java.util.Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** A resource skeleton: {@code @odata.id}, {@code @odata.type}, Id, Name. */
    public static ObjectNode resource(String odataId, Schema schema, String id, String name) {
        ObjectNode n = object();
        n.put("@odata.id", odataId);
        n.put("@odata.type", schema.odataType());
        n.put("Id", id);
        n.put("Name", name);
        return n;
    }

    /** {@code {"@odata.id": uri}}. */
    public static ObjectNode link(String uri) {
        return object().put("@odata.id", uri);
    }

    /** A collection with members' URIs. */
    public static ObjectNode collection(String odataId, Schema schema, String name, Iterable<String> memberUris) {
        ObjectNode n = object();
        n.put("@odata.id", odataId);
        n.put("@odata.type", schema.odataType());
        n.put("Name", name);
        ArrayNode members = n.putArray("Members");
        for (String uri : memberUris) {
            members.add(link(uri));
        }
        n.put("Members@odata.count", members.size());
        return n;
    }

    /** Redfish DateTime: ISO 8601 with offset, seconds precision. */
    public static String dateTime(Instant t) {
        return DATE_TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    public static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
