package dev.bmcagent.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance of issue #14 section 3: {@code tar xzf} of the distribution on a clean directory, then
 * {@code bin/bmc agent --config etc/agent.yaml} (the shipped default configuration, ports and data directory from
 * flags) runs without Maven; real {@code ipmitool} and {@code curl} talk to it; SIGTERM stops it. AppCDS both ways:
 * after the install step {@code bin/bmc prepare-cds} even the first start maps the archive, and most classes it loads
 * come from it (the shipped class list is current); without a current prepared archive, with a systemd
 * {@code CacheDirectory}, the first stop leaves a recorded archive that the restart maps.
 */
class DistributionIT {
    @TempDir
    Path dir;

    @Test
    void theUnpackedDistributionRunsTheAgentWithoutMaven() throws Exception {
        Path home = Dist.extract(dir.resolve("bmc-agent"));
        assertTrue(Files.isExecutable(home.resolve("bin/bmc")));
        for (String f : List.of(
                "etc/agent.yaml",
                "systemd/bmc-agent.service",
                "INSTALL.md",
                "libexec/bmc.classlist",
                "libexec/bmc-dbus.classlist")) {
            assertTrue(Files.isRegularFile(home.resolve(f)), f);
        }
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            List<String> jars =
                    lib.map(p -> p.getFileName().toString()).sorted().toList();
            System.out.println("lib/: " + jars.size() + " jars");
            for (String module : List.of(
                    "agent-",
                    "common-",
                    "acpi-",
                    "ipmi-",
                    "redfish-",
                    "openbmc-",
                    "rollout-",
                    "simulator-",
                    "logback-classic-",
                    "netty-",
                    "vertx-core-",
                    "dbus-java-core-")) {
                assertTrue(
                        jars.stream().anyMatch(j -> j.startsWith(module) && j.endsWith(".jar")),
                        module + " in " + jars);
            }
            assertFalse(
                    jars.stream().anyMatch(j -> j.startsWith("junit") || j.startsWith("awaitility")),
                    "test " + "libraries shipped: " + jars);
        }

        AgentProcess agent = new AgentProcess(home, dir.resolve("run"));
        // the install step: a static archive of the shipped class list, made without running the agent
        String prepared = Dist.run(List.of(home.resolve("bin/bmc").toString(), "prepare-cds"), agent.environment());
        System.out.println("bin/bmc prepare-cds: " + prepared.strip());
        Path preparedArchive = home.resolve("cds/bmc-agent.jsa");
        assertTrue(Files.isRegularFile(preparedArchive), prepared);
        // the shipped configuration (hostLink: vm) gets no D-Bus class; one with hostLink: dbus gets them
        assertEquals(0, archivedClasses(home, preparedArchive, "org.freedesktop.dbus."), "D-Bus classes archived");
        Path dbusConfig = dir.resolve("dbus.yaml");
        Files.writeString(dbusConfig, "hosts: 1\nhostLink: dbus\nopenbmc:\n  busAddress: unix:path=/nonexistent\n");
        Path dbusArchive = dir.resolve("dbus/bmc-agent.jsa");
        Map<String, String> env = new HashMap<>(agent.environment());
        env.put("BMC_CDS_ARCHIVE", dbusArchive.toString());
        String dbus = Dist.run(
                List.of(home.resolve("bin/bmc").toString(), "prepare-cds", "--config", dbusConfig.toString()), env);
        assertTrue(dbus.contains("hostLink: dbus"), dbus);
        long dbusClasses = archivedClasses(home, dbusArchive, "org.freedesktop.dbus.");
        System.out.println("prepare-cds --config (hostLink: dbus): " + dbusClasses + " dbus-java classes archived");
        assertTrue(dbusClasses > 100, dbus);
        Path classLog = dir.resolve("class-load.log");
        try (agent) {
            agent.env("BMC_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog).start();
            assertTrue(
                    Files.readString(Path.of("/proc/" + agent.pid() + "/maps")).contains(preparedArchive.toString()),
                    "the first start does not map the prepared archive:\n" + agent.log());
            int status = agent.stop();
            System.out.println("exit status after SIGTERM: " + status);
            assertTrue(status == 0 || status == 143, "exit " + status + "\n" + agent.log());
            assertTrue(agent.log().contains("agent stopped"), agent.log());
            List<String> loaded = Files.readAllLines(classLog);
            long shared = loaded.stream()
                    .filter(l -> l.contains("source: shared objects file"))
                    .count();
            System.out.println("classes loaded: " + loaded.size() + ", from the prepared archive: " + shared);
            assertTrue(
                    shared >= 0.9 * loaded.size(),
                    shared + " of " + loaded.size() + " classes from the archive: bmc.classlist is out of date, run"
                            + " scripts/cds-classlist.sh");
            assertFalse(
                    Files.exists(agent.cacheDirectory().resolve("bmc-agent.jsa")),
                    "recorded an archive although a prepared one was mapped");

            // a prepared archive made by another java (a JDK chosen later that is older than the archive: the
            // mtimes pass, the JVM would refuse it silently) is not mapped: the launcher says so and records one in
            // the cache directory at the first stop
            Path madeBy = home.resolve("cds/bmc-agent.jsa.java");
            String java = Files.readString(madeBy);
            assertEquals(
                    Path.of(System.getProperty("java.home"), "bin", "java")
                            .toRealPath()
                            .toString(),
                    java.strip());
            Files.writeString(madeBy, "/usr/lib/jvm/another-jdk/bin/java\n");
            agent.env("BMC_JAVA_OPTS", null).start();
            int recording = agent.stop();
            assertTrue(recording == 0 || recording == 143, "exit " + recording + "\n" + agent.log());
            assertTrue(agent.log().contains("is stale"), agent.log());
            Path archive = agent.cacheDirectory().resolve("bmc-agent.jsa");
            assertTrue(Files.isRegularFile(archive), "no AppCDS archive after the first stop:\n" + agent.log());
            assertEquals(
                    String.valueOf(Files.size(archive)),
                    Files.readString(agent.cacheDirectory().resolve("bmc-agent.jsa.size"))
                            .strip());
            // the right java again, but a class list newer than the prepared archive (an upgrade without
            // prepare-cds): still stale; the restart maps the archive recorded above
            Files.writeString(madeBy, java);
            Files.setLastModifiedTime(
                    home.resolve("libexec/bmc.classlist"),
                    FileTime.fromMillis(
                            Files.getLastModifiedTime(preparedArchive).toMillis() + 2000));
            agent.start();
            String maps = Files.readString(Path.of("/proc/" + agent.pid() + "/maps"));
            assertTrue(maps.contains(archive.toString()), "recorded archive not mapped by the restart");
            assertFalse(maps.contains(preparedArchive.toString()), "a stale prepared archive is mapped");
            assertEquals(2, agent.log().split("is stale", -1).length - 1, agent.log());
            assertTrue(
                    Dist.run(agent.ipmitool("mc", "info"), Map.of()).contains("IPMI Version"),
                    "restart with the archive answers IPMI");
            int again = agent.stop();
            assertTrue(again == 0 || again == 143, "exit " + again + "\n" + agent.log());
        }
        assertFalse(Files.exists(agent.mvnCalled), "the launcher called mvn");
    }

    /** How many classes whose name starts with {@code prefix} the archive holds (the JVM's own listing of it). */
    private static long archivedClasses(Path home, Path archive, String prefix) throws Exception {
        String listing = Dist.run(
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:SharedArchiveFile=" + archive,
                        "-XX:+PrintSharedArchiveAndExit",
                        "-XX:+PrintSharedDictionary",
                        "-cp",
                        home.resolve("lib") + "/*"),
                Map.of());
        assertTrue(listing.contains("java.lang.Object"), "no class listing:\n" + listing);
        return listing.lines().filter(l -> l.contains(": " + prefix)).count();
    }
}
