package dev.bmcagent.redfish.certificates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS certificate and its key, kept in the data dir.
 *
 * <p>{@value #TLS_FILE} (0600) holds the chain and the key together and is replaced in one rename, so a crash leaves
 * the old pair or the new one; {@value #CERT_FILE} is a copy of the chain for clients that want to pin it. A key made
 * by GenerateCSR waits in {@value #CSR_KEY_FILE} (0600) until a certificate for it is installed. When the pair is
 * configured ({@link #configured}), it is served as is and cannot be replaced over Redfish.
 *
 * <p>At start, the service's own self-signed certificate is made anew when it has expired, expires within
 * {@link SelfSignedGenerator#RENEW_BEFORE}, or names other addresses than the service is bound to; an installed
 * (replaced) certificate is never replaced by the service.
 */
public final class CertificateStore {

    public static final String TLS_FILE = "redfish-tls.pem";
    public static final String CERT_FILE = "redfish-cert.pem";
    public static final String KEY_FILE = "redfish-key.pem";
    public static final String CSR_KEY_FILE = "redfish-csr-key.pem";

    private static final Logger LOG = LoggerFactory.getLogger(CertificateStore.class);

    private final Path dir;
    private final Clock clock;
    private final SecureRandom random;
    private final boolean replaceable;
    private volatile ServedCertificate current;

    private CertificateStore(
            Path dir, Clock clock, SecureRandom random, boolean replaceable, ServedCertificate current) {
        this.dir = dir;
        this.clock = clock;
        this.random = random;
        this.replaceable = replaceable;
        this.current = current;
    }

    /** A pair configured by path: served as is, not replaceable. */
    public static CertificateStore configured(Path certPem, Path keyPem, Clock clock, SecureRandom random) {
        try {
            Pem.Parsed cert = Pem.parse(Files.readString(certPem, StandardCharsets.US_ASCII));
            Pem.Parsed key = Pem.parse(Files.readString(keyPem, StandardCharsets.US_ASCII));
            ServedCertificate c = new ServedCertificate(
                    cert.certificates(),
                    key.key().orElseThrow(() -> new IllegalArgumentException("no private key in " + keyPem)));
            return new CertificateStore(keyPem.getParent(), clock, random, false, c);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configured certificate", e);
        } catch (Pem.PemException e) {
            throw new IllegalArgumentException("configured certificate: " + e.getMessage(), e);
        }
    }

    /** The pair in {@code dir}, made (again) when missing, unreadable, expiring or for other addresses. */
    public static CertificateStore inDataDir(Path dir, SubjectNames wanted, Clock clock, SecureRandom random) {
        Optional<ServedCertificate> stored = read(dir);
        Instant now = clock.instant();
        ServedCertificate c;
        boolean generated = stored.isEmpty() || stale(stored.get().leaf(), wanted, now);
        if (!generated) {
            c = stored.get();
        } else {
            c = SelfSignedGenerator.generate(wanted, "localhost", now, KeySpec.DEFAULT, random);
            LOG.info(
                    "generated a self-signed Redfish certificate valid until {} for {} {}",
                    c.leaf().getNotAfter().toInstant(),
                    wanted.dnsNames(),
                    wanted.ipAddresses());
        }
        CertificateStore store = new CertificateStore(dir, clock, random, true, c);
        if (generated) {
            store.persist(c);
        }
        return store;
    }

    public ServedCertificate current() {
        return current;
    }

    /** Whether ReplaceCertificate and GenerateCSR apply (the pair lives in the data dir). */
    public boolean replaceable() {
        return replaceable;
    }

    public Clock clock() {
        return clock;
    }

    /** A CSR with a fresh key; the key is kept (0600) for the ReplaceCertificate that installs its certificate. */
    public CsrGenerator.Generated generateCsr(CsrRequest request) {
        CsrGenerator.Generated g = CsrGenerator.generate(request, random);
        try {
            PrivateFiles.write(
                    dir.resolve(CSR_KEY_FILE), Pem.privateKey(g.keys().getPrivate()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the CSR key", e);
        }
        return g;
    }

    /**
     * Checks a replacement: the PEM's own key, else the pending CSR key, must match its leaf; the certificate must be
     * valid now. Nothing changes here.
     */
    public ServedCertificate check(String pemText) throws CertificateChecks.Refused, Pem.PemException {
        Pem.Parsed parsed = Pem.parse(pemText);
        Optional<PrivateKey> key = parsed.key().isPresent() ? parsed.key() : pendingCsrKey();
        return CertificateChecks.check(parsed.certificates(), key, clock.instant(), random);
    }

    /** Makes {@code c} the stored pair (after it is served); a pending CSR key it used is dropped. */
    public void install(ServedCertificate c) {
        persist(c);
        current = c;
        try {
            Optional<PrivateKey> pending = pendingCsrKey();
            if (pending.isPresent() && pending.get().equals(c.key())) {
                PrivateFiles.delete(dir.resolve(CSR_KEY_FILE));
            }
        } catch (IOException e) {
            LOG.warn("cannot delete the used CSR key in {}", dir, e);
        }
    }

    private Optional<PrivateKey> pendingCsrKey() {
        Path p = dir.resolve(CSR_KEY_FILE);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            return Pem.parse(Files.readString(p, StandardCharsets.US_ASCII)).key();
        } catch (IOException | Pem.PemException e) {
            LOG.warn("unreadable CSR key {}: {}", p, e.getMessage());
            return Optional.empty();
        }
    }

    private void persist(ServedCertificate c) {
        try {
            Files.createDirectories(dir);
            PrivateFiles.write(dir.resolve(TLS_FILE), c.chainPem() + c.keyPem());
            PrivateFiles.write(dir.resolve(CERT_FILE), c.chainPem());
            PrivateFiles.delete(dir.resolve(KEY_FILE)); // the key lives in TLS_FILE only
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist the Redfish certificate in " + dir, e);
        }
    }

    /** The combined file, else the older cert + key pair; unreadable or mismatched files are moved aside. */
    private static Optional<ServedCertificate> read(Path dir) {
        Path tls = dir.resolve(TLS_FILE);
        Path cert = dir.resolve(CERT_FILE);
        Path key = dir.resolve(KEY_FILE);
        try {
            String text;
            if (Files.isRegularFile(tls)) {
                text = Files.readString(tls, StandardCharsets.US_ASCII);
            } else if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
                text = Files.readString(cert, StandardCharsets.US_ASCII)
                        + Files.readString(key, StandardCharsets.US_ASCII);
            } else {
                return Optional.empty();
            }
            Pem.Parsed parsed = Pem.parse(text);
            if (parsed.certificates().isEmpty()
                    || parsed.key().isEmpty()
                    || !CertificateChecks.belongTogether(
                            parsed.certificates().get(0).getPublicKey(),
                            parsed.key().get(),
                            new SecureRandom())) {
                throw new Pem.PemException("certificate and key do not belong together");
            }
            return Optional.of(
                    new ServedCertificate(parsed.certificates(), parsed.key().get()));
        } catch (IOException | Pem.PemException e) {
            LOG.warn("stored Redfish certificate unusable ({}); moved aside, generating a new one", e.getMessage());
            moveAside(Files.isRegularFile(tls) ? tls : cert);
            return Optional.empty();
        }
    }

    private static void moveAside(Path p) {
        try {
            Files.move(p, p.resolveSibling(p.getFileName() + ".bad"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("cannot move {} aside", p, e);
        }
    }

    /** The service's own certificate that must be made anew; an installed one never is. */
    static boolean stale(X509Certificate leaf, SubjectNames wanted, Instant now) {
        boolean own = SelfSignedGenerator.isOwn(leaf) || legacyGenerated(leaf);
        if (!own) {
            return false;
        }
        Instant renewAt = leaf.getNotAfter().toInstant().minus(SelfSignedGenerator.RENEW_BEFORE);
        return !now.isBefore(renewAt) || !SubjectNames.of(leaf).equals(wanted);
    }

    /** The certificate earlier versions generated: self-issued CN=localhost without any SAN, valid to 9999. */
    private static boolean legacyGenerated(X509Certificate leaf) {
        return leaf.getSubjectX500Principal().getName().equals("CN=localhost")
                && leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())
                && SubjectNames.of(leaf).dnsNames().isEmpty()
                && SubjectNames.of(leaf).ipAddresses().isEmpty();
    }

    /** For tests and the resource: the data dir of this store. */
    public Path dir() {
        return Objects.requireNonNull(dir);
    }

    /** The chain, for the Certificates resource. */
    public List<X509Certificate> chain() {
        return current.chain();
    }
}
