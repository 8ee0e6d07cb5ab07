package dev.bmcagent.redfish.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.redfish.RedfishOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class DestinationValidatorTest {
    final DestinationValidator loopback = new DestinationValidator(RedfishOptions.DEFAULT_EVENT_DESTINATION_HOSTS, 64);

    String verdict(String destination) {
        return loopback.check(destination)
                .map(e -> e.infos().get(0).message().name())
                .orElse("ok");
    }

    @Test
    void loopbackHttpAndHttpsAccepted() {
        assertEquals("ok", verdict("https://127.0.0.1:9443/events"));
        assertEquals("ok", verdict("http://[::1]:8080/e"));
    }

    @Test
    void everythingElseRefused() {
        assertEquals("PropertyValueIncorrect", verdict("https://192.168.1.10/events"));
        assertEquals("PropertyValueIncorrect", verdict("https://localhost/events"));
        assertEquals("PropertyValueIncorrect", verdict("https://127.0.0.2/events"));
        assertEquals("PropertyValueFormatError", verdict("https://user:pw@127.0.0.1/events"));
        assertEquals("PropertyValueFormatError", verdict("gopher://127.0.0.1/"));
        assertEquals("PropertyValueFormatError", verdict("/relative"));
        assertEquals("PropertyValueFormatError", verdict("https://127.0.0.1/" + "a".repeat(64)));
        assertEquals("PropertyValueFormatError", verdict("http://127.0.0.1/a b"));
    }

    @Test
    void allowListIsConfigurable() {
        DestinationValidator v = new DestinationValidator(List.of("Collector.example"), 2048);
        assertEquals(true, v.check("https://collector.example/x").isEmpty());
    }

    @Test
    void cidrBlocksAllowWholeNetworks() {
        // documentation ranges (RFC 5737, RFC 3849): never routed
        DestinationValidator v = new DestinationValidator(List.of("198.51.100.0/24", "2001:db8::/32", "::1"), 2048);
        assertTrue(v.check("https://198.51.100.7/e").isEmpty());
        assertTrue(v.check("https://[2001:db8:0:1::5]:8443/e").isEmpty());
        assertTrue(v.check("https://[::ffff:198.51.100.9]/e").isEmpty()); // IPv4-mapped: the IPv4 address
        assertEquals(
                "PropertyValueIncorrect",
                new String[] {
                            v.check("https://198.51.101.7/e")
                                    .orElseThrow()
                                    .infos()
                                    .get(0)
                                    .message()
                                    .name()
                        }
                        [0]);
        assertTrue(v.check("https://127.0.0.1/e").isPresent());
    }

    @Test
    void linkLocalAndMetadataAreRefusedWhateverTheListSays() {
        DestinationValidator v = new DestinationValidator(
                List.of("0.0.0.0/0", "::/0", "metadata.google.internal", "instance-data"), 2048);
        for (String d : List.of(
                "http://169.254.169.254/latest/meta-data/",
                "http://169.254.1.1/",
                "http://[fe80::1]/",
                "http://[fd00:ec2::254]/",
                "http://100.100.100.200/",
                "http://metadata.google.internal/",
                "http://Metadata.Google.Internal./",
                "http://instance-data/",
                "http://[::ffff:169.254.169.254]/")) {
            assertEquals(
                    "PropertyValueIncorrect",
                    v.check(d).map(e -> e.infos().get(0).message().name()).orElse("ok"),
                    d);
        }
        assertTrue(v.check("http://198.51.100.7/").isEmpty());
    }

    @Test
    void malformedEntriesAreRefusedAtConfiguration() {
        for (String bad : List.of("198.51.100.0/33", "not a host", "198.51.100.0/x", "::1/129")) {
            assertThrows(IllegalArgumentException.class, () -> DestinationAllowList.of(List.of(bad)), bad);
        }
    }
}
