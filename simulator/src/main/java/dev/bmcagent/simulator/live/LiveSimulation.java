package dev.bmcagent.simulator.live;

import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.simulator.firmware.FirmwareComponent;
import dev.bmcagent.simulator.host.HostConfig;
import dev.bmcagent.simulator.host.SimulatedHost;
import dev.bmcagent.simulator.time.LivePacer;
import dev.bmcagent.simulator.time.VirtualScheduler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Live mode for {@code bmc demo}: M simulated hosts, each connected to the agent's host interface on
 * 127.0.0.1:{@code basePort + i} over TCP ({@link VmHostLink}), paced at {@code timeScale} simulated seconds per
 * real second, booting in a loop: power on, UEFI (S2_D2, progress, network boot), OS (S0), and after
 * {@code uptime} an OS reboot; every {@code flashEvery}-th reboot first flashes the BIOS (which scrambles the boot
 * order, so the agent's reconcile shows up). Real ipmitool/curl/MQTT clients see the agent follow along.
 *
 * <pre>{@code
 * try (LiveSimulation sim = LiveSimulation.start(LiveSimulation.Options.defaults(3, 9002), realScheduler)) {
 *     ... // until the demo stops
 * }
 * }</pre>
 * The hosts power themselves on (an operator's power button), staggered by {@code stagger}; once the agent has
 * them, {@code ipmitool chassis power off/on/reset} act on them through the host interface.
 *
 * <p>The hosts' sensors and fans are not on the host interface (a real BMC reads them over its own SMBus/I2C and
 * PECI): an agent that runs in the same JVM wires them in as the hosts' hardware. For that, {@link #prepare} the
 * simulation, hand {@link #hardware(int)} to the agent's runtime when it builds its host nodes, and
 * {@link #connect} once the agent's host interface listens (what {@code bmc demo}'s {@code DemoWorld} does).
 */
public final class LiveSimulation implements AutoCloseable {

    /**
     * How the live simulation runs.
     *
     * @param hosts      number of simulated hosts (host i connects to {@code basePort + i})
     * @param basePort   the agent's host-interface port for host 0 (default 9002)
     * @param timeScale  simulated seconds per real second (e.g. 10)
     * @param uptime     OS uptime (virtual) before the next reboot
     * @param stagger    virtual delay between two hosts' first power-on
     * @param flashEvery every n-th reboot flashes the BIOS first; 0 = never
     * @param seed       seed for the hosts' timing jitter
     * @param host       every host's configuration
     */
    public record Options(
            int hosts,
            int basePort,
            double timeScale,
            Duration uptime,
            Duration stagger,
            int flashEvery,
            long seed,
            HostConfig host) {
        public Options {
            Objects.requireNonNull(uptime, "uptime");
            Objects.requireNonNull(stagger, "stagger");
            Objects.requireNonNull(host, "host");
            if (hosts < 1 || basePort < 1 || basePort + hosts > 0xFFFF || flashEvery < 0) {
                throw new IllegalArgumentException("bad hosts, basePort or flashEvery");
            }
        }

        /** {@code hosts} default hosts, time scale 10, 2 min uptime, 20 s stagger, BIOS flash every 3rd reboot. */
        public static Options defaults(int hosts, int basePort) {
            return new Options(
                    hosts,
                    basePort,
                    10,
                    Duration.ofMinutes(2),
                    Duration.ofSeconds(20),
                    3,
                    1,
                    HostConfig.builder().build());
        }
    }

    private final VirtualScheduler virtual = new VirtualScheduler();
    /** Held by the pacer while a tick runs, and by the agent's sensor reads ({@link LiveSensorBus}). */
    private final ReentrantLock steps = new ReentrantLock();

    private final SystemScheduler timers = new SystemScheduler("live-sim-timeouts");
    private final List<SimulatedHost> hosts = new ArrayList<>();
    private final List<VmHostLink> links = new ArrayList<>();
    private final Options options;
    private LivePacer pacer;

    private LiveSimulation(Options options) {
        this.options = options;
    }

    /**
     * Connects every host to the agent (which must be listening), then starts pacing on {@code real}.
     * Throws {@link IllegalStateException} if a host cannot connect (nothing is left running then).
     */
    public static LiveSimulation start(Options options, Scheduler real) {
        Objects.requireNonNull(real, "real");
        LiveSimulation sim = prepare(options);
        sim.connect(real);
        return sim;
    }

    /**
     * Builds the hosts (their boot loops scheduled, nothing running yet): their {@link #hardware} can be wired into
     * an agent before it starts; then {@link #connect}. {@link #close()} releases a prepared simulation too.
     */
    public static LiveSimulation prepare(Options options) {
        Objects.requireNonNull(options, "options");
        LiveSimulation sim = new LiveSimulation(options);
        SplittableRandom seeds = new SplittableRandom(options.seed());
        for (int i = 0; i < options.hosts(); i++) {
            SimulatedHost host = new SimulatedHost(i, options.host(), seeds.nextLong(), sim.virtual);
            VmHostLink link = new VmHostLink(sim.timers, sim.virtual);
            sim.links.add(link);
            host.attach(link);
            sim.hosts.add(host);
            sim.loop(host, i);
        }
        return sim;
    }

    /**
     * Host {@code index}'s sensors and fans as its BMC sees them: {@code SimulatedHost.sensorSpecs()} (the DIMM
     * temperatures gated {@code NOT_DURING_FIRMWARE_INIT}, host-powered ones {@code HOST_ON}), its sensor bus read
     * between pacing ticks ({@link LiveSensorBus}: why that is safe from the agent's threads), and its fans
     * ({@code SimFans} is thread-safe).
     */
    public HostHardware hardware(int index) {
        SimulatedHost host = hosts.get(index);
        return new HostHardware(host.sensorSpecs(), new LiveSensorBus(host.sensorBus(), steps), host.fans());
    }

    /**
     * Connects host i to the agent's host interface at 127.0.0.1:{@code basePort + i}, then paces the simulation
     * on {@code real}. Once. Throws {@link IllegalStateException} if a host cannot connect (nothing is left running
     * then).
     */
    public synchronized void connect(Scheduler real) {
        connect(real, InetAddress.getLoopbackAddress());
    }

    /** As {@link #connect(Scheduler)}, to the host interface listening on {@code agent} (e.g. ::1 or 127.0.0.2). */
    public synchronized void connect(Scheduler real, InetAddress agent) {
        Objects.requireNonNull(real, "real");
        Objects.requireNonNull(agent, "agent");
        if (pacer != null || links.isEmpty()) {
            throw new IllegalStateException("already connected, or closed");
        }
        try {
            for (int i = 0; i < hosts.size(); i++) {
                links.get(i).connect(new InetSocketAddress(agent, options.basePort() + i), hosts.get(i));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        pacer = LivePacer.start(virtual, real, options.timeScale(), LivePacer.DEFAULT_TICK, steps);
    }

    private void loop(SimulatedHost host, int index) {
        int[] reboots = {0};
        host.onOsRunning(record -> virtual.schedule(options.uptime(), () -> {
            reboots[0]++;
            if (options.flashEvery() > 0 && reboots[0] % options.flashEvery() == 0) {
                host.flash(FirmwareComponent.BIOS);
            }
            host.reboot();
        }));
        virtual.schedule(options.stagger().multipliedBy(index), host::powerOn);
    }

    /** The simulated hosts (read their boot records, faults...; mutate only through {@link #onSimulation}). */
    public List<SimulatedHost> hosts() {
        return List.copyOf(hosts);
    }

    /**
     * Stages a firmware image on host {@code index} for a campaign step (the agent's {@code FirmwareStager}):
     * {@code component} "BIOS" with version "SIM-BIOS 1.&lt;n&gt;" or "NIC0" with "SIM-UNDI 20.&lt;n&gt;"; it takes effect
     * at the host's next boot. Waits (at most 5 s) until the simulation's thread has staged it; false for anything
     * else.
     */
    public boolean stage(int index, String component, String version) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(SIM-BIOS 1|SIM-UNDI 20)\\.(\\d{1,6})")
                .matcher(version);
        if (index < 0 || index >= hosts.size() || !m.matches()) {
            return false;
        }
        FirmwareComponent c;
        if (component.equals("BIOS") && m.group(1).equals("SIM-BIOS 1")) {
            c = FirmwareComponent.BIOS;
        } else if (component.equals("NIC0") && m.group(1).equals("SIM-UNDI 20")) {
            c = FirmwareComponent.NIC;
        } else {
            return false;
        }
        int revision = Integer.parseInt(m.group(2));
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        onSimulation(() -> {
            hosts.get(index).flashRevision(c, revision);
            done.complete(null);
        });
        try {
            done.get(5, java.util.concurrent.TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** Runs {@code action} on the simulation's thread at its next step (e.g. to inject a fault). */
    public void onSimulation(Runnable action) {
        virtual.schedule(Duration.ZERO, action);
    }

    /** Virtual time since the simulation started. */
    public Duration virtualElapsed() {
        return virtual.elapsed();
    }

    /** Stops pacing and disconnects every host (the agent sees them disconnect). Idempotent. */
    @Override
    public synchronized void close() {
        if (pacer != null) {
            pacer.close();
            pacer = null;
        }
        for (VmHostLink link : links) {
            try {
                link.close();
            } catch (RuntimeException e) {
                // closing a link that never connected
            }
        }
        links.clear();
        timers.close();
    }
}
