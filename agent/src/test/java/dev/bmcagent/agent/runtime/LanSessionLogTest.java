package dev.bmcagent.agent.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.bmcagent.core.node.HostHardware;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The RMCP+ session log lines as the runtime writes them for real ipmitool logins: a one-shot command's lines when
 * its session closes, an open session's "established" line by the sweep (SessionTable.logWhenQuiet).
 */
class LanSessionLogTest {
    private static final String SESSION = "IPMI session 01234567h";

    @TempDir
    Path dir;

    @Test
    void aOneShotIpmitoolIsLoggedInOrderWhenItsSessionCloses() throws Exception {
        ListAppender<ILoggingEvent> lines = attach();
        try (RuntimeFixture f = new RuntimeFixture(dir, i -> HostHardware.none())) {
            IpmitoolSelElistTest.ipmitool(f.runtime.ipmiAddress(0).getPort(), "mc", "info");
            await().until(() -> written(lines).size() == 2);
            List<String> text = written(lines);
            assertTrue(text.get(0).contains("user 'admin', suite 17, "), text::toString);
            assertTrue(
                    text.get(0)
                            .matches(
                                    ".* established at 20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z, max privilege ADMINISTRATOR"),
                    text::toString);
            assertTrue(text.get(1).endsWith("closed: Close Session"), text::toString);
            assertEquals(
                    text.get(0).substring(0, SESSION.length()),
                    text.get(1).substring(0, SESSION.length()),
                    "the same session");
        } finally {
            detach(lines);
        }
    }

    @Test
    void aSessionThatStaysOpenIsLoggedByTheSweep() throws Exception {
        ListAppender<ILoggingEvent> lines = attach();
        try (RuntimeFixture f = new RuntimeFixture(dir, i -> HostHardware.none())) {
            // ipmitool's shell keeps its session open while it reads commands; this one waits on its standard input
            Process shell = new ProcessBuilder(
                            IpmitoolSelElistTest.argv(f.runtime.ipmiAddress(0).getPort(), "shell"))
                    .redirectErrorStream(true)
                    .start();
            try {
                shell.getOutputStream().write("mc info\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                shell.getOutputStream().flush();
                await().until(() -> written(lines).size() == 1);
                assertTrue(written(lines).get(0).contains(" established at "), written(lines)::toString);
            } finally {
                shell.destroy();
            }
        } finally {
            detach(lines);
        }
    }

    private static ListAppender<ILoggingEvent> attach() {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        rakp().addAppender(lines);
        table().addAppender(lines);
        return lines;
    }

    private static void detach(ListAppender<ILoggingEvent> lines) {
        rakp().detachAppender(lines);
        table().detachAppender(lines);
    }

    private static Logger rakp() {
        return (Logger) LoggerFactory.getLogger("dev.bmcagent.ipmi.session.RakpHandshake");
    }

    private static Logger table() {
        return (Logger) LoggerFactory.getLogger("dev.bmcagent.ipmi.session.SessionTable");
    }

    private static List<String> written(ListAppender<ILoggingEvent> lines) {
        synchronized (lines) { // AppenderBase.doAppend appends under the appender's lock
            return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }
}
