package dev.bmcagent.app.cli;

import dev.bmcagent.agent.VersionProvider;
import dev.bmcagent.agent.config.ConfigException;
import java.io.PrintWriter;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bmc}: the launcher's entry point. Subcommands: demo, agent, and those of {@link CliCommandProvider}s. */
@Command(name = "bmc", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "ACPI-aware BMC agent: host lifecycle, IPMI, Redfish, MQTT telemetry, fleet simulator.",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'bmc COMMAND --help' for the options of a command."})
public final class Main implements Callable<Integer> {
    /** Subcommands that later work provides through {@link CliCommandProvider}. */
    static final List<Placeholder> PLANNED = List.of(
            new Placeholder("simulate", "Fleet mode on a virtual clock (needs the simulator module on the classpath)."));

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    public static void main(String[] args) {
        System.exit(commandLine(CliEnvironment.system(), ServiceLoader.load(CliCommandProvider.class)).execute(args));
    }

    /** The whole command tree; tests call {@code execute} on it with captured output. */
    public static CommandLine commandLine(CliEnvironment env, Iterable<CliCommandProvider> providers) {
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand(new DemoCommand(env));
        cl.addSubcommand(new AgentCommand(env));
        cl.addSubcommand(new MonitorCommand());
        for (CliCommandProvider p : providers) {
            Object command = p.createCommand(env);
            CommandLine sub = command instanceof CommandLine c ? c : new CommandLine(command);
            String name = sub.getCommandName();
            if (cl.getSubcommands().containsKey(name)) {
                throw new IllegalStateException("subcommand '" + name + "' of " + p.getClass().getName()
                        + " is already defined");
            }
            cl.addSubcommand(name, sub);
        }
        for (Placeholder p : PLANNED) {
            if (!cl.getSubcommands().containsKey(p.name)) {
                CommandLine sub = new CommandLine(new NotImplementedCommand());
                sub.getCommandSpec().usageMessage().description(p.description);
                cl.addSubcommand(p.name, sub);
            }
        }
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

    record Placeholder(String name, String description) {
    }
}
