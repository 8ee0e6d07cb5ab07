package dev.bmcagent.mqtt.broker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;

/**
 * Who may connect to the embedded broker and what each may do.
 *
 * <p>With {@link #agentOnly}: the agent logs in with its own user name and password and is the only client that may
 * publish, and only under its topic prefix ({@code bmc/<site>/<bmc-id>} and below, last will included); readers
 * (user name and password) and, when allowed, anonymous clients may subscribe to anything and publish nothing; no
 * client but the agent may use the agent's client id. {@link #open} (anyone, anything) is for tests and benchmarks
 * that use the broker as a plain broker; {@link EmbeddedBroker} refuses it on a non-loopback address.
 *
 * @param enforced       false: {@link #open}
 * @param agentUser      the agent's user name
 * @param agentPassword  the agent's password
 * @param agentClientId  the agent's MQTT client id (reserved for the agent)
 * @param agentPrefix    the agent's topic prefix
 * @param readers        read-only accounts: user name to password
 * @param allowAnonymous clients without a user name may connect (read only)
 * @param coordinatorUser     the reboot-permit coordinator's user name (null: none)
 * @param coordinatorPassword its password
 *
 * <p>The reboot-permit protocol (docs/ROLLOUT.md) splits {@code bmc/rollout/} between the two writers: the agent
 * also publishes what an agent sends there ({@link #AGENT_ROLLOUT}: requests, releases, its hosts' own reboots,
 * update outcomes, unreachable-coordinator alerts), the coordinator only what a coordinator sends
 * ({@link #COORDINATOR_ROLLOUT}: the claim log, grants, campaign commands and state, update requests) and nothing
 * else; neither may publish the other's.
 */
public record BrokerAcl(
        boolean enforced,
        String agentUser,
        String agentPassword,
        String agentClientId,
        String agentPrefix,
        Map<String, String> readers,
        boolean allowAnonymous,
        String coordinatorUser,
        String coordinatorPassword) {
    /** Topic prefixes under which the agent publishes for the permit protocol (besides its own prefix). */
    public static final java.util.List<String> AGENT_ROLLOUT = java.util.List.of(
            "bmc/rollout/request/",
            "bmc/rollout/release/",
            "bmc/rollout/observed/",
            "bmc/rollout/outcome/",
            "bmc/rollout/alert/");
    /** Topics (prefixes ending in '/', or exact) the coordinator publishes. */
    public static final java.util.List<String> COORDINATOR_ROLLOUT = java.util.List.of(
            "bmc/rollout/claims", "bmc/rollout/grant/", "bmc/rollout/campaign/", "bmc/rollout/update/");

    /** Without a coordinator login. */
    public BrokerAcl(
            boolean enforced,
            String agentUser,
            String agentPassword,
            String agentClientId,
            String agentPrefix,
            Map<String, String> readers,
            boolean allowAnonymous) {
        this(enforced, agentUser, agentPassword, agentClientId, agentPrefix, readers, allowAnonymous, null, null);
    }

    /** What a connected client is. */
    public enum Role {
        /** {@link #open}: publishes and subscribes anything. */
        ANYONE,
        /** The agent: publishes under its prefix, subscribes anything. */
        AGENT,
        /** A monitor (logged in or anonymous): subscribes anything, publishes nothing. */
        READER,
        /** The reboot-permit coordinator: publishes only {@link #COORDINATOR_ROLLOUT}, subscribes anything. */
        COORDINATOR
    }

    /** Why a CONNECT is refused. */
    public enum Refusal {
        /** A user name with a wrong or unknown password. */
        BAD_USER_NAME_OR_PASSWORD,
        /** No user name where one is required, or a last will the client may not publish. */
        NOT_AUTHORIZED,
        /** Someone other than the agent using the agent's client id. */
        CLIENT_ID_RESERVED
    }

    public BrokerAcl {
        readers = Map.copyOf(readers);
        if (enforced) {
            Objects.requireNonNull(agentUser, "agentUser");
            Objects.requireNonNull(agentPassword, "agentPassword");
            Objects.requireNonNull(agentClientId, "agentClientId");
            Objects.requireNonNull(agentPrefix, "agentPrefix");
            if (agentPrefix.isEmpty()
                    || agentPrefix.contains("+")
                    || agentPrefix.contains("#")
                    || agentPrefix.endsWith("/")) {
                throw new IllegalArgumentException("bad agent topic prefix: " + agentPrefix);
            }
            if (readers.containsKey(agentUser)) {
                throw new IllegalArgumentException("reader " + agentUser + " is the agent's user name");
            }
            if (coordinatorUser != null
                    && (coordinatorUser.equals(agentUser)
                            || readers.containsKey(coordinatorUser)
                            || coordinatorPassword == null)) {
                throw new IllegalArgumentException(
                        "coordinator " + coordinatorUser + ": needs its own user name " + "and a password");
            }
        }
    }

    /** No access control at all: tests and benchmarks on loopback only. */
    public static BrokerAcl open() {
        return new BrokerAcl(false, null, null, null, null, Map.of(), true);
    }

    /** Only the agent publishes (under its prefix); readers and, if allowed, anonymous clients only read. */
    public static BrokerAcl agentOnly(
            String agentUser,
            String agentPassword,
            String agentClientId,
            String agentPrefix,
            Map<String, String> readers,
            boolean allowAnonymous) {
        return new BrokerAcl(true, agentUser, agentPassword, agentClientId, agentPrefix, readers, allowAnonymous);
    }

    /** This ACL with a coordinator login (publishes only the coordinator's rollout topics). */
    public BrokerAcl withCoordinator(String user, String password) {
        return new BrokerAcl(
                enforced,
                agentUser,
                agentPassword,
                agentClientId,
                agentPrefix,
                readers,
                allowAnonymous,
                Objects.requireNonNull(user, "user"),
                Objects.requireNonNull(password, "password"));
    }

    /** The role of a client logging in with {@code user} / {@code password} (null: none given), or why not. */
    Decision authenticate(String user, byte[] password, String clientId) {
        if (!enforced) {
            return Decision.ok(Role.ANYONE);
        }
        Role role;
        if (user == null) {
            if (!allowAnonymous) {
                return Decision.refused(Refusal.NOT_AUTHORIZED);
            }
            role = Role.READER;
        } else if (user.equals(agentUser) && matches(agentPassword, password)) {
            role = Role.AGENT;
        } else if (user.equals(coordinatorUser) && matches(coordinatorPassword, password)) {
            role = Role.COORDINATOR;
        } else if (readers.containsKey(user) && matches(readers.get(user), password)) {
            role = Role.READER;
        } else {
            return Decision.refused(Refusal.BAD_USER_NAME_OR_PASSWORD);
        }
        if (role != Role.AGENT && agentClientId.equals(clientId)) {
            return Decision.refused(Refusal.CLIENT_ID_RESERVED);
        }
        return Decision.ok(role);
    }

    /** May a client of {@code role} publish (or leave a will) to {@code topic}? */
    boolean mayPublish(Role role, String topic) {
        return switch (role) {
            case ANYONE -> true;
            case AGENT ->
                topic.equals(agentPrefix) || topic.startsWith(agentPrefix + "/") || under(AGENT_ROLLOUT, topic);
            case COORDINATOR -> under(COORDINATOR_ROLLOUT, topic);
            case READER -> false;
        };
    }

    private static boolean under(java.util.List<String> allowed, String topic) {
        for (String a : allowed) {
            if (a.endsWith("/") ? topic.startsWith(a) && topic.length() > a.length() : topic.equals(a)) {
                return true;
            }
        }
        return false;
    }

    /** Constant-time comparison of the exact bytes (UTF-8 of the stored password). */
    private static boolean matches(String expected, byte[] given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given);
    }

    /** The outcome of a CONNECT's authentication: a role or a refusal. */
    record Decision(Role role, Refusal refusal) {
        static Decision ok(Role role) {
            return new Decision(role, null);
        }

        static Decision refused(Refusal refusal) {
            return new Decision(null, refusal);
        }
    }

    @Override
    public String toString() {
        return enforced
                ? "BrokerAcl[agent=" + agentUser + ", clientId=" + agentClientId + ", prefix=" + agentPrefix
                        + ", readers=" + readers.keySet() + ", anonymous=" + allowAnonymous
                        + (coordinatorUser == null ? "" : ", coordinator=" + coordinatorUser) + "]"
                : "BrokerAcl[open]";
    }
}
