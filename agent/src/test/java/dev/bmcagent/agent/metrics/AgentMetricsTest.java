package dev.bmcagent.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.BootCycle;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Events → series, and the bound on host-named label values. */
class AgentMetricsTest {
    private static final Instant T0 = Instant.parse("2026-12-06T05:00:00Z");
    private final AgentMetrics metrics = new AgentMetrics();
    private long seq;

    private void feed(LifecycleEvent e) {
        metrics.onEvent(new HostEvent("host0", ++seq, "s", T0, 0, e));
    }

    private String text() {
        return new String(metrics.scrape(), StandardCharsets.UTF_8);
    }

    @Test
    void lifecycleEventsMoveTheirSeries() {
        feed(new LifecycleEvent.BootCycleStarted(1, "power on", T0));
        feed(new LifecycleEvent.GateChanged(GateClass.HOST_ON, false, T0));
        feed(new LifecycleEvent.GateChanged(GateClass.HOST_ON, true, T0));
        feed(new LifecycleEvent.NetworkBootFailed(
                "NIC0", LifecycleInput.BootErrorKind.PXE_SERVER_NOT_FOUND, Duration.ofSeconds(42), T0));
        BootCycle ended = new BootCycle(
                1,
                T0,
                "power on",
                List.of(),
                List.of(),
                List.of(),
                Optional.of(T0.plusSeconds(95)),
                Optional.of(BootCycle.Outcome.OS_RUNNING));
        feed(new LifecycleEvent.BootCycleEnded(ended, T0.plusSeconds(95)));
        metrics.requestDone("GET", 401, 1_000_000);
        String t = text();
        assertTrue(t.contains("bmc_boot_cycles_started_total{host=\"host0\"} 1.0"), t);
        assertTrue(t.contains("bmc_sensor_gate_closures_total{gate=\"HOST_ON\",host=\"host0\"} 1.0"), t);
        assertTrue(t.contains("bmc_boot_time_lost_seconds_total{host=\"host0\",interface=\"NIC0\"} 42.0"), t);
        assertTrue(t.contains("bmc_boot_duration_seconds_sum{host=\"host0\",outcome=\"os_running\"} 95.0"), t);
        assertTrue(
                t.contains("bmc_boot_duration_seconds_bucket{host=\"host0\",outcome=\"os_running\",le=\"120.0\"} 1"),
                t);
        assertTrue(t.contains("bmc_redfish_requests_total{method=\"GET\",status=\"401\"} 1.0"), t);
    }

    @Test
    void interfaceLabelsAreBounded() {
        for (int i = 0; i < AgentMetrics.MAX_INTERFACE_LABELS + 10; i++) {
            feed(new LifecycleEvent.NetworkBootFailed(
                    "NIC" + i, LifecycleInput.BootErrorKind.PXE_SERVER_NOT_FOUND, Duration.ofSeconds(1), T0));
        }
        String t = text();
        long series = t.lines()
                .filter(l -> l.startsWith("bmc_boot_time_lost_seconds_total{"))
                .count();
        assertEquals(AgentMetrics.MAX_INTERFACE_LABELS + 1, series, t);
        assertTrue(t.contains("bmc_boot_time_lost_seconds_total{host=\"host0\",interface=\"other\"} 10.0"), t);
        assertTrue(t.contains("interface=\"NIC0\""), t);
    }

    @Test
    void ipmiMessagesAreCountedPerChannelAndCompletionCode() {
        IpmiRequest lan = new IpmiRequest(RequestContext.outsideSession(0), 0x06, 0, 0x01, new byte[0]);
        IpmiRequest system = new IpmiRequest(RequestContext.systemInterface(0), 0x06, 0, 0x01, new byte[0]);
        for (int i = 0; i < 3; i++) {
            metrics.dispatched(lan, IpmiResponse.ok(), 20_000);
        }
        metrics.dispatched(lan, IpmiResponse.error(CompletionCode.INVALID_COMMAND), 30_000);
        metrics.dispatched(system, IpmiResponse.ok(), 40_000);
        metrics.dispatched(system, IpmiResponse.ok(), 40_000);
        String text = text();
        assertTrue(text.contains("bmc_ipmi_requests_total{channel=\"lan\",completion_code=\"00\"} 3.0"), text);
        assertTrue(text.contains("bmc_ipmi_requests_total{channel=\"lan\",completion_code=\"C1\"} 1.0"), text);
        assertTrue(text.contains("bmc_ipmi_requests_total{channel=\"system\",completion_code=\"00\"} 2.0"), text);
        assertTrue(text.contains("bmc_ipmi_request_duration_seconds_count{channel=\"lan\"} 4"), text);
        assertTrue(text.contains("bmc_ipmi_request_duration_seconds_count{channel=\"system\"} 2"), text);
    }

    /**
     * No exemplars (nothing here traces): the client's exemplar sampler would read the wall clock on every observation
     * and start its own scheduler thread at the first one.
     */
    @Test
    void observationsTakeNoExemplarsAndStartNoThread() {
        IpmiRequest lan = new IpmiRequest(RequestContext.outsideSession(0), 0x06, 0, 0x01, new byte[0]);
        for (int i = 0; i < 100; i++) {
            metrics.dispatched(lan, IpmiResponse.ok(), 20_000 + i);
            metrics.requestDone("GET", 200, 1_000_000 + i);
        }
        feed(new LifecycleEvent.BootCycleStarted(1, "power on", T0));
        assertTrue(text().contains("bmc_ipmi_request_duration_seconds_count{channel=\"lan\"} 100"));
        List<String> scheduler = Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(n -> n.startsWith("prometheus-metrics-scheduler"))
                .toList();
        assertEquals(List.of(), scheduler);
    }
}
