package dev.bmcagent.agent.redfishport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.ipmi.command.chassis.BootFlags;
import dev.bmcagent.redfish.backend.IndicatorLed;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The Redfish-only settings of one host, kept in the settings store as one JSON value
 * ({@code redfish.system.host<i>}).
 *
 * @param indicatorLed  IndicatorLED
 * @param assetTag      AssetTag
 * @param uefiHttpFlags the boot flags last written for target UefiHttp (see {@link BootOverrideCodec})
 * @param httpBootUri   HttpBootUri
 */
record HostSettings(
        IndicatorLed indicatorLed, String assetTag, Optional<BootFlags> uefiHttpFlags, Optional<String> httpBootUri) {
    private static final HexFormat HEX = HexFormat.of();

    public HostSettings {
        Objects.requireNonNull(indicatorLed, "indicatorLed");
        Objects.requireNonNull(assetTag, "assetTag");
        Objects.requireNonNull(uefiHttpFlags, "uefiHttpFlags");
        Objects.requireNonNull(httpBootUri, "httpBootUri");
    }

    public static HostSettings defaults() {
        return new HostSettings(IndicatorLed.Off, "", Optional.empty(), Optional.empty());
    }

    public static String key(int hostIndex) {
        return "redfish.system.host" + hostIndex;
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("indicatorLed", indicatorLed.name());
        n.put("assetTag", assetTag);
        uefiHttpFlags.ifPresent(f -> n.put(BootOverrideCodec.UEFI_HTTP_MARK, HEX.formatHex(f.bytes())));
        httpBootUri.ifPresent(u -> n.put("httpBootUri", u));
        return n;
    }

    /** Reads what {@link #toJson()} wrote; unknown or malformed fields fall back to the defaults. */
    public static HostSettings fromJson(JsonNode n) {
        IndicatorLed led = IndicatorLed.Off;
        for (IndicatorLed l : IndicatorLed.values()) {
            if (l.name().equals(n.path("indicatorLed").asText())) {
                led = l;
            }
        }
        String flags = n.path(BootOverrideCodec.UEFI_HTTP_MARK).asText("");
        Optional<BootFlags> http =
                flags.matches("[0-9a-f]{10}") ? Optional.of(new BootFlags(HEX.parseHex(flags))) : Optional.empty();
        String uri = n.path("httpBootUri").asText("");
        return new HostSettings(
                led, n.path("assetTag").asText(""), http, uri.isEmpty() ? Optional.empty() : Optional.of(uri));
    }

    public HostSettings withIndicatorLed(IndicatorLed led) {
        return new HostSettings(led, assetTag, uefiHttpFlags, httpBootUri);
    }

    public HostSettings withAssetTag(String tag) {
        return new HostSettings(indicatorLed, tag, uefiHttpFlags, httpBootUri);
    }

    public HostSettings withUefiHttpFlags(Optional<BootFlags> flags) {
        return new HostSettings(indicatorLed, assetTag, flags, httpBootUri);
    }

    public HostSettings withHttpBootUri(Optional<String> uri) {
        return new HostSettings(indicatorLed, assetTag, uefiHttpFlags, uri);
    }
}
