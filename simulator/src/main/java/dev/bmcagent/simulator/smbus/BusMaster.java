package dev.bmcagent.simulator.smbus;

/** Who drives a transaction on the host's DIMM SMBus. */
public enum BusMaster {
    /** UEFI (memory reference code reading SPDs). */
    FIRMWARE,
    /** The BMC reading DIMM temperature sensors. */
    BMC
}
