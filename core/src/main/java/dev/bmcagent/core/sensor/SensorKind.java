package dev.bmcagent.core.sensor;

/** What a sensor measures, with its unit. */
public enum SensorKind {
    TEMPERATURE("Cel"),
    FAN("RPM"),
    POWER("W");

    private final String unit;

    SensorKind(String unit) {
        this.unit = unit;
    }

    /** UCUM-style unit as Redfish uses it. */
    public String unit() {
        return unit;
    }
}
