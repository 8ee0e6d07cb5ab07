package dev.bmcagent.redfish.events;

import dev.bmcagent.redfish.backend.EventFilter;
import dev.bmcagent.redfish.backend.RedfishEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An event subscription: a push destination or an open SSE stream. Immutable; the delivery state lives in
 * {@link PushDelivery} / {@link SseStreams}.
 *
 * @param id               URI-safe id
 * @param type             RedfishEvent (push) or SSE
 * @param destination      push URL (empty for SSE)
 * @param context          Context echoed in every Event
 * @param httpHeaders      headers sent with each push (never shown on GET)
 * @param registryPrefixes only events of these registries; empty = all
 * @param resourceTypes    only events whose origin is of these resource types; empty = all
 * @param filter           MessageIds, OriginResources (SSE {@code $filter=MessageId eq ...}, {@code OriginResource eq
 *                         ...}), the Exclude lists, SubordinateResources and IncludeOriginOfCondition
 * @param retryPolicy      what happens after the bounded retries fail
 * @param owner            the user that created it
 */
public record EventDestination(
        String id,
        SubscriptionType type,
        String destination,
        String context,
        Map<String, String> httpHeaders,
        List<String> registryPrefixes,
        List<String> resourceTypes,
        EventFilter filter,
        RetryPolicy retryPolicy,
        String owner) {
    public EventDestination {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(context, "context");
        httpHeaders = Map.copyOf(httpHeaders);
        registryPrefixes = List.copyOf(registryPrefixes);
        resourceTypes = List.copyOf(resourceTypes);
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(owner, "owner");
    }

    /** Whether this subscription wants the event (RegistryPrefixes, ResourceTypes and {@link EventFilter}). */
    public boolean wants(RedfishEvent e) {
        boolean registry = registryPrefixes.isEmpty() || registryPrefixes.contains(e.registryPrefix());
        boolean resource = resourceTypes.isEmpty() || resourceTypes.contains(ResourceTypes.of(e.originOfCondition()));
        return registry && resource && filter.passes(e.registryPrefix(), e.registryMessageId(), e.originOfCondition());
    }

    public List<String> messageIds() {
        return filter.messageIds();
    }

    public List<String> originResources() {
        return filter.originResources();
    }
}
