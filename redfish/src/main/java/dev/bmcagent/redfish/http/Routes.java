package dev.bmcagent.redfish.http;

import dev.bmcagent.redfish.backend.PrivilegeType;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers resource routes, one per literal path and verb, each with the privilege it requires. Every
 * response of a path carries {@code Allow}; {@link #finish()} answers other verbs with 405. Handlers run only
 * after {@link AuthHandler} (mounted before this router's routes) and after the privilege check here. The GET
 * routes of JSON resources are also what an internal read ({@link RerouteReader}, for {@code $expand} and
 * {@code $filter}) runs, through exactly the same checks.
 */
public final class Routes {

    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    private final Router router;
    private final Map<String, Set<HttpMethod>> allowed = new LinkedHashMap<>();

    public Routes(Router router) {
        this.router = Objects.requireNonNull(router, "router");
    }

    /**
     * GET, and HEAD with the same handler (Vert.x sends the headers of a HEAD response without the body). The
     * handler must answer through {@link Responses} before it returns: internal reads ({@code $expand},
     * {@code $filter}) take its answer synchronously, and one it did not give counts as unreadable.
     */
    public void get(String path, PrivilegeType privilege, ResourceHandler h) {
        add(HttpMethod.GET, path, privilege, h, true);
        add(HttpMethod.HEAD, path, privilege, h, true);
    }

    /**
     * GET (and HEAD) of something that is not a JSON resource, e.g. an event stream: never run by an internal read
     * ({@code $expand}/{@code $filter}), which reports it unreadable.
     */
    public void stream(String path, PrivilegeType privilege, ResourceHandler h) {
        add(HttpMethod.GET, path, privilege, h, false);
        add(HttpMethod.HEAD, path, privilege, h, false);
    }

    public void post(String path, PrivilegeType privilege, ResourceHandler h) {
        add(HttpMethod.POST, path, privilege, h, false);
    }

    public void patch(String path, PrivilegeType privilege, ResourceHandler h) {
        add(HttpMethod.PATCH, path, privilege, h, false);
    }

    public void delete(String path, PrivilegeType privilege, ResourceHandler h) {
        add(HttpMethod.DELETE, path, privilege, h, false);
    }

    /**
     * A route open to everyone (service root, $metadata, odata, session login). These protocol documents are never
     * run by an internal read ({@code $expand}/{@code $filter}): no resource links to them, and some are not JSON.
     */
    public void publicRoute(HttpMethod method, String path, ResourceHandler h) {
        add(method, path, null, h, false);
        if (HttpMethod.GET.equals(method)) {
            add(HttpMethod.HEAD, path, null, h, false);
        }
    }

    private void add(HttpMethod method, String path, PrivilegeType privilege, ResourceHandler h, boolean readable) {
        Set<HttpMethod> methods = allowed.computeIfAbsent(path, p -> new LinkedHashSet<>());
        if (!methods.add(method)) {
            throw new IllegalStateException("duplicate route: " + method + " " + path);
        }
        router.route(method, path).handler(ctx -> run(ctx, path, privilege, h, readable));
    }

    private void run(RoutingContext ctx, String path, PrivilegeType privilege, ResourceHandler h, boolean readable) {
        if (InternalRead.pending(ctx) && !readable) {
            InternalRead.answer(ctx, 404, null);
            return;
        }
        ctx.response().putHeader("Allow", allow(path));
        Principal principal = ctx.get(Principal.KEY);
        if (privilege != null) {
            if (principal == null) {
                Responses.error(ctx, RedfishError.of(BaseMessage.NoValidSession));
                return;
            }
            if (!principal.role().has(privilege)) {
                Responses.error(ctx, RedfishError.of(BaseMessage.InsufficientPrivilege));
                return;
            }
        }
        try {
            h.handle(ctx, principal);
        } catch (RedfishException e) {
            Responses.error(ctx, e.error());
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", ctx.request().method(), ctx.normalizedPath(), e);
            Responses.error(ctx, RedfishError.of(BaseMessage.InternalError));
        }
        if (InternalRead.pending(ctx)) {
            // an internal read must be answered synchronously through Responses; this handler did neither
            LOG.warn("GET {} did not answer an internal read", path);
            InternalRead.answer(ctx, 500, null);
        }
    }

    /** The Allow header value of a registered path, e.g. "GET, PATCH". */
    public String allow(String path) {
        Set<HttpMethod> methods = allowed.getOrDefault(path, Set.of());
        return methods.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
    }

    /** After all routes: every other verb on a known path gets 405 with Allow. */
    public void finish() {
        for (String path : allowed.keySet()) {
            router.route(path).handler(ctx -> {
                ctx.response().putHeader("Allow", allow(path));
                Responses.error(ctx, RedfishError.of(BaseMessage.OperationNotAllowed));
            });
        }
    }
}
