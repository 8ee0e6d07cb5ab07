package dev.bmcagent.app.cli;

/**
 * Lets modules on the launcher's classpath add {@code bmc} subcommands without {@code agent} depending on
 * them (the simulator adds {@code simulate} and {@code monitor}). Implementations are found with
 * {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.bmcagent.app.cli.CliCommandProvider} of the providing module.
 * A provided command replaces the "not implemented yet" placeholder of the same name; it may not
 * replace {@code demo} or {@code agent}.
 */
public interface CliCommandProvider {

    /**
     * Returns a picocli command object (a class annotated with {@code @Command(name = ...)}; usually a
     * {@code Callable<Integer>}) or a ready {@code picocli.CommandLine}. Called once per process.
     */
    Object createCommand(CliEnvironment environment);
}
