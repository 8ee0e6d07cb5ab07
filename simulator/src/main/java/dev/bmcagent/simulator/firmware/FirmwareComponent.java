package dev.bmcagent.simulator.firmware;

/** A firmware image a scenario can flash; each takes effect at the next reboot. */
public enum FirmwareComponent {
    /** System firmware: resets NVRAM or refreshes boot options, and forces long memory training. */
    BIOS,
    /** The BMC's own firmware: the BMC restarts; the host is rebooted afterwards as part of the procedure. */
    BMC,
    /** NIC firmware (UNDI/UEFI driver): network boot options are re-created at the next POST. */
    NIC
}
