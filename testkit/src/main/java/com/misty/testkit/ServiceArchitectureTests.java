package com.misty.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The one shape every service has, checked the same way everywhere (a service's test extends this and names its root
 * package):
 * <ul>
 *   <li>{@code rest}: resources and their request/response records; {@code messaging}: consumers and event mapping;
 *   both call {@code service}, nothing calls them.</li>
 *   <li>{@code service}: application services (the steps of a use case, CDI); calls {@code repository} and
 *   {@code domain}.</li>
 *   <li>{@code repository}: all MongoDB access; the only package that may see MongoDB or BSON types.</li>
 *   <li>{@code domain}: the rules and records, plain Java: no framework, logging, MongoDB or Kafka type, and no arrow
 *   back to any other layer.</li>
 *   <li>{@code config}: configuration mappings, usable from every layer.</li>
 * </ul>
 * Other packages (the gateway's {@code proxy}, auth-service's {@code security}) are outside these rules except the
 * MongoDB one and the absence of cycles.
 */
public abstract class ServiceArchitectureTests {

    /** Frameworks the domain must not know: it is the part a reader checks the rules in, and tests without a container. */
    private static final String[] FRAMEWORKS = {
            "io.quarkus..", "io.smallrye..", "io.vertx..", "jakarta.ws..", "jakarta.enterprise..", "jakarta.inject..",
            "jakarta.transaction..", "org.jboss.logging..", "org.slf4j..", "com.mongodb..", "org.bson..",
            "org.apache.kafka..", "org.eclipse.microprofile..", "org.jose4j..", "com.misty.platform.outbox..",
            "com.misty.platform.idempotency.."};

    private JavaClasses classes;

    /** The service's root package, e.g. {@code com.misty.inventory}. */
    protected abstract String rootPackage();

    private JavaClasses classes() {
        if (classes == null) {
            classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(rootPackage());
        }
        return classes;
    }

    private String layer(String name) {
        return rootPackage() + "." + name + "..";
    }

    @Test
    void domainHoldsPlainRulesOnly() {
        noClasses().that().resideInAPackage(layer("domain"))
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("domain holds the rules as plain Java; the frameworks are at its edges")
                .check(classes());
    }

    @Test
    void onlyRepositoriesTouchMongoDb() {
        noClasses().that().resideOutsideOfPackage(layer("repository"))
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
                .because("every MongoDB access of a service is in its repository package")
                .check(classes());
    }

    @Test
    void layersDependOnlyDownwards() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("rest").definedBy(layer("rest"))
                .layer("messaging").definedBy(layer("messaging"))
                .layer("service").definedBy(layer("service"))
                .layer("repository").definedBy(layer("repository"))
                .layer("domain").definedBy(layer("domain"))
                .layer("config").definedBy(layer("config"))
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("rest", "messaging")
                .whereLayer("repository").mayOnlyBeAccessedByLayers("service")
                .check(classes());
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(rootPackage() + ".(*)..").should().beFreeOfCycles().check(classes());
    }
}
