package dev.bmcagent.mqtt.broker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue #11 item 18 for the demo's broker: 300 clients that send a PUBLISH before CONNECT (no login needed) are each
 * closed, and the log gets a few lines and a count instead of 300 lines.
 */
class BrokerLogFloodTest {

    @Test
    void aFloodOfBadClientsIsLoggedAFewTimesAndCounted() throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker(BrokerOptions.defaults().withPort(0))) {
            int port = broker.start().getPort();
            for (int i = 0; i < 300; i++) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    OutputStream out = s.getOutputStream();
                    out.write(new byte[] {0x30, 0x03, 0x00, 0x01, 'x'}); // PUBLISH QoS 0 topic "x", no CONNECT
                    out.flush();
                }
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> broker.suppressedClientLogLines() >= 250);
            assertTrue(broker.suppressedClientLogLines() <= 300);
        }
    }
}
