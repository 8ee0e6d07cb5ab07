package dev.bmcagent.redfish.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.LogBackend;
import dev.bmcagent.redfish.backend.LogEntryType;
import dev.bmcagent.redfish.backend.LogEntryView;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.http.Bodies;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.MemberLookup;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import dev.bmcagent.redfish.service.OemSchemaResource;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** The BMC's IPMI SEL as a LogService under Managers/bmc. */
public final class SelLogResource {

    static final String SERVICES = "/redfish/v1/Managers/bmc/LogServices";
    static final String SEL = SERVICES + "/SEL";

    private final LogBackend backend;
    private final Clock clock;

    public SelLogResource(LogBackend backend, Clock clock) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void register(Routes routes) {
        routes.get(
                "/redfish/v1/Managers/bmc/LogServices",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(
                        ctx,
                        Json.collection(
                                SERVICES, Schema.LOG_SERVICE_COLLECTION, "Log Service Collection", List.of(SEL))));
        routes.get(
                "/redfish/v1/Managers/bmc/LogServices/SEL",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(
                        ctx,
                        LogServiceJson.service(
                                SEL,
                                "SEL",
                                "IPMI SEL",
                                "System Event Log",
                                backend.selEntries().size(),
                                clock.instant(),
                                backend.storageProblems())));
        routes.get("/redfish/v1/Managers/bmc/LogServices/SEL/Entries", PrivilegeType.Login, (ctx, p) -> {
            ObjectNode n = Json.collection(SEL + "/Entries", Schema.LOG_ENTRY_COLLECTION, "SEL Entries", List.of());
            n.remove("Members");
            var members = n.putArray("Members");
            backend.selEntries().forEach(e -> members.add(render(e)));
            n.put("Members@odata.count", members.size());
            Responses.resource(ctx, n);
        });
        routes.get("/redfish/v1/Managers/bmc/LogServices/SEL/Entries/:entryId", PrivilegeType.Login, (ctx, p) -> {
            String id = ctx.pathParam("entryId");
            LogEntryView e = MemberLookup.find(backend.selEntries(), LogEntryView::id, id, "LogEntry");
            Responses.resource(ctx, render(e));
        });
        routes.post(
                "/redfish/v1/Managers/bmc/LogServices/SEL/Actions/LogService.ClearLog",
                PrivilegeType.ConfigureManager,
                (ctx, p) -> {
                    Bodies.objectOrEmpty(ctx);
                    backend.clearSel();
                    Responses.noContent(ctx);
                });
    }

    static ObjectNode render(LogEntryView e) {
        ObjectNode n = Json.resource(SEL + "/Entries/" + e.id(), Schema.LOG_ENTRY, e.id(), "SEL Entry " + e.id());
        n.put("EntryType", e.entryType().name());
        n.put("Created", Json.dateTime(e.created()));
        if (e.entryType() == LogEntryType.Oem) {
            // LogEntry v1_15_0: OemRecordFormat "shall be required if the EntryType value is Oem"; SensorNumber
            // "should not appear" and SensorType/EntryCode describe SEL event records only
            n.put("OemRecordFormat", "IPMI SEL OEM record");
        } else {
            n.put("SensorType", e.sensorType());
            n.put("SensorNumber", e.sensorNumber());
            n.put("EntryCode", e.entryCode());
        }
        n.put("MessageId", e.messageId());
        n.put("Message", e.message());
        n.put("Severity", e.severity().name());
        if (e.inferred()) {
            // the BMC concluded this (e.g. S5 when power-good dropped without the host's S5 report)
            n.putObject("Oem")
                    .putObject("BmcAgent")
                    .put("@odata.type", OemSchemaResource.odataType("LogEntry"))
                    .put("Inferred", true);
        }
        return n;
    }
}
