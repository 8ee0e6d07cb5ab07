package dev.bmcagent.redfish.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.RedfishException;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The documented limits on certificate input (docs/SECURITY.md "Every limit"). */
class CertificateLimitsTest {
    private static final String COLLECTION = "/redfish/v1/Managers/bmc/NetworkProtocol/HTTPS/Certificates";

    @Test
    void moreThanTenPemObjectsAreRefused() throws Exception {
        String cert = SelfSignedGenerator.generate(
                        SubjectNames.forBind("127.0.0.1", ""),
                        "x",
                        Instant.parse("2026-11-22T08:00:00Z"),
                        KeySpec.EC_P256,
                        new SecureRandom())
                .chainPem();
        assertEquals(
                Pem.MAX_OBJECTS,
                Pem.parse(cert.repeat(Pem.MAX_OBJECTS)).certificates().size());
        assertThrows(Pem.PemException.class, () -> Pem.parse(cert.repeat(Pem.MAX_OBJECTS + 1)));
    }

    @Test
    void csrNamesAndAlternativeNamesAreBounded() {
        assertEquals(
                "a".repeat(64),
                CsrParameters.parse(body("a".repeat(64)), COLLECTION).commonName());
        assertThrows(RedfishException.class, () -> CsrParameters.parse(body("a".repeat(65)), COLLECTION));
        ObjectNode many = body("bmc");
        for (int i = 0; i <= CsrParameters.MAX_ALTERNATIVE_NAMES; i++) {
            many.withArray("AlternativeNames").add("n" + i + ".example");
        }
        assertThrows(RedfishException.class, () -> CsrParameters.parse(many, COLLECTION));
        ObjectNode country = body("bmc").put("Country", "DEU");
        assertThrows(RedfishException.class, () -> CsrParameters.parse(country, COLLECTION));
        ObjectNode weak = body("bmc").put("KeyPairAlgorithm", "TPM_ALG_RSA").put("KeyBitLength", 1024);
        assertThrows(RedfishException.class, () -> CsrParameters.parse(weak, COLLECTION));
    }

    private static ObjectNode body(String cn) {
        ObjectNode b = Json.object().put("CommonName", cn);
        b.putObject("CertificateCollection").put("@odata.id", COLLECTION);
        return b;
    }
}
