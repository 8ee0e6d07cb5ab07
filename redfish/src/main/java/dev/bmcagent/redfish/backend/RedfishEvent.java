package dev.bmcagent.redfish.backend;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One event to publish over SSE and push subscriptions; the agent maps each LifecycleEvent to one of these.
 *
 * @param registryMessageId   "Registry.Major.Minor.MessageKey", e.g. "BmcAgentBoot.1.0.BootProgressChanged"
 * @param args                MessageArgs, in the registry's order
 * @param originOfCondition   the resource URI the event is about, e.g. "/redfish/v1/Systems/host1"
 * @param severity            MessageSeverity
 * @param timestamp           when it happened
 * @param sequence            monotonically increasing over the service's lifetime
 * @param eventId             the event's stable id: SSE {@code id:} and the payload's {@code Id}/{@code EventId}.
 *                            For host events {@code "<hostId>.<per-host sequence>"} (e.g. {@code host0.57}), which
 *                            an SSE client sends back as {@code Last-Event-ID} to resume; else the sequence
 */
public record RedfishEvent(
        String registryMessageId,
        List<String> args,
        String originOfCondition,
        EventSeverity severity,
        Instant timestamp,
        long sequence,
        String eventId) {

    /** An event whose id is its sequence (test events, events not in the durable history). */
    public RedfishEvent(
            String registryMessageId,
            List<String> args,
            String originOfCondition,
            EventSeverity severity,
            Instant timestamp,
            long sequence) {
        this(registryMessageId, args, originOfCondition, severity, timestamp, sequence, Long.toString(sequence));
    }

    public RedfishEvent {
        Objects.requireNonNull(eventId, "eventId");
        if (eventId.isEmpty() || !eventId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("event id must be 1..64 of [A-Za-z0-9._-]: " + eventId);
        }
        Objects.requireNonNull(registryMessageId, "registryMessageId");
        args = List.copyOf(args);
        Objects.requireNonNull(originOfCondition, "originOfCondition");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(timestamp, "timestamp");
        if (registryMessageId.split("\\.").length != 4) {
            throw new IllegalArgumentException("message id must be Prefix.Major.Minor.Key: " + registryMessageId);
        }
        if (!originOfCondition.startsWith("/redfish/v1")) {
            throw new IllegalArgumentException("origin must be a Redfish URI: " + originOfCondition);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("negative sequence");
        }
    }

    /** The same event with id {@code "<hostId>.<hostSequence>"}. */
    public RedfishEvent withHostSequence(String hostId, long hostSequence) {
        return new RedfishEvent(
                registryMessageId, args, originOfCondition, severity, timestamp, sequence, hostId + "." + hostSequence);
    }

    /** The registry prefix, e.g. "BmcAgentBoot". */
    public String registryPrefix() {
        return registryMessageId.substring(0, registryMessageId.indexOf('.'));
    }

    /** The message key, e.g. "BootProgressChanged". */
    public String messageKey() {
        return registryMessageId.substring(registryMessageId.lastIndexOf('.') + 1);
    }
}
