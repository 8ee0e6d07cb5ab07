package dev.bmcagent.mqtt.monitor;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a fleet monitor connects and what it does with alerts.
 *
 * @param brokerUri        {@code tcp://host:port} (MQTT 5 required: shared subscriptions)
 * @param topicRoot        the agents' topic prefixes matched with wildcards, default {@code bmc/+/+}
 * @param shareGroup       shared-subscription group for the events topic; empty: every instance sees every event
 * @param instanceId       this instance's stable id (MQTT client id {@code bmc-monitor-<id>}, session resumed on
 *                         restart so unacknowledged events are redelivered to it)
 * @param sessionExpiry    how long the broker keeps this instance's session while it is away
 * @param refresh          summary refresh period (zero: no periodic summary)
 * @param alertTopic       where alert actions are published (empty: not published)
 * @param webhook          HTTP POST target for alert actions (empty: none)
 * @param allowRemoteWebhook permit a webhook on a non-loopback address (refused otherwise)
 * @param username         optional user name
 * @param password         optional password
 * @param staleAfter       a host without any document for this long is shown stale (zero: only on its BMC's
 *                         {@code offline} status); the agent republishes every host's state every 30 s
 */
public record MonitorOptions(
        URI brokerUri,
        String topicRoot,
        Optional<String> shareGroup,
        String instanceId,
        Duration sessionExpiry,
        Duration refresh,
        Optional<String> alertTopic,
        Optional<URI> webhook,
        boolean allowRemoteWebhook,
        Optional<String> username,
        Optional<String> password,
        Duration staleAfter) {
    public static final String DEFAULT_TOPIC_ROOT = "bmc/+/+";
    public static final String DEFAULT_GROUP = "bmc-monitor";
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofHours(1);
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(5);
    /** Three of the agent's 30 s state refreshes: one lost refresh (a reconnect) does not mark a host stale. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(90);

    public MonitorOptions {
        Objects.requireNonNull(brokerUri, "brokerUri");
        Objects.requireNonNull(topicRoot, "topicRoot");
        if (topicRoot.isBlank() || topicRoot.endsWith("/") || topicRoot.contains("#")) {
            throw new IllegalArgumentException("bad topic root: " + topicRoot);
        }
        Objects.requireNonNull(shareGroup, "shareGroup");
        shareGroup.ifPresent(g -> {
            if (g.isBlank() || g.contains("/") || g.contains("+") || g.contains("#")) {
                throw new IllegalArgumentException("bad share group: " + g);
            }
        });
        Objects.requireNonNull(instanceId, "instanceId");
        if (instanceId.isBlank()) {
            throw new IllegalArgumentException("instanceId is blank");
        }
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(alertTopic, "alertTopic");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.isNegative()) {
            throw new IllegalArgumentException("staleAfter is negative");
        }
        webhook.ifPresent(w -> {
            if (!"http".equals(w.getScheme()) && !"https".equals(w.getScheme())) {
                throw new IllegalArgumentException("webhook must be http(s): " + w);
            }
        });
    }

    /** Defaults: topic root {@code bmc/+/+}, group {@code bmc-monitor}, 5 s refresh, no actions but stdout. */
    public static MonitorOptions of(URI brokerUri, String instanceId) {
        return new MonitorOptions(
                brokerUri,
                DEFAULT_TOPIC_ROOT,
                Optional.of(DEFAULT_GROUP),
                instanceId,
                DEFAULT_SESSION_EXPIRY,
                DEFAULT_REFRESH,
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty(),
                DEFAULT_STALE_AFTER);
    }

    public MonitorOptions withWebhook(URI url, boolean allowRemote) {
        return new MonitorOptions(
                brokerUri,
                topicRoot,
                shareGroup,
                instanceId,
                sessionExpiry,
                refresh,
                alertTopic,
                Optional.of(url),
                allowRemote,
                username,
                password,
                staleAfter);
    }

    public MonitorOptions withAlertTopic(String topic) {
        return new MonitorOptions(
                brokerUri,
                topicRoot,
                shareGroup,
                instanceId,
                sessionExpiry,
                refresh,
                Optional.of(topic),
                webhook,
                allowRemoteWebhook,
                username,
                password,
                staleAfter);
    }

    public MonitorOptions withShareGroup(Optional<String> group) {
        return new MonitorOptions(
                brokerUri,
                topicRoot,
                group,
                instanceId,
                sessionExpiry,
                refresh,
                alertTopic,
                webhook,
                allowRemoteWebhook,
                username,
                password,
                staleAfter);
    }

    public MonitorOptions withRefresh(Duration period) {
        return new MonitorOptions(
                brokerUri,
                topicRoot,
                shareGroup,
                instanceId,
                sessionExpiry,
                period,
                alertTopic,
                webhook,
                allowRemoteWebhook,
                username,
                password,
                staleAfter);
    }

    public MonitorOptions withStaleAfter(Duration d) {
        return new MonitorOptions(
                brokerUri,
                topicRoot,
                shareGroup,
                instanceId,
                sessionExpiry,
                refresh,
                alertTopic,
                webhook,
                allowRemoteWebhook,
                username,
                password,
                d);
    }

    public String clientId() {
        return "bmc-monitor-" + instanceId;
    }

    /** The events subscription: {@code $share/<group>/<root>/+/events}, or the plain filter without a group. */
    public String eventsFilter() {
        String f = topicRoot + "/+/events";
        return shareGroup.map(g -> "$share/" + g + "/" + f).orElse(f);
    }
}
