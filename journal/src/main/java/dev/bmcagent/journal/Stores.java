package dev.bmcagent.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's stores, opened together and closed together. Disk layout under the data directory:
 * <pre>
 * store/events.journal     EventLog (boot history, telemetry outbox)
 * store/settings.journal   SettingsStore
 * store/accounts.journal   AccountStore (passwords AES-GCM encrypted)
 * account.key              AES-256 key for account passwords and settings secrets (0600), see {@link #cipher()}
 * </pre>
 * A durable SEL store is meant to be one more {@link Journal} ({@code store/sel.journal}) wrapped by a
 * thin adapter: SEL record bytes as payload, {@link Journal#retainLast} for capacity,
 * {@code retainLast(0)} for Clear SEL.
 */
public final class Stores implements AutoCloseable {
    /** Cycles kept per host: OpenBMC keeps the POST codes of the last 100 boot cycles. */
    public static final int DEFAULT_HISTORY_PER_HOST = 100;
    /** Failures of one account from one address (within {@link #LOCKOUT_WINDOW}) that lock that address out. */
    public static final int LOCKOUT_THRESHOLD = 5;

    public static final Duration LOCKOUT_WINDOW = Duration.ofMinutes(5);
    public static final Duration LOCKOUT_DURATION = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(Stores.class);

    private final StoreKind kind;
    private final EventLog events;
    private final SettingsStore settings;
    private final AccountStore accounts;
    private final PasswordCipher cipher;
    private final AccountLockouts lockouts;
    private final JournalOptions options;

    private Stores(
            StoreKind kind,
            EventLog events,
            SettingsStore settings,
            AccountStore accounts,
            PasswordCipher cipher,
            JournalOptions options) {
        this.kind = kind;
        this.options = options;
        this.events = events;
        this.settings = settings;
        this.accounts = accounts;
        this.cipher = cipher;
        this.lockouts = new AccountLockouts(LOCKOUT_THRESHOLD, LOCKOUT_WINDOW, LOCKOUT_DURATION, settings);
    }

    /** Memory-only stores. */
    public static Stores inMemory(int historyPerHost) {
        return new Stores(
                StoreKind.MEMORY,
                new InMemoryEventLog(historyPerHost),
                new InMemorySettingsStore(),
                new InMemoryAccountStore(),
                PasswordCipher.ephemeral(new SecureRandom()),
                JournalOptions.processCrashSafe());
    }

    /** Disk stores under {@code dataDir} (created 0700 if absent). */
    public static Stores onDisk(Path dataDir, int historyPerHost, JournalOptions options, SecureRandom random)
            throws IOException {
        Path dir = dataDir.resolve("store");
        AtomicFiles.createPrivateDirectories(dir);
        DataDirGuard.secure(dir);
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            DiskEventLog events = DiskEventLog.open(dir.resolve("events.journal"), historyPerHost, options);
            opened.add(events);
            DiskSettingsStore settings = DiskSettingsStore.open(dir.resolve("settings.journal"), options);
            opened.add(settings);
            PasswordCipher cipher = PasswordCipher.loadOrCreate(dataDir.resolve(PasswordCipher.KEY_FILE), random);
            DiskAccountStore accounts = DiskAccountStore.open(dir.resolve("accounts.journal"), cipher, options);
            log.info(
                    "stores open in {} ({} events, last sequence {})",
                    dir,
                    events.recovery().records(),
                    events.lastSequence());
            return new Stores(StoreKind.DISK, events, settings, accounts, cipher, options);
        } catch (IOException | RuntimeException e) {
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** Opens the kind chosen by configuration. */
    public static Stores open(
            StoreKind kind, Path dataDir, int historyPerHost, JournalOptions options, SecureRandom random)
            throws IOException {
        return kind == StoreKind.DISK ? onDisk(dataDir, historyPerHost, options, random) : inMemory(historyPerHost);
    }

    /** Whether the journals can currently be written (disk full is reported here). */
    public StorageHealth health() {
        return options.health();
    }

    /** The durability every journal of this agent uses (the SEL journals too): the {@code fsync} policy. */
    public JournalOptions journalOptions() {
        return options;
    }

    public StoreKind kind() {
        return kind;
    }

    public EventLog events() {
        return events;
    }

    public SettingsStore settings() {
        return settings;
    }

    public AccountStore accounts() {
        return accounts;
    }

    /** The one lockout state of every account, shared by IPMI and Redfish, kept in the settings store. */
    public AccountLockouts lockouts() {
        return lockouts;
    }

    /**
     * The data directory's key ({@code account.key}) for secrets that other stores keep in the settings store;
     * for memory stores a key that lives in memory only.
     */
    public PasswordCipher cipher() {
        return cipher;
    }

    /** Closes in reverse order of opening. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (AutoCloseable c : List.of(accounts, settings, events)) {
            try {
                c.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing stores failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
