package dev.bmcagent.agent;

import dev.bmcagent.agent.config.PartialConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/** Free loopback ports for tests that start the whole agent, so they never collide with a running demo. */
public final class FreePorts {
    private FreePorts() {}

    public static int tcp() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int udp() {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A configuration layer with free IPMI, Redfish, MQTT and host-interface ports. */
    public static PartialConfig partial() {
        return PartialConfig.builder()
                .ipmiPort(udp())
                .redfishPort(tcp())
                .mqttPort(tcp())
                .hostPort(tcp())
                .build();
    }

    /** The same as command-line flags. */
    public static List<String> args() {
        return List.of(
                "--ipmi-port",
                Integer.toString(udp()),
                "--redfish-port",
                Integer.toString(tcp()),
                "--mqtt-port",
                Integer.toString(tcp()),
                "--host-port",
                Integer.toString(tcp()));
    }
}
