package dev.bmcagent.agent.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The default data directory: {@code $BMC_DATA_DIR} if set, else {@code ~/.local/share/bmc-agent} if the
 * home directory is writable (XDG data-home convention), else {@code ./data} under the working directory.
 */
public final class DataDirectory {
    /** Environment variable that overrides the default data directory. */
    public static final String ENV = "BMC_DATA_DIR";

    private DataDirectory() {
    }

    public static Path defaultFor(Map<String, String> env, Path home, Path workingDirectory) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        if (home != null && Files.isDirectory(home) && Files.isWritable(home)) {
            return home.resolve(".local").resolve("share").resolve("bmc-agent");
        }
        return workingDirectory.resolve("data");
    }
}
