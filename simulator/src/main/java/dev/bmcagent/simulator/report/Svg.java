package dev.bmcagent.simulator.report;

import java.util.Locale;

/** A tiny SVG writer: the elements the report draws, with text escaped. */
final class Svg {
    private final StringBuilder b = new StringBuilder();

    Svg(int width, int height) {
        b.append(f(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">%n",
                width, height, width, height));
    }

    Svg rect(double x, double y, double w, double h, String fill, String title) {
        b.append(f(
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
                x, y, Math.max(w, 0.5), h, fill));
        if (title != null) {
            b.append("<title>").append(escape(title)).append("</title>");
        }
        b.append("</rect>\n");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) {
        b.append(f(
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>%n",
                x1, y1, x2, y2, stroke, width, dashed ? " stroke-dasharray=\"4 3\"" : ""));
        return this;
    }

    Svg text(double x, double y, String anchor, String fill, String text) {
        b.append(f(
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">%s</text>%n",
                x, y, anchor, fill, escape(text)));
        return this;
    }

    Svg bold(double x, double y, String anchor, String text) {
        b.append(f(
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-weight=\"bold\" font-size=\"14\">%s</text>%n",
                x, y, anchor, escape(text)));
        return this;
    }

    String end() {
        return b + "</svg>\n";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
