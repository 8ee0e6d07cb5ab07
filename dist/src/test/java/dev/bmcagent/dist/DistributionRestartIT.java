package dev.bmcagent.dist;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.hostif.HostInterfaceClient;
import dev.bmcagent.hostif.VmMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14 section 3, graceful restart: the distribution's {@code bin/bmc agent} is stopped with SIGTERM while a
 * simulated host is booting and streaming platform events over the VM link, and started again on the same data
 * directory. The host behaves like QEMU's {@code ipmi-bmc-extern} with {@code reconnect=}: a request without an
 * answer (link gone: D2h) or refused (D2h, C0h, C3h) is sent again once it is connected again. Every event the host
 * sent must be in the SEL exactly once, read with the real {@code ipmitool sel writeraw}.
 */
class DistributionRestartIT {
    private static final int EVENTS = 240;
    private static final int BEFORE_STOP = 60;

    @TempDir
    Path dir;

    /** Event i: an OEM sensor (C0h) event numbered by data2/data3, and every 10th a firmware progress code too. */
    private static List<byte[]> events() {
        List<byte[]> list = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            list.add(new byte[] {0x01, 0x04, (byte) 0xC0, 0x70, 0x6F, (byte) 0xA0, (byte) (i & 0xFF), (byte) (i >> 8)});
            if (i % 10 == 5) {
                int code = 1 + i / 10; // 01h..18h: distinct System Firmware Progress codes (table 42-3)
                list.add(new byte[] {0x01, 0x04, 0x0F, 0x05, 0x6F, (byte) 0xC2, (byte) code, (byte) 0xFF});
            }
        }
        return list;
    }

    @Test
    void everyHostEventIsInTheSelExactlyOnceAcrossASigtermRestart() throws Exception {
        Path home = Dist.extract(dir.resolve("bmc-agent"));
        AgentProcess agent = new AgentProcess(home, dir.resolve("run"));
        List<byte[]> events = events();
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        CountDownLatch stopping = new CountDownLatch(1);
        try (agent;
                SystemScheduler scheduler = new SystemScheduler("dist-it-host")) {
            agent.start();
            ReconnectingHost host = new ReconnectingHost(scheduler, agent.hostPort, retries);
            CompletableFuture<Void> boot = CompletableFuture.runAsync(() -> {
                try {
                    host.deliver(0x06, 0x06, new byte[] {(byte) 0x82, (byte) 0x82}); // S2_D2: firmware starts
                    for (int i = 0; i < events.size(); i++) {
                        if (i == BEFORE_STOP) {
                            stopping.await(); // the rest is sent while the agent stops and starts again
                        }
                        host.deliver(0x04, 0x02, events.get(i));
                        delivered.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } finally {
                    host.close();
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered.get() >= BEFORE_STOP || boot.isDone());
            long firstPid = agent.pid();
            Thread stopper = new Thread(() -> {
                try {
                    int status = agent.stop();
                    System.out.println("first agent (pid " + firstPid + ") exit status " + status);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            stopper.start();
            stopping.countDown();
            stopper.join(TimeUnit.SECONDS.toMillis(45));
            int atStop = delivered.get();
            agent.start(); // same ports, same data directory
            boot.get(120, TimeUnit.SECONDS);
            System.out.println("events delivered before the restart was complete: " + atStop + " of "
                    + events.size() + "; requests sent again after D2h/C0h/C3h or a lost link: " + retries.get()
                    + "; reconnects: " + host.reconnects);
            assertTrue(atStop < events.size(), "the restart did not happen mid-stream");

            Path raw = dir.resolve("sel.bin");
            List<String> argv = new ArrayList<>(agent.ipmitool("sel", "writeraw", raw.toString()));
            Dist.run(argv, Map.of());
            byte[] sel = Files.readAllBytes(raw);
            Map<String, Integer> counts = new HashMap<>();
            for (int off = 0; off + 16 <= sel.length; off += 16) {
                if ((sel[off + 2] & 0xFF) != 0x02) {
                    continue; // not a system event record
                }
                int sensorType = sel[off + 10] & 0xFF;
                int data1 = sel[off + 13] & 0xFF;
                if (sensorType == 0xC0 && sel[off + 11] == 0x70) {
                    counts.merge("oem " + ((sel[off + 14] & 0xFF) | (sel[off + 15] & 0xFF) << 8), 1, Integer::sum);
                } else if (sensorType == 0x0F && (data1 & 0x0F) == 0x02) {
                    counts.merge("progress " + (sel[off + 14] & 0xFF), 1, Integer::sum);
                }
            }
            List<String> wrong = new ArrayList<>();
            for (byte[] e : events) {
                String key = (e[2] & 0xFF) == 0xC0
                        ? "oem " + ((e[6] & 0xFF) | (e[7] & 0xFF) << 8)
                        : "progress " + (e[6] & 0xFF);
                int n = counts.getOrDefault(key, 0);
                if (n != 1) {
                    wrong.add(key + " x" + n);
                }
            }
            System.out.println("SEL: " + sel.length / 16 + " records, host events found: " + counts.size() + " of "
                    + events.size());
            assertEquals(List.of(), wrong, "host events not in the SEL exactly once");
            assertEquals(events.size(), counts.size());
            assertEquals(1, host.reconnects, "the host link was not re-established once");
        }
    }

    /** A host link that, like QEMU with {@code reconnect=}, connects again and repeats what was not answered. */
    private static final class ReconnectingHost {
        private final SystemScheduler scheduler;
        private final InetSocketAddress bmc;
        private final AtomicInteger retries;
        private HostInterfaceClient client;
        int reconnects;

        ReconnectingHost(SystemScheduler scheduler, int port, AtomicInteger retries) {
            this.scheduler = scheduler;
            this.bmc = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            this.retries = retries;
        }

        void deliver(int netFn, int cmd, byte[] data) {
            while (true) {
                ensureConnected();
                VmMessage r;
                try {
                    r = client.request(netFn, 0, cmd, data).get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    retries.incrementAndGet();
                    continue;
                }
                int cc = r.completionCode().value();
                if (cc == 0x00) {
                    return;
                }
                if (cc != 0xD2 && cc != 0xC0 && cc != 0xC3) {
                    throw new IllegalStateException("the BMC refused " + r);
                }
                retries.incrementAndGet();
                await().pollDelay(Duration.ofMillis(50)).until(() -> true); // the driver's retry interval
            }
        }

        private void ensureConnected() {
            if (client != null && client.isConnected()) {
                return;
            }
            if (client != null) {
                client.close();
                reconnects++;
            }
            client = new HostInterfaceClient(scheduler, VmCapabilities.QEMU, c -> {});
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        try {
                            client.connect(bmc);
                            return true;
                        } catch (IllegalStateException e) {
                            return false;
                        }
                    });
        }

        void close() {
            if (client != null) {
                client.close();
            }
        }
    }
}
