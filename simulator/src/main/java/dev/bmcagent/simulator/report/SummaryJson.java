package dev.bmcagent.simulator.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bmcagent.simulator.bmc.AgentEventTally;
import dev.bmcagent.simulator.fleet.DurationStats;
import dev.bmcagent.simulator.fleet.FleetResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code summary.json}: the printed summary as data. Durations are in seconds. */
public final class SummaryJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {}

    public static Map<String, Object> tree(SimulationReport r) {
        SimulationSettings s = r.settings();
        FleetResult f = r.fleet();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("scenario", s.scenario());
        settings.put("hosts", s.hosts());
        settings.put("seed", s.seed());
        settings.put("profile", s.profile());
        settings.put("bootOrder", s.bootOrder());
        settings.put("declaredOrder", s.declaredOrder());
        settings.put("upgrades", s.upgrades());
        settings.put("forcePriority", s.forcePriority());
        settings.put("gating", s.gating());
        settings.put("fanPolicy", s.fanPolicy());
        RunFlags flags = r.flags();
        settings.put("nics", flags.nics());
        settings.put("biosUpdate", flags.biosUpdate());
        settings.put("bootOrderWriteLost", flags.bootOrderWriteLost());
        settings.put("brokenSensor", flags.brokenSensor().orElse(null));
        settings.put("sensorPollSeconds", seconds(flags.sensorPoll()));
        settings.put("faults", flags.faults());
        settings.put("reportHost", r.sampleHost());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("settings", settings);
        out.put("finishedHosts", f.finishedHosts());
        out.put("stuckHosts", f.stuckHosts());
        out.put("measuredBoots", r.measuredBoots());
        out.put("bootTimeSeconds", stats(f.bootTime()));
        out.put("cycleTimeSeconds", stats(f.cycleTime()));
        Map<String, Object> dead = new LinkedHashMap<>();
        dead.put("total", seconds(f.deadInterfaceTime()));
        dead.put("perBoot", seconds(r.deadPerBoot()));
        dead.put("perCycle", seconds(r.deadPerCycle()));
        out.put("deadInterfaceSeconds", dead);
        Map<String, Object> reapply = new LinkedHashMap<>();
        reapply.put("total", seconds(f.reapplyTime()));
        reapply.put("perCycle", seconds(r.reapplyPerCycle()));
        out.put("reapplyPostSeconds", reapply);
        out.put("lostPerCycleSeconds", seconds(r.lostPerCycle()));
        out.put("bootsWithMissingDimms", f.bootsWithMissingDimms());
        out.put("missingDimmPercent", r.missingDimmPercent());
        out.put("smbusCollisions", f.smbusCollisions());
        out.put("failedSpdReads", f.failedSpdReads());
        out.put("agent", counts(r.agent()));
        out.put("host", counts(r.host()));
        out.put("agentAndHostsAgree", r.sidesAgree());
        out.put("virtualTimeSeconds", seconds(f.virtualTime()));
        out.put("events", f.events());
        out.put("wallSeconds", seconds(r.wallTime()));
        out.put("hostResults", r.hostResults().stream().map(SummaryJson::host).toList());
        return out;
    }

    public static void write(SimulationReport r, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), tree(r));
    }

    private static Map<String, Object> host(HostResult h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", h.index());
        m.put("faults", h.faults());
        m.put("boots", h.boots());
        m.put("bootsToOs", h.bootsToOs());
        m.put("lastOutcome", h.lastOutcome());
        m.put("deadInterfaceSeconds", seconds(h.deadInterfaceTime()));
        m.put("bootsWithMissingDimms", h.bootsWithMissingDimms());
        m.put("longestBootSeconds", seconds(h.longestBoot()));
        return m;
    }

    private static Map<String, Object> stats(DurationStats d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", d.count());
        m.put("median", seconds(d.median()));
        m.put("p95", seconds(d.p95()));
        m.put("max", seconds(d.max()));
        return m;
    }

    private static Map<String, Object> counts(AgentEventTally.Counts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("failSafeEntries", c.failSafeEntries());
        m.put("stuckAlerts", c.stuckAlerts());
        m.put("reconcileReboots", c.reconcileReboots());
        m.put("bootOrderAlarms", c.bootOrderAlarms());
        return m;
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
