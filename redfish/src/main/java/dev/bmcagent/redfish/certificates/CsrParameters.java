package dev.bmcagent.redfish.certificates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.RedfishError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** GenerateCSR's body → {@link CsrRequest}, or a Base-registry 400 naming the parameter. */
final class CsrParameters {

    static final String ACTION = "GenerateCSR";
    /** X.520 upper bound for name attributes (ub-common-name and friends). */
    static final int MAX_NAME = 64;

    static final int MAX_ALTERNATIVE_NAMES = 16;
    static final int MAX_DNS_NAME = 253;
    private static final Set<String> KNOWN = Set.of(
            "CertificateCollection",
            "CommonName",
            "AlternativeNames",
            "Organization",
            "OrganizationalUnit",
            "City",
            "State",
            "Country",
            "Email",
            "KeyPairAlgorithm",
            "KeyBitLength",
            "KeyCurveId");
    /** In the schema, not made here: refused rather than silently left out of the CSR. */
    private static final Set<String> NOT_SUPPORTED = Set.of(
            "KeyUsage", "Surname", "GivenName", "Initials", "ChallengePassword", "UnstructuredName", "ContactPerson");

    private CsrParameters() {}

    static CsrRequest parse(ObjectNode body, String collectionUri) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (NOT_SUPPORTED.contains(f)) {
                throw RedfishError.of(BaseMessage.ActionParameterNotSupported, f, ACTION)
                        .exception();
            }
            if (!KNOWN.contains(f)) {
                throw RedfishError.of(BaseMessage.ActionParameterUnknown, ACTION, f)
                        .exception();
            }
        }
        JsonNode collection = body.get("CertificateCollection");
        if (collection == null) {
            throw RedfishError.of(BaseMessage.ActionParameterMissing, ACTION, "CertificateCollection")
                    .exception();
        }
        String target = collection.path("@odata.id").asText("");
        if (!target.equals(collectionUri)) {
            throw RedfishError.of(BaseMessage.ActionParameterValueNotInList, target, "CertificateCollection", ACTION)
                    .exception();
        }
        String cn = name(body, "CommonName")
                .orElseThrow(() -> RedfishError.of(BaseMessage.ActionParameterMissing, ACTION, "CommonName")
                        .exception());
        Optional<String> country = name(body, "Country");
        if (country.isPresent() && !country.get().matches("[A-Za-z]{2}")) {
            throw format(country.get(), "Country");
        }
        Optional<Integer> bits = bitLength(body);
        Optional<String> algorithm = name(body, "KeyPairAlgorithm");
        Optional<String> curve = name(body, "KeyCurveId");
        KeySpec key = KeySpec.of(algorithm, bits, curve)
                .orElseThrow(() -> RedfishError.of(
                                BaseMessage.ActionParameterValueNotInList,
                                algorithm.orElse("") + "/"
                                        + bits.map(String::valueOf).orElse("") + "/" + curve.orElse(""),
                                "KeyPairAlgorithm",
                                ACTION)
                        .exception());
        return new CsrRequest(
                cn,
                name(body, "Organization"),
                name(body, "OrganizationalUnit"),
                name(body, "City"),
                name(body, "State"),
                country,
                name(body, "Email"),
                alternativeNames(body),
                key);
    }

    private static Optional<Integer> bitLength(ObjectNode body) {
        JsonNode b = body.get("KeyBitLength");
        if (b == null) {
            return Optional.empty();
        }
        if (!b.isIntegralNumber() || !b.canConvertToInt()) {
            throw RedfishError.of(BaseMessage.ActionParameterValueTypeError, b.toString(), "KeyBitLength", ACTION)
                    .exception();
        }
        return Optional.of(b.intValue());
    }

    private static List<String> alternativeNames(ObjectNode body) {
        JsonNode a = body.get("AlternativeNames");
        if (a == null) {
            return List.of();
        }
        if (!a.isArray() || a.size() > MAX_ALTERNATIVE_NAMES) {
            throw format(a.toString(), "AlternativeNames");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : a) {
            if (!n.isTextual()
                    || n.asText().isEmpty()
                    || n.asText().length() > MAX_DNS_NAME
                    || !n.asText().matches("[A-Za-z0-9.:*-]+")) {
                throw format(n.toString(), "AlternativeNames");
            }
            out.add(n.asText());
        }
        return out;
    }

    private static Optional<String> name(ObjectNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw RedfishError.of(BaseMessage.ActionParameterValueTypeError, n.toString(), field, ACTION)
                    .exception();
        }
        String v = n.asText();
        if (v.isEmpty() || v.length() > MAX_NAME || v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw format(v, field);
        }
        return Optional.of(v);
    }

    private static RuntimeException format(String value, String field) {
        return RedfishError.of(BaseMessage.ActionParameterValueFormatError, value, field, ACTION)
                .exception();
    }
}
