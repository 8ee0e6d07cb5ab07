package dev.bmcagent.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code bmc --version}: the Maven project version, filtered into {@code version.properties} at build time. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        return new String[] {"bmc-agent " + projectVersion().orElse("(unknown version)"),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
    }

    /** The Maven project version of this build (Redfish Manager FirmwareVersion and FirmwareInventory "bmc"). */
    public static java.util.Optional<String> projectVersion() {
        return property("version");
    }

    /** Who built this (the Maven project's organization): the BMC firmware's Manufacturer in FirmwareInventory. */
    public static java.util.Optional<String> projectVendor() {
        return property("vendor");
    }

    private static java.util.Optional<String> property(String key) {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        String v = p.getProperty(key);
        return v == null || v.startsWith("${") ? java.util.Optional.empty() : java.util.Optional.of(v);
    }
}
