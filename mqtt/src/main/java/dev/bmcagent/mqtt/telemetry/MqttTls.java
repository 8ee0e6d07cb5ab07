package dev.bmcagent.mqtt.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/**
 * The one place the agent's MQTT clients get their TLS from: telemetry ({@link MqttConnector}, MQTT 5 and 3.1.1)
 * and the reboot-permit client ({@link MqttRebootPermits#withLogin}) build the socket factory here from the same
 * {@link MqttOptions} ({@code mqtt.trustStore} / {@code mqtt.trustStorePassword}; none: the JDK's default trust),
 * and leave Paho's host name verification on unless {@link MqttOptions#insecureTls()} (tests only).
 */
public final class MqttTls {
    private MqttTls() {}

    /**
     * For an {@code ssl://} broker: a socket factory that trusts what {@code o} says (its trust store, else the
     * JDK's default trust; anything if {@link MqttOptions#insecureTls()}); empty for {@code tcp://}.
     *
     * @throws IllegalArgumentException the trust store cannot be read
     */
    public static Optional<SocketFactory> socketFactory(MqttOptions o) {
        if (!o.brokerUri().getScheme().equals("ssl")) {
            return Optional.empty();
        }
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
            return Optional.of(ctx.getSocketFactory());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up TLS for " + o.brokerUri() + ": " + e.getMessage(), e);
        }
    }

    /**
     * MQTT 5 connection options: {@code sockets} (from {@link #socketFactory}) and, only for
     * {@link MqttOptions#insecureTls()}, no host name check. Nothing for {@code null} (tcp://).
     */
    static void apply(MqttConnectionOptions c, MqttOptions o, SocketFactory sockets) {
        if (sockets != null) {
            c.setSocketFactory(sockets);
            if (o.insecureTls()) {
                c.setHttpsHostnameVerificationEnabled(false);
            }
        }
    }

    /** The same for MQTT 3.1.1 ({@link PahoV3Link}): Paho's v3 client has its own options class. */
    static void apply(MqttConnectOptions c, MqttOptions o, SocketFactory sockets) {
        if (sockets != null) {
            c.setSocketFactory(sockets);
            if (o.insecureTls()) {
                c.setHttpsHostnameVerificationEnabled(false);
            }
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
