package dev.bmcagent.simulator.link;

import dev.bmcagent.ipmi.message.IpmiResponse;

/**
 * The simulated host's side of its BMC connection: IPMI requests on the system interface, exactly what a real
 * host's KCS/BT driver would send, plus the two hardware signals a BMC observes without IPMI. Fleet mode uses
 * an in-process adapter ({@link DispatcherHostLink}); live mode will use a TCP adapter over the host interface.
 */
public interface HostLink {

    /**
     * Sends one request (LUN 0) and waits for the response.
     *
     * @param netFn request network function (even)
     * @param cmd   command code
     * @param data  request data
     * @return the BMC's response; a transport failure is a response with a non-OK completion code (e.g. C3h)
     */
    IpmiResponse send(int netFn, int cmd, byte[] data);

    /** The power-good rail changed (hardware signal, not IPMI). */
    default void powerGood(boolean on) {}

    /** The platform reset line was asserted: the host restarts without reporting any ACPI state. */
    default void platformReset() {}
}
