package dev.bmcagent.ipmi.message;

/**
 * Where a request came from (IPMI 2.0 §6.3 channel numbers). The system interface (0Fh) is the host
 * itself, sessionless and trusted for host-only inputs such as Set ACPI Power State and boot progress.
 */
public enum Channel {
    /** IPMB, the primary channel (number 0). */
    IPMB(0x00),
    /** The LAN channel serving RMCP+ (number 1). */
    LAN(0x01),
    /** The system interface: KCS/BT from the host, here the host interface (VM protocol). */
    SYSTEM_INTERFACE(0x0F);

    private final int number;

    Channel(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}
