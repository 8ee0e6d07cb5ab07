package dev.bmcagent.redfish.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.BootSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchSpecTest {
    static final PatchSpec SPEC = new PatchSpec()
            .text("AssetTag", 4)
            .integer("Timeout", 30, 60)
            .nested(
                    "Boot",
                    new PatchSpec()
                            .enumeration("BootSourceOverrideTarget", BootSource.class)
                            .textList("BootOrder", 2, 8));

    static ObjectNode json(String s) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(s);
    }

    static List<String> ids(String body, String current) throws Exception {
        RedfishException e = assertThrows(RedfishException.class, () -> SPEC.validate(json(body), json(current)));
        return e.error().infos().stream()
                .map(i -> i.message().name() + " " + i.relatedProperty())
                .toList();
    }

    @Test
    void validBodyPasses() throws Exception {
        SPEC.validate(
                json("{\"AssetTag\":\"ab\",\"Timeout\":45,\"Boot\":{\"BootSourceOverrideTarget\":\"Pxe\","
                        + "\"BootOrder\":[\"Boot0001\"]}}"),
                json("{}"));
    }

    @Test
    void everyProblemIsReportedWithItsPointer() throws Exception {
        assertEquals(
                List.of(
                        "PropertyNotWritable #/Id",
                        "PropertyUnknown #/Nope",
                        "PropertyValueFormatError #/AssetTag",
                        "PropertyValueIncorrect #/Timeout",
                        "PropertyValueNotInList #/Boot/BootSourceOverrideTarget",
                        "PropertyValueFormatError #/Boot/BootOrder",
                        "PropertyNotWritable #/Boot/BootOptions"),
                ids(
                        "{\"Id\":\"x\",\"Nope\":1,\"AssetTag\":\"toolong\",\"Timeout\":61,\"Boot\":{"
                                + "\"BootSourceOverrideTarget\":\"Floppy\",\"BootOrder\":[\"a\",\"b\",\"c\"],"
                                + "\"BootOptions\":{}}}",
                        "{\"Id\":\"h\",\"Boot\":{\"BootOptions\":{}}}"));
    }

    @Test
    void typeErrors() throws Exception {
        assertEquals(
                List.of(
                        "PropertyValueTypeError #/AssetTag",
                        "PropertyValueTypeError #/Timeout",
                        "PropertyValueTypeError #/Boot"),
                ids("{\"AssetTag\":1,\"Timeout\":\"x\",\"Boot\":[]}", "{}"));
    }

    @Test
    void messageArgsAreFormattedHighestFirst() {
        assertEquals(
                "The value 'Floppy' for the property Boot/BootSourceOverrideTarget is not in the list of "
                        + "acceptable values.",
                BaseMessage.PropertyValueNotInList.format("Floppy", "Boot/BootSourceOverrideTarget"));
        assertEquals("Base.1.19.0.PropertyUnknown", BaseMessage.PropertyUnknown.messageId());
    }
}
