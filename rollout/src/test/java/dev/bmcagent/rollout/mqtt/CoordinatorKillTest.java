package dev.bmcagent.rollout.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.reboot.RebootRequest;
import dev.bmcagent.mqtt.telemetry.MosquittoBroker;
import dev.bmcagent.mqtt.telemetry.MqttRebootPermits;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three coordinator processes over a real Mosquitto (shared subscription for requests, the claim log for
 * decisions); 30 hosts in 3 racks want a reboot permit each, cap 5 (5 % of 100) and 3 per rack; each holds its
 * permit 300 ms then releases. After 8 hosts are done one coordinator is killed with SIGKILL (kill -9). Every host
 * still gets exactly one permit, no permit number is given twice, and never more than 5 (or 3 in a rack) are held.
 */
class CoordinatorKillTest {
    @TempDir
    Path dir;

    private final List<Process> coordinators = new ArrayList<>();

    @AfterEach
    void stop() {
        coordinators.forEach(Process::destroyForcibly);
    }

    private Process coordinator(String uri, String name, List<String> out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(
                        java, "-Xmx128m", "-cp", cp, CoordinatorMain.class.getName(), uri, name, "100", "5", "3", "30")
                .redirectErrorStream(true)
                .start();
        Thread t = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = r.readLine()) != null; ) {
                            out.add(name + ": " + line);
                        }
                    } catch (java.io.IOException e) {
                        // process gone
                    }
                },
                "out-" + name);
        t.setDaemon(true);
        t.start();
        coordinators.add(p);
        return p;
    }

    @Test
    void killingOneCoordinatorMidWaveLosesNoPermitAndGrantsNoneTwice() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
                SystemScheduler scheduler = new SystemScheduler("kill-test")) {
            List<String> out = new CopyOnWriteArrayList<>();
            List<Process> ps = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ps.add(coordinator(broker.uri(), "c" + i, out));
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> out.stream().filter(l -> l.contains("ready")).count() == 3);

            AtomicInteger held = new AtomicInteger();
            AtomicInteger maxHeld = new AtomicInteger();
            Map<String, AtomicInteger> perRack = new ConcurrentHashMap<>();
            AtomicInteger maxRack = new AtomicInteger();
            Map<String, Integer> grantsPerHost = new ConcurrentHashMap<>();
            Set<Long> seqs = ConcurrentHashMap.newKeySet();
            List<Long> allSeqs = new CopyOnWriteArrayList<>();
            AtomicInteger done = new AtomicInteger();
            Pattern seq = Pattern.compile("permit #(\\d+)");
            try (MqttRebootPermits permits =
                    new MqttRebootPermits(broker.uri(), "agents", h -> rack(h), scheduler, Duration.ofSeconds(1))) {
                permits.start();
                for (int h = 0; h < 30; h++) {
                    String host = "host" + h;
                    permits.request(new RebootRequest(host, "firmware BIOS"), answer -> {
                        int n = held.incrementAndGet();
                        maxHeld.accumulateAndGet(n, Math::max);
                        int r = perRack.computeIfAbsent(rack(host), k -> new AtomicInteger())
                                .incrementAndGet();
                        maxRack.accumulateAndGet(r, Math::max);
                        grantsPerHost.merge(host, 1, Integer::sum);
                        Matcher m = seq.matcher(answer.detail());
                        if (m.find()) {
                            allSeqs.add(Long.parseLong(m.group(1)));
                            seqs.add(Long.parseLong(m.group(1)));
                        }
                        scheduler.schedule(Duration.ofMillis(300), () -> {
                            perRack.get(rack(host)).decrementAndGet();
                            held.decrementAndGet();
                            permits.release(host);
                            done.incrementAndGet();
                        });
                    });
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> done.get() >= 8);
                Process victim = ps.get(0);
                victim.destroyForcibly(); // SIGKILL on Linux: no DISCONNECT, no cleanup
                assertTrue(victim.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
                assertEquals(137, victim.exitValue(), "killed by SIGKILL");
                int doneAtKill = done.get();
                await().atMost(Duration.ofSeconds(90)).until(() -> done.get() == 30);
                assertTrue(doneAtKill < 30, "the kill happened mid-wave");
            }
            assertEquals(30, grantsPerHost.size(), "every host got a permit");
            assertTrue(
                    grantsPerHost.values().stream().allMatch(n -> n == 1), "no host answered twice: " + grantsPerHost);
            assertEquals(30, allSeqs.size());
            assertEquals(30, seqs.size(), "no permit number given twice: " + allSeqs);
            assertTrue(maxHeld.get() <= 5, "held at once: " + maxHeld.get());
            assertTrue(maxHeld.get() >= 3, "permits were used concurrently: " + maxHeld.get());
            assertTrue(maxRack.get() <= 3, "held at once in a rack: " + maxRack.get());
        }
    }

    private static String rack(String host) {
        return "rack" + Integer.parseInt(host.substring(4)) / 10;
    }
}
