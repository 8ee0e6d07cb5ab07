package dev.bmcagent.agent.sel;

import dev.bmcagent.acpi.lifecycle.SelEvent;
import dev.bmcagent.agent.host.SelWriter;
import dev.bmcagent.ipmi.sdr.SensorNumbers;
import dev.bmcagent.ipmi.sel.SelRecord;
import dev.bmcagent.ipmi.sel.SelStore;
import dev.bmcagent.ipmi.sel.SystemEvent;
import dev.bmcagent.ipmi.sel.SelOutOfSpaceException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the lifecycle's SEL events into a host's {@link SelStore} as IPMI system event records: generator 0020h
 * (BMC), EvM rev 04h, event type 6Fh, the sensor numbers of {@link SensorNumbers} (so {@code ipmitool sel elist}
 * names them from the SDR). Event data 1 = offset, with bits 7:6 = 11b when ED2 carries a sensor-specific
 * extension code and bits 5:4 = 11b when ED3 does ({@code ipmi.sel.SelEvents} does the same); the OEM boot-order
 * record (sensor type C0h) marks ED2/ED3 as OEM codes (10b). The store stamps the time.
 */
public final class LifecycleSelWriter implements SelWriter {
    /** Sensor number of the OEM boot-order record (not in the SDR: ipmitool prints it as #0x08). */
    public static final int BOOT_ORDER_SENSOR = 0x08;

    /** Records kept in memory while the SEL cannot be written (disk full), oldest first; beyond this, dropped. */
    static final int MAX_PENDING = 256;
    private static final Logger log = LoggerFactory.getLogger(LifecycleSelWriter.class);

    private final SelStore store;
    private final ArrayDeque<SelRecord> pending = new ArrayDeque<>();
    private long dropped;

    public LifecycleSelWriter(SelStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Appends the event's record. While the SEL refuses writes (disk full) the record is kept in memory, in order,
     * and written before the next one once space returns (it is stamped then); beyond {@value #MAX_PENDING} kept
     * records the oldest is dropped and counted. The SEL reports the refusal itself (overflow, no free space).
     */
    @Override
    public synchronized void append(SelEvent event, Instant at) {
        pending.addLast(SelRecord.of(0, 0, toSystemEvent(event)));
        try {
            while (!pending.isEmpty()) {
                store.append(pending.peekFirst());
                pending.removeFirst();
            }
        } catch (SelOutOfSpaceException e) {
            if (pending.size() == 1) {
                log.warn("SEL full ({}): keeping lifecycle records in memory until it can be written", e.getMessage());
            }
            while (pending.size() > MAX_PENDING) {
                pending.removeFirst();
                dropped++;
            }
        }
    }

    /** Records waiting for the SEL to accept writes again. */
    public synchronized int pending() {
        return pending.size();
    }

    /** Records dropped because more than {@value #MAX_PENDING} were waiting. */
    public synchronized long dropped() {
        return dropped;
    }

    /** The IPMI event fields of a domain SEL event. Pure. */
    public static SystemEvent toSystemEvent(SelEvent e) {
        // event data 1 bits 7:6 / 5:4 (IPMI 2.0 table 29-6): 10b = OEM code in byte 2 / 3, 11b = sensor-specific
        // extension code; the OEM boot-order record and the ACPI "inferred by the BMC" marker are OEM codes
        // a boot error's ED2 (interface index) and ED3 (protocol flags) are the host's OEM codes, kept as it sent them
        boolean oem = e.sensor() == SelEvent.SelSensor.BOOT_ORDER || e.sensor() == SelEvent.SelSensor.BOOT_ERROR;
        boolean oemData3 = oem || e.sensor() == SelEvent.SelSensor.ACPI_STATUS;
        int data1 = e.offset();
        if (e.eventData2() != SelEvent.UNSPECIFIED) {
            data1 |= oem ? 0x80 : 0xC0;
        }
        if (e.eventData3() != SelEvent.UNSPECIFIED) {
            data1 |= oemData3 ? 0x20 : 0x30;
        }
        int dirType = SystemEvent.EVENT_TYPE_SENSOR_SPECIFIC | (e.assertion() ? 0 : SystemEvent.DEASSERTION);
        return new SystemEvent(SystemEvent.GENERATOR_BMC, SystemEvent.EVM_REV_IPMI_2, e.sensor().sensorType(),
                sensorNumber(e.sensor()), dirType, data1, e.eventData2(), e.eventData3());
    }

    static int sensorNumber(SelEvent.SelSensor s) {
        return switch (s) {
            case ACPI_STATUS -> SensorNumbers.ACPI_STATUS;
            case RESTART_CAUSE -> SensorNumbers.RESTART_CAUSE;
            case FW_PROGRESS -> SensorNumbers.FW_PROGRESS;
            case BOOT_ERROR -> SensorNumbers.BOOT_ERROR;
            case OS_BOOT -> SensorNumbers.OS_BOOT;
            case BOOT_ORDER -> BOOT_ORDER_SENSOR;
        };
    }
}
