package dev.bmcagent.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RealClientTest {
    static LanTestServer bmc;

    @BeforeAll
    static void start() {
        bmc = LanTestServer.started();
    }

    @AfterAll
    static void stop() {
        bmc.close();
    }

    record Run(int exit, String output, long millis) {
    }

    static Run run(String... cmd) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", cmd));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.exitValue(), out, (System.nanoTime() - t0) / 1_000_000);
    }

    Run ipmitool(String... extra) throws IOException, InterruptedException {
        String[] base = {"ipmitool", "-I", "lanplus", "-H", "127.0.0.1", "-p", Integer.toString(bmc.port()), "-U",
            "admin", "-P", "secret"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return run(all);
    }

    @Test
    void ipmitoolPlainMcInfo() throws Exception {
        Run r0 = ipmitool("-vvv", "mc", "info");
        System.out.println(r0);
        Run r = ipmitool("mc", "info");
        System.out.println(r);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Firmware Revision         : 1.23"), r.output());
        assertTrue(r.millis() < 1000, "took " + r.millis() + " ms");
    }
}
