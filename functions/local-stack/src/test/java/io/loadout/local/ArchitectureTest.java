package io.loadout.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.Test;

/**
 * Runs here because the local stack's classpath holds every module. Domain packages are all of
 * io.loadout.* except the adapters, the function modules, the local stack and the test support.
 */
class ArchitectureTest {

    private static final String[] ADAPTER_PACKAGES = {
            "io.loadout.adapters..", "io.loadout.functions..", "io.loadout.local..", "io.loadout.testing.."};

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
}
