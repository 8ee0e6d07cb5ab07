package dev.bmcagent.app.cli;

import dev.bmcagent.agent.Service;
import dev.bmcagent.agent.account.AdminCredentials;
import dev.bmcagent.agent.account.BrokerAccounts;
import dev.bmcagent.agent.config.AgentConfig;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The copy-paste block of client commands the demo prints. Pure: configuration, credentials and the set
 * of services actually running in, text out. Services not running are marked "(not yet served by this
 * build)". The password is referenced through the password file when there is one, so it is shown only once.
 */
public final class ClientCommands {
    static final String NOT_SERVED = "(not yet served by this build)";

    private ClientCommands() {}

    public static String render(AgentConfig config, AdminCredentials admin, Set<Service> serving) {
        return render(config, admin, serving, Optional.empty());
    }

    /** With the embedded broker's accounts: the subscriber logs in as the monitor unless anonymous reads are on. */
    public static String render(
            AgentConfig config, AdminCredentials admin, Set<Service> serving, Optional<BrokerAccounts> broker) {
        String mqttLogin = broker.filter(b -> !b.allowAnonymous())
                .map(b -> " -u " + b.monitor().user() + " -P \"$(cat "
                        + shellQuote(b.monitor().file().toString()) + ")\"")
                .orElse("");
        String host = clientHost(config.listeners().ipmi());
        String redfishHost = clientHost(config.listeners().redfish());
        String urlHost = redfishHost.contains(":") ? "[" + redfishHost + "]" : redfishHost;
        String mqttHost = clientHost(config.listeners().mqtt());
        String hostIfHost = clientHost(config.listeners().hostInterface());
        boolean fromFile = admin.source() != AdminCredentials.Source.CONFIGURED;
        String ipmiAuth = fromFile ? "-f " + shellQuote(admin.file().toString()) : "-P " + shellQuote(admin.password());
        String curlAuth = fromFile
                ? "\"" + admin.user() + ":$(cat " + shellQuote(admin.file().toString()) + ")\""
                : shellQuote(admin.user() + ":" + admin.password());
        String ipmitool = String.format(
                Locale.ROOT,
                "ipmitool -I lanplus -H %s -p %d -U %s %s -C 17",
                host,
                config.ipmiPort(),
                admin.user(),
                ipmiAuth);

        StringBuilder b = new StringBuilder();
        b.append("Client commands (copy and paste):\n");
        section(
                b,
                serving,
                Service.IPMI,
                host + " port " + config.ipmiPort(),
                ipmitool + " mc info",
                ipmitool + " sel elist",
                ipmitool + " chassis power status");
        section(
                b,
                serving,
                Service.REDFISH,
                "https://" + urlHost + ":" + config.redfishPort(),
                "curl -sk -u " + curlAuth + " https://" + urlHost + ":" + config.redfishPort() + "/redfish/v1/Systems");
        section(
                b,
                serving,
                Service.MQTT,
                config.mqtt().brokerUrl() == null
                        ? mqttHost + " port " + config.mqttPort()
                        : config.mqtt().brokerUrl(),
                config.mqtt().brokerUrl() == null
                        ? "mosquitto_sub -h " + mqttHost + " -p " + config.mqttPort() + mqttLogin + " -t 'bmc/#' -v"
                        : "mosquitto_sub -L " + shellQuote(config.mqtt().brokerUrl() + "/bmc/#") + " -v");
        int last = config.hostPort() + config.hosts() - 1;
        section(
                b,
                serving,
                Service.HOST_INTERFACE,
                hostIfHost + " port " + config.hostPort() + (last > config.hostPort() ? ".." + last : "")
                        + ", host i on " + config.hostPort() + "+i",
                "qemu-system-x86_64 ... -chardev socket,id=ipmi0,host=" + hostIfHost + ",port=" + config.hostPort()
                        + ",reconnect=10 -device ipmi-bmc-extern,id=bmc0,chardev=ipmi0 -device isa-ipmi-kcs,bmc=bmc0");
        return b.toString();
    }

    private static void section(
            StringBuilder b, Set<Service> serving, Service service, String where, String... commands) {
        b.append(String.format(
                Locale.ROOT,
                "  %s (%s %s)%s%n",
                service.title(),
                service.transport(),
                where,
                serving.contains(service) ? "" : " " + NOT_SERVED));
        for (String c : commands) {
            b.append("    ").append(c).append('\n');
        }
    }

    /** The address a local client uses for a listener: the listener's own, or loopback for a wildcard bind. */
    static String clientHost(String bind) {
        return switch (bind) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "0:0:0:0:0:0:0:0" -> "::1";
            default -> bind;
        };
    }

    /** Single-quotes for POSIX shells when needed. */
    static String shellQuote(String s) {
        if (s.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
