package dev.bmcagent.openbmc;

import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.core.fan.FanController;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * phosphor-pid-control's zones as the agent's fan controller. In the lifecycle's {@code Normal} mode (S0) the zone
 * is pid-control's: {@code Control.Mode.Manual=false} (Control/Mode.interface.yaml) and the agent writes no PWM.
 * In {@code FixedDuty} (S2_D2: firmware init) and {@code FailSafe} the agent takes the zone: {@code Manual=true},
 * then the duty on every PWM output of the zone as {@code Control.FanPwm.Target} (Control/FanPwm.interface.yaml:
 * uint64, 0-255). A failed write throws (the fan loop logs and counts it).
 */
public final class PidZoneFans implements FanController {
    private static final Logger log = LoggerFactory.getLogger(PidZoneFans.class);

    private final DBusConnection bus;
    private final List<OpenBmcSettings.Zone> zones;
    private volatile Supplier<FanMode> mode = () -> FanMode.Normal;
    private final Boolean[] manual;

    public PidZoneFans(DBusConnection bus, List<OpenBmcSettings.Zone> zones) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.zones = List.copyOf(zones);
        this.manual = new Boolean[Math.max(1, zones.size())];
    }

    /** Where the current lifecycle fan mode is read (the node's fan loop, known once the node exists). */
    public void modeFrom(Supplier<FanMode> source) {
        this.mode = Objects.requireNonNull(source, "source");
    }

    @Override
    public List<Integer> zones() {
        return zones.isEmpty()
                ? List.of(0)
                : IntStream.range(0, zones.size()).boxed().toList();
    }

    @Override
    public synchronized void setDuty(int zone, int percent) {
        if (zones.isEmpty()) {
            return;
        }
        OpenBmcSettings.Zone z = zones.get(zone);
        boolean take = mode.get() != FanMode.Normal;
        try {
            if (!Boolean.valueOf(take).equals(manual[zone])) {
                remote(z.service(), z.path()).Set(Pdi.CONTROL_MODE, "Manual", take);
                manual[zone] = take;
                log.info("fan zone {}: Manual={} ({})", z.path(), take, mode.get());
            }
            if (take) {
                UInt64 target = new UInt64(pwm(percent));
                for (OpenBmcSettings.Pwm p : z.pwm()) {
                    remote(p.service(), p.path()).Set(Pdi.FAN_PWM, "Target", target);
                }
            }
        } catch (DBusException | DBusExecutionException e) {
            manual[zone] = null; // unknown now: write the mode again next time
            throw new IllegalStateException("fan zone " + z.path() + ": " + e.getMessage(), e);
        }
    }

    /** Percent → FanPwm Target 0-255, rounded. */
    static long pwm(int percent) {
        int p = Math.max(0, Math.min(100, percent));
        return Math.round(p * 255.0 / 100.0);
    }

    private Properties remote(String service, String path) throws DBusException {
        return bus.getRemoteObject(service, path, Properties.class);
    }
}
