package dev.bmcagent.it.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients logging in at the same time from one address. {@code IpmiLanOptions} allows 4 unfinished handshakes per
 * source address (a fifth evicts the oldest: that client sees "invalid session ID" in RAKP 2/4) and 16 sessions.
 * Parallel SDR readers ({@code sdr elist}) are correct but slow: each Reserve SDR Repository cancels the others'
 * reservation (IPMI 2.0 §33.11, as OpenIPMI's lanserv does), ipmitool gets C5h and backs off ~1 s per retry.
 */
class ConcurrentClientsIT {
    @TempDir
    static Path cache;

    @Test
    void fourParallelIpmitoolSessionsAllSucceedQuicklyAndClose() {
        try (IpmiAgentFixture bmc = IpmiAgentFixture.start()) {
            IpmiClients clients = new IpmiClients(bmc, cache);
            List<String> cmd =
                    clients.ipmitoolCommand(IpmiAgentFixture.ADMIN, IpmiAgentFixture.ADMIN_PASSWORD, "sel", "list");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<CompletableFuture<ClientRun>> runs = IntStream.range(0, 4)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> ClientRun.of(cmd), pool))
                        .toList();
                for (CompletableFuture<ClientRun> f : runs) {
                    ClientRun r = f.join().ok();
                    assertEquals(12, r.lines().size(), r::toString);
                    assertTrue(r.took().toMillis() < 3000, "a retransmission (-N 3) would cost 3 s: " + r.took());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(0, bmc.processor().activeSessions(), "every client closed its session");
        }
    }
}
