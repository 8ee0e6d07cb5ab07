package dev.bmcagent.core.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real processes: exit status 0 is success, anything else or a timeout is a failure; the output is kept. */
class PowerCommandTest {

    @Test
    void exitZeroIsSuccessWithItsOutput() {
        PowerCommand.Outcome o =
                PowerCommand.run("test", List.of("sh", "-c", "echo started; echo warn >&2"), Duration.ofSeconds(5));
        assertTrue(o.success(), o.toString());
        assertEquals("started|warn", o.output());
    }

    @Test
    void nonZeroExitIsAFailureWithStatusAndOutput() {
        PowerCommand.Outcome o =
                PowerCommand.run("test", List.of("sh", "-c", "echo no such guest >&2; exit 3"), Duration.ofSeconds(5));
        assertFalse(o.success());
        assertEquals(3, o.exitStatus());
        assertEquals("no such guest", o.output());
        assertEquals("exit status 3", o.failure());
    }

    @Test
    void aCommandThatHangsIsKilledAtTheTimeout() {
        long start = System.nanoTime();
        PowerCommand.Outcome o =
                PowerCommand.run("test", List.of("sh", "-c", "echo waiting; exec sleep 60"), Duration.ofSeconds(1));
        long took = System.nanoTime() - start;
        assertFalse(o.success());
        assertEquals("timed out after 1 s", o.failure());
        assertEquals("waiting", o.output());
        assertTrue(took < 10_000_000_000L, took + " ns");
    }

    @Test
    void aMissingProgramIsAFailure() {
        PowerCommand.Outcome o = PowerCommand.run("test", List.of("/nonexistent/qemu"), Duration.ofSeconds(1));
        assertFalse(o.success());
        assertTrue(o.failure().startsWith("could not start"), o.failure());
    }

    @Test
    void onlyTheTailOfAFloodIsKept() {
        PowerCommand.Outcome o = PowerCommand.run(
                "test", List.of("sh", "-c", "head -c 100000 /dev/zero | tr '\\0' x"), Duration.ofSeconds(5));
        assertTrue(o.success());
        assertEquals(PowerCommand.MAX_LOGGED_CHARS + 3, o.output().length());
    }
}
