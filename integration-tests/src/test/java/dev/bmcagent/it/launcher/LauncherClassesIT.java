package dev.bmcagent.it.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.it.ClientProcesses;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the footprint work took out of a restart of {@code ./bmc agent} stays out (docs/BENCHMARKS.md, "Footprint"):
 * with its certificate already in the data directory the agent opens no BouncyCastle jar (signed: 7,600 manifest
 * entries verified and kept on the heap), loads no XML parser or logback Joran model (logging is set up in code),
 * and not Flight Recorder's event metadata for Netty (it still asks whether JFR is there: 16 classes); the console log keeps its one-line format
 * without logback's {@code PatternLayout} and pattern parser ({@code ConsoleLayout}); and {@code bmc agent} builds
 * only its own command, not the demo's, the simulator's or the rollout commands (whose classes and static state it
 * would keep for its whole life); and its HTTPS service does not load the JDK's default trust store (~140 CA
 * certificates parsed and kept for the server's life, though it asks clients for no certificate), nor the CLDR
 * locale data (bmc.jvm.options: its parent-locale map alone is ~1,000 Locale objects).
 */
class LauncherClassesIT {

    @Test
    void aRestartLoadsNoBouncyCastleXmlJfrPatternOtherCommandTrustStoreOrCldrClasses(@TempDir Path dir)
            throws Exception {
        Map<String, String> archive =
                Map.of("BMC_CDS_ARCHIVE", dir.resolve("agent.jsa").toString());
        String first = LauncherRun.run(dir, "first", archive, "Running.", up -> {});
        assertTrue(Files.isRegularFile(dir.resolve("data/redfish-cert.pem")), "certificate made on the first start");
        assertTrue(
                first.lines()
                        .anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  BmcRuntime - runtime started.*")),
                first);

        Path classes = dir.resolve("classes.txt");
        LauncherRun.run(
                dir,
                "restart",
                Map.of(
                        "BMC_JAVA_OPTS",
                        "-Xlog:class+load=info:file=" + classes,
                        "BMC_CDS_ARCHIVE",
                        archive.get("BMC_CDS_ARCHIVE")),
                "Running.",
                LauncherClassesIT::httpsRequest);
        List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
        assertTrue(loaded.stream().anyMatch(l -> l.contains("dev.bmcagent.redfish.certificates.Pem ")), "log is live");
        for (String unwanted : List.of(
                "org.bouncycastle.",
                "com.sun.org.apache.xerces.",
                "ch.qos.logback.core.joran.action.",
                "ch.qos.logback.core.model.",
                "jdk.jfr.internal.MetadataRepository",
                "ch.qos.logback.classic.PatternLayout",
                "ch.qos.logback.core.pattern.parser.",
                "dev.bmcagent.app.cli.DemoCommand",
                "dev.bmcagent.app.cli.SimulateCommand",
                "dev.bmcagent.rollout.",
                "sun.security.ssl.TrustStoreManager",
                "sun.util.cldr.CLDRLocaleProviderAdapter")) {
            assertFalse(
                    loaded.stream().anyMatch(l -> l.contains("] " + unwanted)),
                    () -> unwanted + " loaded: "
                            + loaded.stream()
                                    .filter(l -> l.contains("] " + unwanted))
                                    .findFirst()
                                    .orElseThrow());
        }
    }

    /** One HTTPS request with the real curl: the server's TLS context is made at the first connection. */
    private static void httpsRequest(LauncherRun.Up up) {
        assertEquals(
                "200",
                ClientProcesses.httpStatus("https://127.0.0.1:" + up.redfishPort() + "/redfish/v1/"),
                "GET /redfish/v1/ over HTTPS");
    }
}
