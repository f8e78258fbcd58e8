package com.misty.orders;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain holds the rules; frameworks, HTTP and MongoDB stay outside it. */
class ArchitectureTest {

    @Test
    void domainIsFreeOfFrameworkHttpAndDatabaseTypes() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.misty.orders");
        noClasses().that().resideInAPackage("com.misty.orders.domain..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.quarkus..", "jakarta.ws..", "com.mongodb..", "org.bson..")
                .check(classes);
    }
}
