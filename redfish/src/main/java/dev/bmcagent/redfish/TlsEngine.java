package dev.bmcagent.redfish;

import io.netty.handler.ssl.OpenSsl;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS engine of the HTTPS service: OpenSSL (netty-tcnative's statically linked BoringSSL, native AES-GCM and
 * session cache) when requested and loadable, else the JDK SSLEngine. Same certificate, protocols and ciphers'
 * families either way; the choice is logged once per start.
 */
enum TlsEngine {
    OPENSSL,
    JDK;

    private static final Logger LOG = LoggerFactory.getLogger(TlsEngine.class);

    /** Sets the engine on {@code http} and returns the one in use. */
    static TlsEngine configure(HttpServerOptions http, boolean preferOpenSsl) {
        if (preferOpenSsl && OpenSSLEngineOptions.isAvailable()) {
            http.setSslEngineOptions(new OpenSSLEngineOptions().setSessionCacheEnabled(true));
            LOG.info("Redfish TLS engine: OpenSSL ({})", OpenSsl.versionString());
            return OPENSSL;
        }
        http.setSslEngineOptions(new JdkSSLEngineOptions());
        if (preferOpenSsl) {
            Throwable why = OpenSsl.unavailabilityCause();
            LOG.info("Redfish TLS engine: JDK SSLEngine (OpenSSL not loadable: {})",
                    why == null ? "unknown" : why.toString());
        } else {
            LOG.info("Redfish TLS engine: JDK SSLEngine (configured)");
        }
        return JDK;
    }
}
