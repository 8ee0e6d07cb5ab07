package dev.bmcagent.app.cli;

import dev.bmcagent.agent.AgentAssembly;
import dev.bmcagent.agent.account.AdminCredentials;
import dev.bmcagent.agent.account.BrokerAccounts;
import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.agent.config.DataDirectory;
import dev.bmcagent.agent.config.PartialConfig;
import dev.bmcagent.app.demo.DemoWorld;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.node.HostOperations;
import dev.bmcagent.core.sel.SelPrefill;
import dev.bmcagent.simulator.host.FaultFlag;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** What {@code demo} and {@code agent} share: resolve config, start the assembly, announce, wait, stop. */
final class RunCommand {
    private RunCommand() {}

    static AgentConfig resolve(PartialConfig partial, CliEnvironment env) {
        AgentConfig config = partial.resolve(DataDirectory.defaultFor(env.env(), env.home(), env.workingDirectory()));
        DataDirectory.check(config.dataDir());
        return config;
    }

    /** @param selPrefill records appended to every host's SEL before announcing ({@code --sel-prefill}) */
    static int run(AgentConfig config, CliEnvironment env, PrintWriter out, boolean demo, int selPrefill)
            throws IOException, InterruptedException {
        return run(config, env, out, demo, List.of(), selPrefill);
    }

    /**
     * @param faults     the demo's parsed {@code --fault} flags (only with {@code demo})
     * @param selPrefill records appended to every host's SEL before announcing ({@code --sel-prefill})
     */
    static int run(
            AgentConfig config,
            CliEnvironment env,
            PrintWriter out,
            boolean demo,
            List<FaultFlag> faults,
            int selPrefill)
            throws IOException, InterruptedException {
        SystemScheduler scheduler = new SystemScheduler("bmc-scheduler");
        AgentAssembly assembly;
        try {
            // the demo puts its world around the agent: embedded broker, simulated hosts
            assembly = demo
                    ? DemoWorld.start(config, scheduler, env.random(), faults)
                    : AgentAssembly.start(config, scheduler, env.random());
        } catch (IOException | RuntimeException e) {
            scheduler.close();
            throw e;
        }
        if (selPrefill > 0) {
            try {
                List<? extends HostOperations> hosts = assembly.runtime().nodes();
                hosts.forEach(n -> SelPrefill.fill(n.sel(), selPrefill));
            } catch (IllegalArgumentException e) {
                assembly.close();
                scheduler.close();
                throw new dev.bmcagent.agent.config.ConfigException("--sel-prefill", e.getMessage());
            }
            out.println("SEL of every host pre-filled with " + selPrefill + " records (--sel-prefill)");
        }
        out.println(announce(assembly.admin()));
        assembly.brokerAccounts().ifPresent(b -> out.println(announce(b)));
        if (demo) {
            out.print(ClientCommands.render(config, assembly.admin(), assembly.serving(), assembly.brokerAccounts()));
        }
        out.println("Running. Press Ctrl-C to stop.");
        out.flush();
        env.shutdown().awaitShutdown(() -> {
            assembly.close();
            scheduler.close();
        });
        return 0;
    }

    static String announce(BrokerAccounts b) {
        BrokerAccounts.Login m = b.monitor();
        String login = m.generated()
                ? "generated password (shown only this once, kept in " + m.file() + "): " + m.password()
                : "password in " + m.file();
        return "MQTT broker: only the agent publishes (user '" + b.agent().user() + "', password in "
                + b.agent().file() + "); monitors read as user '" + m.user() + "', " + login
                + (b.allowAnonymous() ? "; anonymous clients may read (loopback)" : "; no anonymous clients")
                + (b.coordinator() == null
                        ? ""
                        : "; the rollout coordinator logs in as '"
                                + b.coordinator().user() + "', password in "
                                + b.coordinator().file());
    }

    static String announce(AdminCredentials admin) {
        return switch (admin.source()) {
            case GENERATED ->
                "Admin user '" + admin.user() + "', generated password (shown only this once, " + "kept in "
                        + admin.file() + "): " + admin.password();
            case STORED -> "Admin user '" + admin.user() + "', password in " + admin.file();
            case CONFIGURED -> "Admin user '" + admin.user() + "', password as configured";
        };
    }
}
