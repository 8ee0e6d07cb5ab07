package dev.bmcagent.redfish.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PagingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode collection(int members) {
        ObjectNode c = JSON.createObjectNode();
        c.put("@odata.id", "/redfish/v1/X");
        var array = c.putArray("Members");
        for (int i = 0; i < members; i++) {
            array.addObject().put("@odata.id", "/redfish/v1/X/" + i);
        }
        c.put("Members@odata.count", members);
        return c;
    }

    @Test
    void theNextLinkKeepsTheOtherParametersAndAdvancesSkip() {
        ObjectNode page = Paging.apply(
                collection(5),
                2,
                OptionalInt.of(2),
                "/redfish/v1/X",
                List.of(Map.entry("$filter", "Name eq 'a b'"), Map.entry("$skip", "2"), Map.entry("$top", "2")));
        assertEquals(
                "/redfish/v1/X/2", page.get("Members").get(0).get("@odata.id").asText());
        assertEquals(5, page.get("Members@odata.count").asInt());
        assertEquals(
                "/redfish/v1/X?$filter=Name%20eq%20%27a%20b%27&$skip=4&$top=2",
                page.get("Members@odata.nextLink").asText());
    }

    @Test
    void theLastPageHasNoNextLink() {
        ObjectNode page = Paging.apply(
                collection(5),
                4,
                OptionalInt.of(2),
                "/redfish/v1/X",
                List.of(Map.entry("$skip", "4"), Map.entry("$top", "2")));
        assertEquals(1, page.get("Members").size());
        assertFalse(page.has("Members@odata.nextLink"));
    }

    @Property
    void pagesTileTheCollection(
            @ForAll @IntRange(min = 0, max = 40) int members, @ForAll @IntRange(min = 1, max = 7) int top) {
        int seen = 0;
        int skip = 0;
        int pages = 0;
        while (true) {
            ObjectNode page = Paging.apply(
                    collection(members),
                    skip,
                    OptionalInt.of(top),
                    "/x",
                    List.of(Map.entry("$top", Integer.toString(top))));
            for (var m : page.get("Members")) {
                assertEquals("/redfish/v1/X/" + seen, m.get("@odata.id").asText());
                seen++;
            }
            pages++;
            if (!page.has("Members@odata.nextLink")) {
                break;
            }
            skip += top;
            assertEquals(
                    "/x?$top=" + top + "&$skip=" + skip,
                    page.get("Members@odata.nextLink").asText());
        }
        assertEquals(members, seen);
        assertEquals(Math.max(1, (members + top - 1) / top), pages);
    }
}
