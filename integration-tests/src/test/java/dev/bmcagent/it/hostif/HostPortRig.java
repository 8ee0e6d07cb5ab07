package dev.bmcagent.it.hostif;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.agent.runtime.BmcRuntime;
import dev.bmcagent.agent.runtime.RuntimeOptions;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.event.InMemoryEventHistory;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.core.node.HostNode;
import dev.bmcagent.core.node.NodeTiming;
import dev.bmcagent.core.sensor.Reading;
import dev.bmcagent.core.sensor.SensorKind;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.hostif.HostInterfaceClient;
import dev.bmcagent.hostif.VmMessage;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.journal.Account;
import dev.bmcagent.journal.Role;
import dev.bmcagent.journal.StoreKind;
import dev.bmcagent.journal.Stores;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent's runtime for one host (IPMI LAN and the VM host interface on 127.0.0.1 free ports) with sensor and fan
 * hardware that counts what it is asked: how often the DIMM on the shared SMBus was read and every fan duty set.
 * The host is a QEMU-like {@link HostInterfaceClient} sending the bytes a UEFI sends.
 */
final class HostPortRig implements AutoCloseable {
    static final String OPERATOR = "operator";
    static final String OPERATOR_PW = "Op-Secret-2026";
    static final String ADMIN = "admin";
    static final String ADMIN_PW = "Adm-Secret-2026";

    final SystemScheduler scheduler = new SystemScheduler("hostport-it");
    final SystemScheduler hostScheduler = new SystemScheduler("hostport-it-host");
    final Stores stores = Stores.inMemory(Stores.DEFAULT_HISTORY_PER_HOST);
    final AtomicInteger dimmReads = new AtomicInteger();
    final List<Integer> duties = new CopyOnWriteArrayList<>();
    final BmcRuntime runtime;
    final HostInterfaceClient host;

    HostPortRig(Path dir) throws java.io.IOException {
        stores.accounts().put(Account.of(ADMIN, ADMIN_PW, Role.ADMINISTRATOR)).join();
        stores.accounts().put(Account.of(OPERATOR, OPERATOR_PW, Role.OPERATOR)).join();
        List<SensorSpec> sensors = List.of(
                new SensorSpec("CPU_TEMP", SensorKind.TEMPERATURE, "hwmon0/temp1_input", GateClass.HOST_ON),
                new SensorSpec(
                        "DIMM_TEMP_A0", SensorKind.TEMPERATURE, "smbus:0x18", GateClass.NOT_DURING_FIRMWARE_INIT));
        HostHardware hardware = new HostHardware(
                sensors,
                s -> {
                    if (s.gate() == GateClass.NOT_DURING_FIRMWARE_INIT) {
                        dimmReads.incrementAndGet();
                    }
                    return new Reading.Value(40.0);
                },
                (zone, percent) -> duties.add(percent));
        RuntimeOptions o = RuntimeOptions.builder(1, dir)
                .store(StoreKind.MEMORY)
                .selCapacity(256)
                .timing(new NodeTiming(Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(100)))
                .build();
        runtime = BmcRuntime.builder(o, stores)
                .history(new InMemoryEventHistory())
                .hardware(i -> hardware)
                .start(scheduler, new SecureRandom());
        host = new HostInterfaceClient(hostScheduler, VmCapabilities.QEMU, c -> {});
    }

    HostNode node() {
        return runtime.node(0);
    }

    int ipmiPort() {
        return runtime.ipmiAddress(0).getPort();
    }

    /** The host powers on (QEMU connects) and its UEFI starts training memory: S2/D2, PEI, memory init. */
    void bootIntoMemoryTraining() {
        host.connect(runtime.hostInterfaceAddress(0));
        await().until(() -> node().state().powerOn());
        send(0x06, 0x06, "82 82"); // Set ACPI: S2, D2
        send(0x2C, 0x02, "AE 01000000 00100203 00"); // SBMR: PEI core 03021000h
        send(0x2C, 0x02, "AE 01000000 00100500 00"); // SBMR: memory init 00051000h
    }

    /** Sends one request as the host; asserts 00h; returns the response data. */
    byte[] send(int netFn, int cmd, String hex) {
        VmMessage r;
        try {
            r = host.request(netFn, 0, cmd, HexFormat.of().parseHex(hex.replace(" ", "")))
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("host request " + netFn + "/" + cmd + " failed", e);
        }
        assertEquals(
                CompletionCode.OK,
                r.completionCode(),
                () -> String.format(Locale.ROOT, "%02X/%02X %s", netFn, cmd, hex));
        return r.responseData();
    }

    @Override
    public void close() {
        host.close();
        runtime.close();
        stores.close();
        hostScheduler.close();
        scheduler.close();
    }
}
