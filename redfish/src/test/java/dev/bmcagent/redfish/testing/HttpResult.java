package dev.bmcagent.redfish.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A response as a client process printed it: status, headers (lower-case names), body. */
public record HttpResult(int status, Map<String, List<String>> headers, String body) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null ? null : v.get(0);
    }

    public JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    /** The first ExtendedInfo MessageId of an error body. */
    public String messageId() {
        return json().path("error")
                .path("@Message.ExtendedInfo")
                .path(0)
                .path("MessageId")
                .asText();
    }
}
