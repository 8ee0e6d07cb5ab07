package dev.bmcagent.agent.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.event.InMemoryEventHistory;
import dev.bmcagent.core.host.HostPowerPort;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.core.node.HostInputs;
import dev.bmcagent.core.node.HostView;
import dev.bmcagent.journal.Stores;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configured boot order ({@code bootOrder}) is each node's before a host link carries anything from the host: a
 * host that is already at POST when the agent (re)starts and reports its order in its very first inputs has that
 * order reconciled. It used to be declared after the runtime had started, so such a report could find no declared
 * order and pass unchecked for that boot.
 */
class ConfiguredBootOrderTest {

    /** A host link that reports, the moment it is attached, a host at POST whose boot order is not the declared one. */
    private static final class HostAtPost implements HostLinkProvider {
        final List<PowerAction> actions = new CopyOnWriteArrayList<>();

        @Override
        public HostHardware hardware(int index) {
            return HostHardware.none();
        }

        @Override
        public HostPowerPort power(int index) {
            return actions::add;
        }

        @Override
        public <N extends HostInputs & HostView> AutoCloseable attach(N node, EventStream events) {
            node.powerGood(true);
            node.submit(new LifecycleInput.BootOrderReported(List.of("UEFI HTTP IPv4", "UEFI HTTP IPv6")));
            return () -> {};
        }

        @Override
        public void close() {}
    }

    @Test
    void anOrderReportedInTheHostsFirstInputsIsReconciledAgainstTheConfiguredOne(@TempDir Path dir) throws Exception {
        HostAtPost link = new HostAtPost();
        InMemoryEventHistory history = new InMemoryEventHistory();
        try (SystemScheduler scheduler = new SystemScheduler("boot-order-test");
                Stores stores = Stores.inMemory(Stores.DEFAULT_HISTORY_PER_HOST);
                BmcRuntime runtime = BmcRuntime.builder(
                                RuntimeOptions.builder(1, dir).build(), stores)
                        .history(history)
                        .link(Optional.of(link))
                        .bootOrder(List.of(".*IPv6.*", ".*IPv4.*"))
                        .start(scheduler, new SecureRandom())) {
            await().until(() -> !decisions(history).isEmpty());
            assertEquals(List.of(LifecycleEvent.ReconcileDecision.REAPPLY_AND_REBOOT), decisions(history));
            await().until(() -> !link.actions.isEmpty());
            assertEquals(List.of(PowerAction.WARM_RESET), link.actions);
            assertEquals(
                    List.of(".*IPv6.*", ".*IPv4.*"),
                    runtime.node(0).pendingBootOrder().current());
        }
    }

    private static List<LifecycleEvent.ReconcileDecision> decisions(InMemoryEventHistory history) {
        return history.read("host0", 1, 1_000).stream()
                .map(e -> e.event())
                .filter(LifecycleEvent.ReconcileDecided.class::isInstance)
                .map(e -> ((LifecycleEvent.ReconcileDecided) e).decision())
                .toList();
    }
}
