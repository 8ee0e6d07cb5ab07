package dev.bmcagent.redfish.http;

import java.util.Collection;
import java.util.function.Function;

/** Finds a collection member by its Id, or answers 404 ResourceNotFound naming the resource type. */
public final class MemberLookup {

    private MemberLookup() {}

    /**
     * The member with the wanted Id, or 404 ResourceNotFound.
     *
     * @param members the collection's members
     * @param id      how a member's Id is read
     * @param wanted  the Id in the request path
     * @param type    the schema name for the error (e.g. "Sensor")
     */
    public static <T> T find(Collection<T> members, Function<T, String> id, String wanted, String type) {
        return members.stream()
                .filter(m -> id.apply(m).equals(wanted))
                .findFirst()
                .orElseThrow(() -> RedfishError.of(BaseMessage.ResourceNotFound, type, wanted)
                        .exception());
    }
}
