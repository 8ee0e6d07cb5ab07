package dev.bmcagent.redfish;

import dev.bmcagent.redfish.certificates.CertificateStore;
import dev.bmcagent.redfish.certificates.ServedCertificate;
import dev.bmcagent.redfish.certificates.SubjectNames;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import java.security.SecureRandom;
import java.time.Clock;

/** Opens the certificate store the options ask for and turns a certificate into Vert.x key options (by value). */
final class TlsCertificates {

    private TlsCertificates() {}

    static CertificateStore open(RedfishOptions options, Clock clock) {
        SecureRandom random = new SecureRandom();
        if (options.certPath().isPresent()) {
            return CertificateStore.configured(
                    options.certPath().get(), options.keyPath().orElseThrow(), clock, random);
        }
        return CertificateStore.inDataDir(
                options.dataDir(), SubjectNames.forBind(options.host(), SubjectNames.localHostName()), clock, random);
    }

    /** By value, so a replaced certificate is a different option set (Vert.x caches SSL contexts per options). */
    static PemKeyCertOptions keyCert(ServedCertificate c) {
        return new PemKeyCertOptions().setCertValue(Buffer.buffer(c.chainPem())).setKeyValue(Buffer.buffer(c.keyPem()));
    }
}
