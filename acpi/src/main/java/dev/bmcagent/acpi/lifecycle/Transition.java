package dev.bmcagent.acpi.lifecycle;

import java.util.List;
import java.util.Objects;

/** The result of one input: the new state and the effects to carry out, in order. */
public record Transition(HostState state, List<Effect> effects) {
    public Transition {
        Objects.requireNonNull(state, "state");
        effects = List.copyOf(effects);
    }
}
