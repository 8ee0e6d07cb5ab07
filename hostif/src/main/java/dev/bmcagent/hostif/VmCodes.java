package dev.bmcagent.hostif;

import dev.bmcagent.core.host.VmCapabilities;

/**
 * Wire constants of the OpenIPMI "VM" serial protocol, as defined identically in QEMU
 * {@code hw/ipmi/ipmi_bmc_extern.c} / {@code hw/ipmi/ipmi_extern.c} and OpenIPMI
 * {@code lanserv/serial_ipmi.c} ("VM Mode codec"). {@link #OP_POWER_ON} and
 * {@link VmCapabilities#POWER_ON_EXTENSION} are this project's documented extension
 * (docs/HOST-INTERFACE.md), never sent to a peer that did not advertise it.
 */
public final class VmCodes {
    /** VM_MSG_CHAR: marks the end of an IPMI message. */
    public static final int MSG_CHAR = 0xA0;
    /** VM_CMD_CHAR: marks the end of a control operation. */
    public static final int CMD_CHAR = 0xA1;
    /** VM_ESCAPE_CHAR: the next byte was sent with bit 4 set; the receiver clears it. */
    public static final int ESCAPE_CHAR = 0xAA;
    /** Bit 4: set by the sender on an escaped byte, cleared by the receiver. */
    public static final int ESCAPE_BIT = 0x10;

    /** VM_PROTOCOL_VERSION. */
    public static final int PROTOCOL_VERSION = 1;

    /** VM_CMD_VERSION, one argument byte: the protocol version. Both sides send it on connect. */
    public static final int OP_VERSION = 0xFF;
    /** VM_CMD_NOATTN (BMC to host): clear the interface's attention (SMS_ATN) bit. */
    public static final int OP_NOATTN = 0x00;
    /** VM_CMD_ATTN (BMC to host): set the attention bit. */
    public static final int OP_ATTN = 0x01;
    /** VM_CMD_ATTN_IRQ (BMC to host): set the attention bit and raise the interrupt. */
    public static final int OP_ATTN_IRQ = 0x02;
    /** VM_CMD_POWEROFF (BMC to host): power the machine off (QEMU: IPMI_POWEROFF_CHASSIS). */
    public static final int OP_POWEROFF = 0x03;
    /** VM_CMD_RESET: BMC to host = reset the machine; host to BMC = "the machine was reset". */
    public static final int OP_RESET = 0x04;
    /** VM_CMD_ENABLE_IRQ (BMC to host): enable the messaging interrupt. */
    public static final int OP_ENABLE_IRQ = 0x05;
    /** VM_CMD_DISABLE_IRQ (BMC to host): disable the messaging interrupt. */
    public static final int OP_DISABLE_IRQ = 0x06;
    /** VM_CMD_SEND_NMI (BMC to host): pulse NMI. */
    public static final int OP_SEND_NMI = 0x07;
    /** VM_CMD_CAPABILITIES (host to BMC), one argument byte: {@link VmCapabilities} bits. */
    public static final int OP_CAPABILITIES = 0x08;
    /**
     * VM_CMD_GRACEFUL_SHUTDOWN (BMC to host): ACPI power-button shutdown (QEMU:
     * IPMI_SHUTDOWN_VIA_ACPI_OVERTEMP). Older QEMU/OpenIPMI named 09h VM_CMD_FORCEOFF.
     */
    public static final int OP_GRACEFUL_SHUTDOWN = 0x09;
    /** Extension (BMC to host, only with {@link VmCapabilities#POWER_ON_EXTENSION}): power on. */
    public static final int OP_POWER_ON = 0x50;
    /**
     * Extension (host to BMC, only from a peer with {@link VmCapabilities#POWER_ON_EXTENSION}), one
     * argument byte: 01h power good, 00h power off while the link (standby power) stays up.
     */
    public static final int OP_POWER_STATE = 0x51;

    private VmCodes() {}
}
