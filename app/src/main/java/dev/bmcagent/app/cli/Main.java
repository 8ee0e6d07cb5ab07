package dev.bmcagent.app.cli;

import dev.bmcagent.agent.VersionProvider;
import dev.bmcagent.agent.config.ConfigException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bmc}: the launcher's entry point. Subcommands: demo, agent, monitor, simulate, rollout. */
@Command(
        name = "bmc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "ACPI-aware BMC agent: host lifecycle, IPMI, Redfish, MQTT telemetry, fleet simulator.",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'bmc COMMAND --help' for the options of a command."})
public final class Main implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    public static void main(String[] args) {
        System.exit(commandLine(CliEnvironment.system()).execute(args));
    }

    /** The whole command tree; tests call {@code execute} on it with captured output. */
    public static CommandLine commandLine(CliEnvironment env) {
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand(new DemoCommand(env));
        cl.addSubcommand(new AgentCommand(env));
        cl.addSubcommand(new MonitorCommand());
        cl.addSubcommand(new SimulateCommand(env));
        cl.addSubcommand(new RolloutCommand());
        cl.setExecutionExceptionHandler(Main::handleFailure);
        return cl;
    }

    private static int handleFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof ConfigException) {
            err.println("bmc " + cl.getCommandName() + ": invalid configuration: " + e.getMessage());
            err.flush();
            return 2;
        }
        err.println("bmc " + cl.getCommandName() + ": " + e);
        err.flush();
        org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", e);
        return 1;
    }
}
