package dev.bmcagent.redfish.backend;

/**
 * One DIMM slot of a ComputerSystem, from the host's memory training report.
 *
 * @param slot        0-based slot; the member id is "DIMM<slot>"
 * @param present     the firmware initialised a DIMM there in its last report
 * @param lost        not present now, but present at the last good boot (every expected DIMM initialised)
 * @param capacityMiB the DIMM's share of the reported memory (0 when absent)
 */
public record DimmView(int slot, boolean present, boolean lost, long capacityMiB) {
    public DimmView {
        if (slot < 0 || capacityMiB < 0) {
            throw new IllegalArgumentException("negative slot or capacity");
        }
    }
}
