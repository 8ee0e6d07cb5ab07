package dev.bmcagent.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * The Maven project version of this build, filtered into {@code version.properties} beside this class at build time:
 * Redfish Manager FirmwareVersion, FirmwareInventory "bmc" and {@code bmc --version}.
 */
public final class BuildVersion {
    private BuildVersion() {
    }

    /** The project version, empty when the resource is missing or was not filtered (an IDE build). */
    public static Optional<String> projectVersion() {
        Properties p = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        String v = p.getProperty("version");
        return v == null || v.startsWith("${") ? Optional.empty() : Optional.of(v);
    }
}
