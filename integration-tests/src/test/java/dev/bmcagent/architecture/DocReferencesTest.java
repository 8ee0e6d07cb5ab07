package dev.bmcagent.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every documentation file that code comments, scripts, poms or other docs refer to exists in the repository (issue 12:
 * comments cited a DESIGN.md that never was in it). A reference is a path ending in {@code .md} that names a docs/
 * file, a README or an upper-case doc name ({@code SECURITY.md}), or any file under {@code docs/}; it resolves
 * against the repository root, the referring file's directory or docs/. Paths starting with {@code ../} point outside
 * the repository on purpose (the shared validators) and are not checked.
 */
class DocReferencesTest {
    private static final Set<String> SCANNED = Set.of("java", "md", "xml", "sh", "py", "yaml", "yml", "properties");
    private static final Set<String> SKIPPED_DIRS = Set.of("target", ".git", ".mvn", "node_modules");
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\w./-])((?:\\./|\\.\\./)*(?:[\\w.-]+/)*[\\w.-]+\\.(?:md|svg|png|json|csv))(?![\\w/-])");

    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isDirectory(p.resolve("docs")) && Files.isRegularFile(p.resolve("pom.xml")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException(
                    "no repository root above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    static boolean isDocReference(String ref) {
        if (ref.startsWith("../")) {
            return false;
        }
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        if (ref.contains("docs/")) {
            return true;
        }
        return ref.endsWith(".md") && (name.equals("README.md") || name.matches("[A-Z][A-Z0-9-]*\\.md"));
    }

    static List<String> dangling(Path root) throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> {
                        for (Path segment : root.relativize(f)) {
                            if (SKIPPED_DIRS.contains(segment.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .filter(f -> SCANNED.contains(extension(f))
                            || f.getFileName().toString().equals("bmc"))
                    .filter(f -> !f.getFileName().toString().equals("DocReferencesTest.java")) // its own examples
                    .forEach(f -> {
                        String text;
                        try {
                            text = Files.readString(f, StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        Matcher m = REFERENCE.matcher(text);
                        while (m.find()) {
                            String ref = m.group(1);
                            if (isDocReference(ref) && !resolves(root, f, ref)) {
                                missing.add(root.relativize(f) + ": " + ref);
                            }
                        }
                    });
        }
        return missing;
    }

    private static boolean resolves(Path root, Path from, String ref) {
        return Files.exists(root.resolve(ref))
                || Files.exists(from.getParent().resolve(ref))
                || Files.exists(root.resolve("docs").resolve(ref));
    }

    private static String extension(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1);
    }

    @Test
    void everyReferencedDocExists() throws IOException {
        assertEquals(
                List.of(), dangling(repositoryRoot()), "references to documentation that is not in the repository");
    }

    @Test
    void theScanFindsAMissingDoc() throws IOException {
        Path root = Files.createTempDirectory("doc-refs");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.writeString(root.resolve("docs/THERE.md"), "see [here](HERE.md) and docs/THERE.md");
        Files.writeString(root.resolve("A.java"), "/** docs/THERE.md, DESIGN.md \"x\", ../shared/README.md */");
        assertEquals(
                List.of("A.java: DESIGN.md", "docs/THERE.md: HERE.md"),
                dangling(root).stream().sorted().toList());
        assertTrue(isDocReference("acpi/README.md"));
    }
}
