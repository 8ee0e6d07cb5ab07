package dev.bmcagent.agent;

import dev.bmcagent.agent.account.AdminCredentials;
import dev.bmcagent.agent.account.AdminPassword;
import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.agent.store.Account;
import dev.bmcagent.agent.store.AtomicFiles;
import dev.bmcagent.agent.store.JournalOptions;
import dev.bmcagent.agent.store.Role;
import dev.bmcagent.agent.store.Stores;
import dev.bmcagent.agent.time.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the agent: builds and starts each component in order, and {@link #close()} stops them in reverse.
 * This is the one place that knows the whole agent; read {@link #startAll} top to bottom.
 *
 * <p>To add a component: construct it in {@link #startAll} after what it depends on, pass it through
 * {@link #started(String, AutoCloseable)} (which registers it for reverse-order shutdown and logs it),
 * and if it serves a port add its {@link Service} to {@code serving} so the demo's client commands stop
 * saying "not yet served". The caller owns the {@link Scheduler} and closes it after the assembly.
 */
public final class AgentAssembly implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AgentAssembly.class);

    private final AgentConfig config;
    private final Scheduler scheduler;
    private final Deque<Running> running = new ArrayDeque<>();
    private final Set<Service> serving = EnumSet.noneOf(Service.class);
    private Stores stores;
    private AdminCredentials admin;
    private boolean closed;

    private AgentAssembly(AgentConfig config, Scheduler scheduler) {
        this.config = config;
        this.scheduler = scheduler;
    }

    /** Starts everything; if a step fails, what was started is closed again and the failure is thrown. */
    public static AgentAssembly start(AgentConfig config, Scheduler scheduler, SecureRandom random)
            throws IOException {
        AgentAssembly a = new AgentAssembly(config, scheduler);
        try {
            a.startAll(random);
        } catch (IOException | RuntimeException e) {
            a.close();
            throw e;
        }
        return a;
    }

    private void startAll(SecureRandom random) throws IOException {
        // 1. Data directory (0700): all state lives under it.
        AtomicFiles.createPrivateDirectories(config.dataDir());
        if (!Files.isWritable(config.dataDir())) {
            throw new IOException("data directory " + config.dataDir() + " is not writable");
        }

        // 2. Stores: boot history / telemetry outbox, settings, accounts.
        stores = started("stores (" + config.store() + ")", Stores.open(config.store(), config.dataDir(),
                Stores.DEFAULT_HISTORY_PER_HOST, journalOptions(), random));

        // 3. Admin account: configured password, or generated on the first start and kept in the data dir.
        admin = AdminPassword.resolve(config.dataDir(), config.adminPassword(), random);
        ensureAdminAccount();

        // 4. IPMI RMCP+ server (UDP ipmiPort)       - not in this build yet
        // 5. Host interface (TCP hostPort + i)       - not in this build yet
        // 6. Redfish service (HTTPS redfishPort)     - not in this build yet
        // 7. MQTT broker + telemetry (mqttPort)      - not in this build yet
        log.info("agent started: {} host(s), data in {}, serving {}", config.hosts(), config.dataDir(),
                serving.isEmpty() ? "no network services yet" : serving);
    }

    /** Journal durability from the fsync key; BATCH group-commits on the agent's scheduler. */
    public JournalOptions journalOptions() {
        return new JournalOptions(config.fsync(), JournalOptions.DEFAULT_BATCH_INTERVAL, scheduler);
    }

    private void ensureAdminAccount() {
        Optional<Account> existing = stores.accounts().find(admin.user());
        if (existing.isEmpty() || admin.source() == AdminCredentials.Source.CONFIGURED
                && !existing.get().password().equals(admin.password())) {
            stores.accounts().put(Account.of(admin.user(), admin.password(), Role.ADMINISTRATOR)).join();
        }
    }

    /** Registers a started component for reverse-order shutdown. */
    private <T extends AutoCloseable> T started(String name, T component) {
        running.push(new Running(name, component));
        log.debug("started {}", name);
        return component;
    }

    public AgentConfig config() {
        return config;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public Stores stores() {
        return stores;
    }

    public AdminCredentials admin() {
        return admin;
    }

    /** The network services that are actually running. */
    public Set<Service> serving() {
        return Set.copyOf(serving);
    }

    /** Stops every started component in reverse order; logs each; idempotent and never throws. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!running.isEmpty()) {
            Running r = running.pop();
            try {
                r.component.close();
                log.debug("stopped {}", r.name);
            } catch (Exception e) {
                log.error("stopping {} failed", r.name, e);
            }
        }
        serving.clear();
        log.info("agent stopped");
    }

    private record Running(String name, AutoCloseable component) {
    }
}
