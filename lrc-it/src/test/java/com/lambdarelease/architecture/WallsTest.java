package com.lambdarelease.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walls between the parts, checked on the product's classes (tests excluded). The module
 * dependencies keep most of them at compile time; these rules keep the ones inside a module
 * (package cycles, the domain's independence) and say in one place what the walls are.
 */
class WallsTest {

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        // Test classes, whether in a test-classes folder or a module's test-jar (the console's and the sandbox's
        // fixtures reach this module that way), are not the product.
        ImportOption productOnly = location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                && !location.contains("-tests.jar");
        product = new ClassFileImporter().withImportOption(productOnly).importPackages("com.lambdarelease");
    }

    @Test
    void everyModuleIsImported() {
        // A rule over no classes passes; make sure each part is really there.
        for (String part : new String[]{"sandbox", "domain", "service", "release", "logs", "rollout", "ui", "cli", "app"}) {
            assertThat(product.stream().anyMatch(c -> c.getPackageName().startsWith("com.lambdarelease." + part)))
                    .as(part).isTrue();
        }
    }

    private static final String[] CORE = {"com.lambdarelease.domain..", "com.lambdarelease.service..",
            "com.lambdarelease.release..", "com.lambdarelease.logs..", "com.lambdarelease.rollout.."};
    private static final String[] CLIENTS = {"com.lambdarelease.ui..", "com.lambdarelease.cli..", "com.lambdarelease.app.."};

    private static String[] and(String[] a, String... b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new);
    }

    /** No class in {@code from} depends on a class in {@code to}. */
    private static void wall(String[] from, String[] to) {
        noClasses().that().resideInAnyPackage(from).should().dependOnClassesThat().resideInAnyPackage(to).check(product);
    }

    @Test
    void javaFxOnlyInTheConsoleAndTheApp() {
        wall(and(CORE, "com.lambdarelease.cli..", "com.lambdarelease.sandbox..", "com.lambdarelease.testing.."),
                new String[]{"javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp.ikonli.."});
    }

    @Test
    void onlyTheAppNamesTheSandbox() {
        wall(and(CORE, "com.lambdarelease.ui..", "com.lambdarelease.cli..", "com.lambdarelease.testing.."),
                new String[]{"com.lambdarelease.sandbox.."});
    }

    @Test
    void theSandboxNamesNothingOfOurs() {
        wall(new String[]{"com.lambdarelease.sandbox.."}, and(CORE, CLIENTS));
    }

    @Test
    void theDomainDependsOnNoOtherPart() {
        wall(new String[]{"com.lambdarelease.domain.."},
                and(and(CLIENTS, "com.lambdarelease.service..", "com.lambdarelease.release..", "com.lambdarelease.logs..",
                        "com.lambdarelease.rollout.."), "software.amazon.awssdk.."));
    }

    @Test
    void theCoreNamesNoClient() {
        wall(CORE, CLIENTS);
    }

    @Test
    void noCycleBetweenTheParts() {
        slices().matching("com.lambdarelease.(*)..").should().beFreeOfCycles().check(product);
    }

    @Test
    void noCycleBetweenTheConsolesScreens() {
        slices().matching("com.lambdarelease.ui.(*)..").should().beFreeOfCycles().check(product);
    }
}
