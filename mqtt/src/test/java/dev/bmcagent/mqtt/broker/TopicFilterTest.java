package dev.bmcagent.mqtt.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MQTT 3.1.1 §4.7.1 / MQTT 5 §4.7.1 wildcard examples. */
class TopicFilterTest {

    @ParameterizedTest
    @CsvSource({
        "sport/tennis/player1/#, sport/tennis/player1,                 true", // '#' includes the parent level
        "sport/tennis/player1/#, sport/tennis/player1/ranking,         true",
        "sport/tennis/player1/#, sport/tennis/player1/score/wimbledon, true",
        "sport/#,                sport,                                true",
        "#,                      any/thing,                            true",
        "sport/tennis/+,         sport/tennis/player1,                 true",
        "sport/tennis/+,         sport/tennis/player1/ranking,         false",
        "sport/+,                sport,                                false",
        "sport/+,                sport/,                               true", // empty level
        "+/+,                    /finance,                             true",
        "/+,                     /finance,                             true",
        "+,                      /finance,                             false",
        "bmc/+/+/host0/state,    bmc/site1/bmc-7/host0/state,          true",
        "bmc/+/+/host0/state,    bmc/site1/bmc-7/host1/state,          false",
        "#,                      $SYS/broker/uptime,                   false", // §4.7.2: '$' topics and wildcards
        "+/monitor/Clients,      $SYS/monitor/Clients,                 false",
        "$SYS/#,                 $SYS/broker/uptime,                   true",
        "a/b,                    a/b,                                  true",
        "a/b,                    a/b/c,                                false",
    })
    void matches(String filter, String topic, boolean expected) {
        assertEquals(expected, TopicFilter.matches(filter, topic));
    }

    @ParameterizedTest
    @CsvSource({"sport/tennis#", "sport/#/ranking", "sport+", "a/#/#", "''"})
    void invalidFiltersAreRejected(String filter) {
        assertNull(TopicFilter.parse(filter));
    }

    @ParameterizedTest
    @CsvSource({
        "$share/monitors/bmc/#, monitors, bmc/#",
        "$share/g/+/state,      g,        +/state",
    })
    void sharedSubscriptionsAreParsed(String raw, String group, String filter) {
        TopicFilter.Parsed parsed = TopicFilter.parse(raw);
        assertEquals(group, parsed.group());
        assertEquals(filter, parsed.filter());
    }

    @ParameterizedTest
    @CsvSource({"$share/monitors", "$share//bmc/#", "$share/g+/x"})
    void malformedSharedSubscriptionsAreRejected(String raw) {
        assertNull(TopicFilter.parse(raw));
    }
}
