package dev.bmcagent.common.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RateLimitedLogTest {
    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private final Logger logger = (Logger) LoggerFactory.getLogger("rate-limited-test");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void attach() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(lines);
    }

    private List<String> messages() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aFloodWritesFiveLinesPerWindowThenOneSummary() {
        RateLimitedLog log = new RateLimitedLog(logger, 5, Duration.ofSeconds(10));
        for (int i = 0; i < 100_000; i++) {
            log.warn(T0.plusNanos(i * 50_000L), "refused", "refused from {}", i); // 100k in 5 s
        }
        assertEquals(
                List.of("refused from 0", "refused from 1", "refused from 2", "refused from 3", "refused from 4"),
                messages());
        assertEquals(99_995, log.suppressedTotal());
        log.warn(T0.plusSeconds(12), "refused", "refused from {}", "late");
        assertEquals(
                List.of("99995 more like this in the last 12 s: refused", "refused from late"),
                messages().subList(5, 7));
    }

    @Test
    void kindsAreLimitedSeparatelyAndTheirNumberIsBounded() {
        RateLimitedLog log = new RateLimitedLog(logger, 1, Duration.ofSeconds(10));
        log.info(T0, "a", "a1");
        log.info(T0, "a", "a2");
        log.info(T0, "b", "b1");
        assertEquals(List.of("a1", "b1"), messages());
        for (int i = 0; i < 1000; i++) {
            log.info(T0, "k" + i, "k{}", i);
        }
        assertEquals(2 + RateLimitedLog.MAX_KEYS - 2 + 1, messages().size(), "62 new kinds, then one shared bucket");
    }
}
