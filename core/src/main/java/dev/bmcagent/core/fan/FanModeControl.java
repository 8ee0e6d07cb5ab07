package dev.bmcagent.core.fan;

import dev.bmcagent.acpi.policy.FanMode;

/** Where the host agent sends the lifecycle's fan mode decisions ({@code Effect.SetFanMode}). */
@FunctionalInterface
public interface FanModeControl {

    /** Puts the host's fan zone into {@code mode}; takes effect at once. */
    void setMode(FanMode mode, String reason);
}
