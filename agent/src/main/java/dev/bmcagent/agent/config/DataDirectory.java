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

    private DataDirectory() {}

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

    /**
     * Refuses a data directory that cannot be one: the path or one of its parents exists and is not a directory
     * (a file named like the directory, {@code /dev/null/x}). Whether it can be created or written is found out
     * when the agent creates it.
     */
    public static void check(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new ConfigException(
                        "dataDir",
                        p.equals(dir.toAbsolutePath())
                                ? dir + " exists and is not a directory"
                                : dir + " cannot be a directory: " + p + " is not a directory");
            }
        }
    }
}
