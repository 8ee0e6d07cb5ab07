package dev.bmcagent.redfish.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterExpressionTest {

    static ObjectNode entry(String type, int code, String health, boolean enabled) {
        ObjectNode n = Json.object()
                .put("Id", "7")
                .put("EntryType", type)
                .put("EntryCode", code)
                .put("Enabled", enabled);
        n.putObject("Status").put("Health", health).put("State", "Enabled");
        n.putNull("Message");
        return n;
    }

    static boolean test(String filter, JsonNode resource) {
        return FilterExpression.parse(filter).test(resource);
    }

    @Test
    void comparisonsOnStringsNumbersBooleansAndNull() {
        ObjectNode e = entry("SEL", 0x1234, "OK", true);
        assertTrue(test("EntryType eq 'SEL'", e));
        assertFalse(test("EntryType eq 'Event'", e));
        assertTrue(test("EntryType ne 'Event'", e));
        assertTrue(test("EntryCode eq 4660", e));
        assertTrue(test("EntryCode eq 4660.0", e), "numbers compare by value, not by JSON spelling");
        assertTrue(test("EntryCode gt 4659 and EntryCode lt 4661", e));
        assertTrue(test("EntryCode ge 4660 and EntryCode le 4660", e));
        assertFalse(test("EntryCode gt 4660", e));
        assertTrue(test("EntryCode lt 1e4", e));
        assertTrue(test("Enabled eq true", e));
        assertFalse(test("Enabled eq false", e));
        assertTrue(test("Message eq null", e));
        assertFalse(test("Message ne null", e));
        assertTrue(test("EntryType ne null", e));
        assertTrue(test("EntryType gt 'Event'", e), "strings order ordinally: 'SEL' > 'Event'");
    }

    @Test
    void propertyPathsWithSlash() {
        ObjectNode e = entry("SEL", 1, "Warning", true);
        assertTrue(test("Status/Health eq 'Warning'", e));
        assertFalse(test("Status/Health eq 'OK'", e));
        assertFalse(test("Status/Missing eq 'OK'", e));
        assertFalse(test("EntryType/Deeper eq 'SEL'", e), "a path through a string does not resolve");
    }

    @Test
    void unknownPropertyNeverMatchesNotEvenNe() {
        ObjectNode e = entry("SEL", 1, "OK", true);
        assertFalse(test("Frobnicate eq 'x'", e));
        assertFalse(test("Frobnicate ne 'x'", e));
        assertFalse(test("Frobnicate eq null", e));
        assertTrue(test("not (Frobnicate eq 'x')", e));
    }

    @Test
    void mismatchedTypesAreNotEqualAndNotOrdered() {
        ObjectNode e = entry("SEL", 5, "OK", true);
        assertFalse(test("EntryCode eq '5'", e));
        assertTrue(test("EntryCode ne '5'", e));
        assertFalse(test("EntryCode gt '4'", e));
        assertFalse(test("Enabled gt false", e));
        assertFalse(test("Status eq 'OK'", e), "an object is not a string");
    }

    @Test
    void precedenceNotOverAndOverOr() {
        ObjectNode e = entry("SEL", 1, "OK", true);
        // or binds loosest: (false and false) or true
        assertTrue(test("EntryType eq 'x' and EntryCode eq 2 or Enabled eq true", e));
        // and before or: true or (false and false)
        assertTrue(test("Enabled eq true or EntryType eq 'x' and EntryCode eq 2", e));
        assertFalse(test("(Enabled eq true or EntryType eq 'x') and EntryCode eq 2", e));
        // not binds tighter than and: (not true) and true
        assertFalse(test("not Enabled eq true and EntryCode eq 1", e));
        assertTrue(test("not not Enabled eq true", e));
    }

    @Test
    void quotedStringsEscapeQuoteByDoubling() {
        ObjectNode n = Json.object().put("Name", "Bob's fan (rear)");
        assertTrue(test("Name eq 'Bob''s fan (rear)'", n));
        assertTrue(test("  ( Name  eq\t'Bob''s fan (rear)' )  ", n));
    }

    @Test
    void annotationPropertyNames() {
        ObjectNode n =
                Json.object().put("@odata.id", "/redfish/v1/Systems/host1").put("Members@odata.count", 3);
        assertTrue(test("@odata.id eq '/redfish/v1/Systems/host1'", n));
        assertTrue(test("Members@odata.count ge 3", n));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "EntryType",
                "EntryType eq",
                "eq 'SEL'",
                "EntryType == 'SEL'",
                "EntryType eq 'SEL",
                "(EntryType eq 'SEL'",
                "EntryType eq 'SEL')",
                "EntryType EQ 'SEL'",
                "EntryType eq 'SEL' and",
                "not",
                "EntryType eq 'SEL' xor Id eq '1'",
                "Status//Health eq 'OK'",
                "Status/ eq 'OK'",
                "and eq 'x'",
                "1abc eq 2",
                "EntryType eq SEL'",
                "contains(Name,'x')",
                "EntryType eq 'a' 'b'",
                "Id in ('1','2')",
                "()"
            })
    void malformedExpressionsAreRejected(String filter) {
        assertThrows(IllegalArgumentException.class, () -> FilterExpression.parse(filter));
    }

    @Test
    void hostileInputIsBoundedNotAStackOverflow() {
        String deep = "(".repeat(200) + "Id eq '1'" + ")".repeat(200);
        assertThrows(IllegalArgumentException.class, () -> FilterExpression.parse(deep));
        String nots = "not ".repeat(100) + "Id eq '1'";
        assertThrows(IllegalArgumentException.class, () -> FilterExpression.parse(nots));
        String longOne = "Id eq '" + "x".repeat(FilterParser.MAX_LENGTH) + "'";
        assertThrows(IllegalArgumentException.class, () -> FilterExpression.parse(longOne));
        assertEquals(
                FilterExpression.Not.class,
                FilterExpression.parse("not ".repeat(20) + "Id eq '1'").getClass());
    }

    // ---- properties over random member lists ----

    @Provide
    Arbitrary<List<ObjectNode>> members() {
        Arbitrary<ObjectNode> one = Combinators.combine(
                        Arbitraries.of("SEL", "Event", "Oem"),
                        Arbitraries.integers().between(-3, 3),
                        Arbitraries.of("OK", "Warning", "Critical"),
                        Arbitraries.of(true, false))
                .as(FilterExpressionTest::entry);
        return one.list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> expressions() {
        Arbitrary<String> atom = Combinators.combine(
                        Arbitraries.of("EntryType", "EntryCode", "Status/Health", "Enabled", "Missing", "Message"),
                        Arbitraries.of("eq", "ne", "gt", "ge", "lt", "le"),
                        Arbitraries.of(
                                "'SEL'", "'Event'", "'OK'", "'Warning'", "0", "2", "-1", "true", "false", "null"))
                .as((p, op, v) -> p + " " + op + " " + v);
        return Arbitraries.recursive(
                () -> atom,
                inner -> Arbitraries.oneOf(
                        Combinators.combine(inner, inner).as((a, b) -> "(" + a + ") and (" + b + ")"),
                        Combinators.combine(inner, inner).as((a, b) -> "(" + a + ") or (" + b + ")"),
                        inner.map(a -> "not (" + a + ")")),
                0,
                4);
    }

    static List<ObjectNode> select(List<ObjectNode> members, String filter) {
        Predicate<JsonNode> p = FilterExpression.parse(filter)::test;
        return members.stream().filter(p).toList();
    }

    @Property(tries = 300)
    void notIsTheComplement(@ForAll("members") List<ObjectNode> members, @ForAll("expressions") String a) {
        List<ObjectNode> yes = select(members, a);
        List<ObjectNode> no = select(members, "not (" + a + ")");
        assertEquals(members.size(), yes.size() + no.size());
        for (ObjectNode m : members) {
            assertTrue(FilterExpression.parse(a).test(m)
                    != FilterExpression.parse("not (" + a + ")").test(m));
        }
    }

    @Property(tries = 300)
    void andNarrowsOrWidens(
            @ForAll("members") List<ObjectNode> members,
            @ForAll("expressions") String a,
            @ForAll("expressions") String b) {
        List<ObjectNode> onlyA = select(members, a);
        List<ObjectNode> both = select(members, "(" + a + ") and (" + b + ")");
        List<ObjectNode> either = select(members, "(" + a + ") or (" + b + ")");
        assertTrue(onlyA.containsAll(both), "A and B is a subset of A");
        assertTrue(either.containsAll(onlyA), "A or B is a superset of A");
        assertEquals(
                select(members, "not ((" + a + ") and (" + b + "))"),
                select(members, "(not (" + a + ")) or (not (" + b + "))"),
                "De Morgan");
    }

    @Property(tries = 200)
    void neNegatesEqWherePropertyExists(@ForAll("members") List<ObjectNode> members) {
        for (String v : List.of("'SEL'", "2", "true", "null")) {
            assertEquals(select(members, "not (EntryType eq " + v + ")"), select(members, "EntryType ne " + v));
            assertEquals(select(members, "not (EntryCode eq " + v + ")"), select(members, "EntryCode ne " + v));
        }
    }
}
