package dev.bmcagent.core.firmware;

/**
 * Puts a firmware image in place on a host so that it takes effect at the host's next boot (what a campaign's
 * firmware step needs before its reboot). A real BMC would write the SPI flash or hand the image to the host's OS;
 * this agent has no such path of its own: the demo's simulated hosts provide one (module {@code simulator}).
 */
@FunctionalInterface
public interface FirmwareStager {
    /**
     * Stages {@code version} of {@code component} (an inventory name: "BIOS", "NIC0") on host {@code hostIndex};
     * false when this stager cannot (unknown component or version).
     */
    boolean stage(int hostIndex, String component, String version);
}
