package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A resource representation serialized once: the tree (for {@code $select} and {@code ?only}), its UTF-8 bytes and
 * its strong ETag (SHA-256 of exactly those bytes). The tree must not be modified after construction.
 */
public record Rendered(ObjectNode body, Buffer bytes, String etag) {
    public Rendered {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(etag, "etag");
    }

    public static Rendered of(ObjectNode body) {
        byte[] utf8 = Json.write(body).getBytes(StandardCharsets.UTF_8);
        return new Rendered(body, Buffer.buffer(utf8), ETags.ofBytes(utf8));
    }
}
