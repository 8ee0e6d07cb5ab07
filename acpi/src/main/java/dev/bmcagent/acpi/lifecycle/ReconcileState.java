package dev.bmcagent.acpi.lifecycle;

import java.util.List;
import java.util.Objects;

/**
 * Boot-order reconciler state: the declared order (patterns), how many re-applies were made for it, and
 * whether it gave up (alarm). A new declaration resets the attempt count.
 *
 * @param declared  declared boot-interface patterns, most preferred first; empty = nothing declared
 * @param attempts  re-apply + reboot rounds made for this declaration
 * @param alarmed   true after the maximum attempts failed: no more reboots for this declaration
 */
public record ReconcileState(List<String> declared, int attempts, boolean alarmed) {
    public ReconcileState {
        declared = List.copyOf(Objects.requireNonNull(declared, "declared"));
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts < 0");
        }
    }

    public static ReconcileState none() {
        return new ReconcileState(List.of(), 0, false);
    }
}
