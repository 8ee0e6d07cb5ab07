package dev.bmcagent.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Registered in test META-INF/services: proves a module can replace the {@code simulate} placeholder. */
public final class EchoSimulateProvider implements CliCommandProvider {
    @Override
    public Object createCommand(CliEnvironment environment) {
        return new Simulate();
    }

    @Command(name = "simulate", description = "test simulate")
    static final class Simulate implements Callable<Integer> {
        @Option(names = "--hosts")
        int hosts;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println("simulating " + hosts + " hosts");
            return 0;
        }
    }
}
