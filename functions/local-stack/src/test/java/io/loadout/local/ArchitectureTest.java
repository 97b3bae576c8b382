package io.loadout.local;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.loadout.event.DomainEvent;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Runs here because the local stack's classpath holds every module. Domain packages are all of io.loadout.* except
 * the adapters, the function modules, the local stack and the test support. Which domain package is platform and
 * which is a feature, and why: docs/adr/0021-package-roles-and-outbound-ports.md.
 */
class ArchitectureTest {

    private static final String[] ADAPTER_PACKAGES = {
            "io.loadout.adapters..", "io.loadout.functions..", "io.loadout.local..", "io.loadout.testing.."};

    /** What features plug into (importers, jobs, notification policies, events) and build on. */
    private static final String[] PLATFORM = {
            "shared", "account", "alert", "event", "jobs", "notification", "storage", "webhook", "imports", "backup",
            "migration", "shipping"};

    /** The business systems. One uses another only through what that one declares for it (see below). */
    private static final String[] FEATURES = {"catalog", "allocation", "orders"};

    private static final JavaClasses LOADOUT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.loadout");

    @Test
    void domainPackagesUseNoFunctionCloudMailOrHttpTypes() {
        ArchRule rule = noClasses().that().resideInAPackage("io.loadout..")
                .and().resideOutsideOfPackages(ADAPTER_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus.funqy..", "com.google.cloud..", "io.quarkus.mailer..", "jakarta.ws.rs..",
                        "io.cloudevents..", "com.google.pubsub..")
                .because("business rules sit behind ports; Funqy, GCP, Mailer and JAX-RS live in adapters");
        rule.check(LOADOUT);
    }

    @Test
    void domainPackagesMakeNoOutboundCallsOfTheirOwn() {
        ArchRule rule = noClasses().that().resideInAPackage("io.loadout..")
                .and().resideOutsideOfPackages(ADAPTER_PACKAGES)
                .and().doNotHaveFullyQualifiedName("io.loadout.imports.table.SpooledContent")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "java.nio.file..")
                .orShould().dependOnClassesThat().belongToAnyOf(java.net.Socket.class, java.net.URLConnection.class,
                        java.net.HttpURLConnection.class, ProcessBuilder.class, Process.class)
                .because("HTTP, processes and files are outbound calls: the domain names what it needs as a port "
                        + "(PartnerFeed, DatabaseDumps, BlobStore) and an adapter makes the call; the import "
                        + "spool (SpooledContent) is the one exception, scratch space of the instance");
        rule.check(LOADOUT);
    }

    @Test
    void noPackageCyclesBetweenTopLevelPackages() {
        ArchRule rule = slices().matching("io.loadout.(*)..").should().beFreeOfCycles()
                .because("a cycle makes two packages one: neither can be understood, tested or moved alone");
        rule.check(LOADOUT);
    }

    @Test
    void sharedDependsOnNoOtherLoadoutPackage() {
        ArchRule rule = noClasses().that().resideInAPackage("io.loadout.shared..")
                .should().dependOnClassesThat(resideInAPackage("io.loadout..")
                        .and(DescribedPredicate.not(resideInAPackage("io.loadout.shared.."))))
                .because("every package may use shared, so shared may use none of them");
        rule.check(LOADOUT);
    }

    @Test
    void everyDomainPackageIsDeclaredPlatformOrFeature() {
        ArchRule rule = classes().that().resideInAPackage("io.loadout..")
                .and().resideOutsideOfPackages(ADAPTER_PACKAGES)
                .should().resideInAnyPackage(packages(PLATFORM)).orShould().resideInAnyPackage(packages(FEATURES))
                .because("a new top-level package takes a side in ArchitectureTest.PLATFORM or FEATURES (ADR 0021)");
        rule.check(LOADOUT);
    }

    @Test
    void thePlatformDependsOnNoFeature() {
        ArchRule rule = noClasses().that().resideInAnyPackage(packages(PLATFORM))
                .should().dependOnClassesThat().resideInAnyPackage(packages(FEATURES))
                .because("features plug into the platform (Importer, Job, TypedPolicy, DomainEvent), "
                        + "never the other way");
        rule.check(LOADOUT);
    }

    @Test
    void featuresUseEachOtherOnlyThroughTheirEventsAndPorts() {
        ArchRule rule = classes().that().resideInAnyPackage(packages(FEATURES))
                .should(useOtherFeaturesOnlyThrough(assignableTo(DomainEvent.class)
                        .or(JavaClass.Predicates.INTERFACES.and(JavaClass.Predicates.simpleNameEndingWith("Port")))
                        .as("its events (DomainEvent records) and its *Port interfaces")))
                .because("a feature changes alone only if others see no more of it than it declares for them");
        rule.check(LOADOUT);
    }

    @Test
    void aFunctionModuleUsesNoFeatureButItsOwn() {
        ArchRule rule = CompositeArchRule.of(Arrays.stream(FEATURES).map(feature -> (ArchRule) noClasses()
                .that().resideInAPackage("io.loadout.functions..")
                .and().resideOutsideOfPackage("io.loadout.functions." + feature + "..")
                .should().dependOnClassesThat().resideInAPackage("io.loadout." + feature + "..")
                .because("each feature deploys in its own function; the others reach it through events"))
                .toList());
        rule.check(LOADOUT);
    }

    @Test
    void everyHttpEndpointDeclaresItsRole() {
        ArchRule rule = methods().that().areAnnotatedWith(GET.class)
                .or().areAnnotatedWith(POST.class).or().areAnnotatedWith(PUT.class)
                .or().areAnnotatedWith(PATCH.class).or().areAnnotatedWith(DELETE.class)
                .should().beAnnotatedWith(RolesAllowed.class).orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(DenyAll.class)
                .orShould().beDeclaredInClassesThat().areAnnotatedWith(RolesAllowed.class)
                .because("every endpoint has an explicit role");
        rule.check(LOADOUT);
    }

    private static String[] packages(String[] names) {
        return Arrays.stream(names).map(name -> "io.loadout." + name + "..").toArray(String[]::new);
    }

    private static Optional<String> featureOf(JavaClass javaClass) {
        return Arrays.stream(FEATURES).filter(f -> javaClass.getPackageName().equals("io.loadout." + f)
                || javaClass.getPackageName().startsWith("io.loadout." + f + ".")).findFirst();
    }

    private static ArchCondition<JavaClass> useOtherFeaturesOnlyThrough(DescribedPredicate<JavaClass> declared) {
        return new ArchCondition<>("use another feature only through " + declared.getDescription()) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                var own = featureOf(origin);
                origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    var other = featureOf(target);
                    if (other.isPresent() && !other.equals(own) && !declared.test(target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + ", but " + target.getName() + " is not one of " + other.get() + "'s events or ports"));
                    }
                });
            }
        };
    }
}
