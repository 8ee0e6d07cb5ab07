package dev.bmcagent.mqtt.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.acpi.lifecycle.BootCycle;
import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.common.log.RateLimitedLog;
import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.core.firmware.FirmwareStager;
import dev.bmcagent.core.host.HostPowerPort;
import dev.bmcagent.core.node.HostView;
import dev.bmcagent.core.reboot.PermitAnswer;
import dev.bmcagent.core.reboot.PermitTopics;
import dev.bmcagent.core.reboot.RebootAccounting;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's side of a campaign (docs/ROLLOUT.md §4): the campaign runner asks on {@code bmc/rollout/update/<host>}
 * for a host to reach target versions; for each component whose inventory version ({@link HostView#firmware()},
 * what the host reported through Set System Info Parameters) differs from its target, this stages the image
 * ({@link FirmwareStager}), asks for a reboot permit, resets the host, and once the OS runs again checks the
 * inventory; the outcome goes to {@code bmc/rollout/outcome/<host>}: ok, or DEADLINE (no permit, no OS within the
 * update's deadline, or the host powered off), MISSING_DIMM / BOOT_ORDER_ALARM (the agent's alerts when the OS
 * runs), WRONG_VERSION (not on the target after the reboot, or no stager). At most {@link #MAX_TARGETS} targets and
 * {@link #MAX_BODY} bytes per request; anything else is ignored (logged). One update per host at a time: a request
 * for a host that is being updated is ignored.
 */
public final class CampaignUpdates {
    /** Bodies above this are ignored: a campaign's targets for one host fit in far less. */
    public static final int MAX_BODY = 4096;
    /** Components per update: BIOS, BMC and a few NICs. */
    public static final int MAX_TARGETS = 16;
    /** Longest deadline a request may ask for (a day: as the longest alert limit). */
    public static final Duration MAX_DEADLINE = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(CampaignUpdates.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Refused requests are logged at most 5 per 10 s (whoever may publish update requests cannot flood the log). */
    private final RateLimitedLog refusals = new RateLimitedLog(log);

    private final MqttRebootPermits client;
    private final RebootAccounting accounting;
    private final List<HostView> nodes;
    private final IntFunction<HostPowerPort> backend;
    private final Optional<FirmwareStager> stager;
    private final Scheduler scheduler;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    public CampaignUpdates(
            MqttRebootPermits client,
            RebootAccounting accounting,
            List<? extends HostView> nodes,
            IntFunction<HostPowerPort> backend,
            Optional<FirmwareStager> stager,
            Scheduler scheduler) {
        this.client = Objects.requireNonNull(client, "client");
        this.accounting = Objects.requireNonNull(accounting, "accounting");
        this.nodes = List.copyOf(nodes);
        this.backend = Objects.requireNonNull(backend, "backend");
        this.stager = Objects.requireNonNull(stager, "stager");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Subscribes each host's update topic. */
    public void start() {
        accounting.onBootEnded(this::bootEnded);
        for (HostView n : nodes) {
            client.subscribe(PermitTopics.update(n.hostId()), (topic, body) -> onRequest(n, body));
        }
    }

    private void onRequest(HostView node, byte[] body) {
        String host = node.hostId();
        try {
            if (body.length > MAX_BODY) {
                throw new IllegalArgumentException(body.length + " bytes > " + MAX_BODY);
            }
            JsonNode r = JSON.readTree(body);
            String campaign = r.path("campaign").asText("");
            JsonNode t = r.path("targets");
            if (campaign.isEmpty()
                    || !t.isObject()
                    || t.size() > MAX_TARGETS
                    || !r.path("hostId").asText().equals(host)) {
                throw new IllegalArgumentException(
                        "needs campaign, hostId " + host + " and at most " + MAX_TARGETS + " targets");
            }
            Map<String, String> targets = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : t.properties()) {
                targets.put(e.getKey(), e.getValue().asText());
            }
            long seconds = r.path("deadlineSeconds").asLong(600);
            if (seconds < 1 || seconds > MAX_DEADLINE.toSeconds()) {
                throw new IllegalArgumentException(
                        "deadlineSeconds " + seconds + " out of 1.." + MAX_DEADLINE.toSeconds());
            }
            Job job = new Job(node, campaign, targets);
            if (jobs.putIfAbsent(host, job) != null) {
                log.info("{}: update for campaign {} ignored: an update is running", host, campaign);
                return;
            }
            job.timer = scheduler.schedule(
                    Duration.ofSeconds(seconds), () -> job.finish("DEADLINE", "not done within " + seconds + " s"));
            log.info("{}: campaign {} update to {}", host, campaign, targets);
            job.next();
        } catch (IOException | RuntimeException e) {
            refusals.warn(
                    scheduler.clock().instant(),
                    "update",
                    "{}: malformed update request ignored: {}",
                    host,
                    e.getMessage());
        }
    }

    private void bootEnded(String host, BootCycle.Outcome outcome) {
        Job job = jobs.get(host);
        if (job != null) {
            job.bootEnded(outcome);
        }
    }

    /** Updates running now. */
    public int running() {
        return jobs.size();
    }

    private final class Job {
        private final HostView node;
        private final String campaign;
        private final Map<String, String> targets;
        private final Deque<String> todo = new ArrayDeque<>();
        private volatile String rebooting;
        private volatile boolean asking;
        private volatile boolean over;
        private Scheduler.Cancellable timer;

        Job(HostView node, String campaign, Map<String, String> targets) {
            this.node = node;
            this.campaign = campaign;
            this.targets = targets;
            Map<String, String> now = node.firmware().firmwareVersions();
            targets.forEach((c, v) -> {
                if (!v.equals(now.get(c))) {
                    todo.add(c);
                }
            });
        }

        synchronized void next() {
            if (over) {
                return;
            }
            String c = todo.poll();
            if (c == null) {
                finish(null, "");
                return;
            }
            if (stager.isEmpty() || !stager.get().stage(node.index(), c, targets.get(c))) {
                finish(
                        "WRONG_VERSION",
                        stager.isEmpty()
                                ? "this agent cannot stage firmware (no stager)"
                                : "cannot stage " + c + " " + targets.get(c));
                return;
            }
            asking = true;
            accounting.reboot(
                    node.hostId(),
                    backend.apply(node.index()),
                    PowerAction.HARD_RESET,
                    "firmware " + c,
                    answer -> answered(c, answer));
        }

        /** Boots that end before the permit came are not this step's: only from here on is one awaited. */
        synchronized boolean answered(String c, PermitAnswer answer) {
            asking = false;
            if (over) {
                return false; // the deadline passed while waiting: no reboot, a late permit is handed back
            }
            if (answer.mayReboot()) {
                rebooting = c;
                return true;
            }
            finish("DEADLINE", "no reboot permit: " + answer.detail());
            return false;
        }

        synchronized void bootEnded(BootCycle.Outcome outcome) {
            if (over || rebooting == null || outcome == BootCycle.Outcome.RESET) {
                return;
            }
            String c = rebooting;
            rebooting = null;
            var alerts = node.state().alerts();
            if (outcome == BootCycle.Outcome.POWERED_OFF) {
                finish("DEADLINE", "the host powered off during the " + c + " step");
            } else if (alerts.containsKey(AlertKind.MISSING_MEMORY)) {
                finish("MISSING_DIMM", alerts.get(AlertKind.MISSING_MEMORY).toString());
            } else if (alerts.containsKey(AlertKind.BOOT_ORDER)) {
                finish("BOOT_ORDER_ALARM", alerts.get(AlertKind.BOOT_ORDER).toString());
            } else if (!targets.get(c).equals(node.firmware().firmwareVersions().get(c))) {
                finish(
                        "WRONG_VERSION",
                        c + " is " + node.firmware().firmwareVersions().get(c) + " after its reboot");
            } else {
                next();
            }
        }

        synchronized void finish(String failure, String detail) {
            if (over) {
                return;
            }
            over = true;
            if (timer != null) {
                timer.cancel();
            }
            jobs.remove(node.hostId(), this);
            if (asking) {
                accounting.permits().withdraw(node.hostId()); // no more repeats; a late grant is handed back
            }
            ObjectNode o = JSON.createObjectNode();
            o.put("schema", 1);
            o.put("campaign", campaign);
            o.put("hostId", node.hostId());
            o.put("ok", failure == null);
            if (failure != null) {
                o.put("failure", failure);
            }
            o.put("detail", detail);
            ObjectNode v = o.putObject("versions");
            node.firmware().firmwareVersions().forEach(v::put);
            log.info(
                    "{}: campaign {} update {}{}",
                    node.hostId(),
                    campaign,
                    failure == null ? "done" : failure,
                    detail.isEmpty() ? "" : ": " + detail);
            try {
                byte[] body = JSON.writeValueAsBytes(o);
                if (!client.publish(PermitTopics.outcome(node.hostId()), body)) {
                    log.warn(
                            "{}: outcome not published (broker unreachable); the campaign's deadline fails it",
                            node.hostId());
                }
            } catch (IOException e) {
                // cannot happen for a tree of strings
            }
        }
    }
}
