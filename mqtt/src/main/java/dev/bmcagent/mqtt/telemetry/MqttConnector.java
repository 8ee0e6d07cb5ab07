package dev.bmcagent.mqtt.telemetry;

import javax.net.SocketFactory;
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
        this.sockets = MqttTls.socketFactory(options).orElse(null);
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
}
