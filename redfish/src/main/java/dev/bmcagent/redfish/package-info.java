/**
 * Redfish service over HTTPS (Vert.x Web + Jackson).
 *
 * <p>Wiring (the agent's assembly class does this):
 * <pre>{@code
 * RedfishServer server = new RedfishServer(vertx,
 *         new RedfishOptions().host("127.0.0.1").port(8443).dataDir(dataDir),
 *         new RedfishBackends(systems, chassis, manager, logs, accounts, events), clock);
 * server.start();   // Future<Void>: bound when it completes; server.port() is the bound port
 * ...
 * server.stop();
 * }</pre>
 * The agent implements the ports in {@link dev.bmcagent.redfish.backend} and turns each recorded
 * {@code LifecycleEvent} into a {@link dev.bmcagent.redfish.backend.RedfishEvent} with
 * {@link dev.bmcagent.redfish.events.LifecycleEventMapper#map}.
 *
 * <p>Request pipeline: {@code ODataHandler} (OData-Version 412, unsupported $-query 501) → {@code AuthHandler}
 * (session token or Basic; 401 unless the route is one of the public ones) → {@code BodyHandler} (size limit,
 * 413) → the resource route, which checks its declared privilege (403) before running. Packages are by feature:
 * service, sessions, accounts, systems, chassis, managers, logs, events; {@code http} holds the shared protocol
 * pieces (errors from the Base registry, ETag, $select/only, PATCH validation, routes).
 */
package dev.bmcagent.redfish;
