package dev.bmcagent.redfish.systems;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.backend.ProcessorSummaryView;
import dev.bmcagent.redfish.backend.SystemView;
import dev.bmcagent.redfish.backend.SystemsBackend;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.RedfishError;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * {@code Systems/{id}/Processors}: the sockets of ProcessorSummary, one member each, so that the collection's size
 * is {@code ProcessorSummary.Count} and the members' TotalCores add up to {@code ProcessorSummary.CoreCount}.
 */
public final class ProcessorsResource {
    private final SystemsBackend backend;

    public ProcessorsResource(SystemsBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    public void register(Routes routes) {
        routes.get("/redfish/v1/Systems/:systemId/Processors", PrivilegeType.Login, (ctx, p) -> {
            SystemView v = SystemsResource.find(backend, ctx);
            Responses.resource(
                    ctx,
                    Json.collection(
                            "/redfish/v1/Systems/" + v.id() + "/Processors",
                            Schema.PROCESSOR_COLLECTION,
                            "Processor Collection",
                            ids(v.processors()).stream()
                                    .map(id -> "/redfish/v1/Systems/" + v.id() + "/Processors/" + id)
                                    .toList()));
        });
        routes.get("/redfish/v1/Systems/:systemId/Processors/:processorId", PrivilegeType.Login, (ctx, p) -> {
            SystemView v = SystemsResource.find(backend, ctx);
            String id = ctx.pathParam("processorId");
            int socket = ids(v.processors()).indexOf(id);
            if (socket < 0) {
                throw RedfishError.of(BaseMessage.ResourceNotFound, "Processor", id)
                        .exception();
            }
            Responses.resource(ctx, render(v, socket));
        });
    }

    static List<String> ids(ProcessorSummaryView s) {
        return IntStream.range(0, s.count()).mapToObj(i -> "CPU" + i).toList();
    }

    /** Cores spread over the sockets; the first ones take the remainder so the sum is CoreCount. */
    static int cores(ProcessorSummaryView s, int socket) {
        return s.coreCount() / s.count() + (socket < s.coreCount() % s.count() ? 1 : 0);
    }

    private static ObjectNode render(SystemView v, int socket) {
        ProcessorSummaryView s = v.processors();
        String id = "CPU" + socket;
        ObjectNode n = Json.resource(
                "/redfish/v1/Systems/" + v.id() + "/Processors/" + id, Schema.PROCESSOR, id, "Processor " + socket);
        n.put("Socket", id);
        n.put("ProcessorType", "CPU");
        if (!s.model().isEmpty()) {
            n.put("Model", s.model());
        }
        if (s.coreCount() > 0) {
            n.put("TotalCores", cores(s, socket));
        }
        n.putObject("Status").put("State", "Enabled").put("Health", "OK");
        return n;
    }
}
