package dev.bmcagent.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CliEnvironmentTest {
    @Test
    void theAgentDrawsItsSecretsFromTheJdkDrbgNotNativePrng() {
        var random = CliEnvironment.system().random();
        assertEquals("DRBG", random.getAlgorithm());
        byte[] a = new byte[16];
        byte[] b = new byte[16];
        random.nextBytes(a);
        random.nextBytes(b);
        assertFalse(Arrays.equals(a, b));
    }
}
