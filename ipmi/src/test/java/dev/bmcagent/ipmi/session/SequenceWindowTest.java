package dev.bmcagent.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** IPMI 2.0 §6.12.13 / §13.28.2: inbound session sequence numbers within ±16, each at most once. */
class SequenceWindowTest {
    @Test
    void acceptsOutOfOrderWithinTheWindowAndDropsReplays() {
        SequenceWindow w = new SequenceWindow();
        assertFalse(w.accept(0), "0 is never valid in a session");
        assertTrue(w.accept(100), "first number seeds the window");
        assertFalse(w.accept(100), "replay");
        assertTrue(w.accept(116), "+16");
        assertFalse(w.accept(133), "+17 beyond the window");
        assertTrue(w.accept(110), "late but inside the window, not seen yet");
        assertFalse(w.accept(110), "late replay");
        assertTrue(w.accept(101), "116 - 15");
        assertFalse(w.accept(100), "116 - 16: outside, and seen anyway");
        assertFalse(w.accept(99), "too old");
    }

    @Test
    void unsignedWrapIsJustANumber() {
        SequenceWindow w = new SequenceWindow();
        assertTrue(w.accept(0xFFFFFFF0));
        assertTrue(w.accept(0xFFFFFFFF));
        assertFalse(w.accept(0xFFFFFFF0));
    }
}
