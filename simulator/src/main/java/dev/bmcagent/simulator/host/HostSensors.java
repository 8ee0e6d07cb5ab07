package dev.bmcagent.simulator.host;

import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.core.sensor.Reading;
import dev.bmcagent.core.sensor.SensorBus;
import dev.bmcagent.core.sensor.SensorKind;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.simulator.thermal.ThermalModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The agent's {@link SensorBus} for one simulated host. Addresses:
 * {@code smbus:0xNN} DIMM temperature sensor on the shared DIMM SMBus (DIMM i at 18h + i; a real bus transaction
 * that can collide with UEFI's SPD reads), {@code peci:cpu0} CPU, {@code i2c:nicN} NIC, {@code bmc:inlet} inlet
 * (BMC-powered, always readable), {@code fan:N} fan tachometer (1-based). Host-powered devices do not answer
 * while the host is off; a broken sensor (fault) never answers.
 */
final class HostSensors implements SensorBus {
    static final int TS_BASE = 0x18;

    private final SimulatedHost host;

    HostSensors(SimulatedHost host) {
        this.host = host;
    }

    List<SensorSpec> specs() {
        List<SensorSpec> out = new ArrayList<>();
        out.add(new SensorSpec("INLET_TEMP", SensorKind.TEMPERATURE, "bmc:inlet", GateClass.ALWAYS));
        // the board sensor sits on the BMC's own bus (standby power): readable in every power state
        out.add(new SensorSpec("BOARD_TEMP", SensorKind.TEMPERATURE, "bmc:board", GateClass.ALWAYS));
        out.add(new SensorSpec("CPU_TEMP", SensorKind.TEMPERATURE, "peci:cpu0", GateClass.HOST_ON));
        for (int i = 0; i < host.config().dimms(); i++) {
            // DIMM slot i: the agent's SDR names it DIMM_TEMP_<slot> (SensorCatalog), so IPMI and Redfish agree
            out.add(new SensorSpec(
                    "DIMM_TEMP_" + i,
                    SensorKind.TEMPERATURE,
                    smbusAddress(TS_BASE + i),
                    GateClass.NOT_DURING_FIRMWARE_INIT));
        }
        for (int i = 0; i < host.config().nics(); i++) {
            out.add(new SensorSpec("NIC_TEMP_" + i, SensorKind.TEMPERATURE, "i2c:nic" + i, GateClass.HOST_ON));
        }
        for (int i = 0; i < host.fans().fanCount(); i++) {
            out.add(new SensorSpec("SYS_FAN" + (i + 1), SensorKind.FAN, "fan:" + (i + 1), GateClass.POWER_GOOD));
        }
        return List.copyOf(out);
    }

    static String smbusAddress(int address) {
        return String.format(Locale.ROOT, "smbus:0x%02X", address);
    }

    @Override
    public Reading read(SensorSpec sensor) {
        if (host.faults().isBroken(sensor.name())) {
            return new Reading.Failed("no response (sensor broken)");
        }
        String address = sensor.address();
        boolean powered = host.state() != HostPowerState.OFF;
        ThermalModel.Load load = load();
        double duty = host.fans().meanDuty();
        try {
            if (address.equals("bmc:inlet")) {
                return new Reading.Value(host.thermal().inlet());
            }
            if (address.equals("bmc:board")) {
                return new Reading.Value(host.thermal().temperature(ThermalModel.Part.BOARD, load, duty));
            }
            if (address.startsWith("fan:")) {
                int fan = Integer.parseInt(address.substring(4)) - 1;
                if (fan < 0 || fan >= host.fans().fanCount()) {
                    return new Reading.Failed("no such fan: " + address);
                }
                return new Reading.Value(
                        host.faults().fanStalled(fan) ? 0 : host.fans().rpm(fan, powered));
            }
            if (!powered) {
                return new Reading.Failed("no response (host power off)");
            }
            if (address.equals("peci:cpu0")) {
                return new Reading.Value(host.thermal().temperature(ThermalModel.Part.CPU, load, duty));
            }
            if (address.startsWith("i2c:nic")) {
                int nic = Integer.parseInt(address.substring(7));
                return nic >= 0 && nic < host.config().nics()
                        ? new Reading.Value(host.thermal().temperature(ThermalModel.Part.NIC, load, duty))
                        : new Reading.Failed("no such NIC: " + address);
            }
            if (address.startsWith("smbus:0x")) {
                int a = Integer.parseInt(address.substring(8), 16);
                if (a < TS_BASE || a >= TS_BASE + host.config().dimms()) {
                    return new Reading.Failed("no device at " + address);
                }
                host.smbus().bmcRead(a, host.config().bmcReadDuration());
                return new Reading.Value(host.thermal().temperature(ThermalModel.Part.DIMM, load, duty));
            }
        } catch (NumberFormatException e) {
            return new Reading.Failed("bad address " + address);
        }
        return new Reading.Failed("unknown address " + address);
    }

    private ThermalModel.Load load() {
        return switch (host.state()) {
            case OFF -> ThermalModel.Load.OFF;
            case FIRMWARE -> ThermalModel.Load.FIRMWARE;
            default -> ThermalModel.Load.OS;
        };
    }
}
