package com.misty.inventory;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain holds the rules only: no web, database or framework types. */
class DomainArchitectureTest {

    @Test
    void domainIsFreeOfFrameworkImports() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.misty.inventory");
        ArchRule rule = noClasses().that().resideInAPackage("com.misty.inventory.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.ws..", "com.mongodb..",
                        "org.bson..", "jakarta.enterprise..", "jakarta.inject..", "io.smallrye..");
        rule.check(classes);
    }
}
