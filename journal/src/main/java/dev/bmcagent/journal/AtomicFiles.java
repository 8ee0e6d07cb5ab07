package dev.bmcagent.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Crash-safe whole-file writes: write a temp file beside the target, fsync it, rename it over the
 * target atomically, fsync the directory. At every step either the old or the new content is visible.
 * The temp file is created exclusively ({@code CREATE_NEW}, no symlink followed): a symlink planted at the
 * temp name is removed, never written through.
 */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {}

    /** Atomically replaces {@code target} with {@code content}; {@code ownerOnly} creates it mode 0600. */
    public static void write(Path target, byte[] content, boolean ownerOnly) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp); // a stale temp file, or a planted symlink: removes the link, never its target
        try (FileChannel ch = FileChannel.open(
                tmp,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                attributes(ownerOnly))) {
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        moveIntoPlace(tmp, target);
    }

    /** Renames a complete, fsynced {@code tmp} over {@code target} and fsyncs the directory. */
    static void moveIntoPlace(Path tmp, Path target) throws IOException {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(target.toAbsolutePath().getParent());
    }

    /** Makes a rename or create in {@code dir} durable (no-op where directories cannot be opened). */
    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            if (Files.isDirectory(dir) && !posix()) {
                return; // e.g. Windows: directory fsync is not available and not needed
            }
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    /** Creates {@code dir} (and parents) with mode 0700 if it does not exist. */
    public static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (posix()) {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Mode 0600 for a file being created (nothing where POSIX permissions do not exist). */
    static FileAttribute<?>[] ownerOnly() {
        return attributes(true);
    }

    private static FileAttribute<?>[] attributes(boolean ownerOnly) {
        if (ownerOnly && posix()) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
        }
        return new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
