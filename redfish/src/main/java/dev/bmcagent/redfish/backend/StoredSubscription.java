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
 * @param filter           MessageIds, OriginResources, Exclude lists, SubordinateResources, IncludeOriginOfCondition
 */
public record StoredSubscription(
        String id,
        String destination,
        String context,
        Map<String, String> httpHeaders,
        List<String> registryPrefixes,
        List<String> resourceTypes,
        String retryPolicy,
        String owner,
        boolean suspended,
        EventFilter filter) {

    /** A subscription without the further filters ({@link EventFilter#NONE}). */
    public StoredSubscription(
            String id,
            String destination,
            String context,
            Map<String, String> httpHeaders,
            List<String> registryPrefixes,
            List<String> resourceTypes,
            String retryPolicy,
            String owner,
            boolean suspended) {
        this(
                id,
                destination,
                context,
                httpHeaders,
                registryPrefixes,
                resourceTypes,
                retryPolicy,
                owner,
                suspended,
                EventFilter.NONE);
    }

    public StoredSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(context, "context");
        httpHeaders = Map.copyOf(httpHeaders);
        registryPrefixes = List.copyOf(registryPrefixes);
        resourceTypes = List.copyOf(resourceTypes);
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(filter, "filter");
    }
}
