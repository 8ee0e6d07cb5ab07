package dev.bmcagent.simulator.firmware;

/** What a BIOS update does to the NVRAM boot configuration. */
public enum BiosUpdateEffect {
    /** NVRAM reset to vendor defaults: BootOrder becomes the vendor default order. */
    RESET_TO_DEFAULTS,
    /** Like EDK2's boot-option refresh: network options are re-created and appended at the end of BootOrder. */
    REFRESH_APPENDS_NETWORK
}
