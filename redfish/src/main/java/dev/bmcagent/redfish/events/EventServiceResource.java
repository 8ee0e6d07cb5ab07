package dev.bmcagent.redfish.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.EventFilter;
import dev.bmcagent.redfish.backend.EventSeverity;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.backend.RedfishEvent;
import dev.bmcagent.redfish.backend.RedfishEvents;
import dev.bmcagent.redfish.backend.RedfishRole;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.Bodies;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.PatchSpec;
import dev.bmcagent.redfish.http.Principal;
import dev.bmcagent.redfish.http.RedfishError;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** EventService: push subscriptions (EventDestination), the SSE stream, SubmitTestEvent. */
public final class EventServiceResource {

    static final String SERVICE = "/redfish/v1/EventService";
    static final String SUBSCRIPTIONS = SERVICE + "/Subscriptions";
    static final String SSE = SERVICE + "/SSE";
    /**
     * At most this many history records are replayed to an SSE client resuming with {@code Last-Event-ID}; a client
     * further behind (or whose id is no longer retained) gets {@link #BUFFER_EXCEEDED} and continues live.
     */
    public static final int MAX_REPLAY = 1000;
    /** DMTF Base registry: "Event buffer exceeded." (undelivered events may have been lost). */
    static final String BUFFER_EXCEEDED = "Base.1.19.EventBufferExceeded";

    private final SubscriptionStore store;
    private final DurableSubscriptions durable;
    private final SseStreams sse;
    /** user name → the account's session stamp (see AccountDirectory#sessionStamp), kept with each SSE stream. */
    private final java.util.function.Function<String, java.util.Optional<String>> stamps;

    private final PushDelivery push;
    private final EventDispatcher dispatcher;
    private final RedfishEvents events;
    private final DestinationValidator destinations;
    private final Clock clock;
    private final int retryAttempts;
    private final long retryIntervalSeconds;

    /** @param events where an SSE client resuming with {@code Last-Event-ID} is replayed from (null: no replay) */
    public EventServiceResource(
            SubscriptionStore store,
            DurableSubscriptions durable,
            SseStreams sse,
            PushDelivery push,
            EventDispatcher dispatcher,
            DestinationValidator destinations,
            Clock clock,
            int retryAttempts,
            long retryIntervalSeconds,
            java.util.function.Function<String, java.util.Optional<String>> stamps,
            RedfishEvents events) {
        this.stamps = Objects.requireNonNull(stamps, "stamps");
        this.events = Objects.requireNonNull(events, "events");
        this.store = Objects.requireNonNull(store, "store");
        this.durable = Objects.requireNonNull(durable, "durable");
        this.sse = Objects.requireNonNull(sse, "sse");
        this.push = Objects.requireNonNull(push, "push");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.destinations = Objects.requireNonNull(destinations, "destinations");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retryAttempts = retryAttempts;
        this.retryIntervalSeconds = retryIntervalSeconds;
    }

    public void register(Routes routes) {
        routes.get("/redfish/v1/EventService", PrivilegeType.Login, (ctx, p) -> Responses.resource(ctx, service()));
        routes.get(
                "/redfish/v1/EventService/Subscriptions",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(
                        ctx,
                        Json.collection(
                                SUBSCRIPTIONS,
                                Schema.EVENT_DESTINATION_COLLECTION,
                                "Event Subscriptions",
                                store.all().stream()
                                        .map(s -> SUBSCRIPTIONS + "/" + s.id())
                                        .toList())));
        routes.post("/redfish/v1/EventService/Subscriptions", PrivilegeType.ConfigureManager, this::subscribe);
        routes.get(
                "/redfish/v1/EventService/Subscriptions/:subscriptionId",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(ctx, render(find(ctx))));
        routes.delete(
                "/redfish/v1/EventService/Subscriptions/:subscriptionId", PrivilegeType.ConfigureManager, (ctx, p) -> {
                    EventDestination s = find(ctx);
                    durable.remove(s.id());
                    push.forget(s.id());
                    Responses.noContent(ctx);
                });
        routes.patch(
                "/redfish/v1/EventService/Subscriptions/:subscriptionId", PrivilegeType.ConfigureManager, this::patch);
        routes.post(
                "/redfish/v1/EventService/Subscriptions/:subscriptionId/Actions/EventDestination.ResumeSubscription",
                PrivilegeType.ConfigureManager,
                (ctx, p) -> {
                    EventDestination s = find(ctx);
                    Bodies.objectOrEmpty(ctx);
                    push.forget(s.id());
                    durable.save(s, false);
                    Responses.noContent(ctx);
                });
        routes.post(
                "/redfish/v1/EventService/Actions/EventService.SubmitTestEvent",
                PrivilegeType.ConfigureManager,
                this::submitTestEvent);
        routes.stream("/redfish/v1/EventService/SSE", PrivilegeType.Login, this::openSse);
    }

    private ObjectNode service() {
        ObjectNode n = Json.resource(SERVICE, Schema.EVENT_SERVICE, "EventService", "Event Service");
        n.put("ServiceEnabled", true);
        n.put("DeliveryRetryAttempts", retryAttempts);
        n.put("DeliveryRetryIntervalSeconds", retryIntervalSeconds);
        n.putArray("EventFormatTypes").add("Event");
        n.putArray("RegistryPrefixes").add(BootMessage.PREFIX);
        ArrayNode types = n.putArray("ResourceTypes");
        ResourceTypes.ALL.forEach(types::add);
        n.put("ServerSentEventUri", SSE);
        // OCP Service Baseline: subscriptions take ExcludeMessageIds, ExcludeRegistryPrefixes,
        // IncludeOriginOfCondition and OriginResources with SubordinateResources (EventFilter)
        n.put("ExcludeMessageId", true);
        n.put("ExcludeRegistryPrefix", true);
        n.put("IncludeOriginOfConditionSupported", true);
        n.put("SubordinateResourcesSupported", true);
        n.putObject("SSEFilterPropertiesSupported")
                .put("EventFormatType", false)
                .put("MessageId", true)
                .put("MetricReportDefinition", false)
                .put("OriginResource", true)
                .put("RegistryPrefix", true)
                .put("ResourceType", true)
                .put("SubordinateResources", false);
        n.putObject("Status").put("State", "Enabled").put("Health", "OK");
        n.set("Subscriptions", Json.link(SUBSCRIPTIONS));
        n.putObject("Actions")
                .putObject("#EventService.SubmitTestEvent")
                .put("target", SERVICE + "/Actions/EventService.SubmitTestEvent");
        return n;
    }

    private EventDestination find(RoutingContext ctx) {
        String id = ctx.pathParam("subscriptionId");
        return store.get(id)
                .orElseThrow(() -> RedfishError.of(BaseMessage.ResourceNotFound, "EventDestination", id)
                        .exception());
    }

    private ObjectNode render(EventDestination s) {
        ObjectNode n = Json.resource(
                SUBSCRIPTIONS + "/" + s.id(), Schema.EVENT_DESTINATION, s.id(), "Event Subscription " + s.id());
        if (s.type() == SubscriptionType.RedfishEvent) {
            n.put("Destination", s.destination());
            n.put("DeliveryRetryPolicy", s.retryPolicy().name());
            n.putObject("Actions")
                    .putObject("#EventDestination.ResumeSubscription")
                    .put("target", SUBSCRIPTIONS + "/" + s.id() + "/Actions/EventDestination.ResumeSubscription");
        }
        n.put("Context", s.context());
        n.put("Protocol", EventProtocol.Redfish.name());
        n.put("SubscriptionType", s.type().name());
        n.put("EventFormatType", "Event");
        n.putArray("HttpHeaders"); // EventDestination v1_13_0: an array, empty preferred in responses
        ArrayNode prefixes = n.putArray("RegistryPrefixes");
        s.registryPrefixes().forEach(prefixes::add);
        ArrayNode types = n.putArray("ResourceTypes");
        s.resourceTypes().forEach(types::add);
        EventFilterBody.render(n, s.filter());
        n.putObject("Status")
                .put("State", push.isSuspended(s.id()) ? "Disabled" : "Enabled")
                .put("Health", push.isSuspended(s.id()) ? "Warning" : "OK");
        return n;
    }

    private void subscribe(RoutingContext ctx, Principal p) {
        ObjectNode body = Bodies.object(ctx);
        RedfishError.Collector errors = new RedfishError.Collector();
        for (String required : new String[] {"Destination", "Protocol"}) {
            if (!body.has(required)) {
                errors.add(BaseMessage.PropertyMissing, "#/" + required, required);
            }
        }
        errors.throwIfAny();
        Map<String, String> headers = headers(body.get("HttpHeaders"));
        ObjectNode rest = body.deepCopy();
        rest.remove("HttpHeaders");
        EventFilter filter = EventFilterBody.take(rest);
        new PatchSpec()
                .text("Destination", Integer.MAX_VALUE)
                .enumeration("Protocol", EventProtocol.class)
                .text("Context", 256)
                .enumeration("DeliveryRetryPolicy", RetryPolicy.class)
                .textList("RegistryPrefixes", 8, 64)
                .textList("ResourceTypes", 16, 64)
                .enumeration("SubscriptionType", PushOnly.class)
                .enumeration("EventFormatType", EventFormat.class)
                .validate(rest, null);
        String destination = body.get("Destination").asText();
        destinations.check(destination).ifPresent(e -> {
            throw e.exception();
        });
        List<String> prefixes = PatchSpec.textList(body, "RegistryPrefixes").orElse(List.of());
        List<String> types = PatchSpec.textList(body, "ResourceTypes").orElse(List.of());
        prefixes.stream().filter(x -> !x.equals(BootMessage.PREFIX)).findFirst().ifPresent(x -> {
            throw RedfishError.property(BaseMessage.PropertyValueNotInList, "#/RegistryPrefixes", x, "RegistryPrefixes")
                    .exception();
        });
        types.stream().filter(x -> !ResourceTypes.ALL.contains(x)).findFirst().ifPresent(x -> {
            throw RedfishError.property(BaseMessage.PropertyValueNotInList, "#/ResourceTypes", x, "ResourceTypes")
                    .exception();
        });
        RetryPolicy policy = PatchSpec.enumValue(body, "DeliveryRetryPolicy", RetryPolicy.class)
                .orElse(RetryPolicy.TerminateAfterRetries);
        String context = PatchSpec.text(body, "Context").orElse("");
        EventDestination s = store.add(
                        p.userName(),
                        p.role() == RedfishRole.Administrator,
                        id -> new EventDestination(
                                id,
                                SubscriptionType.RedfishEvent,
                                destination,
                                context,
                                headers,
                                prefixes,
                                types,
                                filter,
                                policy,
                                p.userName()))
                .orElseThrow(() -> RedfishError.of(BaseMessage.EventSubscriptionLimitExceeded)
                        .exception());
        durable.save(s, false);
        ctx.response().putHeader("Location", SUBSCRIPTIONS + "/" + s.id());
        Responses.send(ctx, 201, render(s));
    }

    private void patch(RoutingContext ctx, Principal p) {
        EventDestination s = find(ctx);
        ObjectNode body = Bodies.object(ctx);
        ObjectNode current = render(s);
        dev.bmcagent.redfish.http.ETags.checkIfMatch(ctx, current);
        PatchSpec spec = new PatchSpec().text("Context", 256);
        if (s.type() == SubscriptionType.RedfishEvent) {
            spec.enumeration("DeliveryRetryPolicy", RetryPolicy.class);
        }
        spec.validate(body, current);
        EventDestination updated = new EventDestination(
                s.id(),
                s.type(),
                s.destination(),
                PatchSpec.text(body, "Context").orElse(s.context()),
                s.httpHeaders(),
                s.registryPrefixes(),
                s.resourceTypes(),
                s.filter(),
                PatchSpec.enumValue(body, "DeliveryRetryPolicy", RetryPolicy.class)
                        .orElse(s.retryPolicy()),
                s.owner());
        store.replace(updated);
        durable.save(updated, push.isSuspended(updated.id()));
        Responses.resource(ctx, render(updated));
    }

    /** Only push subscriptions are created by POST; SSE ones by opening the stream. */
    private enum PushOnly {
        RedfishEvent
    }

    private enum EventFormat {
        Event
    }

    /** HttpHeaders: an object of string values (or the older array of such objects). */
    private static Map<String, String> headers(JsonNode v) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        List<JsonNode> objects = new ArrayList<>();
        if (v.isObject()) {
            objects.add(v);
        } else if (v.isArray()) {
            v.forEach(objects::add);
        }
        if (objects.isEmpty() && !(v.isArray() && v.isEmpty())) {
            throw typeError(v);
        }
        for (JsonNode o : objects) {
            if (!o.isObject()) {
                throw typeError(v);
            }
            o.properties().forEach(e -> {
                if (!e.getValue().isTextual()) {
                    throw typeError(v);
                }
                out.put(e.getKey(), e.getValue().asText());
            });
        }
        HttpHeaderRules.problem(out).ifPresent(problem -> {
            throw RedfishError.property(BaseMessage.PropertyValueFormatError, "#/HttpHeaders", problem, "HttpHeaders")
                    .exception();
        });
        return out;
    }

    private static RuntimeException typeError(JsonNode v) {
        return RedfishError.property(BaseMessage.PropertyValueTypeError, "#/HttpHeaders", Json.write(v), "HttpHeaders")
                .exception();
    }

    private void submitTestEvent(RoutingContext ctx, Principal p) {
        ObjectNode body = Bodies.objectOrEmpty(ctx);
        String action = "EventService.SubmitTestEvent";
        // EventService v1_10_0 SubmitTestEvent: MessageId is a required parameter; MessageSeverity (v1_10_0)
        // supersedes the deprecated Severity
        if (!body.has("MessageId")) {
            throw RedfishError.of(BaseMessage.ActionParameterMissing, action, "MessageId")
                    .exception();
        }
        String messageId = text(body, "MessageId", action, "");
        String origin = text(body, "OriginOfCondition", action, SERVICE);
        String severityName = body.has("MessageSeverity") ? "MessageSeverity" : "Severity";
        String severityText = text(body, severityName, action, "OK");
        if (!messageId.matches("\\w+\\.\\d+\\.\\d+\\.\\w+")) {
            throw RedfishError.of(BaseMessage.ActionParameterValueFormatError, messageId, "MessageId", action)
                    .exception();
        }
        if (!origin.startsWith("/redfish/v1")) {
            throw RedfishError.of(BaseMessage.ActionParameterValueFormatError, origin, "OriginOfCondition", action)
                    .exception();
        }
        EventSeverity severity;
        try {
            severity = EventSeverity.valueOf(severityText);
        } catch (IllegalArgumentException e) {
            throw RedfishError.of(BaseMessage.ActionParameterValueNotInList, severityText, severityName, action)
                    .exception();
        }
        List<String> args = PatchSpec.textList(body, "MessageArgs").orElse(List.of());
        dispatcher.dispatch(new RedfishEvent(messageId, args, origin, severity, clock.instant(), 0));
        Responses.noContent(ctx);
    }

    private static String text(ObjectNode body, String name, String action, String dflt) {
        JsonNode v = body.get(name);
        if (v == null) {
            return dflt;
        }
        if (!v.isTextual()) {
            throw RedfishError.of(BaseMessage.ActionParameterValueTypeError, Json.write(v), name, action)
                    .exception();
        }
        return v.asText();
    }

    private void openSse(RoutingContext ctx, Principal p) {
        SseFilter filter = SseFilter.parse(ctx.queryParams().get("$filter"));
        EventDestination s = store.add(
                        p.userName(),
                        p.role() == RedfishRole.Administrator,
                        id -> new EventDestination(
                                id,
                                SubscriptionType.SSE,
                                "",
                                "",
                                Map.of(),
                                filter.registryPrefixes(),
                                filter.resourceTypes(),
                                new EventFilter(
                                        filter.messageIds(),
                                        filter.originResources(),
                                        List.of(),
                                        List.of(),
                                        false,
                                        true),
                                RetryPolicy.TerminateAfterRetries,
                                p.userName()))
                .orElseThrow(() -> RedfishError.of(BaseMessage.EventSubscriptionLimitExceeded)
                        .exception());
        HttpServerResponse r = ctx.response();
        r.setChunked(true).putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control", "no-cache");
        r.closeHandler(v -> {
            store.remove(s.id());
            sse.closed(s.id());
        });
        SseStreams.Opener opener = new SseStreams.Opener(p, stamps.apply(p.userName()));
        String lastEventId = ctx.request().getHeader("Last-Event-ID");
        if (lastEventId == null || lastEventId.isBlank()) {
            sse.open(s.id(), r, opener, () -> store.remove(s.id()));
            r.write(": subscription " + s.id() + "\n\n");
            return;
        }
        // the history read may scan the durable log (after a restart): a worker thread, never the event loop;
        // live events are held meanwhile and written after the replay
        sse.openHeld(s.id(), r, opener, () -> store.remove(s.id()));
        r.write(": subscription " + s.id() + "\n\n");
        String id = lastEventId.trim();
        ctx.vertx()
                .executeBlocking(() -> events.replayAfter(id, MAX_REPLAY + 1), false)
                .onComplete(ar -> resume(s, r, ar.succeeded() ? ar.result() : Optional.empty()));
    }

    /**
     * Writes what the client missed after its {@code Last-Event-ID} (read on a worker), then the live events held
     * meanwhile (on this context; an event both replayed and held is written once, see {@link SseStreams}). When the
     * id is unknown, no longer retained or more than {@link #MAX_REPLAY} records behind, or more than
     * {@link SseStreams#MAX_HELD} live events arrived during the read, the client gets one
     * {@code EventBufferExceeded} event (whatever its filter) and continues live: it must re-read the state.
     */
    private void resume(EventDestination s, HttpServerResponse r, Optional<List<RedfishEvent>> missed) {
        if (r.closed()) {
            return;
        }
        if (missed.isEmpty() || missed.get().size() > MAX_REPLAY) {
            lost(s, r);
        } else {
            for (RedfishEvent e : missed.get()) {
                if (s.wants(e)) {
                    sse.sendNow(s, e);
                }
            }
        }
        SseStreams.Released held = sse.release(s.id());
        held.events().forEach(e -> sse.send(s, e));
        if (held.overflowed()) {
            lost(s, r);
        }
    }

    private void lost(EventDestination s, HttpServerResponse r) {
        RedfishEvent lost = new RedfishEvent(
                BUFFER_EXCEEDED, List.of(), SERVICE, EventSeverity.Warning, clock.instant(), 0, "lost");
        r.write("data: " + Json.write(EventJson.render(lost, s.context())) + "\n\n");
    }
}
