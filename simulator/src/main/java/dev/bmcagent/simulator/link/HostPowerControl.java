package dev.bmcagent.simulator.link;

/** What the BMC can do to a simulated host's power (chassis control, VM protocol power ops). */
public interface HostPowerControl {

    /** Power on; ignored when already on. */
    void powerOn();

    /** Immediate power off (no ACPI report from the host); ignored when off. */
    void powerOff();

    /** Hard reset: the host restarts at once and reports nothing; ignored when off. */
    void reset();

    /** Diagnostic interrupt: the OS panics and reboots after its panic timeout; ignored unless the OS runs. */
    void nmi();

    /** Soft off (ACPI power button): the OS shuts down, reports S5_G2, then powers off; in firmware: immediate off. */
    void gracefulShutdown();
}
