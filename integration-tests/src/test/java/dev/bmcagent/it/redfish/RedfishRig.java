package dev.bmcagent.it.redfish;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.agent.redfishport.RedfishService;
import dev.bmcagent.agent.runtime.BmcRuntime;
import dev.bmcagent.agent.runtime.RuntimeOptions;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.event.InMemoryEventHistory;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.core.node.HostNode;
import dev.bmcagent.core.node.NodeTiming;
import dev.bmcagent.hostif.HostInterfaceClient;
import dev.bmcagent.hostif.VmControl;
import dev.bmcagent.hostif.VmMessage;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.journal.Account;
import dev.bmcagent.journal.Role;
import dev.bmcagent.journal.StoreKind;
import dev.bmcagent.journal.Stores;
import dev.bmcagent.redfish.RedfishOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The agent as it runs: a {@link BmcRuntime} (one host, IPMI LAN and VM host interface on 127.0.0.1 free ports)
 * with the {@link RedfishService} on a free HTTPS port, and a QEMU-like host on the VM link sending the IPMI bytes a
 * host sends. Real client processes (curl, redfishtool, sushy, ipmitool) are run against it.
 */
final class RedfishRig implements AutoCloseable {
    static final String ADMIN = "admin";
    static final String ADMIN_PW = "Rf-Admin-2026";
    static final String OPERATOR = "operator";
    static final String OPERATOR_PW = "Rf-Oper-2026";
    static final String VIEWER = "viewer";
    static final String VIEWER_PW = "Rf-View-2026";
    static final ObjectMapper JSON = new ObjectMapper();

    final SystemScheduler scheduler = new SystemScheduler("rig-scheduler");
    final SystemScheduler clientScheduler = new SystemScheduler("rig-host");
    final Stores stores;
    final InMemoryEventHistory history;
    final List<VmControl> controls = new CopyOnWriteArrayList<>();
    final BmcRuntime runtime;
    final RedfishService redfish;
    final HostInterfaceClient host;
    final Path dir;

    RedfishRig(Path dir) throws IOException {
        this(dir, i -> HostHardware.none());
    }

    /** With sensor and fan hardware per host index. */
    RedfishRig(Path dir, IntFunction<HostHardware> hardware) throws IOException {
        this(dir, hardware, Stores.inMemory(Stores.DEFAULT_HISTORY_PER_HOST), new InMemoryEventHistory());
    }

    /**
     * Over {@code stores} (closed with the rig) and {@code history}: a second rig over the same data directory and
     * history is the agent after a restart.
     */
    RedfishRig(Path dir, IntFunction<HostHardware> hardware, Stores stores, InMemoryEventHistory history)
            throws IOException {
        this.dir = dir;
        this.stores = stores;
        this.history = history;
        if (stores.accounts().find(ADMIN).isEmpty()) {
            stores.accounts()
                    .put(Account.of(ADMIN, ADMIN_PW, Role.ADMINISTRATOR))
                    .join();
            stores.accounts()
                    .put(Account.of(OPERATOR, OPERATOR_PW, Role.OPERATOR))
                    .join();
            stores.accounts().put(Account.of(VIEWER, VIEWER_PW, Role.READ_ONLY)).join();
        }
        RuntimeOptions o = RuntimeOptions.builder(1, dir)
                .store(StoreKind.MEMORY)
                .selCapacity(256)
                .timing(new NodeTiming(Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(100)))
                .build();
        runtime = BmcRuntime.builder(o, stores)
                .history(history)
                .hardware(hardware)
                .start(scheduler, new SecureRandom());
        redfish = RedfishService.start(
                new RedfishOptions()
                        .host("127.0.0.1")
                        .port(0)
                        .dataDir(dir)
                        .deliveryRetryInterval(Duration.ofSeconds(1)),
                runtime.nodes(),
                runtime.events(),
                history,
                stores,
                scheduler.clock(),
                runtime.ipmiAddress(0).getPort(),
                "it-1.0");
        host = new HostInterfaceClient(clientScheduler, VmCapabilities.QEMU, controls::add);
    }

    HostNode node() {
        return runtime.node(0);
    }

    String base() {
        return "https://127.0.0.1:" + redfish.port();
    }

    void powerOn() {
        host.connect(runtime.hostInterfaceAddress(0));
        await().until(() -> node().state().powerOn());
    }

    /** Sends one request as the host; asserts 00h; returns the response data. */
    byte[] send(int netFn, int cmd, String hex) {
        VmMessage r;
        try {
            r = host.request(netFn, 0, cmd, HexFormat.of().parseHex(hex.replace(" ", "")))
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("host request " + netFn + "/" + cmd + " failed", e);
        }
        assertEquals(
                CompletionCode.OK,
                r.completionCode(),
                () -> String.format(Locale.ROOT, "%02X/%02X %s", netFn, cmd, hex));
        return r.responseData();
    }

    /** OEM 30h/11h Report Boot Order with these display strings, in one chunk (total, first index 0, options). */
    void reportBootOrder(List<String> options) {
        StringBuilder hex = new StringBuilder(String.format(Locale.ROOT, "%02X00", options.size()));
        for (String o : options) {
            byte[] b = o.getBytes(StandardCharsets.US_ASCII);
            hex.append(String.format(Locale.ROOT, "%02X", b.length))
                    .append(HexFormat.of().formatHex(b));
        }
        send(0x30, 0x11, hex.toString());
    }

    /** curl -sk with Basic auth as {@code user}; returns the body (and the status on the last line with -w). */
    Run curl(String user, String password, String method, String path, String body) {
        List<String> cmd = new ArrayList<>(List.of(
                "curl", "-sk", "-u", user + ":" + password, "-X", method, "-w", "\n%{http_code}", base() + path));
        if (body != null) {
            cmd.addAll(List.of("-H", "Content-Type: application/json", "-d", body));
        }
        return run(cmd);
    }

    JsonNode get(String path) {
        Run r = curl(ADMIN, ADMIN_PW, "GET", path, null);
        assertEquals(200, r.status(), r.out());
        return r.json();
    }

    /** Runs a real client process with a 60 s limit; stdout and stderr merged. */
    static Run run(List<String> cmd) {
        return run(cmd, Map.of());
    }

    static Run run(List<String> cmd, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().remove("REQUESTS_CA_BUNDLE");
            pb.environment().remove("CURL_CA_BUNDLE");
            pb.environment().putAll(env);
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A finished client process. */
    record Run(int exit, String out) {
        /** With curl's {@code -w "\n%{http_code}"}: the status on the last line. */
        int status() {
            return Integer.parseInt(out.substring(out.lastIndexOf('\n') + 1).trim());
        }

        String body() {
            int nl = out.lastIndexOf('\n');
            return nl < 0 ? "" : out.substring(0, nl);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }
    }

    @Override
    public void close() {
        host.close();
        redfish.close();
        runtime.close();
        stores.close();
        clientScheduler.close();
        scheduler.close();
    }
}
