package dev.bmcagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The suite's real clients are installed (the README test command installs them). */
class ToolchainIT {
    @Test
    void ipmitoolIsInstalled() throws IOException, InterruptedException {
        Process p =
                new ProcessBuilder("ipmitool", "-V").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
    }
}
