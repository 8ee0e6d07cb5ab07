package dev.bmcagent.redfish;

import io.netty.handler.ssl.OpenSsl;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS engine of the HTTPS service: OpenSSL (netty-tcnative's statically linked BoringSSL, native AES-GCM and
 * session cache) when requested and loadable, else the JDK SSLEngine. Same certificate, protocols and cipher suites
 * either way ({@link #CIPHER_SUITES}); the choice is logged once per start.
 */
enum TlsEngine {
    OPENSSL,
    JDK;

    /**
     * Forward secrecy and AEAD only: TLS 1.3's suites and TLS 1.2 ECDHE with AES-GCM or ChaCha20-Poly1305, for RSA
     * and ECDSA certificates. No static-RSA key exchange (no forward secrecy), no CBC/SHA-1 suites (Lucky13-style
     * padding oracles, SHA-1 MACs). IANA names; Netty maps them to OpenSSL's names for the OpenSSL engine.
     */
    static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private static final Logger LOG = LoggerFactory.getLogger(TlsEngine.class);

    /** Sets the engine, protocols and cipher suites on {@code http} and returns the engine in use. */
    static TlsEngine configure(HttpServerOptions http, boolean preferOpenSsl) {
        http.setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"));
        CIPHER_SUITES.forEach(http::addEnabledCipherSuite);
        if (preferOpenSsl && OpenSSLEngineOptions.isAvailable()) {
            http.setSslEngineOptions(new OpenSSLEngineOptions().setSessionCacheEnabled(true));
            LOG.info("Redfish TLS engine: OpenSSL ({})", OpenSsl.versionString());
            return OPENSSL;
        }
        http.setSslEngineOptions(new JdkSSLEngineOptions());
        if (preferOpenSsl) {
            Throwable why = OpenSsl.unavailabilityCause();
            LOG.info(
                    "Redfish TLS engine: JDK SSLEngine (OpenSSL not loadable: {})",
                    why == null ? "unknown" : why.toString());
        } else {
            LOG.info("Redfish TLS engine: JDK SSLEngine (configured)");
        }
        return JDK;
    }
}
