package dev.bmcagent.agent.redfish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bmcagent.agent.store.JournalOptions;
import dev.bmcagent.agent.store.Stores;
import dev.bmcagent.redfish.backend.StoredSubscription;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push subscriptions in a real disk settings store survive closing and reopening the stores. */
class SettingsSubscriptionsTest {
    @TempDir
    Path dir;

    private Stores open() throws Exception {
        return Stores.onDisk(dir, Stores.DEFAULT_HISTORY_PER_HOST, JournalOptions.processCrashSafe(),
                new SecureRandom());
    }

    @Test
    void subscriptionsSurviveARestartAndMalformedOnesAreSkipped() throws Exception {
        StoredSubscription kept = new StoredSubscription("10", "http://127.0.0.1:9123/events", "ctx-42",
                Map.of("X-Token", "t-5678"), List.of("BmcAgentBoot"), List.of("ComputerSystem"), "SuspendRetries",
                "admin", true);
        StoredSubscription earlier = new StoredSubscription("9", "http://127.0.0.1:9124/e", "", Map.of(), List.of(),
                List.of(), "TerminateAfterRetries", "operator", false);
        StoredSubscription deleted = new StoredSubscription("3", "http://127.0.0.1:9125/e", "", Map.of(), List.of(),
                List.of(), "TerminateAfterRetries", "admin", false);
        try (Stores stores = open()) {
            try (StoreWriter writer = new StoreWriter()) {
                SettingsSubscriptions port = new SettingsSubscriptions(stores.settings(), writer);
                port.save(deleted);
                port.save(kept);
                port.save(earlier);
                port.delete("3");
            }
            stores.settings().put(SettingsSubscriptions.PREFIX + "11",
                    JsonNodeFactory.instance.objectNode().put("destination", 5)).join();
            stores.settings().put("redfish.system.host0", JsonNodeFactory.instance.objectNode()).join();
        }
        try (Stores stores = open(); StoreWriter writer = new StoreWriter()) {
            List<StoredSubscription> loaded = new SettingsSubscriptions(stores.settings(), writer).load();
            assertEquals(List.of(earlier, kept), loaded);
        }
    }
}
