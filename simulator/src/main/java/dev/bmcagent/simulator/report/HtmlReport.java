package dev.bmcagent.simulator.report;

import dev.bmcagent.simulator.firmware.FirmwarePhase;
import dev.bmcagent.simulator.host.BootCause;
import dev.bmcagent.simulator.host.BootOutcome;
import dev.bmcagent.simulator.host.BootRecord;
import dev.bmcagent.simulator.netboot.BootAttempt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (inline SVG, no scripts, no external files) with the key numbers,
 * one host's boot timeline (a row per measured boot: firmware phases above, each boot-option attempt below) and
 * the fleet's boot-time histogram.
 */
public final class HtmlReport {
    static final int WIDTH = 1120;
    private static final int LEFT = 150;
    private static final int RIGHT = 30;
    private static final String[] PHASE_COLOURS = {
        "#8da0cb", "#66c2a5", "#fc8d62", "#e78ac3", "#a6d854", "#ffd92f", "#e5c494", "#b3b3b3", "#80b1d3", "#bc80bd"
    };

    private HtmlReport() {}

    public static void write(SimulationReport r, Path file) throws IOException {
        Files.writeString(file, render(r), StandardCharsets.UTF_8);
    }

    public static String render(SimulationReport r) {
        SimulationSettings s = r.settings();
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>bmc simulate: ")
                .append(Svg.escape(s.scenario()))
                .append("</title>\n<style>")
                .append("body{font-family:Helvetica,Arial,sans-serif;margin:24px;color:#222;max-width:")
                .append(WIDTH)
                .append("px}h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:26px 0 6px}")
                .append("p.sub{color:#555;margin:0 0 14px}table{border-collapse:collapse;font-size:14px}")
                .append("td,th{padding:3px 14px 3px 0;text-align:left}td.n{text-align:right;font-variant-numeric:")
                .append("tabular-nums}th{border-bottom:1px solid #ccc}</style></head><body>\n");
        b.append("<h1>Fleet simulation: ")
                .append(Svg.escape(s.scenario()))
                .append(", ")
                .append(s.hosts())
                .append(" hosts</h1>\n<p class=\"sub\">")
                .append(Svg.escape(String.format(
                        Locale.ROOT,
                        "seed %d · firmware profile %s · boot order %s · DIMM gating %s · fan policy %s",
                        s.seed(),
                        s.profile(),
                        s.bootOrder(),
                        s.gating() ? "on" : "off",
                        s.fanPolicy() ? "on" : "off")))
                .append("</p>\n");
        RunFlags flags = r.flags();
        b.append("<p class=\"sub\">")
                .append(Svg.escape(String.format(
                        Locale.ROOT,
                        "NICs %d · BIOS update %s · sensor poll %s%s%s%s",
                        flags.nics(),
                        flags.biosUpdate(),
                        flags.sensorPoll(),
                        flags.bootOrderWriteLost() ? " · boot-order writes lost" : "",
                        flags.brokenSensor().map(n -> " · broken sensor " + n).orElse(""),
                        flags.faults().isEmpty() ? "" : " · faults " + String.join(" ", flags.faults()))))
                .append("</p>\n");
        b.append(keyNumbers(r));
        b.append(faultedHosts(r));
        b.append("<h2>Boot timeline of host ").append(r.sampleHost()).append("</h2>\n");
        b.append(timeline(r.sampleBoots(), r.sampleAlerts()));
        b.append("<h2>Boot time across the fleet (")
                .append(r.bootTimes().size())
                .append(" boots)</h2>\n");
        b.append(Histogram.svg(r.bootTimes(), r.fleet().bootTime()));
        b.append("</body></html>\n");
        return b.toString();
    }

    private static String keyNumbers(SimulationReport r) {
        var f = r.fleet();
        StringBuilder b = new StringBuilder("<table><tr><th></th><th>median</th><th>p95</th><th>max</th></tr>\n");
        b.append(row3(
                "per boot",
                f.bootTime().median(),
                f.bootTime().p95(),
                f.bootTime().max()));
        b.append(row3(
                "per cycle",
                f.cycleTime().median(),
                f.cycleTime().p95(),
                f.cycleTime().max()));
        b.append("</table><br><table>\n");
        b.append(row(
                "lost to dead interfaces, per boot / per cycle",
                SummaryText.hms(r.deadPerBoot()) + " / " + SummaryText.hms(r.deadPerCycle())));
        b.append(row("POST repeated to re-apply the boot order, per cycle", SummaryText.hms(r.reapplyPerCycle())));
        b.append(row("lost in all (dead + re-apply), per cycle", SummaryText.hms(r.lostPerCycle())));
        b.append(row(
                "boots with missing DIMMs",
                String.format(
                        Locale.ROOT,
                        "%d of %d (%.2f %%)",
                        f.bootsWithMissingDimms(),
                        r.measuredBoots(),
                        r.missingDimmPercent())));
        b.append(row("SMBus collisions", Long.toString(f.smbusCollisions())));
        b.append(row(
                "fail-safe entries (agent / host)",
                r.agent().failSafeEntries() + " / " + r.host().failSafeEntries()));
        b.append(row(
                "stuck alerts (agent / host)",
                r.agent().stuckAlerts() + " / " + r.host().stuckAlerts()));
        b.append(row(
                "reconcile reboots (agent / host)",
                r.agent().reconcileReboots() + " / " + r.host().reconcileReboots()));
        b.append(row(
                "boot-order alarms (agent / host)",
                r.agent().bootOrderAlarms() + " / " + r.host().bootOrderAlarms()));
        b.append(row("hosts finished / stuck", f.finishedHosts() + " / " + f.stuckHosts()));
        return b.append("</table>\n").toString();
    }

    /** The hosts a {@code --fault} applied to, one row each. */
    private static String faultedHosts(SimulationReport r) {
        StringBuilder b = new StringBuilder();
        for (HostResult h : r.hostResults()) {
            if (!h.faults().isEmpty()) {
                b.append("<tr><td>host")
                        .append(h.index())
                        .append("</td><td>")
                        .append(Svg.escape(String.join(" ", h.faults())))
                        .append("</td><td class=\"n\">")
                        .append(h.bootsToOs())
                        .append(" / ")
                        .append(h.boots())
                        .append("</td><td>")
                        .append(Svg.escape(h.lastOutcome()))
                        .append("</td><td class=\"n\">")
                        .append(SummaryText.hms(h.deadInterfaceTime()))
                        .append("</td><td class=\"n\">")
                        .append(h.bootsWithMissingDimms())
                        .append("</td></tr>\n");
            }
        }
        return b.isEmpty()
                ? ""
                : "<h2>Hosts with faults</h2>\n<table><tr><th>host</th><th>faults</th>"
                        + "<th>boots to OS</th><th>last boot</th><th>lost to dead interfaces</th>"
                        + "<th>boots with missing DIMMs</th></tr>\n" + b + "</table>\n";
    }

    private static String row3(String name, Duration a, Duration b, Duration c) {
        return "<tr><td>" + name + "</td><td class=\"n\">" + SummaryText.hms(a) + "</td><td class=\"n\">"
                + SummaryText.hms(b) + "</td><td class=\"n\">" + SummaryText.hms(c) + "</td></tr>\n";
    }

    private static String row(String name, String value) {
        return "<tr><td>" + Svg.escape(name) + "</td><td class=\"n\">" + Svg.escape(value) + "</td></tr>\n";
    }

    /** {@link #timeline(List, List)} without alerts. */
    static String timeline(List<BootRecord> boots) {
        return timeline(boots, List.of());
    }

    /**
     * One row per boot: phases as coloured bars, attempts below (red: dead interface, green: booted), the agent's
     * alerts raised during the boot as red markers with their kind.
     */
    static String timeline(List<BootRecord> boots, List<SimulationReport.AlertMark> alerts) {
        if (boots.isEmpty()) {
            return "<p>No measured boot.</p>\n";
        }
        Duration longest = Duration.ofMinutes(1);
        for (BootRecord r : boots) {
            Duration d = Duration.between(r.start(), end(r));
            longest = d.compareTo(longest) > 0 ? d : longest;
        }
        double minutes = Axis.niceMax(longest.toMillis() / 60000.0);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double scale = plotWidth / minutes;
        int rowHeight = 46;
        int top = 30;
        int height = top + rowHeight * boots.size() + 50;
        Svg svg = new Svg(WIDTH, height);
        double axisY = top + rowHeight * boots.size() + 4;
        for (double m : Axis.ticks(minutes)) {
            double x = LEFT + m * scale;
            svg.line(x, top - 6, x, axisY, "#e3e3e3", 1, false);
            svg.text(x, axisY + 16, "middle", "#444", Axis.label(m));
        }
        svg.text(LEFT + plotWidth / 2, axisY + 34, "middle", "#444", "minutes since power-on / reset");
        int row = 0;
        for (BootRecord r : boots) {
            double y = top + row * rowHeight;
            svg.text(LEFT - 10, y + 14, "end", "#222", "boot " + r.number() + " (" + cause(r) + ")");
            boolean resetByBmc = row + 1 < boots.size() && boots.get(row + 1).cause() == BootCause.HARD_RESET;
            svg.text(
                    LEFT - 10,
                    y + 30,
                    "end",
                    "#666",
                    r.bootTime()
                            .map(SummaryText::hms)
                            .orElse(
                                    resetByBmc
                                            ? "reset by the BMC"
                                            : r.outcome()
                                                    .name()
                                                    .toLowerCase(Locale.ROOT)
                                                    .replace('_', ' ')));
            Instant memory = r.phases().get(FirmwarePhase.MEMORY_INIT);
            if (memory != null && r.memoryInitialized() && r.dimmsDetected() < r.dimmsInstalled()) {
                // a DIMM loss: the boot came up with fewer DIMMs than installed (what missing-memory alerts on)
                double x = LEFT + Duration.between(r.start(), memory).toMillis() / 60000.0 * scale;
                svg.text(x, y - 3, "start", "#d62728", r.dimmsDetected() + " of " + r.dimmsInstalled() + " DIMMs");
            }
            if (resetByBmc) {
                double x = LEFT + Duration.between(r.start(), end(r)).toMillis() / 60000.0 * scale;
                // a hung boot reset by the stuck handling, or a reconcile reboot re-applying the boot order
                svg.text(
                        x + 4,
                        y + 13,
                        "start",
                        "#d62728",
                        r.outcome() == BootOutcome.HUNG_MEMORY_TRAINING
                                ? "stuck: reset by the BMC"
                                : "reset by the BMC");
            }
            List<Map.Entry<FirmwarePhase, Instant>> phases =
                    new ArrayList<>(r.phases().entrySet());
            phases.sort(Map.Entry.comparingByValue());
            Instant firstPhase = phases.isEmpty() ? end(r) : phases.get(0).getValue();
            bar(svg, r.start(), r.start(), firstPhase, y, 16, scale, "#d9d9d9", "power-on to firmware start");
            for (int i = 0; i < phases.size(); i++) {
                Instant from = phases.get(i).getValue();
                Instant to = i + 1 < phases.size() ? phases.get(i + 1).getValue() : end(r);
                FirmwarePhase p = phases.get(i).getKey();
                if (p == FirmwarePhase.READY_TO_BOOT && !r.attempts().isEmpty()) {
                    to = r.attempts().get(0).start();
                }
                bar(
                        svg,
                        r.start(),
                        from,
                        to,
                        y,
                        16,
                        scale,
                        Legend.colour(p, PHASE_COLOURS),
                        p.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
            for (BootAttempt a : r.attempts()) {
                String colour = a.succeeded() ? "#2ca02c" : a.option().isNetwork() ? "#d62728" : "#7f7f7f";
                bar(
                        svg,
                        r.start(),
                        a.start(),
                        a.start().plus(a.cost()),
                        y + 19,
                        14,
                        scale,
                        colour,
                        a.option().description() + ": " + a.outcome() + " (" + SummaryText.hms(a.cost()) + ")");
                double w = a.cost().toMillis() / 60000.0 * scale;
                if (!a.succeeded() && w > 70) {
                    double x = LEFT + Duration.between(r.start(), a.start()).toMillis() / 60000.0 * scale;
                    svg.text(x + w / 2, y + 30, "middle", "#fff", shortName(a));
                }
            }
            Instant next = row + 1 < boots.size() ? boots.get(row + 1).start() : Instant.MAX;
            int k = 0;
            for (SimulationReport.AlertMark a : alerts) {
                if (!a.at().isBefore(r.start()) && a.at().isBefore(next)) {
                    double x =
                            LEFT + Math.min(Duration.between(r.start(), a.at()).toMillis() / 60000.0, minutes) * scale;
                    svg.line(x, y - 2, x, y + 36, "#d62728", 2, false);
                    svg.text(x + 3, y + 44 - 9 * (k++ % 2), "start", "#d62728", "alert " + a.kind());
                }
            }
            r.osRunning().ifPresent(os -> {
                double x = LEFT + Duration.between(r.start(), os).toMillis() / 60000.0 * scale;
                svg.line(x, y - 2, x, y + 36, "#111", 2, false);
            });
            row++;
        }
        return svg.end() + Legend.html(PHASE_COLOURS);
    }

    private static void bar(
            Svg svg,
            Instant origin,
            Instant from,
            Instant to,
            double y,
            double h,
            double scale,
            String colour,
            String title) {
        double x = LEFT + Duration.between(origin, from).toMillis() / 60000.0 * scale;
        double w = Duration.between(from, to).toMillis() / 60000.0 * scale;
        svg.rect(x, y, w, h, colour, title);
    }

    private static String shortName(BootAttempt a) {
        String d = a.option().description();
        String proto = d.contains("iPXE") ? "iPXE" : d.contains("HTTP") ? "HTTP" : d.contains("PXE") ? "PXE" : "disk";
        String ip = !a.option().isNetwork() ? "" : a.option().ipv6() ? " v6" : " v4";
        return proto + ip + " ✗";
    }

    private static String cause(BootRecord r) {
        return switch (r.cause()) {
            case POWER_ON -> "power on";
            case WARM_RESET -> "OS reboot";
            case HARD_RESET -> "BMC reset";
            case POWER_RESTORED -> "power back";
            case PANIC -> "panic";
        };
    }

    private static Instant end(BootRecord r) {
        Instant end = r.osRunning().orElse(r.start());
        for (BootAttempt a : r.attempts()) {
            Instant e = a.start().plus(a.cost());
            end = e.isAfter(end) ? e : end;
        }
        for (Instant p : r.phases().values()) {
            end = p.isAfter(end) ? p : end;
        }
        return end;
    }
}
