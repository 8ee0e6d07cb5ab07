package dev.bmcagent.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The log form of a session (built without String.format) reads exactly as before. */
class RmcpPlusSessionTest {
    @Test
    void toStringMatchesTheFormattedForm() {
        InetSocketAddress source = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40623);
        for (int id : new int[] {0x1, 0x00ABCDEF, 0x3B130224, 0xBCFCCA18, -1}) {
            RmcpPlusSession s = new RmcpPlusSession(
                    id, 0x11223344, source, CipherSuite.SUITE_3, Instant.parse("2026-12-06T06:00:00Z"));
            assertEquals(
                    String.format(
                            Locale.ROOT, "session %08Xh (%s, user '%s', suite %d, %s)", id, s.state, "", 3, source),
                    s.toString());
        }
    }
}
