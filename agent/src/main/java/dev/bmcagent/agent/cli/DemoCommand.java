package dev.bmcagent.agent.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bmc demo}: starts what this build has and prints client commands for every service. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Run the agent and print copy-paste client commands for it.",
            "Starts the stores and the admin account and prints commands for ipmitool, curl and mosquitto_sub "
                + "with the chosen ports.",
            "Services not wired into this build yet are marked \"(not yet served by this build)\". "
                + "Ctrl-C stops everything."})
final class DemoCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    private ConfigOptions options = new ConfigOptions();

    @Spec
    private CommandSpec spec;

    DemoCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        return RunCommand.run(RunCommand.resolve(options.toPartial(), env), env, spec.commandLine().getOut(), true,
                options.selPrefill());
    }
}
