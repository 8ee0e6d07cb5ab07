package dev.bmcagent.redfish;

import dev.bmcagent.redfish.certificates.CertificateStore;
import dev.bmcagent.redfish.certificates.ServedCertificate;
import dev.bmcagent.redfish.certificates.SubjectNames;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.TrustOptions;
import java.net.Socket;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/** Opens the certificate store the options ask for and turns a certificate into Vert.x key options (by value). */
final class TlsCertificates {

    /**
     * The server's trust: no client certificate is asked for (Redfish clients authenticate with Basic or a session
     * token), so none is trusted. Without an explicit trust manager, Netty builds the JDK's default one for every
     * server context, both engines: it parses the ~140 certificates of the JDK's {@code cacerts} at the first
     * connection and keeps them for the server's life (~0.6 MiB of heap on a BMC) only to never use them.
     */
    static final TrustOptions NO_CLIENT_CERTIFICATES = TrustOptions.wrap(new NoClientCertificates());

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

    /** Trusts no peer; extended, so that Netty uses it as it is (no wrapper that probes the JDK's TLS classes). */
    static final class NoClientCertificates extends X509ExtendedTrustManager {
        private static final X509Certificate[] NONE = new X509Certificate[0];

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the Redfish service accepts no client certificates");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            checkClientTrusted(chain, authType); // a server socket has no server peer; refused all the same
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return NONE;
        }
    }
}
