package io.github.vciconnector;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps the package structure of STYLE.md §1-2 honest. */
@AnalyzeClasses(packages = "io.github.vciconnector", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noCycles = slices().matching("io.github.vciconnector.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule httpStaysInWeb = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web.servlet..",
                    "org.springframework.web.bind..", "org.springframework.web.method..");

    @ArchTest
    static final ArchRule nothingImportsWeb = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("io.github.vciconnector.web..");

    @ArchTest
    static final ArchRule storageOnlyBehindSessionStore = noClasses().that().resideOutsideOfPackage("..session..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.vciconnector.session.memory..",
                    "io.github.vciconnector.session.redis..", "org.springframework.data.redis..");

    @ArchTest
    static final ArchRule featuresDoNotCallWebhook = noClasses().that().resideInAnyPackage("..offer..", "..oauth..", "..issuance..")
            .should().dependOnClassesThat().resideInAPackage("io.github.vciconnector.webhook..");

    @ArchTest
    static final ArchRule demoWalletIsAStandaloneClient = classes().that().resideInAPackage("io.github.vciconnector.demo..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.github.vciconnector.demo..", "java..", "javax..",
                    "com.nimbusds..", "org.bouncycastle..", "com.fasterxml.jackson..", "tools.jackson..")
            .because("the demo wallet checks the connector, so it uses published libraries and none of the connector's code (issue 11 point 6)");

    @ArchTest
    static final ArchRule joseDependsOnNothingOfOurs = classes().that().resideInAPackage("io.github.vciconnector.jose..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.github.vciconnector..")
                    .or(resideInAPackage("io.github.vciconnector.jose..")))
            .because("the JWS checks every verifier composes stand on Nimbus and BouncyCastle alone (issue 11 point 5)");

    @ArchTest
    static final ArchRule nothingDependsOnDemo = noClasses().that().resideOutsideOfPackage("..demo..")
            .should().dependOnClassesThat().resideInAPackage("io.github.vciconnector.demo..");
}
