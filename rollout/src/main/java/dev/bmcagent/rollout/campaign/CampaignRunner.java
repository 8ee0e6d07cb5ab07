package dev.bmcagent.rollout.campaign;

import dev.bmcagent.common.time.Scheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs one campaign in waves: the canary wave first, then waves growing by {@link CampaignSpec#growth()}. A wave
 * starts every host at once through the {@link HostUpdater} (their reboots are paced by the permit coordinator, not
 * here); the next wave starts when every host of this one has an outcome. A wave whose failure rate passes
 * {@link CampaignSpec#haltFailureRate()} halts the campaign: no further host is started (so no further campaign
 * reboot) until {@link #resume()}, which continues with the next host in order. Hosts already on the targets are
 * skipped without a reboot. Every change is reported to {@code onChange} (the retained state document).
 * Calls are serialised by {@code synchronized}; updaters may answer on any thread.
 */
public final class CampaignRunner {
    private final CampaignSpec spec;
    private final HostUpdater updater;
    private final HostFirmwareVersions versions;
    private final Scheduler scheduler;
    private final Consumer<CampaignState> onChange;
    private final Map<String, Scheduler.Cancellable> inFlight = new LinkedHashMap<>();
    private final Map<String, Integer> waveOfHost = new HashMap<>();
    private final List<WaveReport> waves = new ArrayList<>();
    private final Map<HostOutcome.Failure, Integer> waveFailures = new EnumMap<>(HostOutcome.Failure.class);
    private CampaignStatus status = CampaignStatus.PENDING;
    private int nextHost;
    private int waveStartHost;
    private int waveSkipped;
    private int wave;
    private int succeeded;
    private int failed;
    private int skipped;
    private int waveHosts;
    private int waveOk;
    private Instant waveStart;

    public CampaignRunner(
            CampaignSpec spec,
            HostUpdater updater,
            HostFirmwareVersions versions,
            Scheduler scheduler,
            Consumer<CampaignState> onChange) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.updater = Objects.requireNonNull(updater, "updater");
        this.versions = Objects.requireNonNull(versions, "versions");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
    }

    /**
     * Takes over a campaign from its last state document (another instance died): counts, finished waves and
     * status as recorded; the wave that was in flight is run again from its first host (its hosts' outcomes died
     * with the instance), as wave {@code state.wave()}. A RUNNING campaign continues at once; PAUSED and HALTED wait
     * for {@link #resume()}; DONE and ABORTED stay.
     */
    public static CampaignRunner takeOver(
            CampaignSpec spec,
            CampaignState state,
            HostUpdater updater,
            HostFirmwareVersions versions,
            Scheduler scheduler,
            Consumer<CampaignState> onChange) {
        if (!spec.name().equals(state.name())) {
            throw new IllegalArgumentException("state of " + state.name() + " for campaign " + spec.name());
        }
        CampaignRunner r = new CampaignRunner(spec, updater, versions, scheduler, onChange);
        List<Runnable> starts = List.of();
        synchronized (r) {
            r.nextHost = Math.min(state.waveStart(), spec.hosts().size());
            r.wave = state.wave();
            r.waves.addAll(state.waves());
            for (WaveReport w : state.waves()) { // outcomes of the wave in flight died with the old instance
                r.succeeded += w.succeeded();
                r.failed += w.failed();
            }
            r.skipped = state.skipped() - state.skippedInWave();
            r.status = state.status() == CampaignStatus.PENDING ? CampaignStatus.PENDING : state.status();
            if (r.status == CampaignStatus.RUNNING) {
                starts = r.nextWave();
            } else {
                r.publish();
            }
        }
        run(starts);
        return r;
    }

    /** Starts the canary wave. Only from PENDING. */
    public void start() {
        List<Runnable> starts;
        synchronized (this) {
            require(status == CampaignStatus.PENDING, "start");
            status = CampaignStatus.RUNNING;
            starts = nextWave();
        }
        run(starts);
    }

    /** The wave in flight finishes; no new wave starts until {@link #resume()}. */
    public synchronized void pause() {
        require(status == CampaignStatus.RUNNING, "pause");
        status = CampaignStatus.PAUSED;
        publish();
    }

    /** Continues a paused or halted campaign with the next host in order (a halted wave's failed hosts stay failed). */
    public void resume() {
        List<Runnable> starts = List.of();
        synchronized (this) {
            require(status == CampaignStatus.PAUSED || status == CampaignStatus.HALTED, "resume");
            status = CampaignStatus.RUNNING;
            if (inFlight.isEmpty()) {
                starts = nextWave();
            } else {
                publish();
            }
        }
        run(starts);
    }

    /** No host is started any more; hosts in flight finish and are counted. */
    public synchronized void abort() {
        require(status != CampaignStatus.DONE && status != CampaignStatus.ABORTED, "abort");
        status = CampaignStatus.ABORTED;
        publish();
    }

    public synchronized CampaignState state() {
        boolean between = inFlight.isEmpty();
        return new CampaignState(
                spec.name(),
                status,
                between ? nextHost : waveStartHost,
                nextHost,
                wave,
                succeeded,
                failed,
                skipped,
                between ? 0 : waveSkipped,
                waves);
    }

    /** The wave {@code hostId} was started in, or -1 (not started, or skipped). */
    public synchronized int waveOf(String hostId) {
        return waveOfHost.getOrDefault(hostId, -1);
    }

    public CampaignSpec spec() {
        return spec;
    }

    private List<Runnable> nextWave() {
        List<Runnable> starts = new ArrayList<>();
        while (starts.isEmpty()) {
            if (nextHost >= spec.hosts().size()) {
                status = CampaignStatus.DONE;
                publish();
                return starts;
            }
            int size = spec.waveSize(wave);
            waveStartHost = nextHost;
            waveSkipped = 0;
            waveHosts = 0;
            waveOk = 0;
            waveFailures.clear();
            waveStart = scheduler.clock().instant();
            while (waveHosts < size && nextHost < spec.hosts().size()) {
                String host = spec.hosts().get(nextHost++);
                if (versions.onTargets(host, spec.targets())) {
                    skipped++;
                    waveSkipped++;
                    continue;
                }
                waveHosts++;
                waveOfHost.put(host, wave);
                Scheduler.Cancellable deadline = scheduler.schedule(
                        spec.hostDeadline(),
                        () -> finished(HostOutcome.failed(
                                host, HostOutcome.Failure.DEADLINE, "not finished within " + spec.hostDeadline())));
                inFlight.put(host, deadline);
                starts.add(() -> updater.update(host, spec, this::finished));
            }
        }
        publish();
        return starts;
    }

    private void finished(HostOutcome outcome) {
        List<Runnable> starts = List.of();
        synchronized (this) {
            Scheduler.Cancellable deadline = inFlight.remove(outcome.hostId());
            if (deadline == null) {
                return; // late answer after the deadline, or a repeat: already counted
            }
            deadline.cancel();
            if (outcome.ok()) {
                succeeded++;
                waveOk++;
            } else {
                failed++;
                waveFailures.merge(outcome.failure(), 1, Integer::sum);
            }
            if (inFlight.isEmpty()) {
                starts = waveEnded();
            }
        }
        run(starts);
    }

    private List<Runnable> waveEnded() {
        WaveReport r = new WaveReport(
                wave,
                waveHosts,
                waveOk,
                waveFailures,
                waveStart,
                scheduler.clock().instant(),
                false);
        boolean halt = r.failureRate() > spec.haltFailureRate();
        if (halt) {
            r = new WaveReport(r.index(), r.hosts(), r.succeeded(), r.failures(), r.started(), r.ended(), true);
        }
        waves.add(r);
        wave++;
        if (halt && status != CampaignStatus.ABORTED) {
            status = CampaignStatus.HALTED;
        }
        if (status != CampaignStatus.RUNNING) {
            publish();
            return List.of();
        }
        return nextWave();
    }

    private void publish() {
        onChange.accept(state());
    }

    private static void run(List<Runnable> starts) {
        starts.forEach(Runnable::run);
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("cannot " + what + " a campaign that is " + status);
        }
    }
}
