package com.misty.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The gateway's rules (routes, policy, breaker, limits, visibility) stay plain Java. */
class ArchitectureTest {

    @Test
    void domainHasNoFrameworkImports() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.misty.gateway");
        noClasses().that().resideInAPackage("com.misty.gateway.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta.ws..", "com.mongodb..", "org.bson..", "io.vertx..",
                        "org.apache.kafka..", "org.jose4j..", "jakarta.enterprise..")
                .check(classes);
    }
}
