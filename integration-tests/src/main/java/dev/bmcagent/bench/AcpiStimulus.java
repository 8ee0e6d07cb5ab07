package dev.bmcagent.bench;

import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.core.node.NodeTiming;
import dev.bmcagent.hostif.VmMessage;
import dev.bmcagent.journal.FsyncPolicy;
import dev.bmcagent.mqtt.telemetry.MqttOptions;
import dev.bmcagent.mqtt.telemetry.MqttTelemetry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link Stimulus} "host input → the agent's MQTT event": an in-process agent ({@link AgentRig}: BmcRuntime, disk
 * stores, fsync NEVER) with {@link MqttTelemetry} publishing to the broker under test ({@code --port}); each
 * {@link #fire} sends Set ACPI Power State over the host interface and returns {@code null} (the agent writes the
 * payload). Subscribe with {@code --topic bmc/bench/bmc0/host0/events} (site {@code bench}, BMC id {@code bmc0}).
 *
 * <p>{@code MqttLatency} takes exactly one receipt per fire, so each fire must cause exactly one message on the
 * events topic: it alternates the device state S0/D0 ({@code 80 80}) ↔ S0/D1 ({@code 80 81}), which is one
 * {@code AcpiChanged} and nothing else (S2_D2 ↔ S0 causes four to six events per input: AcpiChanged, GateChanged,
 * FanModeChanged, ...). Every fire checks that the previous one recorded exactly one event; the count of
 * departures is printed on close. The agent is started and the host powered on in the constructor, which
 * {@code MqttLatency} calls before its subscriber subscribes, so the power-on events are not received.
 */
public final class AcpiStimulus implements Stimulus {
    private static final byte[][] INPUTS = {AgentRig.S0_D1, AgentRig.S0_D0};

    private final AgentRig rig;
    private final MqttTelemetry telemetry;
    private long lastSequence;
    private long departures;

    public AcpiStimulus(BenchOptions options) throws Exception {
        URI broker =
                URI.create("tcp://" + options.loopbackHost("host") + ":" + options.number("port", 1883, 1, 65_535));
        rig = new AgentRig(FsyncPolicy.NEVER, HostHardware.none(), NodeTiming.DEFAULT);
        MqttOptions mo = MqttOptions.of(broker, "bench", "bmc0", rig.dir);
        telemetry = new MqttTelemetry(
                mo, rig.runtime.events(), rig.history, id -> rig.node().state(), List.of("host0"), rig.scheduler);
        telemetry.start();
        rig.powerOn();
        rig.send(AgentRig.CMD_SET_ACPI, AgentRig.S0_D0);
        AgentRig.waitFor(
                () -> telemetry.connected() && telemetry.ackedSequence("host0") == rig.lastSequence(),
                Duration.ofSeconds(20),
                "telemetry to publish the power-on events");
        lastSequence = rig.lastSequence();
        System.err.println("AcpiStimulus: agent up, " + lastSequence + " power-on events published before the"
                + " subscriber subscribes; topic " + mo.topicPrefix() + "/host0/events");
    }

    @Override
    public void open() {
        // everything is started in the constructor (before the harness subscribes)
    }

    @Override
    public byte[] fire(long sequence) throws Exception {
        long now = rig.lastSequence();
        if (sequence > 0 && now != lastSequence + 1) {
            departures++;
        }
        lastSequence = now;
        VmMessage r = rig.host
                .request(AgentRig.NETFN_APP, 0, AgentRig.CMD_SET_ACPI, INPUTS[(int) (sequence % 2)])
                .get(5, TimeUnit.SECONDS);
        if (r.completionCode().value() != 0) {
            throw new IllegalStateException("Set ACPI Power State answered " + r.completionCode());
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        System.err.println("AcpiStimulus: fires that did not record exactly one event: " + departures + "; MQTT sent "
                + telemetry.sentEvents() + ", dropped " + telemetry.droppedEvents());
        telemetry.close();
        rig.close();
    }
}
