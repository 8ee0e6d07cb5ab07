package dev.bmcagent.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package directions of docs/ARCHITECTURE.md, checked on the compiled main classes of every module
 * (this module depends on all of them). The rules name parts of the code by package pattern only, in {@link Parts}:
 * when packages move (the module split of issue 12), update that table and the rules stay as they are.
 */
class ArchitectureTest {

    /** Where each part of the code lives, as ArchUnit package patterns (docs/ARCHITECTURE.md, "Modules"). */
    static final class Parts {
        static final String[] ACPI = {"dev.bmcagent.acpi.."};
        static final String[] COMMON = {"dev.bmcagent.common.."};
        static final String[] IPMI = {"dev.bmcagent.ipmi.."};
        static final String[] REDFISH = {"dev.bmcagent.redfish.."};
        /** The per-host engine: module core. */
        static final String[] CORE = {"dev.bmcagent.core.."};
        /** Persistence: module journal. */
        static final String[] JOURNAL = {"dev.bmcagent.journal.."};
        /** The command line and the demo world: module app. */
        static final String[] APP = {"dev.bmcagent.app.."};
        /** Everything that is not a protocol library: the daemon, its parts, the simulator, the tools. */
        static final String[] ABOVE_PROTOCOLS = {
            "dev.bmcagent.agent..",
            "dev.bmcagent.core..",
            "dev.bmcagent.journal..",
            "dev.bmcagent.hostif..",
            "dev.bmcagent.mqtt..",
            "dev.bmcagent.app..",
            "dev.bmcagent.openbmc..",
            "dev.bmcagent.rollout..",
            "dev.bmcagent.simulator..",
            "dev.bmcagent.bench.."
        };

        /**
         * The adapters: each connects the hosts' lifecycle to one outside world. They meet only in the core's ports and
         * in the assembly, never in each other. (The core's own IPMI ports, {@code core.ipmiport}, are the lifecycle's
         * side of the IPMI command table and belong to the engine.)
         */
        static final Map<String, String[]> ADAPTERS = Map.of(
                "IPMI adapter", new String[] {"dev.bmcagent.agent.ipmiport.."},
                "Redfish adapter", new String[] {"dev.bmcagent.agent.redfishport.."},
                "host interface", new String[] {"dev.bmcagent.hostif.."},
                "MQTT publisher", new String[] {"dev.bmcagent.mqtt.telemetry.."},
                "OpenBMC D-Bus adapter", new String[] {"dev.bmcagent.openbmc.."});

        /**
         * Where hosts are built and run: the engine itself and the two composers (the daemon's runtime, fleet mode's
         * BMC factory). Everyone else takes a host through its roles (HostInputs, HostView, HostIpmiPorts,
         * HostOperations).
         */
        static final String[] HOST_COMPOSERS = {
            "dev.bmcagent.core..", "dev.bmcagent.agent.runtime..", "dev.bmcagent.simulator.bmc.."
        };

        /** A module's name from a class's package: the segment after {@code dev.bmcagent}. */
        static final Pattern MODULE = Pattern.compile("dev\\.bmcagent\\.([a-z0-9_]+).*");

        private Parts() {}

        static String[] concat(String[]... parts) {
            return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
        }
    }

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        // the modules are target/classes directories under "mvn test" and jars under "mvn verify": import both
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
                .importPackages("dev.bmcagent");
    }

    @Test
    void theRulesSeeEveryModule() {
        for (String pkg : List.of(
                "dev.bmcagent.acpi",
                "dev.bmcagent.ipmi",
                "dev.bmcagent.redfish",
                "dev.bmcagent.simulator",
                "dev.bmcagent.openbmc",
                "dev.bmcagent.rollout")) {
            if (main.stream().noneMatch(c -> c.getPackageName().startsWith(pkg))) {
                throw new AssertionError(
                        "no main classes of " + pkg + " on the classpath: the rules would pass vacuously");
            }
        }
    }

    @Test
    void acpiIsPureDomain() {
        classes()
                .that()
                .resideInAnyPackage(Parts.ACPI)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(Parts.concat(Parts.ACPI, new String[] {"java.."}))
                .because("acpi is the pure lifecycle: no I/O, no protocol, no other module")
                .check(main);
    }

    @Test
    void ipmiAndRedfishNeverImportEachOther() {
        noClasses()
                .that()
                .resideInAnyPackage(Parts.IPMI)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Parts.REDFISH)
                .check(main);
        noClasses()
                .that()
                .resideInAnyPackage(Parts.REDFISH)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Parts.IPMI)
                .check(main);
    }

    @Test
    void protocolModulesDependOnlyDownwards() {
        noClasses()
                .that()
                .resideInAnyPackage(Parts.concat(Parts.ACPI, Parts.COMMON, Parts.IPMI, Parts.REDFISH))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Parts.ABOVE_PROTOCOLS)
                .because(
                        "acpi, common, ipmi and redfish are libraries the agent composes; they know nothing above them")
                .check(main);
    }

    @Test
    void adaptersNeverImportEachOther() {
        for (var from : Parts.ADAPTERS.entrySet()) {
            for (var to : Parts.ADAPTERS.entrySet()) {
                if (!from.getKey().equals(to.getKey())) {
                    noClasses()
                            .that()
                            .resideInAnyPackage(from.getValue())
                            .should()
                            .dependOnClassesThat()
                            .resideInAnyPackage(to.getValue())
                            .because("the " + from.getKey() + " and the " + to.getKey() + " meet only in the core's"
                                    + " ports and the assembly")
                            .check(main);
                }
            }
        }
    }

    @Test
    void theEngineAndThePersistenceKnowNoAdapter() {
        String[] adapters =
                Parts.ADAPTERS.values().stream().flatMap(Arrays::stream).toArray(String[]::new);
        noClasses()
                .that()
                .resideInAnyPackage(Parts.concat(Parts.CORE, Parts.JOURNAL))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Parts.concat(adapters, Parts.APP))
                .because("adapters plug into the core's ports, not the other way round")
                .check(main);
    }

    @Test
    void onlyTheComposersSeeTheHostNode() {
        noClasses()
                .that()
                .resideOutsideOfPackages(Parts.HOST_COMPOSERS)
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.bmcagent.core.node.HostNode")
                .because("hosts are built in one place (HostFleet, used by BmcRuntime and AgentBmcFactory); readers,"
                        + " adapters and publishers depend on the narrowest role")
                .check(main);
    }

    @Test
    void onlyTheAppUsesTheApp() {
        noClasses()
                .that()
                .resideOutsideOfPackages(Parts.APP)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Parts.APP)
                .because("the command line and the demo compose the rest; nothing composes them")
                .check(main);
    }

    @Test
    void internalPackagesStayInsideTheirModule() {
        classes()
                .should(new ArchCondition<JavaClass>("use another module's ..internal.. types only from that module") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        Optional<String> own = module(c.getPackageName());
                        for (Dependency d : c.getDirectDependenciesFromSelf()) {
                            String target = d.getTargetClass().getPackageName();
                            if (target.contains(".internal") && !module(target).equals(own)) {
                                events.add(SimpleConditionEvent.violated(c, d.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void noWallClockOutsideTheClockAdapter() {
        DescribedPredicate<JavaClass> clockAdapter = DescribedPredicate.describe(
                "the clock adapter",
                c -> c.getAnnotations().stream()
                        .anyMatch(a -> a.getRawType().getSimpleName().equals("SuppressForbidden")));
        List<String[]> forbidden = new ArrayList<>();
        forbidden.add(new String[] {System.class.getName(), "currentTimeMillis"});
        for (Class<?> t : List.of(
                Instant.class, LocalDate.class, LocalDateTime.class, ZonedDateTime.class, OffsetDateTime.class)) {
            forbidden.add(new String[] {t.getName(), "now"});
        }
        forbidden.add(new String[] {Clock.class.getName(), "systemUTC"});
        forbidden.add(new String[] {Clock.class.getName(), "systemDefaultZone"});
        noClasses()
                .that(DescribedPredicate.not(clockAdapter))
                .should(new ArchCondition<JavaClass>("read the wall clock") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        c.getMethodCallsFromSelf().forEach(call -> {
                            for (String[] f : forbidden) {
                                if (call.getTargetOwner().getName().equals(f[0])
                                        && call.getName().equals(f[1])) {
                                    events.add(SimpleConditionEvent.satisfied(c, call.getDescription()));
                                }
                            }
                        });
                    }
                })
                .because("time comes from an injected Clock / Scheduler (virtual in the simulator)")
                .check(main);
    }

    /**
     * No simple class name is defined in the main code of two modules (issue 12: eight were, forcing fully-qualified
     * names); the module is the Maven module whose {@code target/classes} holds the class file.
     * {@code scripts/duplicate-class-names.sh} answers the same question from the sources.
     */
    @Test
    void noClassNameInTwoModules() {
        Map<String, Set<String>> modulesByName = new TreeMap<>();
        for (JavaClass c : main) {
            if (c.isTopLevelClass() && !c.getSimpleName().equals("package-info")) {
                c.getSource()
                        .map(s -> mavenModule(s.getUri().toString()))
                        .flatMap(m -> m)
                        .ifPresent(m -> modulesByName
                                .computeIfAbsent(c.getSimpleName(), k -> new TreeSet<>())
                                .add(m));
            }
        }
        List<String> clashes = modulesByName.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " " + e.getValue())
                .toList();
        if (modulesByName.size() < 100 || !clashes.isEmpty()) {
            throw new AssertionError("class names defined in two modules (or too few classes seen: "
                    + modulesByName.size() + "): " + clashes);
        }
    }

    /** {@code <module>/target/classes/...}, {@code <module>/target/<jar>!/...} or a local-repository jar. */
    static Optional<String> mavenModule(String classFileUri) {
        for (Pattern p : MODULE_LOCATIONS) {
            Matcher m = p.matcher(classFileUri);
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static final List<Pattern> MODULE_LOCATIONS = List.of(
            Pattern.compile(".*/([^/]+)/target/classes/.*"),
            Pattern.compile(".*/([^/]+)/target/[^/]+\\.jar!/.*"),
            Pattern.compile(".*/dev/bmcagent/([^/]+)/[^/]+/[^/]+\\.jar!/.*"));

    @Test
    void moduleOfAClassFile() {
        if (!mavenModule("file:/w/agent/target/classes/dev/bmcagent/agent/X.class")
                        .equals(Optional.of("agent"))
                || !mavenModule("jar:file:/w/ipmi/target/ipmi-0.1.0-SNAPSHOT.jar!/dev/bmcagent/ipmi/X.class")
                        .equals(Optional.of("ipmi"))
                || !mavenModule("jar:file:/h/.m2/repository/dev/bmcagent/acpi/0.1.0-SNAPSHOT/acpi-0.1.0-SNAPSHOT.jar"
                                + "!/dev/bmcagent/acpi/X.class")
                        .equals(Optional.of("acpi"))) {
            throw new AssertionError("mavenModule()");
        }
    }

    @Test
    void moduleOfAPackage() {
        // the helper the internal rule relies on
        if (!module("dev.bmcagent.ipmi.session.internal").equals(Optional.of("ipmi"))
                || module("java.util").isPresent()) {
            throw new AssertionError("module()");
        }
    }

    private static Optional<String> module(String pkg) {
        Matcher m = Parts.MODULE.matcher(pkg);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
