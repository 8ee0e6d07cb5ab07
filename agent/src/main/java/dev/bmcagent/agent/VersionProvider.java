package dev.bmcagent.agent;

import java.io.IOException;
import picocli.CommandLine.IVersionProvider;

/** {@code bmc --version}: the Maven project version, filtered into {@code version.properties} at build time. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        return new String[] {
            "bmc-agent " + BuildVersion.projectVersion().orElse("(unknown version)"),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
