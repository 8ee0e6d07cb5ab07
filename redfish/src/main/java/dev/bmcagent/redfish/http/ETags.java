package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Strong ETags computed from a resource's representation, and the If-Match check for PATCH. */
public final class ETags {

    private ETags() {}

    /** {@code "<first 16 hex digits of SHA-256 of the JSON>"}: changes whenever the representation changes. */
    public static String of(JsonNode representation) {
        return ofBytes(Json.write(representation).getBytes(StandardCharsets.UTF_8));
    }

    /** The ETag of a representation already serialized to UTF-8 (the same value {@link #of} gives its tree). */
    public static String ofBytes(byte[] utf8) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest(utf8);
            return "\"" + HexFormat.of().formatHex(d, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    /** Throws 412 PreconditionFailed when If-Match is present and matches neither "*" nor the current ETag. */
    public static void checkIfMatch(RoutingContext ctx, JsonNode current) {
        String ifMatch = ctx.request().getHeader("If-Match");
        if (ifMatch == null) {
            return;
        }
        String etag = of(current);
        for (String candidate : ifMatch.split(",", -1)) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return;
            }
        }
        throw RedfishError.of(BaseMessage.PreconditionFailed).exception();
    }
}
