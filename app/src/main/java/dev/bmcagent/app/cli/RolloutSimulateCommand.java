package dev.bmcagent.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.bmcagent.simulator.report.RolloutChart;
import dev.bmcagent.simulator.rollout.CampaignResult;
import dev.bmcagent.simulator.rollout.CampaignSettings;
import dev.bmcagent.simulator.rollout.CampaignSimulation;
import dev.bmcagent.simulator.rollout.RebootTracker;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bmc rollout simulate}: a BIOS + BMC + NIC campaign (the BIOS update resets the boot order) on N simulated
 * hosts, coordinated (permits, waves) and, with {@code --compare}, uncoordinated on the same fleet; prints one
 * table row per run and writes rollout.svg (reboots in flight over time, per wave, side by side).
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Simulated firmware campaign under reboot permits on the virtual clock.",
            "Prints a table (one row per run) and writes rollout.svg into --out."
        })
public final class RolloutSimulateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--hosts", defaultValue = "1000", description = "Fleet size (default: ${DEFAULT-VALUE}).")
    private int hosts;

    @Option(
            names = "--cadence",
            defaultValue = "5",
            description = "At most this % of the fleet rebooting (default: ${DEFAULT-VALUE}).")
    private double cadence;

    @Option(
            names = "--compare",
            description = "Also run the same fleet uncoordinated (every host at once, no permits).")
    private boolean compare;

    @Option(
            names = "--out",
            defaultValue = "rollout-out",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() throws Exception {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.ERROR);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        CampaignSettings coordinated = CampaignSettings.defaults(hosts, true).withFleetPercent(cadence);
        List<CampaignResult> results = new ArrayList<>();
        List<Long> heaps = new ArrayList<>();
        results.add(CampaignSimulation.run(coordinated, System::nanoTime));
        heaps.add(peakHeap());
        if (compare) {
            System.gc();
            resetPeaks();
            results.add(CampaignSimulation.run(coordinated.withCoordinated(false), System::nanoTime));
            heaps.add(peakHeap());
        }
        stdout.println(
                "| run | hosts | status | campaign time (virtual) | peak reboots in flight | cap | reboots/host min–mean–max | succeeded | failed | not started (halted) | on targets + order | events | wall | peak heap used |");
        stdout.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        List<RolloutChart.Panel> panels = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            CampaignResult r = results.get(i);
            stdout.println(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %s | %d | %d | %d–%.2f–%d | %d | %d | %d | %d | %,d | %.1f s | %d MiB |",
                    r.settings().coordinated() ? "coordinated " + cadence + " %" : "uncoordinated",
                    r.settings().hosts(),
                    r.status(),
                    fmt(r.totalTime()),
                    r.peakInFlight(),
                    r.fleetCap(),
                    r.rebootsMin(),
                    r.rebootsMean(),
                    r.rebootsMax(),
                    r.succeeded(),
                    r.failed(),
                    r.notStarted(),
                    r.onTargetsAndOrder(),
                    r.events(),
                    r.wall().toMillis() / 1000.0,
                    heaps.get(i) >> 20));
            List<RolloutChart.Change> changes = new ArrayList<>();
            for (RebootTracker.Change c : r.changes()) {
                changes.add(new RolloutChart.Change(c.atNanos(), c.delta(), c.wave()));
            }
            long start = changes.isEmpty() ? 0 : changes.get(0).atNanos();
            panels.add(new RolloutChart.Panel(
                    r.settings().coordinated() ? "coordinated, " + cadence + " % cadence" : "uncoordinated",
                    changes,
                    start,
                    r.fleetCap()));
        }
        Files.createDirectories(out);
        Path svg = out.resolve("rollout.svg");
        Files.writeString(svg, RolloutChart.svg(panels), StandardCharsets.UTF_8);
        stdout.println("wrote " + svg);
        stdout.flush();
        CampaignResult c = results.get(0);
        return c.peakInFlight() <= c.fleetCap() && c.onTargetsAndOrder() == hosts ? 0 : 3;
    }

    private static String fmt(java.time.Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }
}
