package dev.bmcagent.app.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
    void writesOneLinePerEventOnStandardErrorAtInfo() {
        String out = capture(() -> {
            LoggerContext context = new LoggerContext();
            context.start();
            assertEquals(
                    Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY,
                    new ConsoleLogConfigurator(() -> false).configure(context));
            context.getLogger("dev.bmcagent.agent.AgentAssembly").info("agent {}", "stopped");
            context.getLogger("dev.bmcagent.agent.AgentAssembly").debug("not shown at INFO");
            context.stop();
        });
        assertTrue(
                out.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  AgentAssembly - agent stopped\\R"),
                () -> "got: " + out);
    }

    @Test
    void aConfigurationFileWins() {
        assertEquals(
                Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY,
                new ConsoleLogConfigurator(() -> true).configure(new LoggerContext()));
    }

    private static String capture(Runnable r) {
        PrintStream err = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(err);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
