package dev.bmcagent.app.cli;

import dev.bmcagent.agent.VersionProvider;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Placeholder for a subcommand whose module is not in this build: says so honestly and exits 2.
 * Replaced by a {@link CliCommandProvider} of the same name.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
final class NotImplementedCommand implements Callable<Integer> {
    static final int EXIT = 2;

    @Spec
    private CommandSpec spec;

    @Unmatched
    @SuppressWarnings("UnusedVariable") // picocli fills it so that any arguments are accepted; nothing reads them
    private List<String> arguments;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("bmc " + spec.name() + ": not in this build (the simulator module is not on the classpath)");
        spec.commandLine().getErr().flush();
        return EXIT;
    }
}
