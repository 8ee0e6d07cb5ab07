package dev.bmcagent.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bmcagent.agent.config.PartialConfig;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.journal.AtomicFiles;
import dev.bmcagent.mqtt.telemetry.AckStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11 item 15 (each failed on main): temp files are never written through a planted symlink; a
 * world-writable data directory is fixed (ours) or refused (someone else's); a second agent on the same data
 * directory stops before touching the first one's files (its in-progress compaction file survives).
 */
class DataDirectorySafetyTest {
    @TempDir
    Path dir;

    private AgentAssembly start(Path dataDir) throws IOException {
        return AgentAssembly.start(
                PartialConfig.empty().overriddenBy(FreePorts.partial()).resolve(dataDir),
                new SystemScheduler("test"),
                new SecureRandom());
    }

    @Test
    void ackStoreTempFilePlantedAsSymlinkIsNotWrittenThrough() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Files.createSymbolicLink(dir.resolve(AckStore.FILE_NAME + ".tmp"), victim);
        AckStore acks = new AckStore(dir);
        acks.save(Map.of("host0", 109L));
        assertEquals("precious", Files.readString(victim), "the symlink's target was overwritten");
        assertEquals(Map.of("host0", 109L), acks.load());
        assertTrue(Files.notExists(dir.resolve(AckStore.FILE_NAME + ".tmp")));
    }

    @Test
    void atomicWriteTempFilePlantedAsSymlinkIsNotWrittenThrough() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Files.createSymbolicLink(dir.resolve("admin-password.tmp"), victim);
        AtomicFiles.write(dir.resolve("admin-password"), "new".getBytes(StandardCharsets.US_ASCII), true);
        assertEquals("precious", Files.readString(victim));
        assertEquals("new", Files.readString(dir.resolve("admin-password")));
    }

    @Test
    void worldWritableDataDirectoryOfOursIsMadePrivate() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path store = Files.createDirectory(data.resolve("store"));
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (AgentAssembly a = start(data)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));
        }
    }

    @Test
    void worldWritableDataDirectoryOfAnotherUserIsRefused() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        UserPrincipal nobody;
        try {
            nobody = data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(data, nobody);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "cannot give the directory to 'nobody' (needs root): " + e);
            return;
        }
        IOException e = assertThrows(IOException.class, () -> start(data).close());
        assertTrue(e.getMessage().contains("refusing"), e.getMessage());
        assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        assertTrue(Files.notExists(data.resolve("store")), "nothing was created in it");
    }

    @Test
    void secondAgentStopsBeforeTouchingTheFirstOnesCompactionFile() throws IOException {
        Path data = dir.resolve("data");
        try (AgentAssembly first = start(data)) {
            Path compacting = data.resolve("store").resolve("events.journal.compact");
            Files.writeString(compacting, "the first agent's compaction in progress");
            IOException e = assertThrows(IOException.class, () -> start(data).close());
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
            assertTrue(Files.exists(compacting), "the second agent deleted the first one's compaction file");
            assertEquals(1, first.stores().events().append(0, new byte[] {1}).join(), "the first agent still works");
        }
    }
}
