package dev.bmcagent.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * What the build filtered into {@code version.properties} beside this class: the Maven project version (Redfish
 * Manager FirmwareVersion, FirmwareInventory "bmc" and {@code bmc --version}) and the project's organization (the
 * BMC firmware's Manufacturer in FirmwareInventory).
 */
public final class BuildVersion {
    private BuildVersion() {}

    /** The project version, empty when the resource is missing or was not filtered (an IDE build). */
    public static Optional<String> projectVersion() {
        return property("version");
    }

    /** Who built this (the Maven project's organization), empty when unknown. */
    public static Optional<String> projectVendor() {
        return property("vendor");
    }

    private static Optional<String> property(String key) {
        Properties p = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        String v = p.getProperty(key);
        return v == null || v.startsWith("${") ? Optional.empty() : Optional.of(v);
    }
}
