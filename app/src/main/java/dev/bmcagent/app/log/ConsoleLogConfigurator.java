package dev.bmcagent.app.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.function.BooleanSupplier;

/**
 * The command line's logging, set up in code (a logback {@link Configurator} service) instead of a {@code logback.xml}:
 * one console appender on standard error, {@code HH:mm:ss.SSS LEVEL Logger - message} ({@link ConsoleLayout}), INFO
 * unless {@code -Dbmc.log.level=DEBUG} (or any logback level) says otherwise.
 *
 * <p>Why code: reading a {@code logback.xml} loads the JDK's XML parser and logback's Joran configuration model,
 * ~360 classes kept for the life of the agent for a five-line file (docs/BENCHMARKS.md, footprint). A file still
 * wins when one is asked for: {@code -Dlogback.configurationFile=...} or a {@code logback-test.xml} on the class path
 * (the tests') hand over to logback's own XML configurator.
 */
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {
    static final String LEVEL_PROPERTY = "bmc.log.level";

    private final BooleanSupplier fileWanted;

    /** The service logback instantiates. */
    public ConsoleLogConfigurator() {
        this(() -> System.getProperty("logback.configurationFile") != null
                || ConsoleLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null);
    }

    ConsoleLogConfigurator(BooleanSupplier fileWanted) {
        this.fileWanted = fileWanted;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (fileWanted.getAsBoolean()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleLayout layout = new ConsoleLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty(LEVEL_PROPERTY), Level.INFO));
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
