package dev.bmcagent.core.node;

import dev.bmcagent.ipmi.command.app.AcpiStatePort;
import dev.bmcagent.ipmi.command.chassis.BootOptionsStore;
import dev.bmcagent.ipmi.command.chassis.HostControl;
import dev.bmcagent.ipmi.command.oem.OemHostPort;
import dev.bmcagent.ipmi.command.sbmr.BootProgressPort;
import dev.bmcagent.ipmi.command.sensor.PlatformEventSink;
import dev.bmcagent.ipmi.command.sensor.SensorReadings;
import dev.bmcagent.ipmi.command.sysinfo.SystemInfoPort;
import dev.bmcagent.ipmi.sel.SelClock;
import dev.bmcagent.ipmi.sel.SelStore;

/**
 * A host's role towards the IPMI command table: the ports {@link HostCommandTable} serves one host's rows with.
 * {@link HostNode} is the implementation; the table needs nothing else of it.
 */
public interface HostIpmiPorts {
    AcpiStatePort acpiPort();

    HostControl hostControl();

    BootOptionsStore bootOptions();

    SensorReadings sensorReadings();

    PlatformEventSink platformEvents();

    SelStore sel();

    SelClock selClock();

    BootProgressPort bootProgress();

    OemHostPort oemPort();

    /** Set/Get System Info Parameters (the host's firmware inventory). */
    SystemInfoPort firmware();
}
