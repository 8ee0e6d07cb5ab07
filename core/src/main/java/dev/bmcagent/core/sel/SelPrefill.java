package dev.bmcagent.core.sel;

import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.ipmi.sdr.SensorNumbers;
import dev.bmcagent.ipmi.sel.SelEvents;
import dev.bmcagent.ipmi.sel.SelRecord;
import dev.bmcagent.ipmi.sel.SelStore;
import dev.bmcagent.ipmi.sel.SystemEvent;

/**
 * {@code --sel-prefill N}, for benchmarks only: appends N system event records to a host's SEL before the agent
 * serves, so `ipmitool sel elist` walks as many records as the benchmark anchor's SEL (ipmi_sim with 1,000). The
 * records are what the agent itself logs over repeated boots (ACPI transitions, restart cause, firmware progress,
 * a boot error, OS boot, a DIMM and a fan threshold excursion), stamped now by the SEL's clock; they are real SEL
 * records (kept in the journal, shown by Redfish) and not marked as fill. At most the SEL's capacity.
 */
public final class SelPrefill {
    /** The benchmark anchor's SEL (scripts/bench/lib/ipmi_sim_config.py --sel). */
    public static final int ANCHOR_RECORDS = 1000;

    private static final SystemEvent[] BOOT = {
        SelEvents.acpiState(AcpiSystemState.S5_G2),
        SelEvents.systemRestart(0x01), // restart cause: chassis control command
        SelEvents.firmwareProgress(0x19), // primary CPU initialization
        SelEvents.firmwareProgress(0x01), // memory initialization
        SelEvents.firmwareProgress(0x07), // PCI resource configuration
        SelEvents.firmwareProgress(0x13), // system boot initiated
        SelEvents.bootError(SelEvents.BOOT_ERROR_PXE_SERVER_NOT_FOUND),
        SelEvents.acpiState(AcpiSystemState.S2_D2),
        SelEvents.acpiState(AcpiSystemState.S0_G0_D0),
        SelEvents.osBoot(SelEvents.OS_BOOT_COMPLETED),
        SelEvents.threshold(SelEvents.TYPE_TEMPERATURE, SensorNumbers.dimmTemp(2), 0x07, false, 0x56, 0x55),
        SelEvents.threshold(SelEvents.TYPE_TEMPERATURE, SensorNumbers.dimmTemp(2), 0x07, true, 0x50, 0x55),
        SelEvents.threshold(SelEvents.TYPE_FAN, SensorNumbers.sysFan(3), 0x00, false, 0x08, 0x0A),
        SelEvents.threshold(SelEvents.TYPE_FAN, SensorNumbers.sysFan(3), 0x00, true, 0x30, 0x0A),
    };

    private SelPrefill() {}

    /** Appends {@code count} records; refuses more than the store holds (the oldest would be dropped). */
    public static void fill(SelStore sel, int count) {
        if (count < 0 || count > sel.capacity() - sel.info().entries()) {
            throw new IllegalArgumentException("SEL prefill of " + count + " records: the SEL has room for "
                    + (sel.capacity() - sel.info().entries()));
        }
        for (int i = 0; i < count; i++) {
            sel.append(SelRecord.of(0, 0, BOOT[i % BOOT.length]));
        }
    }
}
