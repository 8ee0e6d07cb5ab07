package dev.bmcagent.redfish.http;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code Link: <uri>; rel=describedby} header DSP0266 requires on GET and HEAD of a resource: the DMTF JSON
 * schema of the exact version the resource's {@code @odata.type} declares ({@code #Chassis.v1_23_0.Chassis} gives
 * {@code http://redfish.dmtf.org/schemas/v1/Chassis.v1_23_0.json}; a collection {@code #ChassisCollection
 * .ChassisCollection} gives the unversioned {@code ChassisCollection.json}). Built once from {@link Schema}.
 */
public final class SchemaLink {

    private static final String DMTF = "http://redfish.dmtf.org/schemas/v1/";
    private static final Map<String, String> BY_TYPE = Stream.of(Schema.values())
            .collect(Collectors.toUnmodifiableMap(Schema::odataType, SchemaLink::header, (a, b) -> a));

    private SchemaLink() {}

    /** The header value for an {@code @odata.type}, empty when it is not a DMTF type of this service. */
    public static Optional<String> of(String odataType) {
        return Optional.ofNullable(BY_TYPE.get(odataType));
    }

    private static String header(Schema s) {
        return "<" + DMTF + s.namespace() + ".json>; rel=describedby";
    }
}
