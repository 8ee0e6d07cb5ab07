package dev.bmcagent.agent;

/** The network services an agent can serve; {@link AgentAssembly#serving()} says which ones run. */
public enum Service {
    IPMI("IPMI RMCP+", "UDP"),
    REDFISH("Redfish", "HTTPS"),
    MQTT("MQTT broker", "TCP"),
    HOST_INTERFACE("host interface (OpenIPMI VM protocol)", "TCP");

    private final String title;
    private final String transport;

    Service(String title, String transport) {
        this.title = title;
        this.transport = transport;
    }

    public String title() {
        return title;
    }

    public String transport() {
        return transport;
    }
}
