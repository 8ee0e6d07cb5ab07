package dev.bmcagent.redfish.backend;

/** Redfish {@code Sensor.ReadingType} values used here, with their Redfish units. */
public enum ReadingType {
    Temperature("Cel"),
    Power("W"),
    Voltage("V"),
    Current("A"),
    Rotational("RPM"),
    Percent("%");

    private final String unit;

    ReadingType(String unit) {
        this.unit = unit;
    }

    /** ReadingUnits (UCUM) as Redfish defines it for this reading type. */
    public String unit() {
        return unit;
    }
}
