package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * {@code $skip} and {@code $top} on a collection (DSP0266 "Query parameters", after {@code $filter}, before
 * {@code $expand}): Members keeps the page, {@code Members@odata.count} stays the number of members (after any
 * filter), and {@code Members@odata.nextLink} points at the next page when members remain: the same request with
 * {@code $skip} advanced by the page size. Pure.
 */
public final class Paging {
    /** Largest {@code $skip}/{@code $top} accepted (a collection here never comes near it). */
    public static final int MAX = 1_000_000;

    private Paging() {}

    /**
     * Pages {@code collection} in place.
     *
     * @param path   the request's path (the nextLink's path)
     * @param params the request's query parameters, in order ({@code $skip} is replaced in the nextLink)
     */
    public static ObjectNode apply(
            ObjectNode collection, int skip, OptionalInt top, String path, List<Map.Entry<String, String>> params) {
        JsonNode members = collection.path("Members");
        if (!members.isArray()) {
            throw new IllegalArgumentException("not a collection: " + collection.path("@odata.id"));
        }
        int total = members.size();
        int from = Math.min(skip, total);
        int to = top.isPresent() ? (int) Math.min((long) from + top.getAsInt(), total) : total;
        List<JsonNode> page = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            page.add(members.get(i));
        }
        ArrayNode out = collection.putArray("Members");
        out.addAll(page);
        collection.put("Members@odata.count", total);
        collection.remove("Members@odata.nextLink");
        if (to < total) {
            collection.put("Members@odata.nextLink", nextLink(path, params, to));
        }
        return collection;
    }

    private static String nextLink(String path, List<Map.Entry<String, String>> params, int nextSkip) {
        List<String> parts = new ArrayList<>();
        boolean skipSeen = false;
        for (Map.Entry<String, String> p : params) {
            if (p.getKey().equals("$skip")) {
                if (!skipSeen) {
                    parts.add("$skip=" + nextSkip);
                    skipSeen = true;
                }
            } else {
                parts.add(encode(p.getKey()) + (p.getValue().isEmpty() ? "" : "=" + encode(p.getValue())));
            }
        }
        if (!skipSeen) {
            parts.add("$skip=" + nextSkip);
        }
        return path + "?" + parts.stream().collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%24", "$");
    }
}
