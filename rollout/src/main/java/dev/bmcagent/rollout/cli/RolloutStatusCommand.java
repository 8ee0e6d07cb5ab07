package dev.bmcagent.rollout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.rollout.mqtt.OnMessage;
import dev.bmcagent.rollout.mqtt.RolloutTopics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmc rollout status}: the reboot permits held now, read from their retained grant documents. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Lists the campaigns (retained bmc/rollout/campaign/<name>/state) and the reboot permits held "
                + "now (retained bmc/rollout/grant/<host> documents).")
public final class RolloutStatusCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @picocli.CommandLine.Mixin
    private BrokerLogin login;

    @Option(
            names = "--wait",
            defaultValue = "PT1S",
            description = "How long to collect retained documents (default: ${DEFAULT-VALUE}).")
    private Duration wait;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, JsonNode> grants = new TreeMap<>();
        Map<String, JsonNode> campaigns = new TreeMap<>();
        MqttAsyncClient client = new MqttAsyncClient(
                login.broker, "rollout-status-" + ProcessHandle.current().pid(), new MemoryPersistence());
        client.setCallback(new OnMessage((topic, m) -> {
            synchronized (grants) {
                Map<String, JsonNode> into = topic.endsWith("/state") ? campaigns : grants;
                try {
                    if (m.getPayload().length > 0) {
                        into.put(topic, JSON.readTree(m.getPayload()));
                    } else {
                        into.remove(topic);
                    }
                } catch (java.io.IOException e) {
                    grants.put(topic, JSON.createObjectNode().put("hostId", "(malformed)"));
                }
            }
        }));
        client.connect(login.options()).waitForCompletion(15_000);
        client.subscribe(
                        new String[] {RolloutTopics.grant("+"), RolloutTopics.PREFIX + "/campaign/+/state"},
                        new int[] {1, 1})
                .waitForCompletion(15_000);
        new java.util.concurrent.CountDownLatch(1).await(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        client.disconnect().waitForCompletion(5_000);
        client.close();
        synchronized (grants) {
            for (JsonNode c : campaigns.values()) {
                out.println(String.format(
                        java.util.Locale.ROOT,
                        "campaign %-12s %-8s wave %d, next host %d, " + "succeeded %d, failed %d, skipped %d",
                        c.path("name").asText(),
                        c.path("status").asText(),
                        c.path("wave").asInt(),
                        c.path("nextHost").asInt(),
                        c.path("succeeded").asInt(),
                        c.path("failed").asInt(),
                        c.path("skipped").asInt()));
            }
            out.println(grants.size() + " permit(s) held");
            for (JsonNode g : grants.values()) {
                out.println(String.format(
                        java.util.Locale.ROOT,
                        "%-12s %-10s #%-6d until %s  (%s, by %s)",
                        g.path("hostId").asText(),
                        g.path("group").asText(),
                        g.path("seq").asLong(),
                        g.path("expiresAt").asText(),
                        g.path("reason").asText(),
                        g.path("instance").asText()));
            }
        }
        out.flush();
        return 0;
    }
}
