package dev.bmcagent.bench;

import dev.bmcagent.agent.redfishport.RedfishService;
import dev.bmcagent.core.event.Subscription;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.core.node.NodeTiming;
import dev.bmcagent.journal.Account;
import dev.bmcagent.journal.FsyncPolicy;
import dev.bmcagent.journal.Role;
import dev.bmcagent.redfish.RedfishOptions;
import java.io.BufferedReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Host input → Redfish SSE event received, in-process: {@link AgentRig} (fsync NEVER) plus {@link RedfishService}
 * on a free 127.0.0.1 port (self-signed certificate; the client trusts it blindly — loopback bench only). A
 * {@code java.net.http} client holds {@code GET /redfish/v1/EventService/SSE} open (Basic auth) and timestamps each
 * {@code data:} line with {@code System.nanoTime()} on its reader thread. Each input alternates S0/D0 ({@code 80 80})
 * ↔ S0/D1 ({@code 80 81}) (one AcpiChanged per input); latency = first {@code data:} line after t0 − t0. Anchor in
 * the same run: Get Device ID round trip over the same host link after each input. Extra {@code data:} lines
 * (more than one per input) are counted.
 */
public final class SseLatency {
    private SseLatency() {}

    public static void main(String[] args) {
        int status;
        try {
            status = run(BenchOptions.parse(args));
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static int run(BenchOptions o) throws Exception {
        int count = (int) o.number("count", 2_000, 1, 100_000);
        int warmup = (int) o.number("warmup", 200, 0, 10_000);
        String label = o.string("label", "sse");
        String client = o.string("client", "http");
        if (!client.equals("http") && !client.equals("socket")) {
            throw new IllegalArgumentException("--client http|socket");
        }
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        BlockingQueue<Long> lines = new LinkedBlockingQueue<>();
        long[] sse = new long[warmup + count];
        long[] anchor = new long[warmup + count];
        long[] stream = new long[warmup + count];
        BlockingQueue<Long> delivered = new LinkedBlockingQueue<>();
        long extra = 0;
        int done = 0;
        try (AgentRig rig = new AgentRig(FsyncPolicy.NEVER, HostHardware.none(), NodeTiming.DEFAULT)) {
            rig.stores
                    .accounts()
                    .put(Account.of("admin", "Sse-Bench-42", Role.ADMINISTRATOR))
                    .join();
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            try (RedfishService redfish = RedfishService.start(
                    new RedfishOptions().host("127.0.0.1").port(port).dataDir(rig.dir),
                    rig.runtime,
                    rig.stores,
                    rig.scheduler.clock())) {
                Subscription diag = rig.runtime
                        .events()
                        .subscribe(
                                "bench-diag",
                                e -> delivered.add(System.nanoTime())); // the stream's delivery, as Redfish gets it
                rig.powerOn();
                rig.send(AgentRig.CMD_SET_ACPI, AgentRig.S0_D0);
                String basic = "Basic "
                        + Base64.getEncoder().encodeToString("admin:Sse-Bench-42".getBytes(StandardCharsets.UTF_8));
                java.io.InputStream body = "socket".equals(client)
                        ? socketClient(redfish.port(), basic)
                        : httpClient(redfish.port(), basic);
                Thread reader = new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(new java.io.InputStreamReader(body, StandardCharsets.UTF_8))) {
                                for (String line = in.readLine(); line != null; line = in.readLine()) {
                                    if (line.startsWith("data:")) {
                                        lines.add(System.nanoTime());
                                    }
                                }
                            } catch (java.io.IOException e) {
                                // stream closed at the end of the run
                            }
                        },
                        "sse-reader");
                reader.setDaemon(true);
                reader.start();
                TimeUnit.MILLISECONDS.sleep(500);
                lines.clear();
                for (int i = 0; i < sse.length; i++) {
                    extra += lines.size();
                    lines.clear();
                    delivered.clear();
                    long t0 = System.nanoTime();
                    rig.send(AgentRig.CMD_SET_ACPI, i % 2 == 0 ? AgentRig.S0_D1 : AgentRig.S0_D0);
                    Long at = lines.poll(5, TimeUnit.SECONDS);
                    if (at == null) {
                        System.err.println("no SSE event within 5 s for input " + i);
                        break;
                    }
                    sse[i] = at - t0;
                    Long d = delivered.poll(5, TimeUnit.SECONDS);
                    stream[i] = d == null ? -1 : d - t0;
                    long a0 = System.nanoTime();
                    rig.send(AgentRig.CMD_GET_DEVICE_ID, new byte[0]);
                    anchor[i] = System.nanoTime() - a0;
                    done = i + 1;
                }
                body.close();
                diag.close();
            }
        }
        System.err.printf(
                java.util.Locale.ROOT, "%s: %d inputs (%d warm-up), extra SSE events %d%n", label, done, warmup, extra);
        if (done <= warmup) {
            return 2;
        }
        long[] s = Arrays.copyOfRange(sse, warmup, done);
        long[] a = Arrays.copyOfRange(anchor, warmup, done);
        System.out.println(LatencyStats.of(s, s.length).resultLine(label + "/sse") + " extra=" + extra);
        System.out.println(LatencyStats.of(a, a.length).resultLine(label + "/anchor"));
        long[] d = Arrays.copyOfRange(stream, warmup, done);
        System.out.println(LatencyStats.of(d, d.length).resultLine(label + "/stream"));
        return done == sse.length ? 0 : 3;
    }

    /** The default client: {@code java.net.http} (JDK TLS; selector thread, then the body stream's reader). */
    private static java.io.InputStream httpClient(int port, String basic) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(trustAll())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest req = HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + port + "/redfish/v1/EventService/SSE"))
                .header("Authorization", basic)
                .GET()
                .build();
        HttpResponse<java.io.InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        if (resp.statusCode() != 200) {
            throw new IllegalStateException("SSE answered " + resp.statusCode());
        }
        return resp.body();
    }

    /**
     * {@code --client socket}: one blocking JDK {@code SSLSocket}, read by the reader thread itself (no client-side
     * thread hop), to split the client's share from the agent's. The chunked body is read raw: every event is one
     * chunk, so its {@code data:} line still starts a line.
     */
    private static java.io.InputStream socketClient(int port, String basic) throws Exception {
        javax.net.ssl.SSLSocket socket =
                (javax.net.ssl.SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.getOutputStream()
                .write(("GET /redfish/v1/EventService/SSE HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Accept: text/event-stream\r\nAuthorization: " + basic + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IllegalStateException("SSE connection closed in the headers: " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 200")) {
            socket.close();
            throw new IllegalStateException("SSE answered " + head);
        }
        return in;
    }

    private static SSLContext trustAll() throws Exception {
        TrustManager tm = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // loopback bench against the agent's own self-signed certificate
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // loopback bench against the agent's own self-signed certificate
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(null, new TrustManager[] {tm}, new SecureRandom());
        return c;
    }
}
