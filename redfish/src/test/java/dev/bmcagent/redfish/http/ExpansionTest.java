package dev.bmcagent.redfish.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpansionTest {

    /** A tree: Root -> Systems (collection) -> host1, which links (Links) to Chassis/c1, which links back. */
    final Map<String, ObjectNode> tree = new HashMap<>();

    final List<String> reads = new ArrayList<>();
    final ResourceReader reader = uri -> {
        reads.add(uri);
        return Future.succeededFuture(Optional.ofNullable(tree.get(uri)).map(ObjectNode::deepCopy));
    };

    ExpansionTest() {
        ObjectNode systems = Json.collection(
                "/redfish/v1/Systems",
                Schema.COMPUTER_SYSTEM_COLLECTION,
                "Systems",
                List.of("/redfish/v1/Systems/host1", "/redfish/v1/Systems/gone"));
        tree.put("/redfish/v1/Systems", systems);
        ObjectNode host =
                Json.object().put("@odata.id", "/redfish/v1/Systems/host1").put("Id", "host1");
        host.set("Bios", Json.link("/redfish/v1/Systems/host1/Bios"));
        host.putObject("Links").putArray("Chassis").add(Json.link("/redfish/v1/Chassis/c1"));
        tree.put("/redfish/v1/Systems/host1", host);
        tree.put(
                "/redfish/v1/Systems/host1/Bios",
                Json.object().put("@odata.id", "/redfish/v1/Systems/host1/Bios").put("Id", "Bios"));
        ObjectNode chassis =
                Json.object().put("@odata.id", "/redfish/v1/Chassis/c1").put("Id", "c1");
        chassis.putObject("Links").putArray("ComputerSystems").add(Json.link("/redfish/v1/Systems/host1"));
        chassis.set("Sensors", Json.link("/redfish/v1/Chassis/c1/Sensors"));
        tree.put("/redfish/v1/Chassis/c1", chassis);
    }

    ObjectNode expand(String uri, String query) {
        ObjectNode body = tree.get(uri).deepCopy();
        return new Expansion(reader, ExpandQuery.parse(query)).apply(body).result();
    }

    @Test
    void dotExpandsMembersOneLevelAndLeavesUnreadableAsReference() {
        ObjectNode r = expand("/redfish/v1/Systems", ".");
        assertEquals("host1", r.at("/Members/0/Id").asText());
        assertEquals(Json.link("/redfish/v1/Systems/gone"), r.at("/Members/1"));
        // one level only: host1's own hyperlinks stay hyperlinks
        assertEquals(Json.link("/redfish/v1/Systems/host1/Bios"), r.at("/Members/0/Bios"));
        assertEquals(2, r.get("Members@odata.count").asInt());
    }

    @Test
    void dotTwoLevelsExpandsSubordinateButNotLinks() {
        ObjectNode r = expand("/redfish/v1/Systems", ".($levels=2)");
        assertEquals("Bios", r.at("/Members/0/Bios/Id").asText());
        assertEquals(Json.link("/redfish/v1/Chassis/c1"), r.at("/Members/0/Links/Chassis/0"));
    }

    @Test
    void tildeExpandsOnlyLinks() {
        ObjectNode r = expand("/redfish/v1/Systems/host1", "~");
        assertEquals("c1", r.at("/Links/Chassis/0/Id").asText());
        assertEquals(Json.link("/redfish/v1/Systems/host1/Bios"), r.get("Bios"));
        assertEquals(List.of("/redfish/v1/Chassis/c1"), reads);
    }

    @Test
    void starExpandsBothAndACycleStaysAReference() {
        ObjectNode r = expand("/redfish/v1/Systems/host1", "*($levels=3)");
        assertEquals("Bios", r.at("/Bios/Id").asText());
        assertEquals("c1", r.at("/Links/Chassis/0/Id").asText());
        // c1 links back to host1, the resource being expanded: left as a hyperlink, not expanded forever
        assertEquals(Json.link("/redfish/v1/Systems/host1"), r.at("/Links/Chassis/0/Links/ComputerSystems/0"));
        // c1's Sensors cannot be read: stays a hyperlink
        assertEquals(Json.link("/redfish/v1/Chassis/c1/Sensors"), r.at("/Links/Chassis/0/Sensors"));
    }

    @Test
    void hyperlinksAreOnlyObjectsWhoseSolePropertyIsOdataId() {
        ObjectNode body = Json.object().put("@odata.id", "/x");
        body.putObject("NotALink").put("@odata.id", "/y").put("Name", "has more than the id");
        body.putObject("Oem").putObject("Vendor").set("Deep", Json.link("/z"));
        body.putArray("Related").add(Json.link("/w")).add("/not-an-object");
        List<String> found = new ArrayList<>();
        Expansion.hyperlinks(body, ExpandQuery.Type.ALL)
                .forEach(l -> found.add(l.get("@odata.id").asText()));
        assertEquals(List.of("/z", "/w"), found);
    }

    @Test
    void linksNestedBelowOtherPropertiesCountAsLinks() {
        ObjectNode body = Json.object().put("@odata.id", "/x");
        body.putObject("Oem").putObject("Links").set("Peer", Json.link("/peer"));
        body.set("Child", Json.link("/child"));
        assertEquals(
                List.of(Json.link("/peer")), List.<JsonNode>copyOf(Expansion.hyperlinks(body, ExpandQuery.Type.LINKS)));
        assertEquals(
                List.of(Json.link("/child")),
                List.<JsonNode>copyOf(Expansion.hyperlinks(body, ExpandQuery.Type.SUBORDINATE)));
    }

    @ParameterizedTest
    @CsvSource({"*,ALL,1", ".,SUBORDINATE,1", "~,LINKS,1", "*($levels=6),ALL,6", ".($levels=2),SUBORDINATE,2"})
    void parsesValidValues(String value, ExpandQuery.Type type, int levels) {
        assertEquals(new ExpandQuery(type, levels), ExpandQuery.parse(value));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|QueryParameterValueFormatError", "x|QueryParameterValueFormatError",
                "Thermal|QueryParameterValueFormatError", ".($levels=2|QueryParameterValueFormatError",
                ".(levels=2)|QueryParameterValueFormatError", "*.|QueryParameterValueFormatError",
                ".($levels=two)|QueryParameterValueTypeError", ".($levels=)|QueryParameterValueTypeError",
                ".($levels=0)|QueryParameterOutOfRange", "*($levels=7)|QueryParameterOutOfRange",
                "~($levels=-1)|QueryParameterOutOfRange"
            })
    void rejectsInvalidValuesWithTheRightMessage(String value, BaseMessage expected) {
        RedfishException e = assertThrows(RedfishException.class, () -> ExpandQuery.parse(value));
        assertEquals(expected, e.error().infos().get(0).message());
        assertEquals(400, e.error().status());
    }
}
