package com.misty.auth;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain holds rules only: no framework, HTTP or MongoDB types. */
class ArchitectureTest {

    @Test
    void domainIsFreeOfFrameworkImports() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.misty.auth");
        noClasses().that().resideInAPackage("com.misty.auth.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.ws..", "com.mongodb..", "org.bson..")
                .check(classes);
    }

    @Test
    void onlyRepositoriesTouchMongoDb() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.misty.auth");
        noClasses().that().resideOutsideOfPackage("com.misty.auth.repository..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
                .check(classes);
    }
}
