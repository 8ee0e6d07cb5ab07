package dev.bmcagent.redfish.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.Schema;

/** The LogService representation shared by every log of this service. */
final class LogServiceJson {

    private LogServiceJson() {
    }

    static ObjectNode service(String uri, String id, String name, String description, int entries) {
        return service(uri, id, name, description, entries, java.util.List.of());
    }

    /** With {@code storageProblems} non-empty, {@code Status.Health} is Critical with a condition per problem. */
    static ObjectNode service(String uri, String id, String name, String description, int entries,
                              java.util.List<String> storageProblems) {
        ObjectNode n = Json.resource(uri, Schema.LOG_SERVICE, id, name);
        n.put("Description", description);
        n.put("ServiceEnabled", true);
        n.put("OverWritePolicy", "WrapsWhenFull");
        n.put("LogEntryType", id.equals("SEL") ? "SEL" : "Event");   // boot logs hold EntryType Event only
        StorageStatus.render(n, storageProblems);
        n.set("Entries", Json.link(uri + "/Entries"));
        n.putObject("Actions").putObject("#LogService.ClearLog").put("target", uri + "/Actions/LogService.ClearLog");
        return n;
    }
}
