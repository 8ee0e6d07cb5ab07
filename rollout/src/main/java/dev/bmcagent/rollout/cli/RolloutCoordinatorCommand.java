package dev.bmcagent.rollout.cli;

import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.rollout.mqtt.MqttCampaignService;
import dev.bmcagent.rollout.mqtt.MqttPermitCoordinator;
import dev.bmcagent.rollout.permit.PermitPolicy;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmc rollout coordinator}: one reboot-permit coordinator instance over MQTT 5; run several. */
@Command(
        name = "coordinator",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one reboot-permit coordinator instance (docs/ROLLOUT.md) until interrupted.",
            "Start several with different --instance names on the same broker: they share the work and any may die."
        })
public final class RolloutCoordinatorCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @picocli.CommandLine.Mixin
    private BrokerLogin login;

    @Option(
            names = "--campaigns",
            description = "Also run campaigns started with 'bmc rollout start' (run this on " + "one instance only).")
    private boolean campaigns;

    @Option(names = "--instance", required = true, description = "This instance's name (unique among coordinators).")
    private String instance;

    @Option(names = "--fleet-size", required = true, description = "Hosts in the fleet (the percentage is of this).")
    private int fleetSize;

    @Option(
            names = "--percent",
            defaultValue = "5",
            description = "At most this %% of the fleet rebooting (default: ${DEFAULT-VALUE}).")
    private double percent;

    @Option(
            names = "--per-group",
            defaultValue = "10",
            description = "At most this many permits per group (default: ${DEFAULT-VALUE}).")
    private int perGroup;

    @Option(
            names = "--lease",
            defaultValue = "PT1H",
            description = "Permit lease, ISO-8601 (default: ${DEFAULT-VALUE}).")
    private Duration lease;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PermitPolicy policy = new PermitPolicy(perGroup, percent, fleetSize, lease);
        String broker = login.broker;
        try (SystemScheduler clock = new SystemScheduler("rollout-clock");
                MqttPermitCoordinator c = new MqttPermitCoordinator(broker, instance, policy, clock.clock())
                        .withCredentials(login.user, login.password());
                MqttCampaignService runs = new MqttCampaignService(broker, instance, clock)
                        .withCredentials(login.user, login.password())) {
            c.start();
            if (campaigns) {
                runs.start();
            }
            out.println("coordinator " + instance + " ready on " + broker + ": at most " + policy.fleetCap()
                    + " permits (" + percent + " % of " + fleetSize + "), " + perGroup + " per group, lease " + lease
                    + (campaigns ? "; runs campaigns" : ""));
            out.flush();
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
