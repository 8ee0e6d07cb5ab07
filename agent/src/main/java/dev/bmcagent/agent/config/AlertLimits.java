package dev.bmcagent.agent.config;

import dev.bmcagent.acpi.lifecycle.LifecyclePolicy;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code alerts:} section: how long a host may spend in a phase before it is stuck, and how much time one boot
 * may lose to dead network-boot interfaces before it is slow. Durations are measured on the clock of the host's
 * timeline (in the demo, the simulated clock), written as {@code 90s}, {@code 15m}, {@code 2h} or ISO-8601
 * ({@code PT15M}).
 *
 * @param memoryTraining stuck-pre-os when LastState stays MemoryInitializationStarted this long
 * @param networkBoot    stuck-pre-os when network boot lasts this long without reaching the OS
 * @param preOs          stuck-pre-os when a boot has not reached the OS this long after it started
 * @param slowBoot       slow-boot when one boot loses more than this to dead network-boot interfaces
 */
public record AlertLimits(Duration memoryTraining, Duration networkBoot, Duration preOs, Duration slowBoot) {
    /** No limit beyond a day: a value that large is a typo (a missing unit), and timers must stay meaningful. */
    public static final Duration MAX = Duration.ofDays(1);

    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})(s|m|h)");

    public AlertLimits {
        check("alerts.memoryTraining", memoryTraining);
        check("alerts.networkBoot", networkBoot);
        check("alerts.preOs", preOs);
        check("alerts.slowBoot", slowBoot);
    }

    public static AlertLimits defaults() {
        return new AlertLimits(
                LifecyclePolicy.DEFAULT_MEMORY_TRAINING_LIMIT,
                LifecyclePolicy.DEFAULT_NETWORK_BOOT_LIMIT,
                LifecyclePolicy.DEFAULT_PRE_OS_LIMIT,
                LifecyclePolicy.DEFAULT_SLOW_BOOT_LIMIT);
    }

    /** {@code base} with these limits. */
    public LifecyclePolicy applyTo(LifecyclePolicy base) {
        return base.withLimits(memoryTraining, networkBoot, preOs, slowBoot);
    }

    /** A duration as written in the configuration; null when {@code text} is null. */
    static Duration parse(String key, String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        if (t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // fall through to the message below
            }
        }
        throw new ConfigException(key, "'" + text + "' is not a duration (write 90s, 15m, 2h or PT15M)");
    }

    private static void check(String key, Duration d) {
        Objects.requireNonNull(d, key);
        if (d.isNegative() || d.isZero() || d.compareTo(MAX) > 0) {
            throw new ConfigException(key, d + " is out of range: more than 0 and at most 24h");
        }
    }
}
