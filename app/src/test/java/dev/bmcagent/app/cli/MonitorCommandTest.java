package dev.bmcagent.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bmcagent.mqtt.monitor.MonitorOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MonitorCommandTest {

    @Test
    void parsesIntoOptions() {
        MonitorCommand c = new MonitorCommand();
        new CommandLine(c)
                .parseArgs(
                        "--broker",
                        "tcp://127.0.0.1:1883",
                        "--instance",
                        "mon-a",
                        "--group",
                        "ops",
                        "--refresh",
                        "PT2S",
                        "--alert-topic",
                        "fleet/alerts",
                        "--webhook",
                        "http://127.0.0.1:9000/hook");
        MonitorOptions o = c.options();
        assertEquals(URI.create("tcp://127.0.0.1:1883"), o.brokerUri());
        assertEquals("$share/ops/bmc/+/+/+/events", o.eventsFilter());
        assertEquals("bmc-monitor-mon-a", o.clientId());
        assertEquals(Duration.ofSeconds(2), o.refresh());
        assertEquals(Optional.of("fleet/alerts"), o.alertTopic());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9000/hook")), o.webhook());
    }

    @Test
    void staleAfterDefaultsTo90SecondsAndIsAFlag() {
        MonitorCommand c = new MonitorCommand();
        new CommandLine(c).parseArgs("--broker", "tcp://127.0.0.1:1883", "--instance", "x");
        assertEquals(MonitorOptions.DEFAULT_STALE_AFTER, c.options().staleAfter());
        assertEquals(Duration.ofSeconds(90), c.options().staleAfter());
        MonitorCommand d = new MonitorCommand();
        new CommandLine(d).parseArgs("--broker", "tcp://127.0.0.1:1883", "--instance", "x", "--stale-after", "PT0S");
        assertEquals(Duration.ZERO, d.options().staleAfter());
        MonitorCommand e = new MonitorCommand();
        new CommandLine(e).parseArgs("--broker", "tcp://127.0.0.1:1883", "--instance", "x", "--stale-after", "-PT1S");
        assertThrows(IllegalArgumentException.class, e::options);
    }

    @Test
    void noShareSubscribesToEveryEvent() {
        MonitorCommand c = new MonitorCommand();
        new CommandLine(c).parseArgs("--broker", "tcp://127.0.0.1:1883", "--instance", "x", "--no-share");
        assertEquals("bmc/+/+/+/events", c.options().eventsFilter());
    }

    @Test
    void brokerAndInstanceAreRequired() {
        assertThrows(
                CommandLine.MissingParameterException.class,
                () -> new CommandLine(new MonitorCommand()).parseArgs("--instance", "x"));
    }
}
