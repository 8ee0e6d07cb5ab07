package dev.bmcagent.agent.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.core.event.InMemoryEventHistory;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.core.node.HostNode;
import dev.bmcagent.core.node.NodeTiming;
import dev.bmcagent.hostif.HostInterfaceClient;
import dev.bmcagent.hostif.VmControl;
import dev.bmcagent.hostif.VmMessage;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.sel.SelRecord;
import dev.bmcagent.ipmi.sel.SelStore;
import dev.bmcagent.ipmi.sel.SystemEvent;
import dev.bmcagent.journal.Account;
import dev.bmcagent.journal.Role;
import dev.bmcagent.journal.StoreKind;
import dev.bmcagent.journal.Stores;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** A real BmcRuntime on 127.0.0.1 free ports with a disk SEL, and a QEMU-like host on its VM link. */
final class RuntimeFixture implements AutoCloseable {
    static final String ADMIN = "admin";
    static final String PASSWORD = "Wiring-Test-42";

    final SystemScheduler scheduler = new SystemScheduler("fixture-scheduler");
    final SystemScheduler clientScheduler = new SystemScheduler("fixture-client");
    final Stores stores = Stores.inMemory(Stores.DEFAULT_HISTORY_PER_HOST);
    final InMemoryEventHistory history = new InMemoryEventHistory();
    final List<VmControl> controls = new CopyOnWriteArrayList<>();
    final BmcRuntime runtime;
    final HostInterfaceClient host;

    RuntimeFixture(Path dataDir, IntFunction<HostHardware> hardware) throws IOException {
        stores.accounts().put(Account.of(ADMIN, PASSWORD, Role.ADMINISTRATOR)).join();
        RuntimeOptions o = RuntimeOptions.builder(1, dataDir)
                .store(StoreKind.DISK)
                .selCapacity(64)
                .timing(new NodeTiming(Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(100)))
                .build();
        runtime = BmcRuntime.builder(o, stores)
                .history(history)
                .hardware(hardware)
                .start(scheduler, new SecureRandom());
        host = new HostInterfaceClient(clientScheduler, VmCapabilities.QEMU, controls::add);
    }

    HostNode node() {
        return runtime.node(0);
    }

    void powerOn() {
        host.connect(runtime.hostInterfaceAddress(0));
        await().until(() -> node().state().powerOn());
    }

    /** Sends one request from the host; asserts completion code 00h; returns the response data. */
    byte[] send(int netFn, int cmd, String hex) {
        VmMessage r;
        try {
            r = host.request(netFn, 0, cmd, HexFormat.of().parseHex(hex.replace(" ", "")))
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("request " + netFn + "/" + cmd + " failed", e);
        }
        assertEquals(
                CompletionCode.OK,
                r.completionCode(),
                () -> String.format(Locale.ROOT, "%02X/%02X %s", netFn, cmd, hex));
        return r.responseData();
    }

    /** The SEL as "generator type/offset ED2" strings, e.g. "BMC 22/05 FF". */
    List<String> sel() {
        SelStore s = node().spec().sel();
        List<String> out = new ArrayList<>();
        OptionalInt id = s.first().map(r -> OptionalInt.of(r.recordId())).orElse(OptionalInt.empty());
        while (id.isPresent()) {
            SelRecord r = s.get(id.getAsInt()).orElseThrow();
            SystemEvent e = r.event();
            out.add(String.format(
                    Locale.ROOT,
                    "%s %02X/%02X %02X%s",
                    e.generatorId() == SystemEvent.GENERATOR_BMC ? "BMC" : "BIOS",
                    e.sensorType(),
                    e.offset(),
                    e.data2(),
                    e.deassertion() ? " deassert" : ""));
            id = s.nextId(r.recordId());
        }
        return out;
    }

    /** The recorded events of host0, by simple class name plus key fields. */
    List<HostEvent> events() {
        return history.read("host0", 1, 10_000);
    }

    @Override
    public void close() {
        runtime.close(); // first: a BMC restart must not look like a host power loss
        host.close();
        stores.close();
        clientScheduler.close();
        scheduler.close();
    }
}
