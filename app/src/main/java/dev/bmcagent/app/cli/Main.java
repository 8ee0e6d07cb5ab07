package dev.bmcagent.app.cli;

import dev.bmcagent.agent.VersionProvider;
import dev.bmcagent.agent.config.ConfigException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
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
        System.exit(commandLine(CliEnvironment.system(), args).execute(args));
    }

    /** The whole command tree; tests call {@code execute} on it with captured output. */
    public static CommandLine commandLine(CliEnvironment env) {
        return commandLine(env, new String[0]);
    }

    /**
     * The command tree {@code args} need: only the subcommand their first argument names, when it names one (its
     * options, help and sub-subcommands complete), else the whole tree (no command, {@code --help}, {@code
     * --version}, a mistyped command: the top-level usage lists every command). Why: building a command runs its
     * class's static initialisers and picocli's model of its options; for {@code bmc agent} the other four commands
     * cost 55 classes (5,875 -> 5,820 on a restart; the {@code rollout status} command's {@code ObjectMapper} among
     * them) that it would keep for its whole life (docs/BENCHMARKS.md, footprint).
     */
    static CommandLine commandLine(CliEnvironment env, String[] args) {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("demo", () -> new DemoCommand(env));
        commands.put("agent", () -> new AgentCommand(env));
        commands.put("monitor", MonitorCommand::new);
        commands.put("simulate", () -> new SimulateCommand(env));
        commands.put("rollout", RolloutCommand::new);
        CommandLine cl = new CommandLine(new Main());
        Supplier<Object> named = args.length > 0 ? commands.get(args[0]) : null;
        if (named != null) {
            cl.addSubcommand(args[0], named.get());
        } else {
            commands.forEach((name, command) -> cl.addSubcommand(name, command.get()));
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
}
