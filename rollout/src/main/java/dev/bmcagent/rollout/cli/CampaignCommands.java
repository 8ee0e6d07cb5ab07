package dev.bmcagent.rollout.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.rollout.campaign.CampaignSpec;
import dev.bmcagent.rollout.mqtt.MqttCampaignService;
import dev.bmcagent.rollout.mqtt.RolloutTopics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bmc rollout start|pause|resume|abort}: one command message on {@code bmc/rollout/campaign/<name>/command}
 * (QoS 1, acknowledged by the broker before the command returns) for the coordinator instance that runs campaigns
 * ({@code bmc rollout coordinator --campaigns}). Progress: {@code bmc rollout status}.
 */
public final class CampaignCommands {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CampaignCommands() {}

    static int send(BrokerLogin login, String name, ObjectNode command, PrintWriter out) throws Exception {
        if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("campaign name '" + name + "': 1..64 of A-Z a-z 0-9 _ . -");
        }
        MqttAsyncClient client = new MqttAsyncClient(
                login.broker, "rollout-cli-" + ProcessHandle.current().pid(), new MemoryPersistence());
        try {
            client.connect(login.options()).waitForCompletion(15_000);
            client.publish(RolloutTopics.command(name), JSON.writeValueAsBytes(command), 1, false)
                    .waitForCompletion(15_000);
            client.disconnect().waitForCompletion(5_000);
        } finally {
            client.close();
        }
        out.println(command.path("action").asText() + " sent for campaign " + name + " (" + RolloutTopics.command(name)
                + ")");
        out.flush();
        return 0;
    }

    /** {@code bmc rollout start}. */
    @Command(
            name = "start",
            mixinStandardHelpOptions = true,
            description = "Starts a campaign: target versions for a list of hosts, rolled in waves under permits.")
    public static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        BrokerLogin login;

        @Option(
                names = "--name",
                required = true,
                description = "Campaign name (its state: " + "bmc/rollout/campaign/<name>/state).")
        String name;

        @Option(
                names = "--hosts",
                required = true,
                split = ",",
                description = "Hosts in rollout order, e.g. " + "host0,host1 (host0..host7 expands).")
        List<String> hosts;

        @Option(
                names = "--target",
                required = true,
                description = "COMPONENT=VERSION as the inventory names them, "
                        + "e.g. 'BIOS=SIM-BIOS 1.50'; repeat for several.")
        Map<String, String> targets;

        @Option(names = "--boot-order", split = ",", description = "Boot-order patterns every host must end with.")
        List<String> bootOrder = new ArrayList<>();

        @Option(
                names = "--canary",
                defaultValue = "1",
                description = "Hosts in the first wave (default: ${DEFAULT-VALUE}).")
        int canary;

        @Option(
                names = "--growth",
                defaultValue = "2",
                description = "Each wave this many times the previous (default: ${DEFAULT-VALUE}).")
        double growth;

        @Option(names = "--max-wave", defaultValue = "100", description = "Largest wave (default: ${DEFAULT-VALUE}).")
        int maxWave;

        @Option(
                names = "--halt-rate",
                defaultValue = "0.2",
                description = "A wave failing more than this fraction halts the campaign (default: ${DEFAULT-VALUE}).")
        double haltRate;

        @Option(
                names = "--host-deadline",
                defaultValue = "PT10M",
                description = "A host not done within this fails, ISO-8601 (default: ${DEFAULT-VALUE}).")
        Duration hostDeadline;

        @Override
        public Integer call() throws Exception {
            CampaignSpec s = new CampaignSpec(
                    name,
                    expand(hosts),
                    targets,
                    bootOrder,
                    canary,
                    growth,
                    Math.max(canary, maxWave),
                    haltRate,
                    hostDeadline);
            if (s.hosts().size() > MqttCampaignService.MAX_HOSTS) {
                throw new IllegalArgumentException("at most " + MqttCampaignService.MAX_HOSTS + " hosts");
            }
            ObjectNode c = JSON.createObjectNode().put("action", "start");
            c.set("spec", MqttCampaignService.specJson(s));
            return send(login, name, c, spec.commandLine().getOut());
        }

        /** "host0..host7" → host0, host1 ... host7; anything else as written. */
        static List<String> expand(List<String> hosts) {
            List<String> out = new ArrayList<>();
            for (String h : hosts) {
                var m = java.util.regex.Pattern.compile("([A-Za-z_-]*)(\\d+)\\.\\.\\1(\\d+)")
                        .matcher(h);
                if (m.matches()) {
                    int from = Integer.parseInt(m.group(2));
                    int to = Integer.parseInt(m.group(3));
                    if (to < from || to - from >= MqttCampaignService.MAX_HOSTS) {
                        throw new IllegalArgumentException("bad host range " + h);
                    }
                    for (int i = from; i <= to; i++) {
                        out.add(m.group(1) + i);
                    }
                } else {
                    out.add(h);
                }
            }
            return out;
        }
    }

    /** pause / resume / abort: the same message with another action. */
    abstract static class Action implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        BrokerLogin login;

        @Option(names = "--name", required = true, description = "Campaign name.")
        String name;

        abstract String action();

        @Override
        public Integer call() throws Exception {
            return send(
                    login,
                    name,
                    JSON.createObjectNode().put("action", action()),
                    spec.commandLine().getOut());
        }
    }

    /** {@code bmc rollout pause}. */
    @Command(
            name = "pause",
            mixinStandardHelpOptions = true,
            description = "Pauses a campaign: the wave in flight finishes, no new wave starts.")
    public static final class Pause extends Action {
        @Override
        String action() {
            return "pause";
        }
    }

    /** {@code bmc rollout resume}. */
    @Command(
            name = "resume",
            mixinStandardHelpOptions = true,
            description = "Resumes a paused or halted campaign with the next host in order.")
    public static final class Resume extends Action {
        @Override
        String action() {
            return "resume";
        }
    }

    /** {@code bmc rollout abort}. */
    @Command(
            name = "abort",
            mixinStandardHelpOptions = true,
            description = "Aborts a campaign: no host is started any more.")
    public static final class Abort extends Action {
        @Override
        String action() {
            return "abort";
        }
    }
}
