package dev.bmcagent.app.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ConsoleLayout} prints what logback's own {@code PatternLayout} prints for the pattern it replaces. */
class ConsoleLayoutTest {
    private static final String PATTERN = "%d{HH:mm:ss.SSS, ZONE} %-5level %logger{0} - %msg%n";

    private final LoggerContext context = new LoggerContext();

    @Test
    void printsWhatThePatternPrints() {
        Throwable withCause = new IllegalStateException(
                "session table full", new UncheckedIOException("disk", new IOException("No space left")));
        List<LoggingEvent> events = List.of(
                event("dev.bmcagent.agent.AgentAssembly", Level.INFO, "agent {}", 1_765_000_000_123L, null, "stopped"),
                event("dev.bmcagent.ipmi.session.Sessions", Level.WARN, "slot {} of {}", 86_399_999L, null, 3, 4),
                event("Standalone", Level.ERROR, "failed", 1_000L, withCause),
                event(Logger.ROOT_LOGGER_NAME, Level.DEBUG, "root {}", 0L, null, (Object) null),
                event("a.b.C$Inner", Level.TRACE, "x", -1L, null),
                event("dev.bmcagent.X", Level.INFO, "no args, {} kept", 1_711_846_799_999L, null));
        for (String zone : List.of("UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kolkata")) {
            PatternLayout pattern = new PatternLayout();
            pattern.setContext(context);
            pattern.setPattern(PATTERN.replace("ZONE", zone));
            pattern.start();
            ConsoleLayout layout = new ConsoleLayout(ZoneId.of(zone));
            for (LoggingEvent event : events) {
                assertEquals(pattern.doLayout(event), layout.doLayout(event), zone + " " + event);
            }
        }
    }

    @Test
    void followsDaylightSavingTime() {
        // 2024-03-31 01:59:59.999 UTC is 03:59:59.999 CEST; one hour earlier, 01:59:59.999 CET.
        ConsoleLayout berlin = new ConsoleLayout(ZoneId.of("Europe/Berlin"));
        LoggingEvent summer = event("x.Y", Level.INFO, "m", 1_711_850_399_999L, null);
        LoggingEvent winter = event("x.Y", Level.INFO, "m", 1_711_846_799_999L, null);
        assertEquals("03:59:59.999 INFO  Y - m" + System.lineSeparator(), berlin.doLayout(summer));
        assertEquals("01:59:59.999 INFO  Y - m" + System.lineSeparator(), berlin.doLayout(winter));
    }

    private LoggingEvent event(
            String logger, Level level, String message, long time, Throwable thrown, Object... args) {
        LoggingEvent event =
                new LoggingEvent(Logger.class.getName(), context.getLogger(logger), level, message, thrown, args);
        event.setTimeStamp(time);
        event.setThreadName("main");
        return event;
    }
}
