package dev.bmcagent.journal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of appending: every acknowledged record must be there after reopening, with its
 * payload, no corrupt record may be visible, and ids must continue above everything seen. Several runs
 * share one journal, each killed at a different point, so recovery is exercised on top of recovery.
 */
class JournalKillTest {
    private static final int RECORDS_PER_RUN = 10_000;
    private static final Pattern ACK = Pattern.compile("ACK (\\d+) (\\d+) (\\d+)");
    private static final Pattern PAYLOAD = Pattern.compile("run=(\\d+) i=(\\d+) .*", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void killNineLosesNoAcknowledgedRecord() throws Exception {
        Path journal = dir.resolve("kill.journal");
        Map<Long, byte[]> acknowledged = new TreeMap<>();
        long highestIdSeen = 0;
        int[] killAfter = {3000, 1, 1500, 4500};
        for (int run = 0; run < killAfter.length; run++) {
            // Even runs stop reading stdout at the kill point: the pipe fills and the child cannot finish,
            // so the kill is guaranteed mid-stream. Odd runs keep reading: the kill races the appends.
            boolean backpressure = run % 2 == 0;
            RunResult result = runAndKill(journal, run, killAfter[run], backpressure);
            if (backpressure) {
                assertTrue(result.killedMidway, "run " + run + " finished before it was killed");
            }
            System.out.printf(
                    java.util.Locale.ROOT,
                    "run %d: %d acks, killed midway: %s%n",
                    run,
                    result.acks.size(),
                    result.killedMidway);
            result.acks.forEach((id, i) -> acknowledged.put(id, JournalAppenderMain.payload(result.run, i)));

            try (Journal j = Journal.open(journal, JournalOptions.processCrashSafe())) {
                List<JournalRecord> all = j.read(0, Integer.MAX_VALUE);
                Map<Long, JournalRecord> byId = new TreeMap<>();
                long previous = 0;
                for (JournalRecord r : all) {
                    assertTrue(r.id() > previous, "ids increase");
                    previous = r.id();
                    assertWellFormed(r);
                    byId.put(r.id(), r);
                }
                for (Map.Entry<Long, byte[]> e : acknowledged.entrySet()) {
                    JournalRecord r = byId.get(e.getKey());
                    assertNotNull(r, "acknowledged id " + e.getKey() + " lost after run " + run);
                    assertArrayEquals(e.getValue(), r.payload(), "payload of id " + e.getKey());
                }
                highestIdSeen = Math.max(highestIdSeen, previous);
                long next = j.append("probe".getBytes(StandardCharsets.US_ASCII));
                assertTrue(next > highestIdSeen, "next id " + next + " must exceed " + highestIdSeen);
                highestIdSeen = next;
                acknowledged.put(next, "probe".getBytes(StandardCharsets.US_ASCII));
            }
        }
        assertTrue(acknowledged.size() > 3000 + 1 + 1500 + 4500, "acknowledged " + acknowledged.size());
    }

    /** Every visible record is either a probe or exactly what the child wrote for its (run, i). */
    private static void assertWellFormed(JournalRecord r) {
        String s = new String(r.payload(), StandardCharsets.US_ASCII);
        if (s.equals("probe")) {
            return;
        }
        Matcher m = PAYLOAD.matcher(s);
        assertTrue(m.matches(), "corrupt record visible: " + r);
        assertArrayEquals(
                JournalAppenderMain.payload(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                r.payload(),
                "corrupt payload in " + r);
    }

    private RunResult runAndKill(Path journal, int run, int killAfter, boolean backpressure) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        JournalAppenderMain.class.getName(),
                        journal.toString(),
                        Integer.toString(run),
                        Integer.toString(RECORDS_PER_RUN))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Map<Long, Integer> acks = new ConcurrentHashMap<>();
        AtomicInteger count = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            Matcher m = ACK.matcher(line);
                            if (m.matches()) {
                                acks.put(Long.parseLong(m.group(1)), Integer.parseInt(m.group(3)));
                                if (count.incrementAndGet() >= killAfter && backpressure) {
                                    return; // stop draining the pipe
                                }
                            } else if (line.equals("DONE")) {
                                done.set(true);
                            }
                        }
                    } catch (IOException e) {
                        // the stream breaks when the child is killed
                    }
                },
                "kill-test-reader-" + run);
        reader.start();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(1))
                .until(() -> count.get() >= killAfter || !p.isAlive());
        boolean aliveAtKill = p.isAlive();
        p.destroyForcibly();
        int exit = p.waitFor();
        reader.join(Duration.ofSeconds(10).toMillis());
        if (backpressure) {
            assertEquals(137, exit, "killed by SIGKILL");
        }
        return new RunResult(run, Map.copyOf(acks), aliveAtKill && !done.get());
    }

    private record RunResult(int run, Map<Long, Integer> acks, boolean killedMidway) {}
}
