package dev.bmcagent.redfish.net;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.redfish.backend.EventSeverity;
import dev.bmcagent.redfish.events.BootMessage;
import dev.bmcagent.redfish.testing.RedfishFixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slowloris against the real HTTPS listener with raw sockets and curl: connections beyond the per-source and total
 * limits are closed as soon as they are accepted (a client on another address still gets in), and connections that
 * send nothing, half a request header, or nothing after a response are closed on their deadlines, while an SSE
 * stream that is silent longer than the idle timeout stays open.
 */
class ConnectionLimitsTest {
    static final String ADMIN = "admin:secret";

    @TempDir
    Path dir;

    RedfishFixture f;
    final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        if (f != null) {
            f.close();
        }
    }

    Socket raw(String source) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), f.port()), 5000);
        s.setSoTimeout(200);
        sockets.add(s);
        return s;
    }

    /** Whether the server has closed this connection (reading what is left sees end of stream or a reset). */
    static boolean closedByServer(Socket s) {
        try {
            byte[] buf = new byte[4096];
            int n;
            do {
                n = s.getInputStream().read(buf);
            } while (n > 0);
            return n < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    int curlStatus() {
        return f.curl.get("/redfish/v1/Systems", "-u", ADMIN).status();
    }

    @Test
    void connectionsBeyondTheLimitsAreClosedAtOnceAndOthersStillGetIn() throws Exception {
        f = RedfishFixture.start(dir, o -> o.maxConnections(8, 4));
        List<Socket> first = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            first.add(raw("127.0.0.2"));
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> f.server.openConnections() == 4);
        Socket fifth = raw("127.0.0.2");
        await().atMost(5, TimeUnit.SECONDS).until(() -> closedByServer(fifth));
        assertTrue(first.stream().noneMatch(ConnectionLimitsTest::closedByServer), "the first four stay");
        assertEquals(200, curlStatus(), "another source address still gets in");
        // curl's connection must be gone before counting to the total limit (under load its close lags)
        await().atMost(5, TimeUnit.SECONDS).until(() -> f.server.openConnections() == 4);
        for (int i = 0; i < 4; i++) {
            raw("127.0.0.3");
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> f.server.openConnections() == 8);
        assertTrue(
                dev.bmcagent.redfish.testing.Curl.exec(List.of(
                                "curl",
                                "-sk",
                                "--max-time",
                                "5",
                                "-o",
                                "/dev/null",
                                "-w",
                                "%{http_code}",
                                "-u",
                                ADMIN,
                                f.curl.url("/redfish/v1/Systems")))
                        .startsWith("000"),
                "total limit reached");
        for (Socket s : first) {
            s.close();
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> f.server.openConnections() == 4);
        assertEquals(200, curlStatus());
        assertTrue(f.server.refusedConnections() >= 2);
    }

    @Test
    void silentHalfHeaderAndIdleConnectionsAreClosedOnTheirDeadlines() throws Exception {
        f = RedfishFixture.start(
                dir,
                o -> o.timeouts(
                        Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        Socket silent = raw("127.0.0.1"); // no TLS ClientHello at all
        SSLSocket halfHeader = tls();
        halfHeader
                .getOutputStream()
                .write("GET /redfish/v1 HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        halfHeader.getOutputStream().flush();
        SSLSocket idle = tls();
        idle.getOutputStream().write("GET /redfish/v1 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        idle.getOutputStream().flush();
        assertTrue(readResponseHead(idle.getInputStream()).startsWith("HTTP/1.1 200"));
        await().atMost(8, TimeUnit.SECONDS)
                .until(() -> closedByServer(silent) && closedByServer(halfHeader) && closedByServer(idle));
    }

    @Test
    void aSilentSseStreamOutlivesTheIdleTimeout() throws Exception {
        f = RedfishFixture.start(
                dir,
                o -> o.timeouts(
                        Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        SSLSocket sse = tls();
        sse.getOutputStream()
                .write(("GET /redfish/v1/EventService/SSE HTTP/1.1\r\nHost: x\r\nAuthorization: Basic "
                                + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.US_ASCII))
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        sse.getOutputStream().flush();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(sse.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
                lines.add("EOF");
            } catch (IOException e) {
                lines.add("EOF " + e);
            }
        });
        sse.setSoTimeout(0);
        reader.start();
        await().atMost(10, TimeUnit.SECONDS).until(() -> f.events.listenerCount() == 1);
        await().pollDelay(Duration.ofSeconds(3)).atMost(5, TimeUnit.SECONDS).until(() -> true); // 3 idle timeouts
        f.events.publish(
                BootMessage.BootProgressChanged.messageId(),
                List.of("host1", "OSRunning", ""),
                "/redfish/v1/Systems/host1",
                EventSeverity.OK);
        await().atMost(10, TimeUnit.SECONDS).until(() -> lines.stream().anyMatch(l -> l.startsWith("data: ")));
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("EOF")), lines.toString());
        sse.close();
        reader.join(5000);
    }

    SSLSocket tls() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(
                null,
                new TrustManager[] {
                    new X509TrustManager() {
                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public X509Certificate[] getAcceptedIssuers() {
                            return new X509Certificate[0];
                        }
                    }
                },
                null);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", f.port());
        s.setSoTimeout(5000);
        s.startHandshake();
        s.setSoTimeout(200);
        sockets.add(s);
        return s;
    }

    static String readResponseHead(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!b.toString().contains("\r\n\r\n") && System.nanoTime() < deadline) {
            try {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                b.append((char) c);
            } catch (SocketTimeoutException e) {
                // keep reading until the deadline
            }
        }
        return b.toString();
    }
}
