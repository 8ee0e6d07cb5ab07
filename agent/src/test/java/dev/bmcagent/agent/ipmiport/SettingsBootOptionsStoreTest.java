package dev.bmcagent.agent.ipmiport;

import dev.bmcagent.ipmi.command.chassis.BootOptionsStore;
import dev.bmcagent.ipmi.command.chassis.BootOptionsStoreContract;
import dev.bmcagent.journal.DiskSettingsStore;
import dev.bmcagent.journal.JournalOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The durable store (one JSON setting per host on the settings journal) against the one contract. */
class SettingsBootOptionsStoreTest extends BootOptionsStoreContract {
    @TempDir
    Path dir;

    private final List<DiskSettingsStore> open = new ArrayList<>();

    private DiskSettingsStore settings() {
        try {
            DiskSettingsStore s =
                    DiskSettingsStore.open(dir.resolve("settings.journal"), JournalOptions.processCrashSafe());
            open.add(s);
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected BootOptionsStore newStore() {
        return new SettingsBootOptionsStore(settings(), 0);
    }

    @Override
    protected Optional<BootOptionsStore> reopen(BootOptionsStore store) {
        closeAll();
        return Optional.of(new SettingsBootOptionsStore(settings(), 0));
    }

    @AfterEach
    void closeAll() {
        for (DiskSettingsStore s : open) {
            try {
                s.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        open.clear();
    }
}
