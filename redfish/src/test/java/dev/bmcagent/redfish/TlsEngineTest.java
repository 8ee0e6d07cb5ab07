package dev.bmcagent.redfish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.redfish.testing.Curl;
import dev.bmcagent.redfish.testing.RedfishFixture;
import io.netty.handler.ssl.OpenSsl;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both TLS engines serve TLS 1.3 and 1.2 with AES-GCM and keep the connection alive (a real curl client). */
class TlsEngineTest {
    private static final Pattern REUSED = Pattern.compile("Re-?using existing connection");

    @TempDir
    Path dir;

    @Test
    void openSslWhenItsNativeLibraryLoads() throws Exception {
        try (RedfishFixture f = RedfishFixture.start(dir)) {
            assertEquals(OpenSsl.isAvailable() ? "OPENSSL" : "JDK", f.server.tlsEngine());
            assertServes(f);
        }
    }

    @Test
    void jdkWhenConfigured() throws Exception {
        try (RedfishFixture f = RedfishFixture.start(dir, o -> o.openSsl(false))) {
            assertEquals("JDK", f.server.tlsEngine());
            assertServes(f);
        }
    }

    private static void assertServes(RedfishFixture f) {
        String url = f.curl.url("/redfish/v1/Systems/host1");
        String v13 = Curl.exec(List.of(
                "curl",
                "-skv",
                "--http1.1",
                "--max-time",
                "20",
                "-u",
                "admin:secret",
                "-o",
                "/dev/null",
                "-o",
                "/dev/null",
                url,
                url));
        assertTrue(v13.contains("SSL connection using TLSv1.3 / TLS_AES_"), v13);
        assertTrue(REUSED.matcher(v13).find(), "keep-alive: " + v13);
        assertEquals(2, v13.split("< HTTP/1.1 200", -1).length - 1, v13);
        String v12 = Curl.exec(List.of(
                "curl",
                "-skv",
                "--http1.1",
                "--max-time",
                "20",
                "--tls-max",
                "1.2",
                "-u",
                "admin:secret",
                "-o",
                "/dev/null",
                url));
        assertTrue(v12.contains("SSL connection using TLSv1.2 / ECDHE-"), v12);
        assertTrue(v12.contains("GCM"), v12);
        assertTrue(v12.contains("< HTTP/1.1 200"), v12);
    }
}
