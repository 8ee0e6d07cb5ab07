package dev.bmcagent.bench;

import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.agent.history.LogEventHistory;
import dev.bmcagent.agent.runtime.BmcRuntime;
import dev.bmcagent.agent.runtime.RuntimeOptions;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.core.node.HostOperations;
import dev.bmcagent.core.node.HostView;
import dev.bmcagent.core.node.NodeTiming;
import dev.bmcagent.hostif.HostInterfaceClient;
import dev.bmcagent.hostif.VmMessage;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.sel.SelStore;
import dev.bmcagent.journal.FsyncPolicy;
import dev.bmcagent.journal.JournalOptions;
import dev.bmcagent.journal.StoreKind;
import dev.bmcagent.journal.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * An in-process agent for the benchmarks: a real {@link BmcRuntime} (one host, disk stores in a fresh temp
 * directory, event history in the stores' disk event log with the chosen fsync policy; the SEL journal is the
 * runtime's own, {@code JournalOptions.processCrashSafe()} = fsync NEVER) on 127.0.0.1 free ports, and a QEMU-like
 * {@link HostInterfaceClient} connected to host 0's VM link (connecting powers the host on).
 */
final class AgentRig implements AutoCloseable {
    /** NetFn App (06h), Set ACPI Power State (06h): S2_D2 is system 82h, device 82h (bit 7 = "set"). */
    static final int NETFN_APP = 0x06;

    static final int CMD_SET_ACPI = 0x06;
    static final int CMD_GET_DEVICE_ID = 0x01;
    static final byte[] S2_D2 = {(byte) 0x82, (byte) 0x82};
    static final byte[] S0_D0 = {(byte) 0x80, (byte) 0x80};
    static final byte[] S0_D1 = {(byte) 0x80, (byte) 0x81};

    final Path dir;
    final SystemScheduler scheduler = new SystemScheduler("bench-agent-scheduler");
    final SystemScheduler clientScheduler = new SystemScheduler("bench-host-client");
    final Stores stores;
    final LogEventHistory history;
    final BmcRuntime runtime;
    final HostInterfaceClient host;

    AgentRig(FsyncPolicy fsync, HostHardware hardware, NodeTiming timing) throws IOException {
        dir = Files.createTempDirectory("bmc-bench-");
        JournalOptions journal = new JournalOptions(fsync, JournalOptions.DEFAULT_BATCH_INTERVAL, scheduler);
        stores = Stores.onDisk(dir, Stores.DEFAULT_HISTORY_PER_HOST, journal, new SecureRandom());
        history = new LogEventHistory(stores.events());
        RuntimeOptions o = RuntimeOptions.builder(1, dir)
                .store(StoreKind.DISK)
                .timing(timing)
                .build();
        runtime = BmcRuntime.builder(o, stores)
                .history(history)
                .hardware(i -> hardware)
                .start(scheduler, new SecureRandom());
        host = new HostInterfaceClient(clientScheduler, VmCapabilities.QEMU, c -> {});
    }

    /** Host 0 as a reader sees it. */
    HostView node() {
        return runtime.node(0);
    }

    /** Host 0's SEL. */
    SelStore sel() {
        HostOperations host = runtime.node(0);
        return host.sel();
    }

    /** Connects the host (power-good follows from the QEMU capabilities) and waits until the agent sees power. */
    void powerOn() throws InterruptedException {
        host.connect(runtime.hostInterfaceAddress(0));
        waitFor(() -> node().state().powerOn(), Duration.ofSeconds(10), "host power-on");
    }

    /** One request, synchronously; fails unless the completion code is 00h. */
    void send(int cmd, byte[] data) throws Exception {
        VmMessage r = host.request(NETFN_APP, 0, cmd, data).get(5, TimeUnit.SECONDS);
        if (!CompletionCode.OK.equals(r.completionCode())) {
            throw new IllegalStateException(
                    String.format(Locale.ROOT, "06h/%02Xh answered %s", cmd, r.completionCode()));
        }
    }

    /** Events recorded for host0 so far (the stream's per-host sequence). */
    long lastSequence() {
        return runtime.events().lastSequence("host0");
    }

    /** A host-reported (not inferred) AcpiChanged to {@code system}. */
    static boolean isAcpi(HostEvent e, AcpiSystemState system) {
        return e.event() instanceof LifecycleEvent.AcpiChanged a && !a.inferred() && a.system() == system;
    }

    /** Bounded wait without sleeping in a loop body longer than 1 ms. */
    static void waitFor(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }

    @Override
    public void close() throws IOException {
        runtime.close();
        host.close();
        stores.close();
        clientScheduler.close();
        scheduler.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
