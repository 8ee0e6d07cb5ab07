package dev.bmcagent.agent.config;

/**
 * What Get Device ID (IPMI 2.0 §20.1) reports as the BMC's maker and model, from the {@code ipmi:} section: the
 * integrator's IANA Private Enterprise Number and their product ID, as OpenBMC's {@code dev_id.json} does.
 *
 * <p>Unset, both are 0 ("unknown"): this project has no enterprise number of its own, and another organisation's
 * would be a lie. Clients key behaviour on the number: ipmitool 1.8.19 caches a non-zero Manufacturer ID but asks
 * Get Device ID again for every SEL record while it is 0 (3,228 messages instead of 1,055 for a 1,000-record
 * {@code sel elist}; docs/BENCHMARKS.md), and picks OEM decoders by it.
 *
 * @param manufacturerId IANA Private Enterprise Number, 20 bits (0..1048575); 0 = unknown
 * @param productId      16 bits (0..65535)
 */
public record IpmiIdentity(int manufacturerId, int productId) {
    public static final IpmiIdentity UNKNOWN = new IpmiIdentity(0, 0);
    public static final int MAX_MANUFACTURER_ID = 0xFFFFF;
    public static final int MAX_PRODUCT_ID = 0xFFFF;

    public IpmiIdentity {
        if (manufacturerId < 0 || manufacturerId > MAX_MANUFACTURER_ID) {
            throw new ConfigException(
                    "ipmi.manufacturerId",
                    "must be an IANA enterprise number 0.." + MAX_MANUFACTURER_ID + " (20 bits), got "
                            + manufacturerId);
        }
        if (productId < 0 || productId > MAX_PRODUCT_ID) {
            throw new ConfigException(
                    "ipmi.productId", "must be 0.." + MAX_PRODUCT_ID + " (16 bits), got " + productId);
        }
    }
}
