package dev.bmcagent.redfish.logs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code Status} of a resource whose storage may be full: Health OK, or Critical with one {@code Conditions} entry
 * per problem (Resource.Condition: MessageId Base InsufficientStorage, Severity Critical, Message the cause).
 */
public final class StorageStatus {
    /** DMTF Base registry: "Insufficient storage or memory available to complete the request." */
    public static final String INSUFFICIENT_STORAGE = "Base.1.19.0.InsufficientStorage";

    private StorageStatus() {}

    /** Sets {@code Status} on {@code resource}. */
    public static void render(ObjectNode resource, List<String> problems) {
        ObjectNode status = resource.putObject("Status")
                .put("State", "Enabled")
                .put("Health", problems.isEmpty() ? "OK" : "Critical");
        if (!problems.isEmpty()) {
            ArrayNode conditions = status.putArray("Conditions");
            for (String p : problems) {
                conditions
                        .addObject()
                        .put("MessageId", INSUFFICIENT_STORAGE)
                        .put("Severity", "Critical")
                        .put("Message", "Cannot store data: " + p + ". New records are refused until space returns.");
            }
        }
    }
}
