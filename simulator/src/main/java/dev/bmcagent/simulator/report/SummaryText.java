package dev.bmcagent.simulator.report;

import dev.bmcagent.simulator.bmc.AgentEventTally;
import dev.bmcagent.simulator.fleet.DurationStats;
import dev.bmcagent.simulator.fleet.FleetResult;
import java.time.Duration;
import java.util.Locale;

/** The summary table {@code bmc simulate} prints. */
public final class SummaryText {

    private SummaryText() {}

    public static String render(SimulationReport r) {
        SimulationSettings s = r.settings();
        FleetResult f = r.fleet();
        StringBuilder b = new StringBuilder();
        line(
                b,
                "scenario %s: %d hosts, seed %d, profile %s, boot order %s, gating %s, fan policy %s%s%s",
                s.scenario(),
                s.hosts(),
                s.seed(),
                s.profile(),
                s.bootOrder(),
                onOff(s.gating()),
                onOff(s.fanPolicy()),
                s.upgrades() > 1 ? ", " + s.upgrades() + " upgrades" : "",
                s.forcePriority() ? ", force priority" : "");
        RunFlags flags = r.flags();
        line(
                b,
                "nics %d, bios-update %s, sensor poll %s%s%s",
                flags.nics(),
                flags.biosUpdate(),
                flags.sensorPoll(),
                flags.bootOrderWriteLost() ? ", boot-order writes lost" : "",
                flags.brokenSensor().map(n -> ", broken sensor " + n).orElse(""));
        if (!flags.faults().isEmpty()) {
            line(b, "faults: %s", String.join(" ", flags.faults()));
        }
        line(
                b,
                "hosts: %d finished, %d stuck; %d boots to the OS (%d measured boots in all)",
                f.finishedHosts(),
                f.stuckHosts(),
                f.bootTime().count(),
                r.measuredBoots());
        line(b, "");
        line(b, "%-34s %9s %9s %9s", "", "median", "p95", "max");
        stats(b, "per boot (power-on/reset to OS)", f.bootTime());
        stats(b, "per cycle (whole scenario)", f.cycleTime());
        line(b, "");
        line(
                b,
                "%-34s %s total, %s per boot, %s per cycle",
                "time lost to dead interfaces",
                hms(f.deadInterfaceTime()),
                hms(r.deadPerBoot()),
                hms(r.deadPerCycle()));
        line(
                b,
                "%-34s %s total, %s per cycle",
                "POST repeated to re-apply order",
                hms(f.reapplyTime()),
                hms(r.reapplyPerCycle()));
        line(b, "%-34s %s per cycle", "lost in all (dead + re-apply)", hms(r.lostPerCycle()));
        line(
                b,
                "%-34s %d of %d (%.2f %%)",
                "boots with missing DIMMs",
                f.bootsWithMissingDimms(),
                r.measuredBoots(),
                r.missingDimmPercent());
        line(b, "%-34s %d (SPD reads corrupted: %d)", "SMBus collisions", f.smbusCollisions(), f.failedSpdReads());
        line(b, "");
        line(b, "%-34s %14s %14s", "", "agent (events)", "host (records)");
        AgentEventTally.Counts a = r.agent();
        AgentEventTally.Counts h = r.host();
        counts(b, "fail-safe entries", a.failSafeEntries(), h.failSafeEntries());
        counts(b, "stuck-before-OS alerts", a.stuckAlerts(), h.stuckAlerts());
        counts(b, "boot-order reconcile reboots", a.reconcileReboots(), h.reconcileReboots());
        counts(b, "boot-order alarms", a.bootOrderAlarms(), h.bootOrderAlarms());
        line(b, "%-34s %s", "agent and hosts agree", r.sidesAgree() ? "yes" : "NO");
        line(b, "");
        for (HostResult one : r.hostResults()) {
            if (!one.faults().isEmpty()) {
                line(
                        b,
                        "host%d (%s): %d/%d boots to the OS, last %s, %s lost to dead interfaces, %d with missing "
                                + "DIMMs, longest boot %s",
                        one.index(),
                        String.join(" ", one.faults()),
                        one.bootsToOs(),
                        one.boots(),
                        one.lastOutcome(),
                        hms(one.deadInterfaceTime()),
                        one.bootsWithMissingDimms(),
                        hms(one.longestBoot()));
            }
        }
        line(
                b,
                "virtual time %s, %d events, wall %.1f s",
                hms(f.virtualTime()),
                f.events(),
                r.wallTime().toMillis() / 1000.0);
        return b.toString();
    }

    private static void stats(StringBuilder b, String name, DurationStats d) {
        line(b, "%-34s %9s %9s %9s", name, hms(d.median()), hms(d.p95()), hms(d.max()));
    }

    private static void counts(StringBuilder b, String name, long agent, long host) {
        line(b, "%-34s %14d %14d", name, agent, host);
    }

    private static void line(StringBuilder b, String format, Object... args) {
        b.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }

    private static String onOff(boolean v) {
        return v ? "on" : "off";
    }

    /** H:MM:SS. */
    public static String hms(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
