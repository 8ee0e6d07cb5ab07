package dev.bmcagent.agent.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.hostif.HostInterfaceClient;
import dev.bmcagent.journal.Account;
import dev.bmcagent.journal.JournalOptions;
import dev.bmcagent.journal.Role;
import dev.bmcagent.journal.Stores;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one line AgentAssembly uses, from a real AgentConfig and disk stores: the history is durable. */
class AssemblyLineTest {
    @TempDir
    Path dir;

    @Test
    void startFromAgentConfig() throws Exception {
        AgentConfig config = FreePorts.partial().resolve(dir);
        int ipmiPort = config.ipmiPort();
        int hostPort = config.hostPort();
        SecureRandom random = new SecureRandom();
        try (SystemScheduler scheduler = new SystemScheduler("assembly-line");
                Stores stores = Stores.onDisk(
                        dir, Stores.DEFAULT_HISTORY_PER_HOST, JournalOptions.processCrashSafe(), random)) {
            stores.accounts()
                    .put(Account.of(RuntimeFixture.ADMIN, RuntimeFixture.PASSWORD, Role.ADMINISTRATOR))
                    .join();
            try (BmcRuntime runtime = BmcRuntime.builder(RuntimeOptions.from(config), stores)
                            .start(scheduler, random);
                    HostInterfaceClient host = new HostInterfaceClient(scheduler, VmCapabilities.QEMU, c -> {})) {
                assertEquals(ipmiPort, runtime.ipmiAddress(0).getPort());
                assertEquals(hostPort, runtime.hostInterfaceAddress(0).getPort());
                host.connect(runtime.hostInterfaceAddress(0));
                await().until(() -> runtime.node(0).state().powerOn());
                // the state is visible before the effects (SEL append) have run: wait for the record itself
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> IpmitoolSelElistTest.ipmitool(ipmiPort, "sel", "elist")
                                .contains("Initiated by power up"));
            }
            await().until(() -> stores.events().lastSequence() >= 2); // PowerChanged, BootCycleStarted: on disk
        }
    }
}
