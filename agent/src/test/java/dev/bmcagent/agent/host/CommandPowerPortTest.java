package dev.bmcagent.agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes (/bin/sh): exit 0 is success, anything else, a timeout or a missing command is a failure. */
class CommandPowerPortTest {
    @TempDir
    Path dir;

    @Test
    void anActionRunsItsCommand() throws Exception {
        Path out = dir.resolve("power");
        CommandPowerPort p = new CommandPowerPort(Map.of(PowerAction.ON,
                List.of("sh", "-c", "echo on > \"$0\"", out.toString())), Duration.ofSeconds(10));
        p.perform(PowerAction.ON);
        assertEquals("on", Files.readString(out).trim());
    }

    @Test
    void failureTimeoutAndMissingCommandsThrow() {
        CommandPowerPort p = new CommandPowerPort(Map.of(
                PowerAction.FORCE_OFF, List.of("sh", "-c", "exit 3"),
                PowerAction.HARD_RESET, List.of("sleep", "30"),
                PowerAction.NMI, List.of(dir.resolve("no-such-program").toString())), Duration.ofSeconds(1));
        assertTrue(assertThrows(IllegalStateException.class, () -> p.perform(PowerAction.FORCE_OFF)).getMessage()
                .contains("exited 3"));
        long start = System.nanoTime();
        assertTrue(assertThrows(IllegalStateException.class, () -> p.perform(PowerAction.HARD_RESET)).getMessage()
                .contains("killed"));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "the timeout was not applied");
        assertTrue(assertThrows(IllegalStateException.class, () -> p.perform(PowerAction.NMI)).getMessage()
                .contains("cannot run"));
        assertThrows(UnsupportedOperationException.class, () -> p.perform(PowerAction.ON));
        assertThrows(IllegalArgumentException.class, () -> new CommandPowerPort(Map.of(), Duration.ofMinutes(5)));
    }
}
