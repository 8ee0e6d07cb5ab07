package dev.bmcagent.agent.host;

import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.agent.power.PowerCommand;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Power actions as commands ({@code hardware.power}): each action runs its configured argv (no shell), and succeeds
 * when the command exits 0 within the timeout; otherwise, or for an action without a command, it throws (the agent
 * counts a failed effect). Runs through {@link PowerCommand} (the {@code power:} section's runner): a command still
 * running at the timeout is killed with its children, and its output tail is logged. Blocks the host's mailbox while it runs,
 * hence the bounded timeout.
 */
public final class CommandPowerPort implements HostPowerPort {
    /** Default and upper bound of the timeout: a power script that takes longer is stuck. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);

    private final Map<PowerAction, List<String>> commands;
    private final Duration timeout;

    public CommandPowerPort(Map<PowerAction, List<String>> commands, Duration timeout) {
        Map<PowerAction, List<String>> copy = new EnumMap<>(PowerAction.class);
        commands.forEach((a, argv) -> {
            if (argv.isEmpty()) {
                throw new IllegalArgumentException(a + ": empty command");
            }
            copy.put(a, List.copyOf(argv));
        });
        this.commands = Map.copyOf(copy);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout must be in (0, " + MAX_TIMEOUT + "]");
        }
    }

    @Override
    public void perform(PowerAction action) {
        List<String> argv = commands.get(action);
        if (argv == null) {
            throw new UnsupportedOperationException(action + ": no power command configured");
        }
        PowerCommand.Outcome o = PowerCommand.run(action.name(), argv, timeout);   // logs the output tail
        if (o.success()) {
            return;
        }
        String why = o.exitStatus() >= 0 ? "exited " + o.exitStatus()
                : o.failure().startsWith("timed out") ? "still running after " + timeout + ": killed"
                : o.failure().equals("interrupted") ? "interrupted" : "cannot run: " + o.failure();
        throw new IllegalStateException(action + ": " + argv.get(0) + " " + why);
    }
}
