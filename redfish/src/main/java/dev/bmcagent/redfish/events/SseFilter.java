package dev.bmcagent.redfish.events;

import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.RedfishError;
import java.util.ArrayList;
import java.util.List;

/**
 * The SSE {@code $filter} (DSP0266 "Server-sent events"): clauses {@code Property eq Value} joined by {@code or},
 * optionally parenthesised, values optionally quoted. Values of one property are alternatives; properties combine
 * with AND. Supported: RegistryPrefix, ResourceType, MessageId, OriginResource.
 */
public record SseFilter(
        List<String> registryPrefixes,
        List<String> resourceTypes,
        List<String> messageIds,
        List<String> originResources) {
    public SseFilter {
        registryPrefixes = List.copyOf(registryPrefixes);
        resourceTypes = List.copyOf(resourceTypes);
        messageIds = List.copyOf(messageIds);
        originResources = List.copyOf(originResources);
    }

    public static SseFilter parse(String filter) {
        List<String> prefixes = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        if (filter == null || filter.isBlank()) {
            return new SseFilter(prefixes, types, messages, origins);
        }
        for (String raw : filter.split("\\s+or\\s+", -1)) {
            String clause =
                    raw.trim().replaceAll("^\\(+", "").replaceAll("\\)+$", "").trim();
            String[] parts = clause.split("\\s+eq\\s+", 2);
            if (parts.length != 2 || parts[1].isBlank()) {
                throw invalid(filter);
            }
            String value = parts[1].trim().replaceAll("^'(.*)'$", "$1");
            switch (parts[0].trim()) {
                case "RegistryPrefix" -> prefixes.add(value);
                case "ResourceType" -> types.add(value);
                case "MessageId" -> messages.add(value);
                case "OriginResource" -> origins.add(value);
                default -> throw invalid(filter);
            }
        }
        return new SseFilter(prefixes, types, messages, origins);
    }

    private static RuntimeException invalid(String filter) {
        return RedfishError.of(BaseMessage.QueryParameterValueFormatError, filter, "$filter")
                .exception();
    }
}
