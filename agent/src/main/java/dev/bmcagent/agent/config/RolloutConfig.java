package dev.bmcagent.agent.config;

import dev.bmcagent.core.reboot.DeadlineRebootPermits.Fallback;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code rollout:} section: whether the agent asks a reboot-permit coordinator before a reboot it triggers
 * itself (boot-order re-apply, a campaign's firmware step), and what it does when the coordinator does not answer
 * (docs/ROLLOUT.md §3).
 *
 * @param permits        {@code local} (default: every request proceeds at once, as before permits existed) or
 *                       {@code mqtt} (ask the coordinator over MQTT, accept campaign updates)
 * @param brokerUrl      the coordinator's broker, {@code tcp://} or {@code ssl://} (trusted with mqtt.trustStore when
 *                       set, else the JDK's trust, as telemetry); empty: the agent's own MQTT broker
 *                       (mqtt.brokerUrl or the demo's)
 * @param group          the hosts' permit group (rack, site or a label; default: mqtt.site)
 * @param answerDeadline how long the agent waits for an answer before it applies {@code onUnreachable} and raises
 *                       an alert (1 s..24 h, default 10 min)
 * @param onUnreachable  {@code hold} (default: no reboot without a permit) or {@code proceed}
 * @param retry          how often an unanswered request or release is repeated (1 s..10 min, default 5 s)
 */
public record RolloutConfig(
        String permits,
        Optional<String> brokerUrl,
        String group,
        Duration answerDeadline,
        Fallback onUnreachable,
        Duration retry) {
    public static final String LOCAL = "local";
    public static final String MQTT = "mqtt";
    public static final Duration DEFAULT_ANSWER_DEADLINE = Duration.ofMinutes(10);
    public static final Duration MAX_ANSWER_DEADLINE = Duration.ofHours(24);
    public static final Duration DEFAULT_RETRY = Duration.ofSeconds(5);
    public static final Duration MAX_RETRY = Duration.ofMinutes(10);
    public static final Duration MIN = Duration.ofSeconds(1);

    public RolloutConfig {
        Objects.requireNonNull(permits, "permits");
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(onUnreachable, "onUnreachable");
        if (!permits.equals(LOCAL) && !permits.equals(MQTT)) {
            throw new ConfigException("rollout.permits", "'" + permits + "' is not local or mqtt");
        }
        if (!MqttConfig.TOPIC_LEVEL.matcher(group).matches()) {
            throw new ConfigException(
                    "rollout.group", "'" + group + "' must be 1..64 of A-Z a-z 0-9 _ . - " + "(it is a topic level)");
        }
        brokerUrl.ifPresent(u -> {
            if (!u.startsWith("tcp://") && !u.startsWith("ssl://")) {
                throw new ConfigException(
                        "rollout.brokerUrl", "'" + u + "' must be tcp://host:port or ssl://host:port");
            }
        });
        check("rollout.answerDeadline", answerDeadline, MAX_ANSWER_DEADLINE);
        check("rollout.retry", retry, MAX_RETRY);
    }

    /** No coordinator: the local policy (proceed at once). */
    public static RolloutConfig local(String group) {
        return new RolloutConfig(LOCAL, Optional.empty(), group, DEFAULT_ANSWER_DEADLINE, Fallback.HOLD, DEFAULT_RETRY);
    }

    public boolean mqtt() {
        return permits.equals(MQTT);
    }

    static Fallback fallback(String text) {
        if (text == null) {
            return Fallback.HOLD;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "hold" -> Fallback.HOLD;
            case "proceed" -> Fallback.PROCEED;
            default -> throw new ConfigException("rollout.onUnreachable", "'" + text + "' is not hold or proceed");
        };
    }

    private static void check(String key, Duration d, Duration max) {
        Objects.requireNonNull(d, key);
        if (d.compareTo(MIN) < 0 || d.compareTo(max) > 0) {
            throw new ConfigException(key, d + " is out of range 1s.." + max);
        }
    }
}
