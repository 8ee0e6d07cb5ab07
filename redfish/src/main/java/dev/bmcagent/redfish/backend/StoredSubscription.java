package dev.bmcagent.redfish.backend;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A push subscription (EventDestination) as kept across restarts. Values are as the service accepted them; the
 * service checks them again when it loads them (see {@link SubscriptionPersistence#load()}).
 *
 * @param id               the EventDestination Id
 * @param destination      push URL
 * @param context          Context
 * @param httpHeaders      headers sent with each push (sensitive: never rendered on GET)
 * @param registryPrefixes RegistryPrefixes filter
 * @param resourceTypes    ResourceTypes filter
 * @param retryPolicy      DeliveryRetryPolicy name
 * @param owner            the user that created it
 * @param suspended        whether delivery is suspended (Status.State Disabled) until ResumeSubscription
 */
public record StoredSubscription(String id, String destination, String context, Map<String, String> httpHeaders,
                                 List<String> registryPrefixes, List<String> resourceTypes, String retryPolicy,
                                 String owner, boolean suspended) {
    public StoredSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(context, "context");
        httpHeaders = Map.copyOf(httpHeaders);
        registryPrefixes = List.copyOf(registryPrefixes);
        resourceTypes = List.copyOf(resourceTypes);
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(owner, "owner");
    }
}
