package dev.warmreach;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.targetOwner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.warmreach.live.CampaignEngines;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.store.Store;
import dev.warmreach.web.WebServer;
import dev.warmreach.web.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Keeps the arrows pointing inward and the clock injected (STYLE.md). */
class ArchitectureTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.warmreach");

  @Test
  void theDomainDependsOnNothingButTheJdk() {
    classes()
        .that()
        .resideInAPackage("dev.warmreach.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("dev.warmreach.domain..", "java..")
        .check(MAIN);
  }

  @Test
  void theCoreDependsOnNoAdapter() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.warmreach.domain..",
            "dev.warmreach.policy..",
            "dev.warmreach.sequence..",
            "dev.warmreach.quota..",
            "dev.warmreach.message..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.warmreach.store..",
            "dev.warmreach.importer..",
            "dev.warmreach.cli..",
            "dev.warmreach.web..",
            "dev.warmreach.execute..",
            "dev.warmreach.simulation..",
            "org.jdbi..",
            "java.sql..",
            "java.io..",
            "java.nio.file..")
        .check(MAIN);
  }

  @Test
  void noPackagesDependOnEachOtherInACycle() {
    slices().matching("dev.warmreach.(**)").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void theLiveEngineKnowsNoFileFormatSimulationOrBundledData() {
    noClasses()
        .that()
        .resideInAPackage("dev.warmreach.live..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.warmreach.simulation..", "dev.warmreach.definition..", "dev.warmreach.coachdata..")
        .check(MAIN);
  }

  @Test
  void onlyTheCompositionRootWiresTheEngineAndTheServer() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.warmreach.cli..", "dev.warmreach.web..")
        .should()
        .callConstructorWhere(targetOwner(equivalentTo(LiveEngine.class)))
        .orShould()
        .callConstructorWhere(targetOwner(equivalentTo(CampaignEngines.class)))
        .orShould()
        .callMethod(WebServer.class, "create", Workspace.class, WebServer.Settings.class)
        .check(MAIN);
    noClasses()
        .that()
        .resideInAPackage("dev.warmreach.web..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(Warmreach.class.getName())
        .check(MAIN);
  }

  @Test
  void onlyTheCompositionRootHoldsTheWholeStore() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(Warmreach.class.getName())
        .and()
        .doNotHaveFullyQualifiedName(Warmreach.Builder.class.getName())
        .and()
        .doNotHaveFullyQualifiedName(Workspace.class.getName())
        .and()
        .resideOutsideOfPackage("dev.warmreach.store..")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(Store.class)
        .check(MAIN);
  }

  @Test
  void simulationAndDefinitionsKnowNoAdapter() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.warmreach.simulation..", "dev.warmreach.definition..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.warmreach.store..",
            "dev.warmreach.web..",
            "dev.warmreach.cli..",
            "dev.warmreach.execute..",
            "dev.warmreach.live..")
        .check(MAIN);
  }

  @Test
  void adaptersDoNotDependOnTheInterfaces() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.warmreach.store..", "dev.warmreach.importer..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.warmreach.cli..", "dev.warmreach.web..")
        .check(MAIN);
  }

  @Test
  void onlyTheStoreAdapterKnowsJdbiAndTheDatabaseDrivers() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.warmreach.store.jdbc..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jdbi..", "org.flywaydb..", "org.sqlite..", "org.postgresql..")
        .check(MAIN);
  }

  @Test
  void onlyTheWebLayerKnowsJavalinAndItNeverReachesPastTheStorePort() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.warmreach.web..", "dev.warmreach.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
        .check(MAIN);
    noClasses()
        .that()
        .resideInAPackage("dev.warmreach.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.warmreach.store.jdbc..", "dev.warmreach.cli..")
        .check(MAIN);
  }

  @Test
  void nothingButTheCompositionRootReadsTheWallClock() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(Warmreach.class.getName())
        .and()
        .doNotHaveFullyQualifiedName(Warmreach.Builder.class.getName())
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(LocalDate.class, "now")
        .orShould()
        .callMethod(ZonedDateTime.class, "now")
        .orShould()
        .callMethod(OffsetDateTime.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(Clock.class, "systemUTC")
        .orShould()
        .callMethod(Clock.class, "systemDefaultZone")
        .check(MAIN);
  }
}
