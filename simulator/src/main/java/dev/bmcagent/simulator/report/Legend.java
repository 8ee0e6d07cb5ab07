package dev.bmcagent.simulator.report;

import dev.bmcagent.simulator.firmware.BootPhase;
import java.util.Locale;

/** The timeline's colour key. */
final class Legend {

    private Legend() {
    }

    static void draw(Svg svg, double x, double y, String[] phaseColours) {
        double at = x;
        at = item(svg, at, y, "#d9d9d9", "power-on");
        for (BootPhase p : BootPhase.values()) {
            if (p == BootPhase.SETUP) {
                continue;
            }
            at = item(svg, at, y, phaseColours[p.ordinal() % phaseColours.length],
                    p.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        at = item(svg, x, y + 18, "#d62728", "network attempt failed");
        at = item(svg, at, y + 18, "#7f7f7f", "disk attempt failed");
        at = item(svg, at, y + 18, "#2ca02c", "boot option that booted");
        svg.line(at + 2, y + 10, at + 2, y + 22, "#111", 2, false);
        svg.text(at + 8, y + 20, "start", "#333", "OS running");
    }

    private static double item(Svg svg, double x, double y, String colour, String label) {
        svg.rect(x, y + 6, 12, 12, colour, null);
        svg.text(x + 16, y + 16, "start", "#333", label);
        return x + 24 + label.length() * 6.6;
    }
}
