package dev.bmcagent.agent.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.agent.config.PowerConfig;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.event.InMemoryEventHistory;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.core.node.NodeTiming;
import dev.bmcagent.hostif.HostInterfaceClient;
import dev.bmcagent.hostif.VmCodes;
import dev.bmcagent.ipmi.command.chassis.ChassisAction;
import dev.bmcagent.ipmi.command.chassis.HostControl;
import dev.bmcagent.journal.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A QEMU-like host on the VM link (caps 3Fh, no standby: it exits on {@code 03 A1}, the link disconnects). A power
 * cycle is off, the configured off time after the disconnect, then the {@code power.on} command; without any way to
 * power it on again the cycle is refused (D5h) rather than leaving the host off.
 */
class QemuPowerCycleTest {
    @TempDir
    Path dir;

    private BmcRuntime start(PowerConfig power, SystemScheduler scheduler) throws Exception {
        RuntimeOptions o = RuntimeOptions.builder(1, dir)
                .selCapacity(64)
                .timing(new NodeTiming(Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(100)))
                .power(power)
                .build();
        return BmcRuntime.builder(o, Stores.inMemory(Stores.DEFAULT_HISTORY_PER_HOST))
                .history(new InMemoryEventHistory())
                .start(scheduler, new SecureRandom());
    }

    @Test
    void cycleWaitsForTheDisconnectThenTheOffTimeThenRunsTheOnCommand() throws Exception {
        Path log = dir.resolve("on.log");
        PowerConfig power = new PowerConfig(
                Map.of(PowerAction.ON, List.of("sh", "-c", "date +%s%N >> " + log)),
                Duration.ofSeconds(5),
                Duration.ofSeconds(1));
        AtomicLong disconnectedAt = new AtomicLong();
        try (SystemScheduler scheduler = new SystemScheduler("qemu-cycle");
                SystemScheduler clientScheduler = new SystemScheduler("qemu-cycle-client");
                BmcRuntime runtime = start(power, scheduler)) {
            HostInterfaceClient[] qemu = new HostInterfaceClient[1];
            qemu[0] = new HostInterfaceClient(clientScheduler, VmCapabilities.QEMU, c -> {
                if (c.op() == VmCodes.OP_POWEROFF) {
                    disconnectedAt.set(System.nanoTime());
                    clientScheduler.schedule(Duration.ZERO, qemu[0]::close); // QEMU exits
                }
            });
            qemu[0].connect(runtime.hostInterfaceAddress(0));
            await().until(() -> runtime.node(0).state().powerOn());
            long before = System.nanoTime();
            assertEquals(
                    HostControl.Result.DONE, runtime.node(0).hostControl().powerControl(ChassisAction.POWER_CYCLE));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(log));
            // the file appears only when the on command ran: after the disconnect and the 1 s off time
            long sinceRequestMs = (System.nanoTime() - before) / 1_000_000;
            assertTrue(disconnectedAt.get() > before, "03 A1 reached the host");
            assertTrue(sinceRequestMs >= 1000, sinceRequestMs + " ms");
            assertEquals(1, Files.readAllLines(log).size());
            assertTrue(!runtime.node(0).state().powerOn(), "off until QEMU connects again");
            assertEquals(0, runtime.node(0).agent().effectFailures());
        }
    }

    @Test
    void withoutAWayToPowerOnAgainACycleIsRefusedWithD5h() throws Exception {
        try (SystemScheduler scheduler = new SystemScheduler("qemu-cycle");
                SystemScheduler clientScheduler = new SystemScheduler("qemu-cycle-client");
                BmcRuntime runtime = start(PowerConfig.NONE, scheduler);
                HostInterfaceClient qemu = new HostInterfaceClient(clientScheduler, VmCapabilities.QEMU, c -> {})) {
            qemu.connect(runtime.hostInterfaceAddress(0));
            await().until(() -> runtime.node(0).state().powerOn());
            HostControl control = runtime.node(0).hostControl();
            assertEquals(HostControl.Result.NOT_IN_PRESENT_STATE, control.powerControl(ChassisAction.POWER_CYCLE));
            assertEquals(HostControl.Result.DONE, control.powerControl(ChassisAction.POWER_UP), "on already: no-op");
            assertEquals(HostControl.Result.DONE, control.powerControl(ChassisAction.HARD_RESET), "04 A1");
        }
    }
}
