package dev.bmcagent.redfish.backend;

import java.util.List;

/**
 * The EventDestination filters beyond RegistryPrefixes/ResourceTypes (OCP Service Baseline: ExcludeMessageId,
 * ExcludeRegistryPrefix, IncludeOriginOfConditionSupported, SubordinateResourcesSupported).
 *
 * @param messageIds               only these MessageIds; empty = all
 * @param originResources          only events whose OriginOfCondition is one of these URIs; empty = all
 * @param excludeMessageIds        never these MessageIds
 * @param excludeRegistryPrefixes  never messages of these registries
 * @param subordinateResources     originResources also match the resources below them (URI prefix + "/")
 * @param includeOriginOfCondition whether events carry OriginOfCondition (default true)
 */
public record EventFilter(
        List<String> messageIds,
        List<String> originResources,
        List<String> excludeMessageIds,
        List<String> excludeRegistryPrefixes,
        boolean subordinateResources,
        boolean includeOriginOfCondition) {

    /** No filter: every event, with its OriginOfCondition. */
    public static final EventFilter NONE = new EventFilter(List.of(), List.of(), List.of(), List.of(), false, true);

    public EventFilter {
        messageIds = List.copyOf(messageIds);
        originResources = List.copyOf(originResources);
        excludeMessageIds = List.copyOf(excludeMessageIds);
        excludeRegistryPrefixes = List.copyOf(excludeRegistryPrefixes);
    }

    /** Whether an event of this registry, MessageId and origin passes (RegistryPrefixes/ResourceTypes aside). */
    public boolean passes(String registryPrefix, String messageId, String origin) {
        if (excludeRegistryPrefixes.contains(registryPrefix) || excludeMessageIds.contains(messageId)) {
            return false;
        }
        if (!messageIds.isEmpty() && !messageIds.contains(messageId)) {
            return false;
        }
        if (originResources.isEmpty()) {
            return true;
        }
        for (String o : originResources) {
            if (origin.equals(o) || (subordinateResources && origin.startsWith(o.endsWith("/") ? o : o + "/"))) {
                return true;
            }
        }
        return false;
    }
}
