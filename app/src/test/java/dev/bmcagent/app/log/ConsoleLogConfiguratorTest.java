package dev.bmcagent.app.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ConsoleLogConfiguratorTest {

    @Test
    void isTheServiceLogbackFinds() {
        assertTrue(ServiceLoader.load(Configurator.class).stream()
                .anyMatch(p -> p.type() == ConsoleLogConfigurator.class));
    }

    @Test
    void oneConsoleAppenderOnStandardErrorWithTheOneLineFormatAtInfo() {
        LoggerContext context = new LoggerContext();
        context.start();
        assertEquals(
                Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY,
                new ConsoleLogConfigurator(() -> false).configure(context));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        assertTrue(console.isStarted());
        assertEquals("System.err", console.getTarget());
        Logger logger = context.getLogger("dev.bmcagent.agent.AgentAssembly");
        LoggingEvent event = new LoggingEvent(
                Logger.class.getName(), logger, Level.INFO, "agent {}", null, new Object[] {"stopped"});
        String line = new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
        assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  AgentAssembly - agent stopped\\R"), line);
        assertFalse(logger.isDebugEnabled());
        context.stop();
    }

    @Test
    void aConfigurationFileWins() {
        assertEquals(
                Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY,
                new ConsoleLogConfigurator(() -> true).configure(new LoggerContext()));
    }
}
