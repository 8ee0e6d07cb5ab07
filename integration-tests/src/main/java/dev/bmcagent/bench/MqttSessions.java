package dev.bmcagent.bench;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/** Connect options shared by the bench's Paho clients (MQTT 3.1.1, clean session, optional credentials). */
final class MqttSessions {
    private MqttSessions() {}

    static MqttConnectOptions connectOptions(BenchOptions options) {
        MqttConnectOptions connect = new MqttConnectOptions();
        connect.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        connect.setCleanSession(true);
        connect.setAutomaticReconnect(false);
        connect.setConnectionTimeout(5);
        connect.setKeepAliveInterval(60);
        // One message at a time, but Paho 1.2.5 lowers its in-flight count on the callback thread after waking the
        // publisher, so on a busy machine the count can lag a few messages behind; 10 (the default) was hit.
        connect.setMaxInflight(1_000);
        if (options.has("user")) {
            connect.setUserName(options.string("user", ""));
            connect.setPassword(options.string("pass", "").toCharArray());
        }
        return connect;
    }
}
