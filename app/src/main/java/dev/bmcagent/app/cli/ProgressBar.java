package dev.bmcagent.app.cli;

import dev.bmcagent.simulator.fleet.Fleet;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * The fleet's progress on stderr: a bar redrawn in place on a terminal, or a plain line every 10 % of hosts done
 * (and at most every 30 virtual minutes) otherwise. Virtual time and hosts done.
 */
final class ProgressBar implements Fleet.Progress {
    private static final int WIDTH = 40;
    private final PrintWriter err;
    private final boolean terminal;
    private int lastDecile = -1;
    private long lastPlainMinute = -1;

    ProgressBar(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void update(Duration virtual, int done, int hosts) {
        if (terminal) {
            int filled = done * WIDTH / hosts;
            err.print(String.format(
                    Locale.ROOT,
                    "\r[%s%s] %d/%d hosts done, virtual time %s ",
                    "#".repeat(filled),
                    ".".repeat(WIDTH - filled),
                    done,
                    hosts,
                    hms(virtual)));
            if (done == hosts) {
                err.println();
            }
            err.flush();
            return;
        }
        int decile = done * 10 / hosts;
        long minute = virtual.toMinutes();
        if (decile != lastDecile || minute - lastPlainMinute >= 30) {
            lastDecile = decile;
            lastPlainMinute = minute;
            err.println(String.format(
                    Locale.ROOT, "progress: %d/%d hosts done, virtual time %s", done, hosts, hms(virtual)));
            err.flush();
        }
    }

    private static String hms(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
