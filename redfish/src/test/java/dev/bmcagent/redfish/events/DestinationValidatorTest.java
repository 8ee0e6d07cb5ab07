package dev.bmcagent.redfish.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.redfish.RedfishOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class DestinationValidatorTest {
    final DestinationValidator loopback = new DestinationValidator(RedfishOptions.DEFAULT_EVENT_DESTINATION_HOSTS, 64);

    String verdict(String destination) {
        return loopback.check(destination).map(e -> e.infos().get(0).message().name()).orElse("ok");
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
}
