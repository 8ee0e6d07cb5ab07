package dev.bmcagent.app.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bmcagent.agent.AgentAssembly;
import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.agent.config.AgentConfigLoader;
import dev.bmcagent.agent.config.PartialConfig;
import dev.bmcagent.common.time.SystemScheduler;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's own listeners follow their keys (issue 11 item 3): the embedded broker on {@code mqtt.bind} 127.0.0.4
 * and not on 127.0.0.1, and the simulated host reaches the host interface on {@code hostInterface.bind} ::1.
 */
class DemoListenerBindsTest {
    /** ::1, as bytes: the address the host interface is bound to here (not the IPv4 loopback). */
    private static final byte[] IPV6_LOOPBACK = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    @TempDir
    Path dir;

    @Test
    void brokerAndHostInterfaceListenWhereTheirKeysSay() throws Exception {
        PartialConfig binds = new AgentConfigLoader().parse("""
                                                            store: memory
                                                            timeScale: 30
                                                            mqtt:
                                                              bind: 127.0.0.4
                                                            hostInterface:
                                                              bind: '::1'\
                                                            """);
        try (SystemScheduler scheduler = new SystemScheduler("demo-binds");
                AgentAssembly a = DemoWorld.start(
                        binds.overriddenBy(FreePorts.partial()).resolve(dir), scheduler, new SecureRandom())) {
            int mqtt = a.config().mqttPort();
            connect("127.0.0.4", mqtt);
            assertThrows(ConnectException.class, () -> connect("127.0.0.1", mqtt), "no broker on 127.0.0.1");
            assertEquals(
                    new InetSocketAddress(
                            InetAddress.getByAddress(IPV6_LOOPBACK), a.config().hostPort()),
                    a.runtime().hostInterfaceAddress(0));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> a.runtime().hostInterface(0).isConnected());
        }
    }

    private static void connect(String host, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
        }
    }
}
