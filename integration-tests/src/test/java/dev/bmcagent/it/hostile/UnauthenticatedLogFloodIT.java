package dev.bmcagent.it.hostile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Floods the real agent's unauthenticated paths and measures the bytes it logs: 100,000 RMCP+ Open Session
 * requests offering cipher suite 0 (each refused "no cipher suite match") and 2,000 Redfish requests with bad Basic
 * credentials (401). A few lines per kind per 10 s and a count are allowed; the log must stay small.
 */
class UnauthenticatedLogFloodIT {
    static final int DATAGRAMS = 100_000;
    static final long MAX_LOG_GROWTH = 16 * 1024;

    @TempDir
    Path dir;

    /**
     * RMCP (06 00 FF 07), RMCP+ session header (auth type 06, payload 10h Open Session Request, session id 0,
     * sequence 0, length 32), then the request: tag, max privilege 04h, reserved, console session id, and the
     * authentication / integrity / confidentiality payloads all offering algorithm 0 (cipher suite 0: "none").
     */
    static byte[] openSessionCipherZero(int tag) {
        byte[] b = HexFormat.of()
                .parseHex("0600FF07" + "06" + "10" + "00000000" + "00000000" + "2000"
                        + "00" + "04" + "0000" + "A1B2C3D4"
                        + "0000000800000000" + "0100000800000000" + "0200000800000000");
        b[16] = (byte) tag;
        return b;
    }

    @Test
    void openSessionAndRedfish401FloodsLogAFewLines() throws Exception {
        try (AgentProcess agent = new AgentProcess(dir)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> agent.log().contains("Redfish service on"));
            long before = agent.logBytes();
            long answered = 0;
            long start = System.nanoTime();
            try (DatagramChannel ch = DatagramChannel.open()) {
                ch.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), agent.ipmiPort));
                ch.configureBlocking(false);
                ByteBuffer in = ByteBuffer.allocate(512);
                for (int i = 0; i < DATAGRAMS; i++) {
                    ch.write(ByteBuffer.wrap(openSessionCipherZero(i)));
                    if (i % 64 == 63) { // pace on the answers so the socket buffers keep up
                        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
                        while (answered < i - 256 && System.nanoTime() < deadline) {
                            in.clear();
                            if (ch.read(in) > 0) {
                                ++answered;
                            }
                        }
                    }
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (answered < DATAGRAMS * 9L / 10 && System.nanoTime() < deadline) {
                    in.clear();
                    if (ch.read(in) > 0) {
                        ++answered;
                    }
                }
            }
            System.out.println(String.format(
                    Locale.ROOT,
                    "Open Session flood: %d sent, %d answered in %d ms",
                    DATAGRAMS,
                    answered,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
            assertTrue(answered >= DATAGRAMS / 2, "the agent answered " + answered);

            Process curl = new ProcessBuilder(List.of(
                            "curl",
                            "-sk",
                            "-o",
                            "/dev/null",
                            "-w",
                            "%{http_code}\\n",
                            "-u",
                            "ghost:wrong-password",
                            "https://127.0.0.1:" + agent.redfishPort + "/redfish/v1/Systems/x[1-2000]"))
                    .redirectErrorStream(true)
                    .start();
            String codes = new String(curl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(curl.waitFor(120, TimeUnit.SECONDS));
            assertEquals(2000, codes.lines().filter("401"::equals).count(), codes.substring(0, 200));

            await().pollDelay(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> true);
            long growth = agent.logBytes() - before;
            String log = agent.log().substring((int) before);
            System.out.println(String.format(
                    Locale.ROOT,
                    "log growth during the floods: %d bytes%n%s",
                    growth,
                    log.length() > 3000 ? log.substring(0, 3000) + "..." : log));
            assertTrue(growth < MAX_LOG_GROWTH, "logged " + growth + " bytes");
            assertTrue(agent.alive());
        }
    }
}
