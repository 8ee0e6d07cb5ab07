package dev.bmcagent.redfish.backend;

import java.util.Objects;

/**
 * What a ComputerSystem or Chassis says it is (Manufacturer, Model, SerialNumber, PartNumber, SKU): in the agent the
 * same FRU inventory the IPMI FRU commands serve, so both protocols tell one story. No empty strings: Redfish
 * clients read an empty SerialNumber as a real (blank) serial, so a field the inventory lacks is not a valid identity.
 */
public record AssetIdentity(String manufacturer, String model, String serialNumber, String partNumber, String sku) {
    public AssetIdentity {
        for (String s : new String[] {manufacturer, model, serialNumber, partNumber, sku}) {
            if (Objects.requireNonNull(s, "identity field").isBlank()) {
                throw new IllegalArgumentException("blank identity field");
            }
        }
    }
}
