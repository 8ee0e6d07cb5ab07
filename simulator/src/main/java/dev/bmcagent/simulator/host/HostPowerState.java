package dev.bmcagent.simulator.host;

/** Where a simulated host is, physically. */
public enum HostPowerState {
    /** No main power (S5 / G3 from the host's point of view). */
    OFF,
    /** Powered, firmware running (between power-on/reset and the OS taking over). */
    FIRMWARE,
    /** The OS runs. */
    OS
}
