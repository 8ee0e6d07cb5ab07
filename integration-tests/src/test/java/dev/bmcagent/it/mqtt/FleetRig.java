package dev.bmcagent.it.mqtt;

import dev.bmcagent.agent.runtime.BmcRuntime;
import dev.bmcagent.agent.runtime.RuntimeOptions;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.event.InMemoryEventHistory;
import dev.bmcagent.core.node.HostNode;
import dev.bmcagent.journal.Stores;
import dev.bmcagent.mqtt.telemetry.HostPhase;
import dev.bmcagent.mqtt.telemetry.MqttOptions;
import dev.bmcagent.mqtt.telemetry.MqttTelemetry;
import dev.bmcagent.simulator.host.HostConfig;
import dev.bmcagent.simulator.live.LiveSimulation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The agent as it runs with a fleet: a {@link BmcRuntime} with N hosts (their host interfaces on a block of
 * consecutive 127.0.0.1 ports, because {@link LiveSimulation} connects host i to {@code base + i}), events in an
 * {@link InMemoryEventHistory}, {@link MqttTelemetry} publishing to a broker, and N simulated hosts booting over
 * the host interface — each exactly once (the OS uptime before the next reboot is a virtual day).
 */
final class FleetRig implements AutoCloseable {
    static final String SITE = "lab1";
    static final String BMC = "bmc7";

    final SystemScheduler scheduler = new SystemScheduler("fleet-agent");
    final SystemScheduler simScheduler = new SystemScheduler("fleet-sim");
    final InMemoryEventHistory history = new InMemoryEventHistory();
    final BmcRuntime runtime;
    final List<String> hostIds;
    final int basePort;
    MqttTelemetry telemetry;
    LiveSimulation sim;

    FleetRig(Path dir, int hosts) throws IOException {
        BmcRuntime started = null;
        int base = 0;
        SplittableRandom random = new SplittableRandom();
        IOException last = null;
        for (int attempt = 0; attempt < 8 && started == null; attempt++) {
            // below the kernel's ephemeral range (32768+), where the hosts' own connections come from
            base = 10_000 + random.nextInt(20_000);
            if (!blockFree(base, hosts)) {
                continue;
            }
            RuntimeOptions o = RuntimeOptions.builder(hosts, dir)
                    .hostPort(base)
                    .selCapacity(64)
                    .build();
            try {
                started = BmcRuntime.builder(o, Stores.inMemory(Stores.DEFAULT_HISTORY_PER_HOST))
                        .history(history)
                        .start(scheduler, new SecureRandom());
            } catch (IOException e) {
                last = e;
            } catch (RuntimeException e) {
                last = new IOException(e);
            }
        }
        if (started == null) {
            close();
            throw last != null ? last : new IOException("no block of " + hosts + " free ports");
        }
        runtime = started;
        basePort = base;
        hostIds = runtime.nodes().stream().map(HostNode::hostId).toList();
    }

    private static boolean blockFree(int base, int n) {
        for (int p = base; p < base + n; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Starts publishing to {@code broker} (MQTT 5, QoS 1, acked sequences kept in {@code dataDir}). */
    MqttTelemetry publish(URI broker, Path dataDir) {
        MqttOptions o = MqttOptions.of(broker, SITE, BMC, dataDir)
                .withVersion(MqttOptions.Version.V5)
                .withStateRefresh(Duration.ZERO);
        telemetry = new MqttTelemetry(o, runtime.events(), history, id -> node(id).state(), hostIds, scheduler);
        telemetry.start();
        return telemetry;
    }

    /** Every host boots once: powered on {@code stagger} (virtual) apart, at {@code timeScale}. */
    LiveSimulation boot(double timeScale, Duration stagger) {
        sim = LiveSimulation.start(
                new LiveSimulation.Options(
                        hostIds.size(),
                        basePort,
                        timeScale,
                        Duration.ofDays(1),
                        stagger,
                        0,
                        42,
                        HostConfig.builder().build()),
                simScheduler);
        return sim;
    }

    HostNode node(String hostId) {
        return runtime.node(Integer.parseInt(hostId.substring("host".length())));
    }

    long hostsInOs() {
        return runtime.nodes().stream()
                .filter(n -> HostPhase.of(n.state()) == HostPhase.OS)
                .count();
    }

    long totalEvents() {
        long n = 0;
        for (String h : hostIds) {
            n += history.lastSequence(h);
        }
        return n;
    }

    long totalAcked() {
        long n = 0;
        for (String h : hostIds) {
            n += telemetry.ackedSequence(h);
        }
        return n;
    }

    /** Every (host, sequence) the history holds now, as {@code "<host>#<seq>"}. */
    List<String> allEvents() {
        List<String> all = new ArrayList<>();
        for (String h : hostIds) {
            history.read(h, 1, Integer.MAX_VALUE).forEach(e -> all.add(key(h, e.sequence())));
        }
        return all;
    }

    static String key(String hostId, long sequence) {
        return hostId + "#" + sequence;
    }

    @Override
    public void close() {
        if (sim != null) {
            sim.close();
        }
        if (telemetry != null) {
            telemetry.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        simScheduler.close();
        scheduler.close();
    }
}
