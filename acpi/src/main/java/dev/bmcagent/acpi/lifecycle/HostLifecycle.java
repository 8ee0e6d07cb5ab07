package dev.bmcagent.acpi.lifecycle;

import java.time.Instant;

/**
 * The host lifecycle as one pure function: {@code (state, input, now) -> (state, effects)}.
 * No I/O, no threads, no clock: {@code now} is passed in. Thread confinement is the caller's business.
 */
@FunctionalInterface
public interface HostLifecycle {

    Transition apply(HostState state, LifecycleInput input, Instant now);
}
