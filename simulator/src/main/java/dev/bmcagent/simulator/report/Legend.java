package dev.bmcagent.simulator.report;

import dev.bmcagent.simulator.firmware.FirmwarePhase;
import java.util.Locale;

/** The timeline's colour key, as HTML under the chart (wraps by itself). */
final class Legend {

    private Legend() {}

    static String html(String[] phaseColours) {
        StringBuilder b = new StringBuilder("<div style=\"display:flex;flex-wrap:wrap;gap:6px 18px;font-size:13px;"
                + "margin:4px 0 0 " + 150 + "px\">");
        item(b, "#d9d9d9", "power-on");
        for (FirmwarePhase p : FirmwarePhase.values()) {
            if (p != FirmwarePhase.SETUP) {
                item(
                        b,
                        colour(p, phaseColours),
                        p.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        }
        b.append("</div><div style=\"display:flex;flex-wrap:wrap;gap:6px 18px;font-size:13px;margin:6px 0 0 150px\">");
        item(b, "#d62728", "network boot attempt failed (dead interface)");
        item(b, "#7f7f7f", "disk attempt failed");
        item(b, "#2ca02c", "boot option that booted");
        b.append("<span><span style=\"display:inline-block;width:3px;height:13px;background:#111;"
                + "vertical-align:-2px;margin-right:5px\"></span>OS running</span></div>\n");
        return b.toString();
    }

    /** A phase's colour: its place in the boot order picks the palette entry, so the legend matches the bars. */
    @SuppressWarnings("EnumOrdinal") // the declaration order is the boot order, which is what the palette follows
    static String colour(FirmwarePhase p, String[] palette) {
        return palette[p.ordinal() % palette.length];
    }

    private static void item(StringBuilder b, String colour, String label) {
        b.append("<span><span style=\"display:inline-block;width:12px;height:12px;background:")
                .append(colour)
                .append(";vertical-align:-1px;margin-right:5px\"></span>")
                .append(Svg.escape(label))
                .append("</span>");
    }
}
