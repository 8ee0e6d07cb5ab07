package dev.bmcagent.hostif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may connect to the host-interface port: IP literals and CIDR prefixes, never names. */
class PeerAllowListTest {
    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // literals only: no lookup
    }

    @Test
    void defaultIsTheLoopbackAddressesOnly() throws Exception {
        PeerAllowList loopback = PeerAllowList.loopback();
        assertTrue(loopback.allows(ip("127.0.0.1")));
        assertTrue(loopback.allows(ip("::1")));
        assertTrue(loopback.allows(ip("::ffff:127.0.0.1")), "IPv4-mapped is matched as IPv4");
        assertFalse(loopback.allows(ip("127.0.0.2")), "another local address is not the host's");
        assertFalse(loopback.allows(ip("192.0.2.1")));
        assertEquals(List.of("127.0.0.1/32", "::1/128"), loopback.entries());
    }

    @Test
    void prefixes() throws Exception {
        PeerAllowList list = PeerAllowList.of(List.of("192.0.2.16/28", "2001:db8::/126"));
        assertTrue(list.allows(ip("192.0.2.16")));
        assertTrue(list.allows(ip("192.0.2.31")));
        assertFalse(list.allows(ip("192.0.2.32")));
        assertFalse(list.allows(ip("192.0.2.15")));
        assertTrue(list.allows(ip("2001:db8::3")));
        assertFalse(list.allows(ip("2001:db8::4")));
        assertFalse(list.allows(ip("127.0.0.1")));
    }

    @Test
    void namesAndBadPrefixesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PeerAllowList.of(List.of("localhost")));
        assertThrows(IllegalArgumentException.class, () -> PeerAllowList.of(List.of("127.0.0.1/33")));
        assertThrows(IllegalArgumentException.class, () -> PeerAllowList.of(List.of("::1/x")));
        assertThrows(IllegalArgumentException.class, () -> PeerAllowList.of(List.of()));
    }
}
