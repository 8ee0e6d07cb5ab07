package dev.bmcagent.redfish.logs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.acpi.lifecycle.BootCycle;
import dev.bmcagent.acpi.lifecycle.BootInterface;
import dev.bmcagent.redfish.backend.LogBackend;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.backend.SystemsBackend;
import dev.bmcagent.redfish.events.BootMessage;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.Bodies;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.MemberLookup;
import dev.bmcagent.redfish.http.RedfishError;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import dev.bmcagent.redfish.service.OemSchemaResource;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A host's boot logs under Systems/{id}/LogServices: BootHistory (one entry per boot cycle with its phases and
 * failed network-boot attempts) and PostCodes (one entry per POST code, Ids "B&lt;cycle&gt;-&lt;n&gt;").
 */
public final class BootLogResource {

    private final LogBackend logs;
    private final SystemsBackend systems;
    private final Clock clock;

    public BootLogResource(LogBackend logs, SystemsBackend systems, Clock clock) {
        this.logs = Objects.requireNonNull(logs, "logs");
        this.systems = Objects.requireNonNull(systems, "systems");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void register(Routes routes) {
        routes.get("/redfish/v1/Systems/:systemId/LogServices", PrivilegeType.Login, (ctx, p) -> {
            String base = services(system(ctx));
            Responses.resource(
                    ctx,
                    Json.collection(
                            base,
                            Schema.LOG_SERVICE_COLLECTION,
                            "Log Service Collection",
                            List.of(base + "/BootHistory", base + "/PostCodes")));
        });
        routes.get("/redfish/v1/Systems/:systemId/LogServices/BootHistory", PrivilegeType.Login, (ctx, p) -> {
            String id = system(ctx);
            Responses.resource(
                    ctx,
                    LogServiceJson.service(
                            services(id) + "/BootHistory",
                            "BootHistory",
                            "Boot History",
                            "One entry per boot cycle",
                            logs.bootCycles(id).size(),
                            clock.instant(),
                            logs.storageProblems()));
        });
        routes.get(
                "/redfish/v1/Systems/:systemId/LogServices/BootHistory/Entries",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(ctx, entries(system(ctx), "BootHistory", history(system(ctx)))));
        routes.get(
                "/redfish/v1/Systems/:systemId/LogServices/BootHistory/Entries/:entryId",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(ctx, entry(history(system(ctx)), ctx.pathParam("entryId"))));
        routes.post(
                "/redfish/v1/Systems/:systemId/LogServices/BootHistory/Actions/LogService.ClearLog",
                PrivilegeType.ConfigureComponents,
                this::clear);
        routes.get("/redfish/v1/Systems/:systemId/LogServices/PostCodes", PrivilegeType.Login, (ctx, p) -> {
            String id = system(ctx);
            Responses.resource(
                    ctx,
                    LogServiceJson.service(
                            services(id) + "/PostCodes",
                            "PostCodes",
                            "POST Code Log",
                            "POST codes per boot cycle",
                            postCodes(id).size(),
                            clock.instant(),
                            logs.storageProblems()));
        });
        routes.get(
                "/redfish/v1/Systems/:systemId/LogServices/PostCodes/Entries",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(ctx, entries(system(ctx), "PostCodes", postCodes(system(ctx)))));
        routes.get(
                "/redfish/v1/Systems/:systemId/LogServices/PostCodes/Entries/:entryId",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(ctx, entry(postCodes(system(ctx)), ctx.pathParam("entryId"))));
        routes.post(
                "/redfish/v1/Systems/:systemId/LogServices/PostCodes/Actions/LogService.ClearLog",
                PrivilegeType.ConfigureComponents,
                this::clear);
    }

    private void clear(RoutingContext ctx, dev.bmcagent.redfish.http.Principal p) {
        String id = system(ctx);
        Bodies.objectOrEmpty(ctx);
        logs.clearBootHistory(id);
        Responses.noContent(ctx);
    }

    private String system(RoutingContext ctx) {
        String id = ctx.pathParam("systemId");
        if (systems.system(id).isEmpty()) {
            throw RedfishError.of(BaseMessage.ResourceNotFound, "ComputerSystem", id)
                    .exception();
        }
        return id;
    }

    private static String services(String systemId) {
        return "/redfish/v1/Systems/" + systemId + "/LogServices";
    }

    private static ObjectNode entries(String systemId, String log, List<ObjectNode> entries) {
        ObjectNode n = Json.collection(
                services(systemId) + "/" + log + "/Entries", Schema.LOG_ENTRY_COLLECTION, log + " Entries", List.of());
        ArrayNode members = n.putArray("Members");
        entries.forEach(members::add);
        n.put("Members@odata.count", members.size());
        return n;
    }

    private static ObjectNode entry(List<ObjectNode> entries, String id) {
        return MemberLookup.find(entries, e -> e.get("Id").asText(), id, "LogEntry");
    }

    private List<ObjectNode> history(String systemId) {
        List<ObjectNode> out = new ArrayList<>();
        String base = services(systemId) + "/BootHistory/Entries/";
        for (BootCycle c : logs.bootCycles(systemId)) {
            String id = Long.toString(c.number());
            ObjectNode n = Json.resource(base + id, Schema.LOG_ENTRY, id, "Boot cycle " + id);
            n.put("EntryType", "Event");
            n.put("Created", Json.dateTime(c.startedAt()));
            Duration elapsed = c.elapsed(clock.instant());
            List<String> args;
            BootMessage m;
            if (c.outcome().isPresent()) {
                m = BootMessage.BootCycleCompleted;
                args = List.of(systemId, id, c.outcome().get().name(), seconds(elapsed));
            } else {
                m = BootMessage.BootCycleStarted;
                args = List.of(systemId, id, c.cause());
            }
            n.put("MessageId", m.messageId());
            ArrayNode a = n.putArray("MessageArgs");
            args.forEach(a::add);
            n.put("Message", m.format(args));
            n.put("Severity", c.attempts().isEmpty() ? "OK" : "Warning");
            ObjectNode oem = n.putObject("Oem").putObject("BmcAgent");
            oem.put("@odata.type", OemSchemaResource.odataType("LogEntry"));
            oem.put("Cause", c.cause());
            ArrayNode phases = oem.putArray("Phases");
            c.phases()
                    .forEach(ph -> phases.addObject()
                            .put("State", ph.state().name())
                            .put("Detail", ph.detail())
                            .put("Time", Json.dateTime(ph.at())));
            ArrayNode attempts = oem.putArray("NetworkBootAttempts");
            c.attempts().forEach(at -> {
                ObjectNode one = attempts.addObject()
                        .put("Interface", at.interfaceName())
                        .put("Error", at.kind().name())
                        .put("Description", BootInterface.failure(at.kind(), at.iface()))
                        .put("SecondsLost", at.timeLost().toSeconds())
                        .put("Time", Json.dateTime(at.at()));
                at.iface()
                        .ifPresent(i -> one.put("InterfaceIndex", i.index())
                                .put("IpVersion", i.ipVersion().name())
                                .put("Protocol", i.protocol().name()));
            });
            out.add(n);
        }
        return out;
    }

    private List<ObjectNode> postCodes(String systemId) {
        List<ObjectNode> out = new ArrayList<>();
        String base = services(systemId) + "/PostCodes/Entries/";
        for (BootCycle c : logs.bootCycles(systemId)) {
            int i = 1;
            for (BootCycle.PostCodeMark mark : c.postCodes()) {
                String id = "B" + c.number() + "-" + i++;
                ObjectNode n = Json.resource(base + id, Schema.LOG_ENTRY, id, "POST Code " + id);
                n.put("EntryType", "Event");
                n.put("Created", Json.dateTime(mark.at()));
                List<String> args = List.of(
                        Long.toString(c.number()),
                        String.format(Locale.ROOT, "0x%02X", mark.code()),
                        seconds(Duration.between(c.startedAt(), mark.at())));
                n.put("MessageId", BootMessage.PostCode.messageId());
                ArrayNode a = n.putArray("MessageArgs");
                args.forEach(a::add);
                n.put("Message", BootMessage.PostCode.format(args));
                n.put("Severity", "OK");
                out.add(n);
            }
        }
        return out;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }
}
