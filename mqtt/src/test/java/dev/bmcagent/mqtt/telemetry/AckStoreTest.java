package dev.bmcagent.mqtt.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AckStoreTest {
    @TempDir
    Path dir;

    @Test
    void savesAndLoadsAtomically() {
        AckStore s = new AckStore(dir.resolve("data"));
        assertEquals(Map.of(), s.load());
        s.save(Map.of("host0", 4660L, "host1", 17L));
        s.save(Map.of("host0", 4661L, "host1", 17L));
        assertEquals(Map.of("host0", 4661L, "host1", 17L), s.load());
        assertFalse(Files.exists(dir.resolve("data").resolve(AckStore.FILE_NAME + ".tmp")));
    }

    @Test
    void aDamagedLineOnlyResendsThatHost() throws Exception {
        Files.writeString(
                dir.resolve(AckStore.FILE_NAME), "host0=12\nhost1=garbage\nhost2=-5\n", StandardCharsets.UTF_8);
        assertEquals(Map.of("host0", 12L), new AckStore(dir).load());
    }
}
