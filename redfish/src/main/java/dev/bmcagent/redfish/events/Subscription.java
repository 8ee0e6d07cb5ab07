package dev.bmcagent.redfish.events;

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
 * @param messageIds       only these MessageIds; empty = all (SSE {@code $filter=MessageId eq ...})
 * @param originResources  only events about these URIs; empty = all (SSE {@code $filter=OriginResource eq ...})
 * @param retryPolicy      what happens after the bounded retries fail
 * @param owner            the user that created it
 */
public record Subscription(String id, SubscriptionType type, String destination, String context,
                           Map<String, String> httpHeaders, List<String> registryPrefixes, List<String> resourceTypes,
                           List<String> messageIds, List<String> originResources, RetryPolicy retryPolicy,
                           String owner) {
    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(context, "context");
        httpHeaders = Map.copyOf(httpHeaders);
        registryPrefixes = List.copyOf(registryPrefixes);
        resourceTypes = List.copyOf(resourceTypes);
        messageIds = List.copyOf(messageIds);
        originResources = List.copyOf(originResources);
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(owner, "owner");
    }

    /** Whether this subscription wants the event (RegistryPrefixes and ResourceTypes filters). */
    public boolean wants(RedfishEvent e) {
        boolean registry = registryPrefixes.isEmpty() || registryPrefixes.contains(e.registryPrefix());
        boolean resource = resourceTypes.isEmpty() || resourceTypes.contains(ResourceTypes.of(e.originOfCondition()));
        boolean message = messageIds.isEmpty() || messageIds.contains(e.registryMessageId());
        boolean origin = originResources.isEmpty() || originResources.contains(e.originOfCondition());
        return registry && resource && message && origin;
    }
}
