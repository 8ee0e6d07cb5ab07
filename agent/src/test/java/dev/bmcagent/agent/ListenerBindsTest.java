package dev.bmcagent.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.agent.config.AgentConfigLoader;
import dev.bmcagent.agent.config.PartialConfig;
import dev.bmcagent.common.time.SystemScheduler;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each listener binds where its own key says (issue 11 item 3), on loopback addresses only: IPMI on 127.0.0.2
 * (answered by a real ipmitool), Redfish on ::1 and the host interface on 127.0.0.3, none of them on 127.0.0.1.
 */
class ListenerBindsTest {
    @TempDir
    Path dir;

    @Test
    void everyListenerBindsWhereItsKeySays() throws Exception {
        PartialConfig binds = new AgentConfigLoader().parse("""
                                                            bind: 127.0.0.1
                                                            ipmi:
                                                              bind: 127.0.0.2
                                                            redfish:
                                                              bind: '::1'
                                                            hostInterface:
                                                              bind: 127.0.0.3\
                                                            """);
        try (SystemScheduler scheduler = new SystemScheduler("test");
                AgentAssembly a = AgentAssembly.start(
                        binds.overriddenBy(FreePorts.partial()).resolve(dir), scheduler, new SecureRandom())) {
            var c = a.config();
            assertEquals(
                    new InetSocketAddress("127.0.0.2", c.ipmiPort()),
                    a.runtime().ipmiAddress(0));
            assertEquals(
                    new InetSocketAddress("127.0.0.3", c.hostPort()),
                    a.runtime().hostInterfaceAddress(0));

            assertTrue(accepts("::1", c.redfishPort()), "Redfish on ::1");
            assertThrows(
                    ConnectException.class, () -> connect("127.0.0.1", c.redfishPort()), "no Redfish on 127.0.0.1");
            assertThrows(
                    ConnectException.class, () -> connect("127.0.0.1", c.hostPort()), "no host interface on 127.0.0.1");

            Process p = new ProcessBuilder(
                            "ipmitool",
                            "-I",
                            "lanplus",
                            "-H",
                            "127.0.0.2",
                            "-p",
                            Integer.toString(c.ipmiPort()),
                            "-U",
                            "admin",
                            "-P",
                            a.admin().password(),
                            "-C",
                            "17",
                            "-N",
                            "1",
                            "-R",
                            "2",
                            "mc",
                            "info")
                    .redirectErrorStream(true)
                    .start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("IPMI Version"), out);
        }
    }

    private static boolean accepts(String host, int port) throws IOException {
        connect(host, port);
        return true;
    }

    private static void connect(String host, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
        }
    }
}
