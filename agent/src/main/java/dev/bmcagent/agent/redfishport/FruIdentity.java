package dev.bmcagent.agent.redfishport;

import dev.bmcagent.ipmi.fru.FruInventory;
import dev.bmcagent.redfish.backend.AssetIdentity;
import java.util.Optional;

/**
 * Redfish identity from the IPMI FRU inventory (FRU Information Storage Definition v1.0), so ipmitool fru print and
 * Redfish agree. Pure.
 * <ul>
 *   <li>ComputerSystem: Manufacturer = Product Manufacturer, Model = Product Name, SerialNumber = Product Serial,
 *       PartNumber = Product Part/Model Number;</li>
 *   <li>Chassis: the same Manufacturer and Model, SerialNumber = Chassis Serial, PartNumber = Chassis Part Number;</li>
 *   <li>SKU (no FRU field of its own): the Product Part/Model Number, the orderable number of the product.</li>
 * </ul>
 * A FRU with any of these fields empty gives no identity (the properties are omitted, never sent as "").
 */
final class FruIdentity {

    private FruIdentity() {}

    static Optional<AssetIdentity> system(FruInventory f) {
        return of(
                f.productManufacturer(),
                f.productName(),
                f.productSerial(),
                f.productPartNumber(),
                f.productPartNumber());
    }

    static Optional<AssetIdentity> chassis(FruInventory f) {
        return of(
                f.productManufacturer(),
                f.productName(),
                f.chassisSerial(),
                f.chassisPartNumber(),
                f.productPartNumber());
    }

    private static Optional<AssetIdentity> of(
            String manufacturer, String model, String serial, String part, String sku) {
        for (String s : new String[] {manufacturer, model, serial, part, sku}) {
            if (s.isBlank()) {
                return Optional.empty();
            }
        }
        return Optional.of(new AssetIdentity(manufacturer, model, serial, part, sku));
    }
}
