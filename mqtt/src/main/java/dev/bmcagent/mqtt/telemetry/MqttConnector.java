package dev.bmcagent.mqtt.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an {@link MqttLink}: MQTT 5 first, MQTT 3.1.1 when the broker refuses 5 (AUTO), and sticks to 3.1.1
 * once a broker has refused 5. Credential refusals are not retried with another version.
 */
final class MqttConnector {
    private static final Logger log = LoggerFactory.getLogger(MqttConnector.class);
    /** MQTT 5 CONNACK reason codes that mean "wrong credentials", not "wrong protocol". */
    private static final int BAD_USER_OR_PASSWORD = 0x86;

    private static final int NOT_AUTHORIZED = 0x87;
    private static final int BANNED = 0x8A;

    private final MqttOptions options;
    private final String sessionId;
    private final SocketFactory sockets;
    private volatile boolean v5Refused;

    MqttConnector(MqttOptions options, String sessionId) {
        this.options = options;
        this.sessionId = sessionId;
        this.sockets = options.brokerUri().getScheme().equals("ssl") ? tls(options) : null;
    }

    /** Blocking connect (one attempt per allowed version). */
    MqttLink connect(byte[] willPayload, Runnable onLost) throws Exception {
        MqttOptions.Version pref = options.version();
        if (pref == MqttOptions.Version.V3_1_1 || (pref == MqttOptions.Version.AUTO && v5Refused)) {
            return PahoV3Link.connect(options, willPayload, sockets, onLost);
        }
        try {
            return PahoV5Link.connect(options, sessionId, willPayload, sockets, onLost);
        } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
            int rc = e.getReasonCode();
            if (pref == MqttOptions.Version.V5
                    || rc == BAD_USER_OR_PASSWORD
                    || rc == NOT_AUTHORIZED
                    || rc == BANNED
                    || isRefused(e)) {
                throw e;
            }
            log.info("MQTT 5 connect to {} failed ({}); trying MQTT 3.1.1", options.brokerUri(), e.toString());
            MqttLink link = PahoV3Link.connect(options, willPayload, sockets, onLost);
            v5Refused = true;
            log.info("broker {} speaks MQTT 3.1.1 only: using 3.1.1 from now on", options.brokerUri());
            return link;
        }
    }

    /**
     * True when the failure is below MQTT (connection refused, unknown host, TLS handshake): no point trying another
     * protocol version.
     */
    private static boolean isRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException
                    || t instanceof java.net.UnknownHostException
                    || t instanceof javax.net.ssl.SSLException) {
                return true;
            }
        }
        return false;
    }

    private static SocketFactory tls(MqttOptions o) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            TrustManager[] trust;
            if (o.insecureTls()) {
                trust = new TrustManager[] {new TrustAll()};
            } else if (o.trustStore().isPresent()) {
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                char[] pw = o.trustStorePassword().map(String::toCharArray).orElse(null);
                try (InputStream in = Files.newInputStream(o.trustStore().get())) {
                    ks.load(in, pw);
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ks);
                trust = tmf.getTrustManagers();
            } else {
                trust = null;
            }
            ctx.init(null, trust, new SecureRandom());
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up TLS for " + o.brokerUri() + ": " + e.getMessage(), e);
        }
    }

    /** Tests only ({@link MqttOptions#insecureTls()}). */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // trusts anything: tests only
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // trusts anything: tests only
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
