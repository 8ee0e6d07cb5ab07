package dev.bmcagent.agent.cli;

import dev.bmcagent.agent.Service;
import dev.bmcagent.agent.account.AdminCredentials;
import dev.bmcagent.agent.config.AgentConfig;
import java.util.Locale;
import java.util.Set;

/**
 * The copy-paste block of client commands the demo prints. Pure: configuration, credentials and the set
 * of services actually running in, text out. Services not running are marked "(not yet served by this
 * build)". The password is referenced through the password file when there is one, so it is shown only once.
 */
public final class ClientCommands {
    static final String NOT_SERVED = "(not yet served by this build)";

    private ClientCommands() {
    }

    public static String render(AgentConfig config, AdminCredentials admin, Set<Service> serving) {
        String host = config.bind();
        String urlHost = host.contains(":") ? "[" + host + "]" : host;
        boolean fromFile = admin.source() != AdminCredentials.Source.CONFIGURED;
        String ipmiAuth = fromFile ? "-f " + shellQuote(admin.file().toString())
                : "-P " + shellQuote(admin.password());
        String curlAuth = fromFile ? "\"" + admin.user() + ":$(cat " + shellQuote(admin.file().toString()) + ")\""
                : shellQuote(admin.user() + ":" + admin.password());
        String ipmitool = String.format(Locale.ROOT, "ipmitool -I lanplus -H %s -p %d -U %s %s -C 17",
                host, config.ipmiPort(), admin.user(), ipmiAuth);

        StringBuilder b = new StringBuilder();
        b.append("Client commands (copy and paste):\n");
        section(b, serving, Service.IPMI, host + " port " + config.ipmiPort(),
                ipmitool + " mc info",
                ipmitool + " sel elist",
                ipmitool + " chassis power status");
        section(b, serving, Service.REDFISH, "https://" + urlHost + ":" + config.redfishPort(),
                "curl -sk -u " + curlAuth + " https://" + urlHost + ":" + config.redfishPort() + "/redfish/v1/Systems");
        section(b, serving, Service.MQTT, config.mqtt().brokerUrl() == null
                        ? host + " port " + config.mqttPort() : config.mqtt().brokerUrl(),
                config.mqtt().brokerUrl() == null
                        ? "mosquitto_sub -h " + host + " -p " + config.mqttPort() + " -t 'bmc/#' -v"
                        : "mosquitto_sub -L " + shellQuote(config.mqtt().brokerUrl() + "/bmc/#") + " -v");
        int last = config.hostPort() + config.hosts() - 1;
        section(b, serving, Service.HOST_INTERFACE, host + " port " + config.hostPort()
                        + (last > config.hostPort() ? ".." + last : "") + ", host i on " + config.hostPort() + "+i",
                "qemu-system-x86_64 ... -chardev socket,id=ipmi0,host=" + host + ",port=" + config.hostPort()
                        + ",reconnect=10 -device ipmi-bmc-extern,id=bmc0,chardev=ipmi0 -device isa-ipmi-kcs,bmc=bmc0");
        return b.toString();
    }

    private static void section(StringBuilder b, Set<Service> serving, Service service, String where,
                                String... commands) {
        b.append(String.format(Locale.ROOT, "  %s (%s %s)%s%n", service.title(), service.transport(), where,
                serving.contains(service) ? "" : " " + NOT_SERVED));
        for (String c : commands) {
            b.append("    ").append(c).append('\n');
        }
    }

    /** Single-quotes for POSIX shells when needed. */
    static String shellQuote(String s) {
        if (s.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
