package dev.bmcagent.acpi.policy;

/** What the fan controller should do for a host. */
public enum FanMode {
    /** Closed loop on the hottest available sensor. */
    Normal,
    /** A configured fixed duty while firmware initialises (S2_D2): sensors may be unreadable, that is expected. */
    FixedDuty,
    /** A real failure in S0 (a sensor that should be readable is not, or a critical threshold): fans to maximum. */
    FailSafe
}
