package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * Reads another resource the way a GET by the same caller would: same routing, same authentication, same privilege
 * checks, same per-caller visibility. Used by {@code $expand} and {@code $filter}, which must never show a caller
 * anything it could not GET itself.
 */
@FunctionalInterface
public interface ResourceReader {

    /**
     * The full body a GET of {@code uri} answers with 200 (no query parameters applied); empty when that GET
     * would fail (unknown, forbidden, not a JSON resource). The returned node is the caller's to modify.
     */
    Future<Optional<ObjectNode>> read(String uri);
}
