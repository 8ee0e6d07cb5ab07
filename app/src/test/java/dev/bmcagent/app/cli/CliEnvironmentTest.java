package dev.bmcagent.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.security.DrbgParameters;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CliEnvironmentTest {
    @Test
    void theAgentDrawsItsSecretsFromTheJdkDrbgNotNativePrng() {
        var random = CliEnvironment.system().random();
        assertEquals("DRBG", random.getAlgorithm());
        var drbg = assertInstanceOf(DrbgParameters.Instantiation.class, random.getParameters());
        assertEquals(256, drbg.getStrength(), "P-384 and RSA-4096 keys are generated with it");
        byte[] a = new byte[16];
        byte[] b = new byte[16];
        random.nextBytes(a);
        random.nextBytes(b);
        assertFalse(Arrays.equals(a, b));
    }
}
