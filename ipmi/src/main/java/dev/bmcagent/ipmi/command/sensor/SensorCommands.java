package dev.bmcagent.ipmi.command.sensor;

import static dev.bmcagent.ipmi.command.Bytes.error;

import dev.bmcagent.ipmi.command.HostScoped;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.registry.CommandSpec;
import dev.bmcagent.ipmi.sdr.SdrRepository;
import dev.bmcagent.ipmi.sdr.SensorDefinition;
import java.util.List;

/**
 * Sensor/Event NetFn sensor commands (IPMI 2.0 §35). Sensors come from the SDR (unknown number → CBh),
 * readings from {@link SensorReadings}. A reading that is not real (gated, unpowered, failed) sets "reading
 * unavailable" (byte 2 bit 5) and reports no threshold or state bits: nothing is derived from a non-reading.
 */
public final class SensorCommands {
    /** Byte 2 of Get Sensor Reading / byte 1 of event enable and status (§35.11, §35.14). */
    static final int EVENTS_ENABLED = 0x80;

    static final int SCANNING_ENABLED = 0x40;
    static final int READING_UNAVAILABLE = 0x20;

    private final HostScoped<SdrRepository> sdr;
    private final HostScoped<SensorReadings> readings;

    public SensorCommands(HostScoped<SdrRepository> sdr, HostScoped<SensorReadings> readings) {
        this.sdr = sdr;
        this.readings = readings;
    }

    public List<CommandSpec> specs() {
        int se = NetFn.SENSOR_EVENT;
        return List.of(
                CommandSpec.of("Get Sensor Reading Factors", se, 0x23, Privilege.USER, 2, 2, this::factors),
                CommandSpec.of("Get Sensor Thresholds", se, 0x27, Privilege.USER, 1, 1, this::thresholds),
                CommandSpec.of("Get Sensor Event Enable", se, 0x29, Privilege.USER, 1, 1, this::eventEnable),
                CommandSpec.of("Get Sensor Event Status", se, 0x2B, Privilege.USER, 1, 1, this::eventStatus),
                CommandSpec.of("Get Sensor Reading", se, 0x2D, Privilege.USER, 1, 1, this::reading));
    }

    private SensorDefinition sensor(IpmiRequest rq) {
        int number = rq.u8(0);
        return sdr.forHost(rq.context().hostIndex())
                .sensor(number)
                .orElseThrow(() -> error(CompletionCode.NOT_PRESENT, "no sensor " + number));
    }

    private static SensorDefinition thresholdSensor(SensorDefinition s) {
        if (!s.isThreshold()) {
            throw error(CompletionCode.ILLEGAL_FOR_SENSOR_OR_RECORD, s.name() + " is not a threshold sensor");
        }
        return s;
    }

    private SensorReading read(IpmiRequest rq, SensorDefinition s) {
        return readings.forHost(rq.context().hostIndex()).read(s.number());
    }

    private static int flags(SensorReading r) {
        return EVENTS_ENABLED | SCANNING_ENABLED | (r.isReal() ? 0 : READING_UNAVAILABLE);
    }

    /** §35.14: reading, flags, threshold status or discrete state bits 7:0, discrete bits 14:8 (bit 7 = 1). */
    private IpmiResponse reading(IpmiRequest rq) {
        SensorDefinition s = sensor(rq);
        SensorReading r = read(rq, s);
        int raw = r.isReal() ? r.raw() : 0;
        if (s.isThreshold()) {
            int status = r.isReal() ? s.thresholds().status(r.raw()) : 0;
            return IpmiResponse.ok((byte) raw, (byte) flags(r), (byte) (0xC0 | status), (byte) 0x80);
        }
        int state = r.isReal() ? r.discreteState() & s.discreteMask() : 0;
        return IpmiResponse.ok((byte) raw, (byte) flags(r), (byte) state, (byte) (0x80 | state >> 8));
    }

    /** §35.9: readable mask, LNC, LCR, LNR, UNC, UCR, UNR. */
    private IpmiResponse thresholds(IpmiRequest rq) {
        SensorDefinition s = thresholdSensor(sensor(rq));
        int[] v = s.thresholds().values();
        byte[] out = new byte[7];
        out[0] = (byte) s.thresholds().mask();
        for (int i = 0; i < 6; i++) {
            out[1 + i] = (byte) Math.max(0, v[i]);
        }
        return IpmiResponse.ok(out);
    }

    /** §35.11: flags, assertion enables (2), deassertion enables (2), as in the SDR masks. */
    private IpmiResponse eventEnable(IpmiRequest rq) {
        SensorDefinition s = sensor(rq);
        int assertion = s.isThreshold() ? s.thresholds().eventMask() : s.discreteMask();
        int deassertion = s.isThreshold() ? assertion : 0;
        return IpmiResponse.ok(
                (byte) (EVENTS_ENABLED | SCANNING_ENABLED),
                (byte) assertion,
                (byte) (assertion >> 8),
                (byte) deassertion,
                (byte) (deassertion >> 8));
    }

    /** §35.13: flags, then asserted events of the current reading (sensors auto re-arm; no latched history). */
    private IpmiResponse eventStatus(IpmiRequest rq) {
        SensorDefinition s = sensor(rq);
        SensorReading r = read(rq, s);
        int asserted = 0;
        if (r.isReal()) {
            asserted = s.isThreshold() ? s.thresholds().assertedEvents(r.raw()) : r.discreteState() & s.discreteMask();
        }
        return IpmiResponse.ok((byte) flags(r), (byte) asserted, (byte) (asserted >> 8), (byte) 0, (byte) 0);
    }

    /** §35.5: next reading (FFh: linear, one set of factors for all readings), then SDR bytes 25-30. */
    private IpmiResponse factors(IpmiRequest rq) {
        SensorDefinition s = thresholdSensor(sensor(rq));
        byte[] f = s.linearization().factorBytes();
        byte[] out = new byte[1 + f.length];
        out[0] = (byte) 0xFF;
        System.arraycopy(f, 0, out, 1, f.length);
        return IpmiResponse.ok(out);
    }
}
