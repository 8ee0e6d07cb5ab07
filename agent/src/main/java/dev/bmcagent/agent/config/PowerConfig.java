package dev.bmcagent.agent.config;

import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code power:} section: the host power backend. Each action may have a command (argv, run without a shell;
 * {@code {host}} is replaced by the host index and {@code {hostPort}} by its VM-protocol port). An action without a
 * command goes over the host's VM link when the connected host can do it; an action neither can do is refused
 * (IPMI D5h, Redfish 400) and not advertised.
 *
 * @param commands       action → argv (absent: no command for that action)
 * @param commandTimeout how long a command may run before it is killed and counted as failed (1 s..10 min)
 * @param cycleOffTime   power cycle: how long the host stays off between off and on (1 s..10 min)
 */
public record PowerConfig(Map<PowerAction, List<String>> commands, Duration commandTimeout, Duration cycleOffTime) {
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CYCLE_OFF_TIME = Duration.ofSeconds(2);
    public static final Duration MIN = Duration.ofSeconds(1);
    public static final Duration MAX = Duration.ofMinutes(10);
    public static final PowerConfig NONE = new PowerConfig(Map.of(), DEFAULT_COMMAND_TIMEOUT, DEFAULT_CYCLE_OFF_TIME);

    public PowerConfig {
        Objects.requireNonNull(commands, "commands");
        EnumMap<PowerAction, List<String>> copy = new EnumMap<>(PowerAction.class);
        commands.forEach((a, argv) -> {
            if (argv == null
                    || argv.isEmpty()
                    || argv.get(0) == null
                    || argv.get(0).isBlank()) {
                throw new ConfigException(
                        "power." + key(a), "must be a non-empty list: the program and its " + "arguments");
            }
            copy.put(a, List.copyOf(argv));
        });
        commands = java.util.Collections.unmodifiableMap(copy);
        check("power.commandTimeoutSeconds", commandTimeout);
        check("power.cycleOffSeconds", cycleOffTime);
    }

    private static void check(String key, Duration d) {
        Objects.requireNonNull(d, key);
        if (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0) {
            throw new ConfigException(
                    key,
                    d.toMillis() / 1000.0 + " s is out of range " + MIN.toSeconds() + ".." + MAX.toSeconds() + " s");
        }
    }

    /** The YAML key of an action's command. */
    public static String key(PowerAction a) {
        return switch (a) {
            case ON -> "on";
            case FORCE_OFF -> "off";
            case GRACEFUL_SHUTDOWN -> "gracefulShutdown";
            case POWER_CYCLE -> "cycle";
            case HARD_RESET -> "reset";
            case WARM_RESET -> "warmReset";
            case NMI -> "nmi";
        };
    }
}
