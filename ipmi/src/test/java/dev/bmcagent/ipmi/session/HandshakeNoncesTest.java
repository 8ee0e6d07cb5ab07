package dev.bmcagent.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandshakeNoncesTest {
    /** Hands out a script of ints and numbered byte fills, and counts the draws. */
    static final class Scripted extends SecureRandom {
        private static final long serialVersionUID = 1L;
        final Deque<Integer> ints;
        int intDraws;
        int byteDraws;

        Scripted(Integer... ints) {
            this.ints = new ArrayDeque<>(List.of(ints));
        }

        @Override
        public int nextInt() {
            intDraws++;
            return ints.removeFirst();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            byteDraws++;
            Arrays.fill(bytes, (byte) byteDraws);
        }
    }

    @Test
    void drawnAheadValuesComeFirstAndEachIsHandedOutOnce() {
        Scripted random = new Scripted(0, 7, 9);
        HandshakeNonces nonces = new HandshakeNonces(random);
        nonces.refill();
        assertEquals(2, random.intDraws, "0 is no session ID: drawn again");
        assertEquals(7, nonces.sessionId());
        assertEquals(9, nonces.sessionId(), "nothing in reserve: drawn on demand");
        byte[] first = nonces.rakpRandom();
        assertArrayEquals(filled(1), first);
        assertArrayEquals(filled(2), nonces.rakpRandom());
    }

    @Test
    void refillDrawsOnlyWhatWasUsed() {
        Scripted random = new Scripted(5, 6);
        HandshakeNonces nonces = new HandshakeNonces(random);
        nonces.refill();
        nonces.refill();
        assertEquals(1, random.intDraws);
        assertEquals(1, random.byteDraws);
        nonces.rakpRandom();
        nonces.refill();
        assertEquals(1, random.intDraws, "the session ID was not used");
        assertEquals(2, random.byteDraws);
        assertEquals(5, nonces.sessionId());
    }

    private static byte[] filled(int v) {
        byte[] b = new byte[16];
        Arrays.fill(b, (byte) v);
        return b;
    }
}
