package dev.bmcagent.app.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * The command line's one log line, {@code HH:mm:ss.SSS LEVEL Logger - message} (the logger's simple name, the level
 * padded to five), followed by the stack trace when the event carries one: what logback's pattern {@code %d{HH:mm:ss.SSS}
 * %-5level %logger{0} - %msg%n} prints, written out by hand.
 *
 * <p>Why not {@code PatternLayout}: its class initialiser registers a converter for every pattern word logback has,
 * and parsing the pattern loads its parser; ~120 classes a restart kept (docs/BENCHMARKS.md, footprint) for four fields. And {@code
 * %d} formats each line's time through {@code java.time}'s formatter ({@code BigDecimal} for the milliseconds on JDK
 * 17), the largest single item on the IPMI thread in a profile of logins; here it is integer arithmetic on the
 * event's time stamp and the zone's offset at that instant.
 */
final class ConsoleLayout extends LayoutBase<ILoggingEvent> {
    private static final int MILLIS_PER_DAY = 86_400_000;

    private final ZoneRules zone;

    /** Times in the JVM's default time zone, as logback's {@code %d}. */
    ConsoleLayout() {
        this(ZoneId.systemDefault());
    }

    ConsoleLayout(ZoneId zone) {
        this.zone = zone.getRules();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        appendTime(line, event.getTimeStamp());
        String level = event.getLevel().toString();
        line.append(' ').append(level);
        for (int pad = level.length(); pad < 5; pad++) {
            line.append(' ');
        }
        String logger = event.getLoggerName();
        line.append(' ')
                .append(logger, logger.lastIndexOf('.') + 1, logger.length())
                .append(" - ")
                .append(event.getFormattedMessage())
                .append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown));
        }
        return line.toString();
    }

    private void appendTime(StringBuilder line, long epochMillis) {
        long offsetMillis = zone.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds() * 1000L;
        int ofDay = (int) Math.floorMod(epochMillis + offsetMillis, (long) MILLIS_PER_DAY);
        twoDigits(line, ofDay / 3_600_000);
        line.append(':');
        twoDigits(line, ofDay / 60_000 % 60);
        line.append(':');
        twoDigits(line, ofDay / 1000 % 60);
        int millis = ofDay % 1000;
        line.append('.').append((char) ('0' + millis / 100));
        twoDigits(line, millis % 100);
    }

    private static void twoDigits(StringBuilder line, int value) {
        line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
