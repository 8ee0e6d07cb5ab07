package dev.bmcagent.redfish.http;

/**
 * Every DMTF schema this service emits, with the version it declares. Drives both {@code @odata.type}
 * and {@code $metadata}, so the two cannot disagree. Collections are unversioned in CSDL.
 */
public enum Schema {
    SERVICE_ROOT("ServiceRoot", "v1_17_0"),
    COMPUTER_SYSTEM_COLLECTION("ComputerSystemCollection", null),
    COMPUTER_SYSTEM("ComputerSystem", "v1_20_0"),
    BOOT_OPTION_COLLECTION("BootOptionCollection", null),
    BOOT_OPTION("BootOption", "v1_0_5"),
    ACTION_INFO("ActionInfo", "v1_4_0"),
    CHASSIS_COLLECTION("ChassisCollection", null),
    CHASSIS("Chassis", "v1_23_0"),
    SENSOR_COLLECTION("SensorCollection", null),
    SENSOR("Sensor", "v1_7_0"),
    THERMAL_SUBSYSTEM("ThermalSubsystem", "v1_3_0"),
    THERMAL("Thermal", "v1_7_3"),
    POWER("Power", "v1_7_3"),
    POWER_SUBSYSTEM("PowerSubsystem", "v1_1_3"),
    ENVIRONMENT_METRICS("EnvironmentMetrics", "v1_3_3"),
    CONTROL_COLLECTION("ControlCollection", null),
    FAN_COLLECTION("FanCollection", null),
    FAN("Fan", "v1_5_0"),
    MANAGER_COLLECTION("ManagerCollection", null),
    MANAGER("Manager", "v1_18_0"),
    MANAGER_NETWORK_PROTOCOL("ManagerNetworkProtocol", "v1_9_0"),
    ETHERNET_INTERFACE_COLLECTION("EthernetInterfaceCollection", null),
    ETHERNET_INTERFACE("EthernetInterface", "v1_12_4"),
    LOG_SERVICE_COLLECTION("LogServiceCollection", null),
    LOG_SERVICE("LogService", "v1_4_0"),
    LOG_ENTRY_COLLECTION("LogEntryCollection", null),
    LOG_ENTRY("LogEntry", "v1_15_0"),
    SESSION_SERVICE("SessionService", "v1_1_9"),
    SESSION_COLLECTION("SessionCollection", null),
    SESSION("Session", "v1_7_0"),
    ACCOUNT_SERVICE("AccountService", "v1_13_0"),
    MANAGER_ACCOUNT_COLLECTION("ManagerAccountCollection", null),
    MANAGER_ACCOUNT("ManagerAccount", "v1_10_0"),
    ROLE_COLLECTION("RoleCollection", null),
    ROLE("Role", "v1_3_2"),
    EVENT_SERVICE("EventService", "v1_10_0"),
    EVENT_DESTINATION_COLLECTION("EventDestinationCollection", null),
    EVENT_DESTINATION("EventDestination", "v1_13_0"),
    EVENT("Event", "v1_9_0"),
    MESSAGE_REGISTRY_FILE_COLLECTION("MessageRegistryFileCollection", null),
    MESSAGE_REGISTRY_FILE("MessageRegistryFile", "v1_1_3"),
    MESSAGE_REGISTRY("MessageRegistry", "v1_6_0"),
    MESSAGE("Message", "v1_1_2"),
    CERTIFICATE_SERVICE("CertificateService", "v1_0_8"),
    CERTIFICATE_LOCATIONS("CertificateLocations", "v1_0_4"),
    CERTIFICATE_COLLECTION("CertificateCollection", null),
    CERTIFICATE("Certificate", "v1_4_6"),
    UPDATE_SERVICE("UpdateService", "v1_11_6"),
    SOFTWARE_INVENTORY_COLLECTION("SoftwareInventoryCollection", null),
    SOFTWARE_INVENTORY("SoftwareInventory", "v1_10_2"),
    MEMORY_COLLECTION("MemoryCollection", null),
    MEMORY("Memory", "v1_20_0"),
    PROCESSOR_COLLECTION("ProcessorCollection", null),
    PROCESSOR("Processor", "v1_20_2");

    private final String name;
    private final String version;

    Schema(String name, String version) {
        this.name = name;
        this.version = version;
    }

    public String schemaName() {
        return name;
    }

    /** The versioned namespace, e.g. "ComputerSystem.v1_20_0", or the bare name for collections. */
    public String namespace() {
        return version == null ? name : name + "." + version;
    }

    /** e.g. "#ComputerSystem.v1_20_0.ComputerSystem". */
    public String odataType() {
        return "#" + namespace() + "." + name;
    }

    /** The DMTF CSDL file for this schema. */
    public String csdlUri() {
        return "http://redfish.dmtf.org/schemas/v1/" + name + "_v1.xml";
    }
}
