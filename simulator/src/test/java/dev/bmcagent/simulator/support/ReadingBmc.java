package dev.bmcagent.simulator.support;

import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.simulator.fleet.BmcFactory;
import dev.bmcagent.simulator.host.SimulatedHost;
import dev.bmcagent.simulator.link.HostLink;
import dev.bmcagent.simulator.time.VirtualScheduler;
import java.time.Duration;
import java.util.List;

/**
 * A test double for the BMC side of a fleet: answers OK to every request, follows the host's ACPI reports
 * (Set ACPI Power State bytes) and power-good, and polls every DIMM temperature sensor one after another every
 * {@code period}. With {@code gated}, it reads no {@link GateClass#NOT_DURING_FIRMWARE_INIT} sensor while the host
 * last reported S2 and nothing host-powered while power-good is off; without, it reads regardless.
 */
public final class ReadingBmc implements BmcFactory {
    private final Duration period;
    private final boolean gated;

    public ReadingBmc(Duration period, boolean gated) {
        this.period = period;
        this.gated = gated;
    }

    @Override
    public HostLink attach(SimulatedHost host, VirtualScheduler scheduler) {
        Side side = new Side();
        List<SensorSpec> dimms = host.sensorSpecs().stream()
                .filter(s -> s.gate() == GateClass.NOT_DURING_FIRMWARE_INIT)
                .toList();
        Duration step = host.config().bmcReadDuration();
        scheduler.scheduleAtFixedRate(period, period, () -> {
            for (int i = 0; i < dimms.size(); i++) {
                SensorSpec spec = dimms.get(i);
                scheduler.schedule(step.multipliedBy(i), () -> {
                    if (!gated || (side.powerGood && !side.inFirmware)) {
                        host.sensorBus().read(spec);
                    }
                });
            }
        });
        return side;
    }

    /** What the BMC knows about one host, from what the host told it. */
    private static final class Side implements HostLink {
        private boolean powerGood;
        private boolean inFirmware;

        @Override
        public IpmiResponse send(int netFn, int cmd, byte[] data) {
            if (netFn == 0x06 && cmd == 0x06 && data.length >= 1 && (data[0] & 0x80) != 0) {
                inFirmware = (data[0] & 0x7F) == 0x02; // S2_D2: firmware initialising
            }
            return IpmiResponse.ok();
        }

        @Override
        public void powerGood(boolean on) {
            powerGood = on;
            if (!on) {
                inFirmware = false;
            }
        }

        @Override
        public void platformReset() {
            inFirmware = true; // a reset host is in firmware again even though it reports nothing until S2
        }
    }
}
