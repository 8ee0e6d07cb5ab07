package dev.bmcagent.bench;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/** Connect options shared by the bench's Paho clients (MQTT 3.1.1, clean session, optional credentials). */
final class MqttSessions {
    private MqttSessions() {
    }

    static MqttConnectOptions connectOptions(BenchOptions options) {
        MqttConnectOptions connect = new MqttConnectOptions();
        connect.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        connect.setCleanSession(true);
        connect.setAutomaticReconnect(false);
        connect.setConnectionTimeout(5);
        connect.setKeepAliveInterval(60);
        connect.setMaxInflight(10);
        if (options.has("user")) {
            connect.setUserName(options.string("user", ""));
            connect.setPassword(options.string("pass", "").toCharArray());
        }
        return connect;
    }
}
