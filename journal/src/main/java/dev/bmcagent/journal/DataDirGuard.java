package dev.bmcagent.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's data directory, opened before anything in it is touched, and held until the agent stops.
 *
 * <p><b>Permissions.</b> It holds the admin password, the account key and every journal, so only the agent's user may
 * enter it. Created mode 0700 when absent. An existing directory that grants anything to group or others is
 * {@code chmod 0700}-ed (and logged) when it belongs to the agent's user; when it belongs to another user and
 * group or others may write to it, the agent refuses to start (another user could swap files under it).
 *
 * <p><b>Lock.</b> {@value #LOCK_FILE} in the directory is locked ({@code flock}) for the agent's lifetime, before any
 * other file is opened, so a second agent on the same directory stops before it can delete or replace anything
 * (e.g. the first agent's in-progress compaction file).
 */
public final class DataDirGuard implements AutoCloseable {
    public static final String LOCK_FILE = "agent.lock";
    private static final Logger log = LoggerFactory.getLogger(DataDirGuard.class);
    private static final Set<PosixFilePermission> GROUP_OR_OTHER_WRITE =
            EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirGuard(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates or secures {@code dir}, then takes its lock; throws if another agent holds it. */
    public static DataDirGuard open(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("data directory " + dir + " is not a directory");
        }
        AtomicFiles.createPrivateDirectories(dir);
        secure(dir);
        if (!Files.isWritable(dir)) {
            throw new IOException("data directory " + dir + " is not writable");
        }
        Path lockFile = dir.resolve(LOCK_FILE);
        FileChannel ch = FileChannel.open(
                lockFile,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                AtomicFiles.ownerOnly());
        try {
            FileLock l = ch.tryLock();
            if (l == null) {
                throw new IOException(
                        "data directory " + dir + " is in use by another agent (" + lockFile + " is locked)");
            }
            return new DataDirGuard(dir, ch, l);
        } catch (OverlappingFileLockException e) {
            ch.close();
            throw new IOException("data directory " + dir + " is already in use in this process", e);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Applies the permission rule above to an existing directory (no-op where POSIX permissions do not exist). */
    public static void secure(Path dir) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
        Set<PosixFilePermission> foreign = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : perms) {
            if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
                foreign.add(p);
            }
        }
        if (foreign.isEmpty()) {
            return;
        }
        UserPrincipal owner = Files.getOwner(dir);
        if (owner.equals(currentUser())) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            log.warn(
                    "data directory {} was {}: changed to rwx------ (it holds passwords and keys)",
                    dir,
                    PosixFilePermissions.toString(perms));
            return;
        }
        if (perms.stream().anyMatch(GROUP_OR_OTHER_WRITE::contains)) {
            throw new IOException("data directory " + dir + " is " + PosixFilePermissions.toString(perms)
                    + " and owned by " + owner.getName() + ", not by this agent's user: refusing to use it (make it"
                    + " owned by the agent's user, mode 0700)");
        }
        log.warn(
                "data directory {} is {} and owned by {}: readable by others",
                dir,
                PosixFilePermissions.toString(perms),
                owner.getName());
    }

    /** The agent's effective user: the owner of {@code /proc/self} on Linux, else by {@code user.name}. */
    private static UserPrincipal currentUser() throws IOException {
        Path self = Paths.get("/proc/self");
        if (Files.exists(self)) {
            return Files.getOwner(self);
        }
        return FileSystems.getDefault()
                .getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }

    public Path path() {
        return dir;
    }

    /** Releases the lock (the lock file stays: deleting it would race with the next agent's open). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
