package dev.bmcagent.redfish.certificates;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The subject and key of a GenerateCSR, as validated from its parameters. */
public record CsrRequest(
        String commonName,
        Optional<String> organization,
        Optional<String> organizationalUnit,
        Optional<String> city,
        Optional<String> state,
        Optional<String> country,
        Optional<String> email,
        List<String> alternativeNames,
        KeySpec key) {
    public CsrRequest {
        Objects.requireNonNull(commonName, "commonName");
        alternativeNames = List.copyOf(alternativeNames);
        Objects.requireNonNull(key, "key");
    }
}
