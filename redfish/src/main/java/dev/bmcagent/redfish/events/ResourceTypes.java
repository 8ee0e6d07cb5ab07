package dev.bmcagent.redfish.events;

import java.util.List;

/** The Redfish resource type of an origin URI, for the ResourceTypes filter. */
public final class ResourceTypes {

    /** Types events can originate from. */
    public static final List<String> ALL = List.of("ComputerSystem", "Chassis", "Manager", "EventService");

    private ResourceTypes() {}

    public static String of(String uri) {
        String[] parts = uri.split("/", -1);
        if (parts.length < 4 || parts[3].isEmpty()) {
            return "ServiceRoot";
        }
        return switch (parts[3]) {
            case "Systems" -> "ComputerSystem";
            case "Chassis" -> "Chassis";
            case "Managers" -> "Manager";
            case "EventService" -> "EventService";
            default -> parts[3];
        };
    }
}
