package dev.bmcagent.rollout.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import picocli.CommandLine.Option;

/** The broker and login options every {@code bmc rollout} command shares (a picocli mixin). */
public final class BrokerLogin {
    @Option(names = "--broker", required = true, description = "Broker URI, e.g. tcp://127.0.0.1:1883.")
    String broker;

    @Option(names = "--user", description = "MQTT user name (the demo's coordinator login: rollout-coordinator).")
    String user;

    @Option(
            names = "--password-file",
            description = "File holding the MQTT password (the demo's: "
                    + "DATA_DIR/mqtt-coordinator-password). Not on the command line, where other users see it.")
    Path passwordFile;

    /** The password read from {@code --password-file} (stripped), or null. */
    String password() throws IOException {
        return passwordFile == null
                ? null
                : Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
    }

    MqttConnectionOptions options() throws IOException {
        MqttConnectionOptions c = new MqttConnectionOptions();
        c.setCleanStart(true);
        if (user != null) {
            c.setUserName(user);
            String p = password();
            if (p != null) {
                c.setPassword(p.getBytes(StandardCharsets.UTF_8));
            }
        }
        return c;
    }
}
