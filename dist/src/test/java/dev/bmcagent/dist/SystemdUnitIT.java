package dev.bmcagent.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code systemd/bmc-agent.service} passes the real {@code systemd-analyze verify} with the distribution
 * unpacked under a test root as {@code /opt/bmc-agent} (so ExecStart resolves) next to this machine's systemd units,
 * and has what the service needs.
 */
class SystemdUnitIT {
    @TempDir
    Path root;

    @Test
    void theUnitVerifiesAndRunsTheAgentAsADedicatedHardenedUser() throws Exception {
        Path opt = Dist.extract(root.resolve("opt/bmc-agent"));
        Path unit = root.resolve("etc/systemd/system/bmc-agent.service");
        Files.createDirectories(unit.getParent());
        Files.copy(opt.resolve("systemd/bmc-agent.service"), unit);
        // systemd's own units (sysinit.target, ...) in the test root, as on the BMC
        Files.createDirectories(root.resolve("usr/lib/systemd"));
        Dist.run(
                List.of(
                        "cp",
                        "-r",
                        "/usr/lib/systemd/system",
                        root.resolve("usr/lib/systemd").toString()),
                Map.of());

        String verify =
                Dist.run(List.of("systemd-analyze", "verify", "--root=" + root, unit.toString()), Map.of(), true);
        System.out.println("systemd-analyze verify: [" + verify.strip() + "]");
        assertEquals("", verify.strip(), "systemd-analyze verify printed problems");
        // a unit that does not resolve is reported: the check can fail
        Files.delete(opt.resolve("bin/bmc"));
        String broken =
                Dist.run(List.of("systemd-analyze", "verify", "--root=" + root, unit.toString()), Map.of(), true);
        assertTrue(broken.contains("bin/bmc"), broken);

        String text = Files.readString(unit);
        for (String line : List.of(
                "ExecStart=/opt/bmc-agent/bin/bmc agent --config /etc/bmc-agent/agent.yaml",
                "DynamicUser=yes",
                "User=bmc-agent",
                "StateDirectory=bmc-agent",
                "Restart=on-failure",
                "NoNewPrivileges=yes",
                "ProtectSystem=strict",
                "CapabilityBoundingSet=CAP_NET_BIND_SERVICE")) {
            assertTrue(text.lines().anyMatch(line::equals), "missing: " + line);
        }
        String security = Dist.run(
                List.of("systemd-analyze", "security", "--offline=yes", "--root=" + root, unit.toString()),
                Map.of(),
                true);
        String score = security.lines()
                .filter(l -> l.contains("Overall exposure level"))
                .findFirst()
                .orElse(security);
        System.out.println("systemd-analyze security --offline=yes: " + score.strip());
    }
}
