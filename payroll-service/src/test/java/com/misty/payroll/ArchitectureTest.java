package com.misty.payroll;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** domain/ holds the rules: no web, MongoDB or Quarkus types in it. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.misty.payroll");

    @Test
    void domainIsFreeOfFrameworkTypes() {
        noClasses().that().resideInAPackage("com.misty.payroll.domain..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.quarkus..", "jakarta.ws..", "com.mongodb..", "org.bson..")
                .check(CLASSES);
    }

    @Test
    void onlyRepositoriesTouchMongoDb() {
        noClasses().that().resideOutsideOfPackage("com.misty.payroll.repository..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
                .check(CLASSES);
    }
}
