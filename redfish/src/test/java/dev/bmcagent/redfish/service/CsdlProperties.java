package dev.bmcagent.redfish.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The property names each DMTF schema version allows, from {@code redfish-csdl-properties.json} (generated from the
 * DSP8010 CSDL by {@code scripts/redfish/csdl-properties.py}): checks a resource as the Service Validator's "Unknown
 * Property" rule does, recursively through complex types. A property of the resource's own schema must exist in the
 * version its {@code @odata.type} declares; one of a shared schema (Resource.Status...) must exist at all.
 * Annotations ({@code @odata.*}, {@code X@Redfish.AllowableValues}), action names ({@code #X.Y}) and Oem contents are
 * not schema properties and are skipped.
 */
final class CsdlProperties {
    static final String RESOURCE = "/redfish-csdl-properties.json";
    private static final Pattern TYPE = Pattern.compile("#([A-Za-z0-9]+)(?:\\.(v\\d+_\\d+_\\d+))?\\.([A-Za-z0-9]+)");

    private final JsonNode types;
    final JsonNode schemas;
    final String source;

    CsdlProperties() {
        try (InputStream in = CsdlProperties.class.getResourceAsStream(RESOURCE)) {
            JsonNode root = new ObjectMapper().readTree(in);
            types = root.get("types");
            schemas = root.get("schemas");
            source = root.get("source").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every property of {@code resource} its declared schema version lacks, as "Path: reason". */
    List<String> unknownProperties(JsonNode resource) {
        List<String> problems = new ArrayList<>();
        Matcher m = TYPE.matcher(resource.path("@odata.type").asText());
        if (!m.matches()) {
            problems.add("@odata.type: not a DMTF type: " + resource.path("@odata.type"));
            return problems;
        }
        if (m.group(1).startsWith("BmcAgent")) {
            return problems;
        }
        check(resource, m.group(1), m.group(1) + "." + m.group(3), m.group(2), "", problems);
        return problems;
    }

    private void check(
            JsonNode object, String schema, String typeKey, String version, String path, List<String> problems) {
        if (!types.has(typeKey)) {
            problems.add(path + ": type " + typeKey + " not in " + RESOURCE + " (regenerate it)");
            return;
        }
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            String name = e.getKey();
            if (name.contains("@") || name.startsWith("#") || name.equals("Oem")) {
                continue;
            }
            JsonNode prop = find(typeKey, name);
            String where = path + "/" + name;
            if (prop == null) {
                problems.add(where + ": not a property of " + typeKey);
                continue;
            }
            String since = prop.get(0).asText();
            if (typeKey.startsWith(schema + ".") && version != null && newer(since, version)) {
                problems.add(where + ": added in " + schema + "." + since + ", resource declares " + version);
            }
            if (!prop.get(1).isNull()) {
                String nested = prop.get(1).asText();
                JsonNode value = e.getValue();
                for (JsonNode v : value.isArray() ? value : List.of(value)) {
                    if (v.isObject()) {
                        check(v, schema, nested, version, where, problems);
                    }
                }
            }
        }
    }

    /** The property in the type or its bases: [since, nested type or null]. */
    private JsonNode find(String typeKey, String name) {
        JsonNode t = types.get(typeKey);
        if (t == null) {
            return null;
        }
        if (t.get("props").has(name)) {
            return t.get("props").get(name);
        }
        for (JsonNode base : t.get("bases")) {
            JsonNode p = find(base.asText(), name);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    static boolean newer(String a, String b) {
        int[] x = parse(a);
        int[] y = parse(b);
        for (int i = 0; i < 3; i++) {
            if (x[i] != y[i]) {
                return x[i] > y[i];
            }
        }
        return false;
    }

    private static int[] parse(String v) {
        String[] p = v.substring(1).split("_", -1);
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    }
}
