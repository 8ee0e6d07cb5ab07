package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An error answer: HTTP status plus one or more Base messages, rendered as the Redfish error object
 * ({@code error.code}, {@code error.message}, {@code error.@Message.ExtendedInfo}).
 */
public record RedfishError(int status, List<Info> infos) {
    public RedfishError {
        infos = List.copyOf(infos);
        if (infos.isEmpty()) {
            throw new IllegalArgumentException("an error needs at least one message");
        }
    }

    /** One ExtendedInfo message; {@code relatedProperty} is a JSON pointer ("#/Boot/BootSourceOverrideTarget") or empty. */
    public record Info(BaseMessage message, List<String> args, String relatedProperty) {
        public Info {
            Objects.requireNonNull(message, "message");
            args = List.copyOf(args);
            Objects.requireNonNull(relatedProperty, "relatedProperty");
        }
    }

    public static RedfishError of(BaseMessage m, String... args) {
        return new RedfishError(m.status(), List.of(new Info(m, List.of(args), "")));
    }

    public static RedfishError property(BaseMessage m, String pointer, String... args) {
        return new RedfishError(m.status(), List.of(new Info(m, List.of(args), pointer)));
    }

    public RedfishException exception() {
        return new RedfishException(this);
    }

    public ObjectNode toJson() {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        Info first = infos.get(0);
        boolean single = infos.size() == 1;
        error.put("code", single ? first.message().messageId() : BaseMessage.GeneralError.messageId());
        error.put(
                "message",
                single
                        ? first.message().format(first.args().toArray(String[]::new))
                        : "A general error has occurred. See ExtendedInfo for more information.");
        ArrayNode ext = error.putArray("@Message.ExtendedInfo");
        for (Info i : infos) {
            ObjectNode m = ext.addObject();
            m.put("@odata.type", Schema.MESSAGE.odataType());
            m.put("MessageId", i.message().messageId());
            m.put("Message", i.message().format(i.args().toArray(String[]::new)));
            ArrayNode args = m.putArray("MessageArgs");
            i.args().forEach(args::add);
            if (!i.relatedProperty().isEmpty()) {
                m.putArray("RelatedProperties").add(i.relatedProperty());
            }
            m.put("MessageSeverity", i.message().severity());
            m.put("Resolution", i.message().resolution());
        }
        return root;
    }

    /** Collects several property errors into one 400 answer. */
    public static final class Collector {
        private final List<Info> infos = new ArrayList<>();

        public void add(BaseMessage m, String pointer, String... args) {
            infos.add(new Info(m, List.of(args), pointer));
        }

        public boolean isEmpty() {
            return infos.isEmpty();
        }

        /** How many messages were collected so far. */
        public int size() {
            return infos.size();
        }

        /** Throws when anything was collected; the status is the first message's. */
        public void throwIfAny() {
            if (!infos.isEmpty()) {
                throw new RedfishError(infos.get(0).message().status(), infos).exception();
            }
        }
    }
}
