package dev.bmcagent.rollout.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.common.log.RateLimitedLog;
import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.core.reboot.PermitTopics;
import dev.bmcagent.mqtt.telemetry.PahoThreads;
import dev.bmcagent.rollout.campaign.CampaignRunner;
import dev.bmcagent.rollout.campaign.CampaignSpec;
import dev.bmcagent.rollout.campaign.CampaignStatus;
import dev.bmcagent.rollout.campaign.HostFirmwareVersions;
import dev.bmcagent.rollout.campaign.HostOutcome;
import dev.bmcagent.rollout.campaign.HostUpdater;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs campaigns from the broker (docs/ROLLOUT.md §4): {@code bmc rollout start|pause|resume|abort} publish commands
 * on {@code bmc/rollout/campaign/<name>/command}; this service runs each started campaign's {@link CampaignRunner}
 * and keeps its state in the retained {@code bmc/rollout/campaign/<name>/state}. The runner's {@link HostUpdater}
 * asks the host's agent on {@code bmc/rollout/update/<host>} and takes its answer from
 * {@code bmc/rollout/outcome/<host>}; what a host runs ({@link HostFirmwareVersions}) comes from the agents' retained
 * state documents ({@code bmc/<site>/<bmc-id>/<host>/state}, object {@code firmware}: the inventory the agent holds).
 * Messages are handled on one thread of this service's own (never Paho's, as the state publisher waits for acks).
 * Commands over {@link #MAX_COMMAND} bytes or naming more than {@link #MAX_HOSTS} hosts are refused (logged).
 */
public final class MqttCampaignService implements AutoCloseable {
    /** A start command lists the campaign's hosts: 10,000 ids of up to ~20 bytes fit. */
    public static final int MAX_COMMAND = 256 * 1024;
    /** Hosts in one campaign (the largest fleet the benchmark runs). */
    public static final int MAX_HOSTS = 10_000;
    /** Agents' state documents kept for their firmware; one per host. */
    public static final int MAX_INVENTORY = 100_000;

    private static final Logger log = LoggerFactory.getLogger(MqttCampaignService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Refused messages: at most 5 lines per 10 s per kind. */
    private final RateLimitedLog refusals = new RateLimitedLog(log);

    private final String brokerUri;
    private final String instance;
    private final Scheduler scheduler;
    private final Map<String, Map<String, String>> inventory = new ConcurrentHashMap<>();
    private final Map<String, CampaignRunner> campaigns = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "campaigns");
        t.setDaemon(true);
        return t;
    });
    private ScheduledThreadPoolExecutor threads;
    private MqttAsyncClient client;
    private String user;
    private String password;
    private int maxInventory = MAX_INVENTORY;

    private record Pending(String campaign, Consumer<HostOutcome> done) {}

    public MqttCampaignService(String brokerUri, String instance, Scheduler scheduler) {
        this.brokerUri = Objects.requireNonNull(brokerUri, "brokerUri");
        this.instance = Objects.requireNonNull(instance, "instance");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    public MqttCampaignService withCredentials(String user, String password) {
        this.user = user;
        this.password = password;
        return this;
    }

    /** At most {@code max} agents' inventories are kept (default {@link #MAX_INVENTORY}). Call before start. */
    public MqttCampaignService withInventoryLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max " + max);
        }
        this.maxInventory = max;
        return this;
    }

    public synchronized void start() throws MqttException {
        threads = PahoThreads.create("campaigns-" + instance);
        client = new MqttAsyncClient(
                brokerUri,
                "rollout-campaigns-" + instance,
                new MemoryPersistence(),
                new TimerPingSender(threads),
                threads);
        client.setCallback(new OnMessage((topic, m) -> work.execute(() -> handle(topic, m))));
        MqttConnectionOptions c = new MqttConnectionOptions();
        c.setCleanStart(true);
        c.setAutomaticReconnect(true);
        if (user != null) {
            c.setUserName(user);
            c.setPassword(password == null ? null : password.getBytes(StandardCharsets.UTF_8));
        }
        client.connect(c).waitForCompletion(15_000);
        client.subscribe(
                        new String[] {
                            "bmc/+/+/+/state",
                            PermitTopics.PREFIX + "/outcome/+",
                            PermitTopics.PREFIX + "/campaign/+/command"
                        },
                        new int[] {0, 1, 1})
                .waitForCompletion(15_000);
    }

    private void handle(String topic, MqttMessage m) {
        byte[] body = m.getPayload();
        try {
            if (topic.endsWith("/state") && !topic.startsWith(PermitTopics.PREFIX + "/")) {
                onAgentState(topic, body);
            } else if (topic.startsWith(PermitTopics.PREFIX + "/outcome/")) {
                onOutcome(body);
            } else if (topic.endsWith("/command")) {
                onCommand(topic, body);
            }
        } catch (IOException | RuntimeException e) {
            refusals.warn(
                    scheduler.clock().instant(),
                    "refused",
                    "campaigns {}: message on {} refused: {}",
                    instance,
                    topic,
                    e.getMessage());
        }
    }

    private void onAgentState(String topic, byte[] body) throws IOException {
        String host = topic.split("/", -1)[3];
        if (body.length == 0) {
            inventory.remove(host);
            return;
        }
        if (!inventory.containsKey(host) && inventory.size() >= maxInventory) {
            return; // a new host beyond the limit: not kept (the campaign then asks its agent)
        }
        JsonNode fw = JSON.readTree(body).path("firmware");
        Map<String, String> v = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : fw.properties()) {
            v.put(e.getKey(), e.getValue().asText());
        }
        inventory.put(host, Map.copyOf(v));
    }

    /** What the agents report their hosts run (their firmware inventory, from the retained state documents). */
    public HostFirmwareVersions versions() {
        return host -> inventory.getOrDefault(host, Map.of());
    }

    private void onOutcome(byte[] body) throws IOException {
        JsonNode o = JSON.readTree(body);
        String host = o.path("hostId").asText();
        Pending p = pending.get(host);
        if (p == null || !p.campaign().equals(o.path("campaign").asText())) {
            return; // not ours, or late (the campaign's deadline already failed the host)
        }
        pending.remove(host, p);
        if (o.path("versions").isObject()) {
            Map<String, String> v = new LinkedHashMap<>();
            o.path("versions")
                    .properties()
                    .forEach(e -> v.put(e.getKey(), e.getValue().asText()));
            inventory.put(host, Map.copyOf(v));
        }
        HostOutcome outcome = o.path("ok").asBoolean()
                ? HostOutcome.ok(host)
                : HostOutcome.failed(
                        host,
                        HostOutcome.Failure.valueOf(o.path("failure").asText()),
                        o.path("detail").asText(""));
        p.done().accept(outcome);
    }

    private final HostUpdater updater = new HostUpdater() {
        @Override
        public void update(String hostId, CampaignSpec spec, Consumer<HostOutcome> done) {
            pending.put(hostId, new Pending(spec.name(), done));
            ObjectNode r = JSON.createObjectNode();
            r.put("schema", 1);
            r.put("campaign", spec.name());
            r.put("hostId", hostId);
            ObjectNode t = r.putObject("targets");
            spec.targets().forEach(t::put);
            r.put("deadlineSeconds", spec.hostDeadline().toSeconds());
            try {
                client.publish(PermitTopics.update(hostId), JSON.writeValueAsBytes(r), 1, false);
            } catch (MqttException | IOException e) {
                log.warn(
                        "campaign {}: update request for {} not sent ({}); its deadline fails it",
                        spec.name(),
                        hostId,
                        e.toString());
            }
        }
    };

    private void onCommand(String topic, byte[] body) throws IOException {
        String name = topic.split("/", -1)[3];
        if (body.length > MAX_COMMAND) {
            throw new IllegalArgumentException(body.length + " bytes > " + MAX_COMMAND);
        }
        JsonNode c = JSON.readTree(body);
        String action = c.path("action").asText();
        CampaignRunner runner = campaigns.get(name);
        switch (action) {
            case "start" -> {
                if (runner != null
                        && runner.state().status() != CampaignStatus.DONE
                        && runner.state().status() != CampaignStatus.ABORTED) {
                    throw new IllegalStateException(
                            "campaign " + name + " is " + runner.state().status());
                }
                CampaignSpec spec = spec(name, c.path("spec"));
                CampaignRunner r = new CampaignRunner(spec, updater, versions(), scheduler, this::publishState);
                campaigns.put(name, r);
                log.info(
                        "campaign {} started by command: {} hosts, targets {}",
                        name,
                        spec.hosts().size(),
                        spec.targets());
                r.start();
            }
            case "pause" -> require(runner, name).pause();
            case "resume" -> require(runner, name).resume();
            case "abort" -> require(runner, name).abort();
            default -> throw new IllegalArgumentException("unknown action '" + action + "'");
        }
    }

    private static CampaignRunner require(CampaignRunner r, String name) {
        if (r == null) {
            throw new IllegalStateException("no campaign " + name + " runs on this instance");
        }
        return r;
    }

    /** The spec of a start command (its JSON Schema is in docs/ROLLOUT.md). */
    static CampaignSpec spec(String name, JsonNode s) {
        List<String> hosts = new ArrayList<>();
        for (JsonNode h : s.path("hosts")) {
            hosts.add(h.asText());
        }
        if (hosts.isEmpty() || hosts.size() > MAX_HOSTS) {
            throw new IllegalArgumentException("a campaign needs 1.." + MAX_HOSTS + " hosts, got " + hosts.size());
        }
        Map<String, String> targets = new LinkedHashMap<>();
        s.path("targets")
                .properties()
                .forEach(e -> targets.put(e.getKey(), e.getValue().asText()));
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a campaign needs targets");
        }
        List<String> order = new ArrayList<>();
        s.path("bootOrder").forEach(o -> order.add(o.asText()));
        return new CampaignSpec(
                name,
                hosts,
                targets,
                order,
                s.path("canary").asInt(1),
                s.path("growth").asDouble(2),
                s.path("maxWave").asInt(Math.max(1, hosts.size())),
                s.path("haltFailureRate").asDouble(0.2),
                Duration.ofSeconds(s.path("hostDeadlineSeconds").asLong(600)));
    }

    /** The JSON of a spec, as {@code bmc rollout start} sends it. */
    public static ObjectNode specJson(CampaignSpec spec) {
        ObjectNode s = JSON.createObjectNode();
        ArrayNode h = s.putArray("hosts");
        spec.hosts().forEach(h::add);
        ObjectNode t = s.putObject("targets");
        spec.targets().forEach(t::put);
        ArrayNode o = s.putArray("bootOrder");
        spec.bootOrder().forEach(o::add);
        s.put("canary", spec.canary());
        s.put("growth", spec.growth());
        s.put("maxWave", spec.maxWave());
        s.put("haltFailureRate", spec.haltFailureRate());
        s.put("hostDeadlineSeconds", spec.hostDeadline().toSeconds());
        return s;
    }

    private void publishState(dev.bmcagent.rollout.campaign.CampaignState s) {
        try {
            client.publish(CampaignDocuments.stateTopic(s.name()), CampaignDocuments.toJson(s), 1, true);
        } catch (MqttException e) {
            log.warn("campaign {}: state not published: {}", s.name(), e.toString());
        }
    }

    /** The campaign's runner on this instance, if it runs here. */
    public java.util.Optional<CampaignRunner> campaign(String name) {
        return java.util.Optional.ofNullable(campaigns.get(name));
    }

    @Override
    public synchronized void close() {
        work.shutdownNow();
        try {
            if (client != null) {
                if (client.isConnected()) {
                    client.disconnect().waitForCompletion(5_000);
                }
                client.close(true);
            }
        } catch (MqttException e) {
            // closing
        }
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
