package io.github.vciconnector;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps the package structure of STYLE.md §1-2 honest. */
@AnalyzeClasses(packages = "io.github.vciconnector",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.ConnectorMainClassesOnly.class})
class ArchitectureTest {

    /**
     * The connector's own main classes, not the demo wallet's that its test classpath also holds: the demo-wallet
     * module needs no rules here, since Maven keeps it apart both ways (the connector is not on its classpath, and the
     * connector has it at test scope only, so main code that used it would not compile; issue 11 point 6).
     */
    static final class ConnectorMainClassesOnly implements ImportOption {
        private static final String CONNECTOR_CLASSES = location(ConnectorApplication.class);

        @Override
        public boolean includes(Location location) {
            return location.asURI().toString().startsWith(CONNECTOR_CLASSES);
        }

        private static String location(Class<?> type) {
            try {
                return type.getProtectionDomain().getCodeSource().getLocation().toURI().toString();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final String ROOT = "io.github.vciconnector";

    @ArchTest
    static final ArchRule noCycles = slices().matching("io.github.vciconnector.(*)..").should().beFreeOfCycles();

    /** Every package is its own slice, so a cycle between a package and its sub-package fails too (issue 11 point 3). */
    @ArchTest
    static final ArchRule noCyclesAtAnyDepth = slices().matching("io.github.vciconnector.(**)").should().beFreeOfCycles();

    /**
     * The allowed arrows between our packages (docs/architecture.md, "Dependency arrows"): a package may use itself,
     * any library, and of ours only what its row names. A new arrow is a change to this table and to that page.
     */
    private static final Map<String, List<String>> ALLOWED = allowed(
            "", List.of(),
            "config", List.of(),
            "jose", List.of(),
            "keys", List.of("config", "jose"),
            "session", List.of("config", "keys", "jose"),
            "session.memory", List.of("session", "config", "keys", "jose"),
            "session.redis", List.of("session", "config", "keys", "jose"),
            "metadata", List.of("config", "keys", "jose"),
            "sdjwt", List.of("keys", "jose"),
            // status: the Token Status Lists (DESIGN §9) on their own store port; keys and jose sign the list tokens
            "status", List.of("session", "config", "keys", "jose"),
            // offer -> status: a revocation sets the entries of the offer's credentials
            "offer", List.of("session", "metadata", "status", "config", "keys", "jose"),
            "oauth.dpop", List.of("session", "config", "keys", "jose"),
            "oauth.clientauth", List.of("session", "config", "keys", "jose"),
            // metadata: PAR resolves a scope or authorization_details to a credential configuration (DESIGN §10)
            "oauth", List.of("oauth.dpop", "oauth.clientauth", "session", "metadata", "config", "keys", "jose"),
            "issuance.keyattestation", List.of("config", "keys", "jose"),
            // issuance -> status: one status list entry per credential (TSL-7)
            "issuance", List.of("issuance.keyattestation", "oauth", "sdjwt", "session", "metadata", "status", "config", "keys", "jose"),
            "webhook", List.of("session", "config", "keys", "jose"),
            "web", List.of(),
            "web.port", List.of("web", "config"),
            // web.wallet -> status: serves the rendered Status List Tokens
            "web.wallet", List.of("web", "web.port", "offer", "oauth", "oauth.dpop", "issuance", "metadata", "status", "config"),
            // web.management -> status: the list URI of each credential in GET /offers/{id}
            "web.management", List.of("web", "web.port", "offer", "webhook", "session", "status", "config", "jose"),
            "web.error", List.of("web", "web.port", "web.wallet", "web.management", "offer", "oauth", "issuance", "session", "config"));

    @ArchTest
    static final ArchRule onlyAllowedArrows = CompositeArchRule.of(ALLOWED.entrySet().stream()
            .map(row -> onlyDependsOn(row.getKey(), row.getValue())).toList())
            .as("every package of ours depends only on the packages its row of ArchitectureTest.ALLOWED names");

    /** Every package of ours has a row, so a new package cannot slip past the table. */
    @ArchTest
    static final ArchRule everyPackageHasARow = classes().that().resideInAPackage("io.github.vciconnector..")
            .should(new ArchCondition<JavaClass>("reside in a package of the allowed-arrows table") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    if (!ALLOWED.containsKey(relative(item.getPackageName()))) {
                        events.add(SimpleConditionEvent.violated(item, item.getPackageName() + " has no row in ArchitectureTest.ALLOWED"));
                    }
                }
            });

    /** STYLE §2: issuance takes only the proof of authorisation from oauth, never its grant or verifiers. */
    @ArchTest
    static final ArchRule issuanceTakesOnlyTheAuthorizedWalletFromOauth = noClasses().that().resideInAPackage(ROOT + ".issuance..")
            .should().dependOnClassesThat(resideInAPackage(ROOT + ".oauth..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.type(io.github.vciconnector.oauth.AuthorizedWallet.class))));

    /** The web layer reaches storage only through the features: it may name session values, never a store port. */
    @ArchTest
    static final ArchRule webNeverTouchesAStorePort = noClasses().that().resideInAPackage("io.github.vciconnector.web..")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.github.vciconnector.session.OfferStore")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.github.vciconnector.session.SingleUseChecker")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.github.vciconnector.session.AttemptCounters")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.github.vciconnector.session.Leases")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.github.vciconnector.session.IdempotencyKeys")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.github.vciconnector.session.StatusListStore")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.github.vciconnector.session.AuthorizationStore");

    private static ArchRule onlyDependsOn(String pkg, List<String> allowed) {
        String base = pkg.isEmpty() ? ROOT : ROOT + "." + pkg;
        DescribedPredicate<JavaClass> ours = resideInAPackage(ROOT + "..");
        DescribedPredicate<JavaClass> permitted = resideInAPackage(base);
        for (String other : allowed) permitted = permitted.or(resideInAPackage(ROOT + "." + other));
        return classes().that().resideInAPackage(base)
                .should().onlyDependOnClassesThat(DescribedPredicate.not(ours).or(permitted))
                .as("classes in " + (pkg.isEmpty() ? "(root)" : pkg) + " only depend on " + (allowed.isEmpty() ? "no package of ours" : allowed));
    }

    private static Map<String, List<String>> allowed(Object... rows) {
        var table = new LinkedHashMap<String, List<String>>();
        for (int i = 0; i < rows.length; i += 2) {
            @SuppressWarnings("unchecked") List<String> targets = (List<String>) rows[i + 1];
            table.put((String) rows[i], targets);
        }
        return table;
    }

    private static String relative(String packageName) {
        return packageName.equals(ROOT) ? "" : packageName.substring(ROOT.length() + 1);
    }

    @ArchTest
    static final ArchRule httpStaysInWeb = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web.servlet..",
                    "org.springframework.web.bind..", "org.springframework.web.method..");

    @ArchTest
    static final ArchRule nothingImportsWeb = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("io.github.vciconnector.web..");

    @ArchTest
    static final ArchRule storageOnlyBehindTheStorePorts = noClasses().that().resideOutsideOfPackage("..session..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.vciconnector.session.memory..",
                    "io.github.vciconnector.session.redis..", "org.springframework.data.redis..");

    @ArchTest
    static final ArchRule featuresDoNotCallWebhook = noClasses().that().resideInAnyPackage("..offer..", "..oauth..", "..issuance..")
            .should().dependOnClassesThat().resideInAPackage("io.github.vciconnector.webhook..");

    @ArchTest
    static final ArchRule joseDependsOnNothingOfOurs = classes().that().resideInAPackage("io.github.vciconnector.jose..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.github.vciconnector..")
                    .or(resideInAPackage("io.github.vciconnector.jose..")))
            .because("the JWS checks every verifier composes stand on Nimbus and BouncyCastle alone (issue 11 point 5)");

}
