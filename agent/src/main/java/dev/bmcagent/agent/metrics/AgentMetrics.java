package dev.bmcagent.agent.metrics;

import dev.bmcagent.acpi.lifecycle.BootCycle;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.core.event.EventListener;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.registry.Dispatcher;
import dev.bmcagent.redfish.backend.MetricsEndpoint;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The agent's Prometheus metrics (names and labels: docs/METRICS.md), served on the Redfish listener at
 * {@code /metrics}. Host lifecycle figures come from the event stream (one subscriber, the events as recorded), IPMI
 * figures from the command dispatcher (LAN and host interface), Redfish figures from the HTTP listener. Label values
 * come from fixed sets (host ids, enum names, completion codes, HTTP methods and statuses), so the series are bounded.
 * No metric takes exemplars: nothing in the agent traces, and the client's exemplar sampler would read the wall clock
 * on every observation (every IPMI message, every HTTP request) and keep a scheduler thread of its own.
 */
public final class AgentMetrics implements EventListener, Dispatcher.Observer, MetricsEndpoint {
    private static final double[] BOOT_SECONDS = {10, 30, 60, 120, 180, 300, 600, 900, 1800, 3600};
    private static final double[] REQUEST_SECONDS = {
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5
    };

    /**
     * Distinct boot-interface label values kept; later new names count as "other". The names come from what the
     * host reports (its boot order), so without a bound a host could grow the series without end.
     */
    public static final int MAX_INTERFACE_LABELS = 32;
    /** The {@code channel} label of the IPMI metrics, by index (see {@link #dispatched}). */
    private static final String[] IPMI_CHANNELS = {"lan", "system"};

    private final java.util.Set<String> interfaces = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Histogram bootDuration = histogram(
            "bmc_boot_duration_seconds",
            "Boot cycles that ended: time from power-on or reset to the end (OS running, off, reset)",
            BOOT_SECONDS,
            "host",
            "outcome");
    private final Counter timeLost = counter(
            "bmc_boot_time_lost_seconds_total",
            "Boot time lost to failed network-boot attempts, per boot interface",
            "host",
            "interface");
    private final Counter networkBootFailures = counter(
            "bmc_network_boot_failures_total",
            "Failed network-boot attempts, per boot interface and kind",
            "host",
            "interface",
            "kind");
    private final Counter alerts = counter(
            "bmc_alerts_raised_total",
            "Alerts raised (stuck memory training, network boot, pre-OS; slow boot; ...)",
            "host",
            "kind");
    private final Counter gateClosures =
            counter("bmc_sensor_gate_closures_total", "Sensor gate closures, per gate class", "host", "gate");
    private final Counter bootCycles = counter("bmc_boot_cycles_started_total", "Boot cycles started", "host");
    private final Counter ipmiRequests = counter(
            "bmc_ipmi_requests_total",
            "IPMI requests dispatched, per channel (lan, system) and completion code",
            "channel",
            "completion_code");
    private final Histogram ipmiLatency = histogram(
            "bmc_ipmi_request_duration_seconds",
            "IPMI command handling time (dispatch to response; RMCP+ session work and the wire not included)",
            REQUEST_SECONDS,
            "channel");
    private final AtomicReferenceArray<CounterDataPoint> ipmiRequestPoints = new AtomicReferenceArray<>(2 * 256);
    private final AtomicReferenceArray<DistributionDataPoint> ipmiLatencyPoints = new AtomicReferenceArray<>(2);
    private final Counter redfishRequests = counter(
            "bmc_redfish_requests_total",
            "HTTP requests the Redfish listener answered, per method and status (including /metrics)",
            "method",
            "status");
    private final Histogram redfishLatency = histogram(
            "bmc_redfish_request_duration_seconds",
            "Redfish request time from arrival to the end of the answer",
            REQUEST_SECONDS,
            "method");

    /** A counter in this registry, without exemplars (class comment). */
    private Counter counter(String name, String help, String... labels) {
        return Counter.builder()
                .name(name)
                .help(help)
                .labelNames(labels)
                .withoutExemplars()
                .register(registry);
    }

    /** A classic histogram with these bucket bounds in this registry, without exemplars (class comment). */
    private Histogram histogram(String name, String help, double[] bounds, String... labels) {
        return Histogram.builder()
                .name(name)
                .help(help)
                .labelNames(labels)
                .classicOnly()
                .classicUpperBounds(bounds)
                .withoutExemplars()
                .register(registry);
    }

    @Override
    public void onEvent(HostEvent e) {
        String host = e.hostId();
        LifecycleEvent event = e.event();
        if (event instanceof LifecycleEvent.BootCycleStarted) {
            bootCycles.labelValues(host).inc();
        } else if (event instanceof LifecycleEvent.BootCycleEnded end) {
            BootCycle c = end.cycle();
            Duration d = Duration.between(c.startedAt(), c.endedAt().orElse(end.at()));
            bootDuration
                    .labelValues(
                            host,
                            c.outcome()
                                    .map(o -> o.name().toLowerCase(Locale.ROOT))
                                    .orElse("unknown"))
                    .observe(Math.max(0, d.toNanos() / 1e9));
        } else if (event instanceof LifecycleEvent.NetworkBootFailed f) {
            String iface = interfaceLabel(f.interfaceName());
            timeLost.labelValues(host, iface).inc(Math.max(0, f.timeLost().toNanos() / 1e9));
            networkBootFailures.labelValues(host, iface, f.kind().name()).inc();
        } else if (event instanceof LifecycleEvent.AlertRaised a) {
            alerts.labelValues(host, a.alert().kind().name()).inc();
        } else if (event instanceof LifecycleEvent.GateChanged g && !g.open()) {
            gateClosures.labelValues(host, g.gate().name()).inc();
        }
    }

    private synchronized String interfaceLabel(String name) {
        if (interfaces.contains(name)) {
            return name;
        }
        if (interfaces.size() >= MAX_INTERFACE_LABELS) {
            return "other";
        }
        interfaces.add(name);
        return name;
    }

    /**
     * Every IPMI message is counted: the data points of (channel, completion code) and of each channel's latency are
     * looked up once and kept, instead of a label array, list, hex string and map look-up per message (the IPMI
     * thread's allocation, docs/BENCHMARKS.md). Index: channel (0 lan, 1 system) * 256 + completion code.
     */
    @Override
    public void dispatched(IpmiRequest request, IpmiResponse response, long nanos) {
        int channel = request.context().isSystemInterface() ? 1 : 0;
        int code = response.completionCode().value() & 0xFF;
        CounterDataPoint requests = ipmiRequestPoints.get(channel * 256 + code);
        if (requests == null) {
            requests = ipmiRequests.labelValues(
                    IPMI_CHANNELS[channel], HexFormat.of().withUpperCase().toHexDigits((byte) code));
            ipmiRequestPoints.set(channel * 256 + code, requests);
        }
        requests.inc();
        DistributionDataPoint latency = ipmiLatencyPoints.get(channel);
        if (latency == null) {
            latency = ipmiLatency.labelValues(IPMI_CHANNELS[channel]);
            ipmiLatencyPoints.set(channel, latency);
        }
        latency.observe(nanos / 1e9);
    }

    @Override
    public void requestDone(String method, int status, long nanos) {
        redfishRequests.labelValues(method, Integer.toString(status)).inc();
        redfishLatency.labelValues(method).observe(nanos / 1e9);
    }

    @Override
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
