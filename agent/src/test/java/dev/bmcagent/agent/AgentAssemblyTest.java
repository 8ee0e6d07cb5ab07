package dev.bmcagent.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.agent.config.AgentConfigLoader;
import dev.bmcagent.agent.config.PartialConfig;
import dev.bmcagent.agent.runtime.HwmonHardware;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.journal.Account;
import dev.bmcagent.journal.Role;
import dev.bmcagent.journal.StoreKind;
import dev.bmcagent.mqtt.broker.BrokerOptions;
import dev.bmcagent.mqtt.broker.EmbeddedBroker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentAssemblyTest {
    @TempDir
    Path dir;

    private AgentAssembly start(PartialConfig partial) throws IOException {
        return AgentAssembly.start(
                partial.overriddenBy(FreePorts.partial()).resolve(dir),
                new SystemScheduler("test"),
                new SecureRandom());
    }

    @Test
    void startsStoresAndTheAdminAccountAndStopsThem() throws Exception {
        String password;
        AgentAssembly a = start(PartialConfig.empty());
        password = a.admin().password();
        assertEquals(
                Account.of("admin", password, Role.ADMINISTRATOR).withId(2),
                a.stores().accounts().find("admin").orElseThrow());
        assertEquals(Set.of(Service.IPMI, Service.HOST_INTERFACE, Service.REDFISH), a.serving());
        a.close();
        a.close(); // idempotent
        assertThrows(
                java.util.concurrent.CompletionException.class,
                () -> a.stores().events().append(0, new byte[1]).join(),
                "stores are closed after close()");
        try (AgentAssembly again = start(PartialConfig.empty())) {
            assertEquals(
                    password,
                    again.stores().accounts().find("admin").orElseThrow().password());
        }
    }

    @Test
    void configuredPasswordUpdatesTheAdminAccount() throws Exception {
        try (AgentAssembly a = start(PartialConfig.empty())) {
            assertTrue(a.admin().password().length() == 16);
        }
        PartialConfig configured = new AgentConfigLoader().parse("adminPassword: Chang3d-Pw");
        try (AgentAssembly a = start(configured)) {
            assertEquals(
                    "Chang3d-Pw",
                    a.stores().accounts().find("admin").orElseThrow().password());
        }
    }

    /** Issue #11 item 10: a demoted, disabled, locked-out admin comes back with --admin-password, same id. */
    @Test
    void restartingWithTheAdminPasswordRestoresTheAdmin() throws Exception {
        PartialConfig configured = new AgentConfigLoader().parse("adminPassword: Chang3d-Pw");
        java.net.InetAddress stranger = java.net.InetAddress.getByName("127.0.0.9");
        try (AgentAssembly a = start(configured)) {
            a.stores()
                    .accounts()
                    .put(Account.of("zzz", "Zzz-Secret1", Role.ADMINISTRATOR))
                    .join();
            Account admin = a.stores().accounts().find("admin").orElseThrow();
            a.stores()
                    .accounts()
                    .put(admin.withRole(Role.READ_ONLY).withEnabled(false))
                    .join();
            java.time.Instant t = java.time.Instant.parse("2100-01-01T00:00:00Z");
            for (int i = 0; i < 5; i++) {
                a.stores().lockouts().failed("admin", stranger, t);
            }
            assertTrue(!a.stores().lockouts().mayTry("admin", stranger, t));
            assertTrue(
                    a.stores().settings().snapshot().keySet().stream()
                            .anyMatch(k -> k.startsWith("auth.lockout.admin/")),
                    "the lock is stored");
        }
        try (AgentAssembly a = start(configured)) {
            Account admin = a.stores().accounts().find("admin").orElseThrow();
            assertEquals(Account.of("admin", "Chang3d-Pw", Role.ADMINISTRATOR).withId(2), admin);
            assertTrue(
                    a.stores().settings().snapshot().keySet().stream()
                            .noneMatch(k -> k.startsWith("auth.lockout.admin/")),
                    "the stored lock is lifted");
        }
    }

    @Test
    void fsyncKeyChoosesTheJournalPolicy() throws Exception {
        try (AgentAssembly a = start(new AgentConfigLoader().parse("fsync: always"))) {
            assertEquals(
                    dev.bmcagent.journal.FsyncPolicy.ALWAYS, a.journalOptions().fsync());
            a.stores().events().append(0, new byte[] {0x56, 0x78}).get();
        }
    }

    @Test
    void memoryStoreLeavesNoJournals() throws Exception {
        PartialConfig memory = new AgentConfigLoader().parse("store: memory");
        try (AgentAssembly a = start(memory)) {
            assertEquals(StoreKind.MEMORY, a.stores().kind());
        }
        assertTrue(java.nio.file.Files.notExists(dir.resolve("store")));
    }

    /**
     * The demo's surroundings: the embedded broker is started with the agent's generated broker accounts and stopped
     * after the services; what runs on the started agent (closeFirst: the simulated hosts) stops first.
     */
    @Test
    void surroundingsStartTheBrokerWithTheAgentsAccountsAndCloseFirstStopsBeforeEverything() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        EmbeddedBroker broker = new EmbeddedBroker(BrokerOptions.defaults().withPort(0));
        AgentAssembly a = AgentAssembly.start(
                PartialConfig.empty().overriddenBy(FreePorts.partial()).resolve(dir),
                new SystemScheduler("test"),
                new SecureRandom(),
                new AgentAssembly.Surroundings(HwmonHardware.perHost(Optional.empty()), accounts -> {
                    events.add("broker started for " + accounts.agent().user());
                    InetSocketAddress bound = broker.start();
                    return new AgentAssembly.RunningBroker() {
                        @Override
                        public String url() {
                            return "tcp://127.0.0.1:" + bound.getPort();
                        }

                        @Override
                        public void close() {
                            events.add("broker closed");
                            broker.close();
                        }
                    };
                }));
        String agentUser = a.brokerAccounts().orElseThrow().agent().user();
        assertEquals(Set.of(Service.IPMI, Service.HOST_INTERFACE, Service.REDFISH, Service.MQTT), a.serving());
        a.closeFirst(
                "probe",
                () -> events.add("probe closed, stores still open: "
                        + (a.stores().events().append(0, new byte[1]).join() >= 0)));
        a.close();
        assertEquals(
                List.of("broker started for " + agentUser, "probe closed, stores still open: true", "broker closed"),
                events);
        assertThrows(IllegalStateException.class, () -> a.closeFirst("late", () -> {}));
    }

    /** A broker that cannot start fails the agent's start, and what was started (data directory lock) is released. */
    @Test
    void aBrokerThatCannotStartFailsTheStartAndReleasesTheDataDirectory() throws Exception {
        var config = PartialConfig.empty().overriddenBy(FreePorts.partial()).resolve(dir);
        IOException e = assertThrows(
                IOException.class,
                () -> AgentAssembly.start(
                        config,
                        new SystemScheduler("test"),
                        new SecureRandom(),
                        new AgentAssembly.Surroundings(HwmonHardware.perHost(Optional.empty()), accounts -> {
                            throw new InterruptedException("interrupted while binding");
                        })));
        assertEquals("starting the embedded broker failed: interrupted while binding", e.getMessage());
        try (AgentAssembly again = start(PartialConfig.empty())) {
            assertEquals(Set.of(Service.IPMI, Service.HOST_INTERFACE, Service.REDFISH), again.serving());
        }
    }
}
