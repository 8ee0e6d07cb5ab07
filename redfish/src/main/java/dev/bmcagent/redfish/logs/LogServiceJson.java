package dev.bmcagent.redfish.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.Schema;
import java.time.Instant;

/** The LogService representation shared by every log of this service. */
final class LogServiceJson {

    private LogServiceJson() {}

    /**
     * @param now             the service's current time (LogService DateTime, the clock entries are stamped with)
     * @param storageProblems when non-empty, {@code Status.Health} is Critical with a condition per problem
     */
    static ObjectNode service(
            String uri,
            String id,
            String name,
            String description,
            int entries,
            Instant now,
            java.util.List<String> storageProblems) {
        ObjectNode n = Json.resource(uri, Schema.LOG_SERVICE, id, name);
        n.put("Description", description);
        n.put("DateTime", Json.dateTime(now));
        n.put("DateTimeLocalOffset", "+00:00");
        n.put("ServiceEnabled", true);
        n.put("OverWritePolicy", "WrapsWhenFull");
        n.put("LogEntryType", id.equals("SEL") ? "SEL" : "Event"); // boot logs hold EntryType Event only
        StorageStatus.render(n, storageProblems);
        n.set("Entries", Json.link(uri + "/Entries"));
        n.putObject("Actions").putObject("#LogService.ClearLog").put("target", uri + "/Actions/LogService.ClearLog");
        return n;
    }
}
