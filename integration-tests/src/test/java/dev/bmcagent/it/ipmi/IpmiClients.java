package dev.bmcagent.it.ipmi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines of the three real IPMI clients against an {@link IpmiAgentFixture}, each run through
 * {@link ClientRun}. Every call first lets the fixture expire handshakes a refused client left behind.
 */
final class IpmiClients {
    /** The FreeIPMI tools that read (and cache) the SDR. */
    private static final List<String> SDR_USERS = List.of("ipmi-sel", "ipmi-sensors", "ipmi-fru");

    private final IpmiAgentFixture bmc;
    private final Path sdrCache;

    /** @param sdrCache FreeIPMI's SDR cache directory for this fixture (never the shared one in $HOME) */
    IpmiClients(IpmiAgentFixture bmc, Path sdrCache) {
        this.bmc = bmc;
        this.sdrCache = sdrCache;
    }

    /** The command line of {@link #ipmitool}, for running without {@link IpmiAgentFixture#betweenClients()}. */
    List<String> ipmitoolCommand(String user, String password, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                "ipmitool",
                "-I",
                "lanplus",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(bmc.port()),
                "-U",
                user,
                "-P",
                password,
                "-R",
                "2",
                "-N",
                "3"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code ipmitool -I lanplus} (no {@code -C}: it asks for the cipher suites and picks 17). */
    ClientRun ipmitool(String user, String password, String... args) {
        return ipmitoolWith("lanplus", user, password, args);
    }

    ClientRun ipmitoolWith(String iface, String user, String password, String... args) {
        List<String> cmd = ipmitoolCommand(user, password, args);
        cmd.set(2, iface);
        return run(cmd);
    }

    ClientRun admin(String... args) {
        return ipmitool(IpmiAgentFixture.ADMIN, IpmiAgentFixture.ADMIN_PASSWORD, args);
    }

    /** A FreeIPMI tool ({@code bmc-info}, {@code ipmi-sel}, ...) over LAN_2_0 with {@code -h 127.0.0.1:PORT}. */
    ClientRun freeipmi(String tool, String user, String password, String... args) {
        List<String> cmd = new ArrayList<>(
                List.of(tool, "-D", "LAN_2_0", "-h", "127.0.0.1:" + bmc.port(), "-u", user, "-p", password));
        if (SDR_USERS.contains(tool)) {
            cmd.add("--sdr-cache-directory=" + sdrCache);
        }
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    ClientRun freeipmiAdmin(String tool, String... args) {
        return freeipmi(tool, IpmiAgentFixture.ADMIN, IpmiAgentFixture.ADMIN_PASSWORD, args);
    }

    /** {@code ipmiutil SUB -N 127.0.0.1 -F lan2}: ipmiutil always talks to UDP port 623. */
    ClientRun ipmiutil(String sub, String user, String password, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ipmiutil", sub, "-N", "127.0.0.1", "-U", user, "-P", password));
        if (List.of(args).stream().noneMatch(a -> a.startsWith("-F"))) {
            cmd.addAll(List.of("-F", "lan2"));
        }
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    ClientRun ipmiutilAdmin(String sub, String... args) {
        return ipmiutil(sub, IpmiAgentFixture.ADMIN, IpmiAgentFixture.ADMIN_PASSWORD, args);
    }

    private ClientRun run(List<String> cmd) {
        bmc.betweenClients();
        return ClientRun.of(cmd);
    }

    /** Collapses runs of blanks so column-aligned output can be matched: "a  |   b" becomes "a | b". */
    static String squash(String text) {
        return text.replaceAll("[ \\t]+", " ");
    }
}
