package dev.bmcagent.redfish;

import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's certificate: the configured PEM pair, else the pair in the data dir, else a self-signed pair
 * generated once (Vert.x/Netty generator) and persisted there so clients can pin it across restarts.
 */
final class TlsMaterial {

    private static final Logger LOG = LoggerFactory.getLogger(TlsMaterial.class);

    private TlsMaterial() {
    }

    static PemKeyCertOptions load(RedfishOptions options) {
        if (options.certPath().isPresent()) {
            return pem(options.certPath().get(), options.keyPath().orElseThrow());
        }
        Path cert = options.dataDir().resolve(RedfishOptions.CERT_FILE);
        Path key = options.dataDir().resolve(RedfishOptions.KEY_FILE);
        if (!Files.isRegularFile(cert) || !Files.isRegularFile(key)) {
            generate(cert, key);
        }
        return pem(cert, key);
    }

    /** Vert.x 5.1 deprecates SelfSignedCertificate for removal; it is the only JDK-only generator at hand. */
    @SuppressWarnings("removal")
    private static void generate(Path cert, Path key) {
        SelfSignedCertificate generated = SelfSignedCertificate.create("localhost");
        try {
            Files.createDirectories(cert.getParent());
            Path keyTmp = key.resolveSibling(key.getFileName() + ".tmp");
            Files.deleteIfExists(keyTmp);
            Files.createFile(keyTmp);
            restrict(keyTmp);
            Files.write(keyTmp, Files.readAllBytes(Path.of(generated.privateKeyPath())));
            Files.copy(Path.of(generated.certificatePath()), cert, StandardCopyOption.REPLACE_EXISTING);
            Files.move(keyTmp, key, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("generated a self-signed certificate for the Redfish service in {}", cert);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist the Redfish certificate in " + cert.getParent(), e);
        } finally {
            generated.delete();
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("no POSIX permissions on {}", file);
        }
    }

    private static PemKeyCertOptions pem(Path cert, Path key) {
        return new PemKeyCertOptions().setCertPath(cert.toString()).setKeyPath(key.toString());
    }
}
