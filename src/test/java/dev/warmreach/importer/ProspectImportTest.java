package dev.warmreach.importer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Seniority;
import dev.warmreach.domain.UserError;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.ProspectWrite;
import dev.warmreach.store.jdbc.JdbcStore;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports on the fixtures in {@code src/test/resources/import}, into a real SQLite store. */
class ProspectImportTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-02T09:00:00Z"), ZoneOffset.UTC);

  @TempDir Path folder;

  private JdbcStore store;
  private ProspectImport prospectImport;

  @BeforeEach
  void openStore() {
    store = JdbcStore.openEmbedded(folder.resolve("home"), CLOCK);
    prospectImport = new ProspectImport(store.prospects(), store.doNotContact());
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  // --- Sales Navigator search export, as public scraping tools write it -------------------

  @Test
  void keepsASalesNavigatorLeadAddressAsTheLeadIdNeverAsTheProfile() {
    // when a Sales Navigator search export names each lead by /sales/lead/… and, where found, by
    // the public profile in another column
    ImportReport report = importFixture("salesnav-search-export.csv");

    // then the lead address is the lead id, and the profile is the public one or nothing
    assertThat(report.format()).isEqualTo(ImportFormat.SALESNAV);
    assertThat(report.problems()).isEmpty();
    assertThat(report.stored()).isTrue();
    assertThat(everyone()).hasSize(3);
    assertThat(everyone())
        .extracting(p -> p.profileUrl() == null ? "none" : p.profileUrl().value())
        .containsExactlyInAnyOrder(
            "https://www.linkedin.com/in/ingrid-solberg-4b1a2c",
            "https://www.linkedin.com/in/tomas-ferreira-pt",
            "none");
    assertThat(everyone())
        .extracting(ProspectProfile::leadId)
        .containsExactlyInAnyOrder(
            "ACwAAB3kR9sBq0vXyZ1aT7cLmN2pQ4rS5tU6vW8",
            "ACwAAC8pLm2Bx7QwErTyUiOp4AsDfGhJkL9zXcV",
            "ACwAAD1vBn3Mq8WeRtYu5IoPaS6dFgHj7KlZx2c");
  }

  @Test
  void aLeadWithAPublicProfileKeepsBothAndALeadWithoutOneHasNoProfile() {
    importFixture("salesnav-search-export.csv");

    ProspectProfile ingrid = person("https://www.linkedin.com/in/ingrid-solberg-4b1a2c");
    assertThat(ingrid.leadId()).isEqualTo("ACwAAB3kR9sBq0vXyZ1aT7cLmN2pQ4rS5tU6vW8");
    assertThat(ingrid.degree()).isEqualTo(ConnectionDegree.SECOND);

    ProspectProfile aiko =
        person("https://www.linkedin.com/sales/people/ACwAAD1vBn3Mq8WeRtYu5IoPaS6dFgHj7KlZx2c,x");
    assertThat(aiko.fullName()).isEqualTo("Aiko Tanaka");
    assertThat(aiko.profileUrl()).isNull();
    assertThat(aiko.email()).isNull();
    assertThat(aiko.leadId()).isEqualTo("ACwAAD1vBn3Mq8WeRtYu5IoPaS6dFgHj7KlZx2c");
  }

  @Test
  void rowsOfOneLeadMergeByTheLeadIdInTheFileAndInTheStore() throws IOException {
    // when Tomás comes twice in the file: as a lead only, then with his public profile
    ImportReport first = importFixture("salesnav-search-export.csv");

    // then he is one person with both, and the newer title
    assertThat(first.duplicates()).isEqualTo(1);
    ProspectProfile tomas = person("https://www.linkedin.com/in/tomas-ferreira-pt");
    assertThat(tomas.leadId()).isEqualTo("ACwAAC8pLm2Bx7QwErTyUiOp4AsDfGhJkL9zXcV");
    assertThat(tomas.title()).isEqualTo("VP Partnerships");
    assertThat(tomas.openProfile()).isTrue();

    // and a later list naming Aiko by her lead only, now with an email, updates her
    Path later =
        write(
            "later.csv",
            "First Name,Last Name,Title,Sales Navigator URL,Email\n"
                + "Aiko,Tanaka,VP Sales,\"https://www.linkedin.com/sales/lead/"
                + "ACwAAD1vBn3Mq8WeRtYu5IoPaS6dFgHj7KlZx2c,NAME_SEARCH,q1\",aiko@kumo.example\n",
            UTF_8);
    ImportReport again = prospectImport.run(later, ImportOptions.defaults(), ImportProgress.NONE);

    assertThat(again.stored()).isTrue();
    assertThat(everyone()).hasSize(3);
    ProspectProfile aiko =
        person("https://www.linkedin.com/sales/lead/ACwAAD1vBn3Mq8WeRtYu5IoPaS6dFgHj7KlZx2c");
    assertThat(aiko.title()).isEqualTo("VP Sales");
    assertThat(aiko.email()).isEqualTo(email("aiko@kumo.example"));
    assertThat(aiko.profileUrl()).isNull();
  }

  @Test
  void aLeadColumnHoldingSomethingElseIsARowErrorNamingTheValue() throws IOException {
    Path file =
        write(
            "leads.csv",
            "First Name,Last Name,Title,Sales Navigator URL\n"
                + "Aiko,Tanaka,VP Sales,https://www.linkedin.com/company/kumo\n",
            UTF_8);

    ImportReport report = prospectImport.run(file, ImportOptions.defaults(), ImportProgress.NONE);

    assertThat(report.stored()).isFalse();
    assertThat(report.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("company page"));
    assertThat(everyone()).isEmpty();
  }

  // --- LinkedIn Connections export ---------------------------------------------------------

  @Test
  void leavesOutAndCountsTheMembersALinkedInExportHidesAndStoresTheRest() {
    // when a real-shaped export has rows such as ",,,,,,02 Jun 2022" for hidden or deleted members
    ImportReport report = importFixture("linkedin-connections-hidden-members.csv");

    // then they are counted, not refused, and the file is stored without --skip-invalid
    assertThat(report.format()).isEqualTo(ImportFormat.LINKEDIN);
    assertThat(report.rows()).isEqualTo(5);
    assertThat(report.hiddenMembers()).isEqualTo(3);
    assertThat(report.problems()).isEmpty();
    assertThat(report.validRows()).isEqualTo(2);
    assertThat(report.stored()).isTrue();
    assertThat(everyone())
        .extracting(ProspectProfile::lastName)
        .containsExactlyInAnyOrder("Schmidt", "Bell");
  }

  @Test
  void aRowWithANameButNoWayToReachThemIsStillARealErrorInALinkedInExport() throws IOException {
    // given a connection with a name but neither URL nor email: not a hidden member
    Path file =
        write(
            "connections.csv",
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                + "Anna,Schmidt,https://www.linkedin.com/in/anna-schmidt,,Vantacore,CEO,12 Mar"
                + " 2024\n"
                + "Marcus,Bell,,,Acme,VP Sales,04 Mar 2024\n",
            UTF_8);

    // when
    ImportReport report = prospectImport.run(file, ImportOptions.defaults(), ImportProgress.NONE);

    // then the file is refused, naming the row
    assertThat(report.stored()).isFalse();
    assertThat(report.hiddenMembers()).isZero();
    assertThat(report.problems()).extracting(RowProblem::line).containsExactly(3L);
    assertThat(everyone()).isEmpty();
  }

  @Test
  void recognisesAConnectionsExportFromBefore2023WithoutAUrlColumn() {
    // when
    ImportReport report = importFixture("linkedin-connections-2022.csv");

    // then it is LinkedIn's export: everyone in it is a 1st-degree connection
    assertThat(report.format()).isEqualTo(ImportFormat.LINKEDIN);
    assertThat(report.hiddenMembers()).isEqualTo(1);
    assertThat(report.stored()).isTrue();
    assertThat(everyone())
        .extracting(ProspectProfile::degree)
        .containsExactly(ConnectionDegree.FIRST, ConnectionDegree.FIRST);
  }

  @Test
  void readsHubSpotsCompanyLocationAndUnsubscribesAndLeavesItsEducationDegreeOut() {
    // when
    ImportReport report = importFixture("hubspot-contacts-full.csv");

    // then Associated Company is the company, City/State/Country one location, and the education
    // "Degree" never becomes how far they are in the user's network
    assertThat(report.format()).isEqualTo(ImportFormat.HUBSPOT);
    assertThat(report.problems()).isEmpty();
    assertThat(report.columns()).doesNotContainKey("Degree");
    assertThat(report.ignoredColumns()).contains("Degree");
    ProspectProfile rachel = stored("https://www.linkedin.com/in/rachel-whitaker-4e2b17").profile();
    assertThat(rachel.company()).isEqualTo("Harborview CRM");
    assertThat(rachel.location()).isEqualTo("Boston, Massachusetts, United States");
    assertThat(rachel.degree()).isEqualTo(ConnectionDegree.UNKNOWN);

    // and the contact unsubscribed from all email is on the do-not-contact list, kept out
    assertThat(report.unsubscribed()).isEqualTo(1);
    assertThat(
            store
                .doNotContact()
                .isDoNotContact(null, EmailAddress.parse("nathan@stacklane.dev").orElseThrow()))
        .isTrue();
    assertThat(
            store
                .doNotContact()
                .isDoNotContact(
                    null, EmailAddress.parse("rachel.whitaker@harborviewcrm.com").orElseThrow()))
        .isFalse();
    assertThat(report.write().keptOut()).isEqualTo(1);
  }

  @Test
  void importsTheLinkedInConnectionsExportPastItsNotesPreamble() {
    // when
    ImportReport report = importFixture("linkedin-connections.csv");

    // then
    assertThat(report.format()).isEqualTo(ImportFormat.LINKEDIN);
    assertThat(report.encoding()).isEqualTo("UTF-8");
    assertThat(report.delimiter()).isEqualTo("comma");
    assertThat(report.rows()).isEqualTo(12);
    assertThat(report.problems()).isEmpty();
    assertThat(report.duplicates()).isZero();
    assertThat(report.stored()).isTrue();
    assertThat(report.write()).isEqualTo(new ProspectWrite(12, 0, 0, 0));
    assertThat(report.columns())
        .containsExactly(
            Map.entry("First Name", "firstName"),
            Map.entry("Last Name", "lastName"),
            Map.entry("URL", "profileUrl"),
            Map.entry("Email Address", "email"),
            Map.entry("Company", "company"),
            Map.entry("Position", "title"));
    assertThat(report.ignoredColumns()).containsExactly("Connected On");
    assertThat(storedCount()).isEqualTo(12);
  }

  @Test
  void everyoneInTheConnectionsExportIsAFirstDegreeConnection() {
    importFixture("linkedin-connections.csv");

    assertThat(everyone())
        .hasSize(12)
        .allSatisfy(p -> assertThat(p.degree()).isEqualTo(ConnectionDegree.FIRST));
  }

  @Test
  void readsAQuotedCompanyWithACommaANonLatinNameAndAMultiLinePosition() {
    // when
    importFixture("linkedin-connections.csv");

    // then
    ProspectProfile marcus = person("https://www.linkedin.com/in/marcusbell");
    assertThat(marcus.company()).isEqualTo("Acme, Inc.");
    assertThat(marcus.title()).isEqualTo("VP Sales");
    assertThat(marcus.seniority()).isEqualTo(Seniority.VP);

    ProspectProfile na = person("https://www.linkedin.com/in/na-li-8a1f3c20");
    assertThat(na.firstName()).isEqualTo("娜");
    assertThat(na.lastName()).isEqualTo("李");
    assertThat(na.fullName()).isEqualTo("娜 李");

    ProspectProfile priya = person("https://www.linkedin.com/in/priya-raman-b7");
    assertThat(priya.title())
        .isEqualTo("Founder & CEO\nBuilding the data layer for B2B marketplaces");
    assertThat(priya.seniority()).isEqualTo(Seniority.C_SUITE);
    assertThat(priya.company()).isEqualTo("Tarangam Cloud");

    assertThat(person("https://www.linkedin.com/in/sophie-laurent-2f6e81").company())
        .isEqualTo("Cartésia");
  }

  @Test
  void anEmptyEmailCellLeavesTheEmailUnknown() {
    // when
    importFixture("linkedin-connections.csv");

    // then only rows 2, 7 and 12 have an email
    assertThat(person("https://www.linkedin.com/in/anna-schmidt-4b2a91").email()).isNull();
    assertThat(person("https://www.linkedin.com/in/marcusbell").email())
        .isEqualTo(email("marcus.bell@acme-inc.com"));
    assertThat(everyone().stream().filter(ProspectProfile::hasEmail).map(p -> p.email().value()))
        .containsExactlyInAnyOrder(
            "marcus.bell@acme-inc.com",
            "jonas.weber@northbeamlogistics.com",
            "hannah@ledgerline.co");
  }

  @Test
  void importingTheSameExportTwiceLeavesEveryoneOnce() {
    // given
    importFixture("linkedin-connections.csv");

    // when
    ImportReport again = importFixture("linkedin-connections.csv");

    // then
    assertThat(again.stored()).isTrue();
    assertThat(again.write()).isEqualTo(new ProspectWrite(0, 0, 12, 0));
    assertThat(storedCount()).isEqualTo(12);
  }

  @Test
  void aLaterExportAddsNewPeopleAndUpdatesChangedOnes() {
    // given
    importFixture("linkedin-connections.csv");
    long jonasId = stored("https://www.linkedin.com/in/jonas-weber-81b4").id();

    // when
    ImportReport later = importFixture("linkedin-connections-updated.csv");

    // then two new people; Jonas and Camila changed position, Elif gained an email
    assertThat(later.rows()).isEqualTo(14);
    assertThat(later.write()).isEqualTo(new ProspectWrite(2, 3, 9, 0));
    assertThat(storedCount()).isEqualTo(14);

    Prospect jonas = stored("https://www.linkedin.com/in/jonas-weber-81b4");
    assertThat(jonas.id()).isEqualTo(jonasId);
    assertThat(jonas.profile().title()).isEqualTo("Head of Engineering");
    assertThat(jonas.profile().seniority()).isEqualTo(Seniority.DIRECTOR);
    assertThat(person("https://www.linkedin.com/in/camila-reyes-5521").title())
        .isEqualTo("Account Executive");
    assertThat(person("https://www.linkedin.com/in/elif-kaya-0d93").email())
        .isEqualTo(email("elif.kaya@quorrapay.com"));
    assertThat(person("https://www.linkedin.com/in/mateo-alvarez-9f1d").fullName())
        .isEqualTo("Mateo Álvarez");
    assertThat(person("https://www.linkedin.com/in/freya-lindgren").degree())
        .isEqualTo(ConnectionDegree.FIRST);
  }

  @Test
  void aPreviewSaysWhatALaterExportWouldChangeAndStoresNothing() {
    // given
    importFixture("linkedin-connections.csv");
    String jonas = "https://www.linkedin.com/in/jonas-weber-81b4";

    // when
    ImportPreview preview =
        prospectImport.preview(
            CsvFile.read(fixture("linkedin-connections-updated.csv")), ImportOptions.defaults());

    // then the same counts the import gives, and the store as it was
    assertThat(preview.wouldWrite()).isEqualTo(new ProspectWrite(2, 3, 9, 0));
    assertThat(preview.report().stored()).isFalse();
    assertThat(preview.report().write()).isEqualTo(new ProspectWrite(0, 0, 0, 0));
    assertThat(preview.report().format()).isEqualTo(ImportFormat.LINKEDIN);
    assertThat(preview.people()).isEqualTo(14);
    assertThat(preview.sample()).hasSize(ImportPreview.SAMPLE);
    assertThat(storedCount()).isEqualTo(12);
    assertThat(person(jonas).title()).isEqualTo("Engineering Manager");
    assertThat(importFixture("linkedin-connections-updated.csv").write())
        .isEqualTo(preview.wouldWrite());
  }

  @Test
  void aPreviewListsEveryInvalidRowAndTheValidPeopleAsTheyWouldBeStored() {
    // when
    ImportPreview preview =
        prospectImport.preview(
            CsvFile.read(fixture("one-bad-row.csv")),
            new ImportOptions(null, Map.of(), Set.of("webinar"), false));

    // then
    assertThat(preview.report().problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(8);
              assertThat(p.reason()).contains("https://www.linkedin.com/company/acme");
            });
    assertThat(preview.wouldWrite()).isEqualTo(new ProspectWrite(9, 0, 0, 0));
    assertThat(preview.sample().get(0).fullName()).isEqualTo("Sarah Miller");
    assertThat(preview.sample().get(0).tags()).containsExactly("webinar");
    assertThat(storedCount()).isZero();
  }

  @Test
  void profileUrlsWrittenDifferentlyInALaterExportMatchTheSamePerson() {
    // given
    importFixture("linkedin-connections.csv");
    List<String> urls =
        List.of(
            "https://www.linkedin.com/in/marcusbell",
            "https://www.linkedin.com/in/tom-oneill-3c9d2e",
            "https://www.linkedin.com/in/kenji-watanabe-77a1b2");
    List<Long> idsBefore = urls.stream().map(url -> stored(url).id()).toList();

    // when the later export writes them with a trailing slash, http:// and upper case
    importFixture("linkedin-connections-updated.csv");

    // then
    assertThat(urls.stream().map(url -> stored(url).id()).toList()).isEqualTo(idsBefore);
    assertThat(store.prospects().countProspects(new ProspectQuery("Watanabe", null, null, 10, 0)))
        .isEqualTo(1);
    assertThat(store.prospects().countProspects(new ProspectQuery("Marcus", null, null, 10, 0)))
        .isEqualTo(1);
  }

  // --- Sales Navigator lists, delimiters and encodings -------------------------------------

  @Test
  void importsASemicolonSeparatedListWithAByteOrderMarkAsEuropeanExcelSavesIt() {
    // when
    ImportReport report = importFixture("salesnav-leads-semicolon-bom.csv");

    // then
    assertThat(report.encoding()).isEqualTo("UTF-8 with BOM");
    assertThat(report.delimiter()).isEqualTo("semicolon");
    assertThat(report.format()).isEqualTo(ImportFormat.SALESNAV);
    assertThat(report.problems()).isEmpty();
    assertThat(report.write()).isEqualTo(new ProspectWrite(8, 0, 0, 0));
    assertThat(report.columns()).containsKey("First Name");

    ProspectProfile juergen = person("https://www.linkedin.com/in/juergen-weissmueller-5a3b1c");
    assertThat(juergen.fullName()).isEqualTo("Jürgen Weißmüller");
    assertThat(juergen.location()).isEqualTo("München, Bayern, Deutschland");
    assertThat(juergen.email()).isEqualTo(email("j.weissmueller@schneidwerk.de"));
    assertThat(juergen.degree()).isEqualTo(ConnectionDegree.UNKNOWN);

    ProspectProfile francoise = person("https://www.linkedin.com/in/francoise-lefevre-2b8c4d");
    assertThat(francoise.fullName()).isEqualTo("Françoise Lefèvre");
    assertThat(francoise.company()).isEqualTo("Cartésia");
    assertThat(francoise.email()).isNull();

    assertThat(person("https://www.linkedin.com/in/jerome-noel-8d2e5f").fullName())
        .isEqualTo("Jérôme Noël");
    assertThat(person("https://www.linkedin.com/in/soeren-kuehn-1b9f").location())
        .isEqualTo("Wien, Wien, Österreich");
    assertThat(everyone().stream().filter(ProspectProfile::hasEmail)).hasSize(4);
  }

  @Test
  void importsATabSeparatedList() {
    // when
    ImportReport report = importFixture("salesnav-leads-tab.tsv");

    // then
    assertThat(report.delimiter()).isEqualTo("tab");
    assertThat(report.format()).isEqualTo(ImportFormat.SALESNAV);
    assertThat(report.write()).isEqualTo(new ProspectWrite(5, 0, 0, 0));

    ProspectProfile olivia = person("https://www.linkedin.com/in/olivia-bennett-2c7a9e");
    assertThat(olivia.location()).isEqualTo("Austin, Texas, United States");
    assertThat(olivia.title()).isEqualTo("VP Revenue Operations");
    assertThat(olivia.email()).isEqualTo(email("olivia.bennett@brightloop.io"));
    assertThat(person("https://www.linkedin.com/in/rohan-iyer-61f0").company())
        .isEqualTo("Tarangam Cloud");
    assertThat(person("https://www.linkedin.com/in/siobhan-kelly-ie").firstName())
        .isEqualTo("Siobhán");
    assertThat(everyone().stream().filter(ProspectProfile::hasEmail)).hasSize(2);
  }

  @Test
  void decodesAWindows1252FileWithItsAccentsIntactWhenItsEncodingIsNamed() throws IOException {
    // given what Excel on a Western European Windows saves as "CSV"
    Path file =
        write(
            "leads-1252.csv",
            "First Name;Last Name;Title;Company;LinkedIn URL\n"
                + "José;Muñoz;Directeur général;Société Générale;https://fr.linkedin.com/in/jose-munoz\n"
                + "Zoë;Brontë;Responsable marketing;Crème & Brûlée;https://www.linkedin.com/in/zoe-bronte\n",
            Charset.forName("windows-1252"));

    // when
    ImportReport report =
        prospectImport.run(
            file,
            new ImportOptions(null, Map.of(), Set.of(), false, Charset.forName("windows-1252")),
            ImportProgress.NONE);

    // then
    assertThat(report.encoding()).isEqualTo("windows-1252");
    assertThat(report.write().created()).isEqualTo(2);
    ProspectProfile jose = person("https://www.linkedin.com/in/jose-munoz");
    assertThat(jose.fullName()).isEqualTo("José Muñoz");
    assertThat(jose.title()).isEqualTo("Directeur général");
    assertThat(jose.company()).isEqualTo("Société Générale");
    assertThat(person("https://www.linkedin.com/in/zoe-bronte").company())
        .isEqualTo("Crème & Brûlée");
  }

  @Test
  void aNameLongerThanTwoHundredCharactersIsARowErrorAndNothingIsStored() throws IOException {
    // given a runaway value of five million characters in one row
    Path file =
        write(
            "long.csv",
            "First Name,Last Name,LinkedIn URL\n"
                + "Ana,Silva,https://www.linkedin.com/in/ana-silva\n"
                + "Bo,"
                + "x".repeat(5_000_000)
                + ",https://www.linkedin.com/in/bo-berg\n",
            UTF_8);

    // when
    ImportReport report = prospectImport.run(file, ImportOptions.defaults(), ImportProgress.NONE);

    // then
    assertThat(report.stored()).isFalse();
    assertThat(report.problems()).extracting(RowProblem::line).containsExactly(3L);
    assertThat(report.problems().get(0).reason())
        .contains("lastName has 5000000 characters; at most 200");
    assertThat(everyone()).isEmpty();
  }

  @Test
  void readsAFileWithWindowsLineEndingsAndNamesItsLinesCorrectly() throws IOException {
    // given CRLF row endings, a line break inside a quoted value as Excel writes it (LF), and a
    // bad row after it
    Path file =
        write(
            "crlf.csv",
            "First Name,Last Name,Title,LinkedIn URL,Email\r\n"
                + "Ana,Silva,\"Founder\nand CEO\",https://www.linkedin.com/in/ana-silva,ana@northwind.example\r\n"
                + "Bo,Lind,CTO,https://www.linkedin.com/company/lind,\r\n"
                + "Cy,Berg,SDR,https://www.linkedin.com/in/cy-berg,cy@berg.example\r\n",
            UTF_8);

    // when
    ImportReport report = prospectImport.run(file, skippingInvalidRows(), ImportProgress.NONE);

    // then
    assertThat(report.rows()).isEqualTo(3);
    assertThat(report.problems()).extracting(RowProblem::line).containsExactly(4L);
    assertThat(report.write().created()).isEqualTo(2);
    ProspectProfile ana = person("https://www.linkedin.com/in/ana-silva");
    assertThat(ana.title()).isEqualTo("Founder\nand CEO");
    assertThat(ana.email()).isEqualTo(email("ana@northwind.example"));
    ProspectProfile cy = person("https://www.linkedin.com/in/cy-berg");
    assertThat(cy.email()).isEqualTo(email("cy@berg.example"));
    assertThat(cy.title()).isEqualTo("SDR");
  }

  @Test
  void importsExcelsUnicodeTextThatIsUtf16WithTabs() throws IOException {
    // given
    String text =
        "First Name\tLast Name\tTitle\tLinkedIn URL\r\n"
            + "Françoise\tLefèvre\tDirectrice commerciale\thttps://fr.linkedin.com/in/francoise-lefevre\r\n";
    byte[] bom = {(byte) 0xFF, (byte) 0xFE};
    byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    Path file = folder.resolve("unicode.txt");
    Files.write(file, bom);
    Files.write(file, body, java.nio.file.StandardOpenOption.APPEND);

    // when
    ImportReport report = prospectImport.run(file, ImportOptions.defaults(), ImportProgress.NONE);

    // then
    assertThat(report.encoding()).isEqualTo("UTF-16LE");
    assertThat(report.delimiter()).isEqualTo("tab");
    assertThat(person("https://www.linkedin.com/in/francoise-lefevre").fullName())
        .isEqualTo("Françoise Lefèvre");
  }

  @Test
  void namesTheFileLineOfAnInvalidRowCountingThePreambleAndBlankLines() throws IOException {
    // given a LinkedIn export whose header is on line 4 and whose second person is on line 7
    Path file =
        write(
            "Connections.csv",
            "Notes:\n"
                + "\"When exporting your connection data, you may notice that some emails are missing.\"\n"
                + "\n"
                + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                + "Ana,Silva,https://www.linkedin.com/in/ana-silva,,Northwind,VP Sales,12 Mar 2024\n"
                + "\n"
                + "Bo,Lind,https://www.linkedin.com/company/lind,,Lind AB,CTO,04 Mar 2024\n",
            UTF_8);

    // when
    ImportReport report = prospectImport.run(file, ImportOptions.defaults(), ImportProgress.NONE);

    // then
    assertThat(report.rows()).isEqualTo(2);
    assertThat(report.problems()).extracting(RowProblem::line).containsExactly(7L);
  }

  @Test
  void readsFullNamesJoinedPlacesAndTheDetailsThePolicyUses() throws IOException {
    // given a generic list with a single name column, city and country apart, and policy facts
    Path file =
        write(
            "generic.csv",
            "Full Name,E-mail Address,City,Country,Connection Degree,Activity,Open Profile\n"
                + "Ana Maria Silva,ana@northwind.example,Lisbon,Portugal,2nd,High,yes\n"
                + "Madonna,madonna@example.com,,United States,3rd+,low,no\n"
                + "Bo Lind,bo@lind.example,Malmö,Sweden,,,\n",
            UTF_8);

    // when
    ImportReport report = prospectImport.run(file, ImportOptions.defaults(), ImportProgress.NONE);

    // then
    assertThat(report.format()).isEqualTo(ImportFormat.GENERIC);
    assertThat(report.problems()).isEmpty();
    List<ProspectProfile> people = everyone();
    assertThat(people).hasSize(3);
    ProspectProfile ana = byFirstName(people, "Ana Maria");
    assertThat(ana.lastName()).isEqualTo("Silva");
    assertThat(ana.email()).isEqualTo(email("ana@northwind.example"));
    assertThat(ana.location()).isEqualTo("Lisbon, Portugal");
    assertThat(ana.degree()).isEqualTo(ConnectionDegree.SECOND);
    assertThat(ana.activity()).isEqualTo(dev.warmreach.domain.ActivityLevel.HIGH);
    assertThat(ana.openProfile()).isTrue();
    ProspectProfile madonna = byFirstName(people, "Madonna");
    assertThat(madonna.lastName()).isEmpty();
    assertThat(madonna.location()).isEqualTo("United States");
    assertThat(madonna.degree()).isEqualTo(ConnectionDegree.THIRD);
    assertThat(madonna.openProfile()).isFalse();
    ProspectProfile bo = byFirstName(people, "Bo");
    assertThat(bo.degree()).isEqualTo(ConnectionDegree.UNKNOWN);
    assertThat(bo.activity()).isEqualTo(dev.warmreach.domain.ActivityLevel.UNKNOWN);
  }

  @Test
  void refusesRowsWithUnreadablePolicyDetailsOrMoreValuesThanColumns() throws IOException {
    // given
    Path file =
        write(
            "bad-details.csv",
            "First Name,Last Name,LinkedIn URL,Degree,Activity,Open Profile\n"
                + "Ana,Silva,https://www.linkedin.com/in/ana-silva,4th,High,yes\n"
                + "Bo,Lind,https://www.linkedin.com/in/bo-lind,2nd,sometimes,yes\n"
                + "Cy,Berg,https://www.linkedin.com/in/cy-berg,2nd,Low,maybe\n"
                + "Di,Ek,https://www.linkedin.com/in/di-ek,2nd,Low,no,Stockholm, Sweden\n"
                + "Ed,Fo,https://www.linkedin.com/in/ed-fo,2nd,Low,no,,\n",
            UTF_8);

    // when
    ImportReport report = prospectImport.run(file, ImportOptions.defaults(), ImportProgress.NONE);

    // then
    assertThat(report.stored()).isFalse();
    assertThat(report.problems())
        .extracting(RowProblem::toString)
        .containsExactly(
            "line 2: degree '4th' should be 1st, 2nd or 3rd",
            "line 3: activity 'sometimes' should be HIGH, MEDIUM or LOW",
            "line 4: open profile 'maybe' should be yes or no",
            "line 5: has 8 values but the header has 6 columns; a value containing the delimiter"
                + " may be missing its quotes");
    assertThat(storedCount()).isZero();
  }

  // --- HubSpot ----------------------------------------------------------------------------

  @Test
  void importsAHubSpotExportKeepingPeopleWithoutALinkedInUrlByTheirEmail() {
    // when
    ImportReport report = importFixture("hubspot-contacts.csv");

    // then
    assertThat(report.format()).isEqualTo(ImportFormat.HUBSPOT);
    assertThat(report.problems()).isEmpty();
    assertThat(report.write()).isEqualTo(new ProspectWrite(8, 0, 0, 0));
    assertThat(report.ignoredColumns())
        .contains("Record ID", "Phone Number", "Lifecycle Stage", "Contact owner", "Create Date");

    List<ProspectProfile> emailOnly =
        everyone().stream().filter(p -> p.profileUrl() == null).toList();
    assertThat(emailOnly)
        .extracting(p -> p.email().value())
        .containsExactlyInAnyOrder("aoife.byrne@kestrelsec.io", "diego.morales@mareacommerce.es");
    ProspectProfile aoife =
        emailOnly.stream().filter(p -> p.firstName().equals("Aoife")).findFirst().orElseThrow();
    assertThat(aoife.title()).isEqualTo("VP Customer Success");
    assertThat(aoife.seniority()).isEqualTo(Seniority.VP);
    assertThat(aoife.company()).isEqualTo("Kestrel Security");

    assertThat(person("https://www.linkedin.com/in/stefan-novak-0b7d").title()).isEqualTo("CTO");
    assertThat(person("https://www.linkedin.com/in/lena-hofmann-vc").email())
        .isEqualTo(email("lena.hofmann@vantacore.de"));
    assertThat(person("https://www.linkedin.com/in/grace-adeyemi-7f3a").company())
        .isEqualTo("Quorra Payments");
  }

  @Test
  void reimportingAHubSpotExportMatchesEmailOnlyPeopleByEmail() {
    // given
    importFixture("hubspot-contacts.csv");

    // when
    ImportReport again = importFixture("hubspot-contacts.csv");

    // then
    assertThat(again.write()).isEqualTo(new ProspectWrite(0, 0, 8, 0));
    assertThat(storedCount()).isEqualTo(8);
  }

  // --- Invalid rows: all or nothing -------------------------------------------------------

  @Test
  void oneInvalidRowStoresNothing() {
    // when
    ImportReport report = importFixture("one-bad-row.csv");

    // then
    assertThat(report.stored()).isFalse();
    assertThat(report.rows()).isEqualTo(10);
    assertThat(report.validRows()).isEqualTo(9);
    assertThat(report.problems()).hasSize(1);
    RowProblem problem = report.problems().get(0);
    assertThat(problem.line()).isEqualTo(8);
    assertThat(problem.reason())
        .contains("https://www.linkedin.com/company/acme")
        .contains("company page");
    assertThat(problem).hasToString("line 8: " + problem.reason());
    assertThat(report.write()).isEqualTo(new ProspectWrite(0, 0, 0, 0));
    assertThat(storedCount()).isZero();
  }

  @Test
  void oneInvalidRowLeavesPeopleAlreadyStoredAsTheyWere() {
    // given
    importFixture("linkedin-connections.csv");
    List<ProspectProfile> before = everyone();

    // when
    ImportReport report = importFixture("one-bad-row.csv");

    // then
    assertThat(report.stored()).isFalse();
    assertThat(storedCount()).isEqualTo(12);
    assertThat(everyone()).isEqualTo(before);
    assertThat(
            store.prospects().prospectByUrl(ProfileUrl.of("linkedin.com/in/sarah-miller-8a2f41")))
        .isEmpty();
  }

  @Test
  void skippingInvalidRowsStoresTheValidOnesAndStillListsTheInvalid() {
    // when
    ImportReport report =
        prospectImport.run(fixture("one-bad-row.csv"), skippingInvalidRows(), ImportProgress.NONE);

    // then
    assertThat(report.stored()).isTrue();
    assertThat(report.problems()).extracting(RowProblem::line).containsExactly(8L);
    assertThat(report.write()).isEqualTo(new ProspectWrite(9, 0, 0, 0));
    assertThat(storedCount()).isEqualTo(9);
    assertThat(everyone()).extracting(ProspectProfile::lastName).doesNotContain("Kim");
  }

  @Test
  void reportsEveryInvalidRowWithItsLine() {
    // when
    ImportReport report = importFixture("many-bad-rows.csv");

    // then
    assertThat(report.stored()).isFalse();
    assertThat(report.rows()).isEqualTo(40);
    assertThat(report.validRows()).isEqualTo(15);
    assertThat(report.problems())
        .extracting(RowProblem::line)
        .containsExactly(
            3L, 5L, 6L, 7L, 9L, 10L, 12L, 13L, 14L, 16L, 17L, 19L, 20L, 21L, 23L, 25L, 26L, 28L,
            29L, 31L, 32L, 34L, 35L, 37L, 38L);
    assertThat(storedCount()).isZero();
  }

  @Test
  void saysWhyEachInvalidRowIsInvalid() {
    // when
    ImportReport report = importFixture("many-bad-rows.csv");

    // then
    assertThat(reasonOnLine(report, 3)).contains("https://twitter.com/x", "not a LinkedIn address");
    assertThat(reasonOnLine(report, 29)).contains("linkedin.com.example.net", "not a LinkedIn");
    assertThat(reasonOnLine(report, 37)).contains("not a url", "not a LinkedIn address");
    assertThat(reasonOnLine(report, 12)).contains("company page");
    assertThat(reasonOnLine(report, 25)).contains("school");
    assertThat(reasonOnLine(report, 34)).contains("/jobs/view/", "not a profile address");
    assertThat(reasonOnLine(report, 7)).contains("no profile name after /in/");
    assertThat(reasonOnLine(report, 20)).contains("no profile name after /in/");
    assertThat(reasonOnLine(report, 31)).contains("not a profile address");
    assertThat(reasonOnLine(report, 5)).isEqualTo("'bob@' is not an email address");
    assertThat(reasonOnLine(report, 21))
        .isEqualTo("'mark at harborviewcrm.com' is not an email address");
    assertThat(reasonOnLine(report, 26)).isEqualTo("'jonas@@vantacore.de' is not an email address");
    assertThat(reasonOnLine(report, 6)).contains("no name", "no LinkedIn profile URL or email");
    assertThat(reasonOnLine(report, 35)).contains("no name");
  }

  @Test
  void skippingInvalidRowsStoresTheFifteenValidOnesOfManyBadRows() {
    ImportReport report =
        prospectImport.run(
            fixture("many-bad-rows.csv"), skippingInvalidRows(), ImportProgress.NONE);

    assertThat(report.problems()).hasSize(25);
    assertThat(report.write().created()).isEqualTo(15);
    assertThat(storedCount()).isEqualTo(15);
  }

  // --- Duplicates -------------------------------------------------------------------------

  @Test
  void mergesRowsForTheSamePersonAndTheLaterRowWins() {
    // when
    ImportReport report = importFixture("duplicate-urls.csv");

    // then
    assertThat(report.rows()).isEqualTo(6);
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.write()).isEqualTo(new ProspectWrite(5, 0, 0, 0));
    assertThat(storedCount()).isEqualTo(5);
    ProspectProfile priya = person("https://www.linkedin.com/in/priya-nair-7c2e91");
    assertThat(priya.title()).isEqualTo("VP Sales");
    assertThat(priya.seniority()).isEqualTo(Seniority.VP);
    assertThat(priya.email()).isEqualTo(email("priya.nair@tarangam.in"));
  }

  @Test
  void mergesARowKnownOnlyByEmailIntoTheRowWithTheSameEmailAndAProfile() throws IOException {
    // given
    Path file =
        write(
            "email-and-url.csv",
            "First Name,Last Name,Title,LinkedIn URL,Email\n"
                + "Ana,Silva,,,Ana@Northwind.example\n"
                + "Ana,Silva,VP Sales,https://www.linkedin.com/in/ana-silva,ana@northwind.example\n",
            UTF_8);

    // when
    ImportReport report = prospectImport.run(file, ImportOptions.defaults(), ImportProgress.NONE);

    // then
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.write().created()).isEqualTo(1);
    assertThat(person("https://www.linkedin.com/in/ana-silva").title()).isEqualTo("VP Sales");
  }

  // --- Columns and --map ------------------------------------------------------------------

  @Test
  void refusesUnknownColumnsWithoutAMapNamingWhatIsMissing() {
    assertThatThrownBy(() -> importFixture("custom-columns.csv"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("custom-columns.csv")
        .hasMessageContaining("needs a name column and a LinkedIn URL or email column")
        .hasMessageContaining("Profile")
        .hasMessageContaining("Mail")
        .hasMessageContaining("--map COLUMN=FIELD");
    assertThat(storedCount()).isZero();
  }

  @Test
  void importsUnknownColumnsThroughTheColumnMap() {
    // given
    ImportOptions options =
        new ImportOptions(
            null,
            Map.of(
                "Role", ProspectField.TITLE,
                "Profile", ProspectField.PROFILE_URL,
                "Mail", ProspectField.EMAIL,
                "region", ProspectField.LOCATION),
            Set.of(),
            false);

    // when
    ImportReport report =
        prospectImport.run(fixture("custom-columns.csv"), options, ImportProgress.NONE);

    // then
    assertThat(report.format()).isEqualTo(ImportFormat.GENERIC);
    assertThat(report.problems()).isEmpty();
    assertThat(report.write()).isEqualTo(new ProspectWrite(5, 0, 0, 0));
    assertThat(report.columns())
        .containsEntry("Profile", "profileUrl")
        .containsEntry("Mail", "email")
        .containsEntry("Region", "location");
    assertThat(report.ignoredColumns()).isEmpty();

    ProspectProfile henrik = person("https://www.linkedin.com/in/henrik-sorensen-dk");
    assertThat(henrik.fullName()).isEqualTo("Henrik Sørensen");
    assertThat(henrik.title()).isEqualTo("VP Sales");
    assertThat(henrik.company()).isEqualTo("Fjordline Robotics");
    assertThat(henrik.email()).isEqualTo(email("henrik.sorensen@fjordline-robotics.dk"));
    assertThat(henrik.location()).isEqualTo("Copenhagen, Denmark");
    assertThat(person("https://www.linkedin.com/in/isabel-fernandez-2a7").email()).isNull();
    assertThat(person("https://www.linkedin.com/in/maximilian-krueger").seniority())
        .isEqualTo(Seniority.C_SUITE);
  }

  @Test
  void aMapNamingAColumnTheFileLacksListsTheFilesColumns() {
    // given
    ImportOptions options =
        new ImportOptions(
            null,
            Map.of("LinkedIn Profile", ProspectField.PROFILE_URL, "Mail", ProspectField.EMAIL),
            Set.of(),
            false);

    // when / then
    assertThatThrownBy(
            () -> prospectImport.run(fixture("custom-columns.csv"), options, ImportProgress.NONE))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("--map 'LinkedIn Profile=profileUrl'")
        .hasMessageContaining("the file has no column 'LinkedIn Profile'")
        .hasMessageContaining(
            "its columns are: Given name, Family name, Role, Organisation, Profile, Mail, Region");
    assertThat(storedCount()).isZero();
  }

  @Test
  void readsEscapedQuotesAndLineBreaksInsideQuotedValues() {
    // when
    ImportReport report = importFixture("quoted-and-multiline.csv");

    // then
    assertThat(report.delimiter()).isEqualTo("comma");
    assertThat(report.rows()).isEqualTo(5);
    assertThat(report.problems()).isEmpty();
    assertThat(report.write().created()).isEqualTo(5);

    ProspectProfile conor = person("https://www.linkedin.com/in/conor-osullivan-5b1e");
    assertThat(conor.title()).isEqualTo("VP, Sales \"EMEA\"");
    assertThat(conor.lastName()).isEqualTo("O'Sullivan");
    assertThat(person("https://www.linkedin.com/in/marie-claire-bonnet").location())
        .isEqualTo("Lyon\nAuvergne-Rhône-Alpes, France");
    assertThat(person("https://www.linkedin.com/in/david-smith-sjp").company())
        .isEqualTo("Smith; Jones & Partners");
    assertThat(person("https://www.linkedin.com/in/kwame-mensah-3f2").email()).isNull();
  }

  // --- Files that are not prospect lists --------------------------------------------------

  @Test
  void refusesAnExcelWorkbookSayingHowToExportItAsCsv() {
    assertThatThrownBy(() -> importFixture("not-a-csv.xlsx"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("is not a CSV file")
        .hasMessageContaining("export it as CSV first")
        .hasMessageContaining("Save As > CSV UTF-8");
  }

  @Test
  void refusesAnImageSayingHowToExportACsv() {
    assertThatThrownBy(() -> importFixture("not-a-csv.png"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("is not a CSV file")
        .hasMessageContaining("image")
        .hasMessageContaining("export it as CSV first");
  }

  @Test
  void refusesAnEmptyFile() throws IOException {
    Path file = write("empty.csv", "", UTF_8);

    assertThatThrownBy(
            () -> prospectImport.run(file, ImportOptions.defaults(), ImportProgress.NONE))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("empty.csv")
        .hasMessageContaining("is empty");
    assertThat(storedCount()).isZero();
  }

  @Test
  void aFileWithOnlyAHeaderImportsNobody() throws IOException {
    // given
    Path file = write("header-only.csv", "First Name,Last Name,Title,LinkedIn URL,Email\n", UTF_8);

    // when
    ImportReport report = prospectImport.run(file, ImportOptions.defaults(), ImportProgress.NONE);

    // then
    assertThat(report.rows()).isZero();
    assertThat(report.problems()).isEmpty();
    assertThat(report.write()).isEqualTo(new ProspectWrite(0, 0, 0, 0));
    assertThat(storedCount()).isZero();
  }

  @Test
  void skipsRowsWithNothingButDelimitersAsExcelLeavesThem() throws IOException {
    // given a sheet whose formatted but empty rows were saved as bare delimiters
    Path file =
        write(
            "trailing-empty-rows.csv",
            "First Name,Last Name,Title,LinkedIn URL,Email\n"
                + "Ana,Silva,VP Sales,https://www.linkedin.com/in/ana-silva,\n"
                + ",,,,\n"
                + "Bo,Lind,CTO,https://www.linkedin.com/in/bo-lind,\n"
                + ", , ,,\n"
                + ",,,,\n",
            UTF_8);

    // when
    ImportReport report = prospectImport.run(file, ImportOptions.defaults(), ImportProgress.NONE);

    // then
    assertThat(report.problems()).isEmpty();
    assertThat(report.rows()).isEqualTo(2);
    assertThat(report.stored()).isTrue();
    assertThat(storedCount()).isEqualTo(2);
  }

  @Test
  void refusesAFileWithoutARecognisableHeader() throws IOException {
    Path file = write("no-header.csv", "Ana,Silva,VP Sales\nBo,Lind,CTO\n", UTF_8);

    assertThatThrownBy(
            () -> prospectImport.run(file, ImportOptions.defaults(), ImportProgress.NONE))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("has no header row")
        .hasMessageContaining("--map COLUMN=FIELD");
  }

  @Test
  void refusesAFileThatDoesNotExist() {
    Path missing = folder.resolve("Connections.csv");

    assertThatThrownBy(
            () -> prospectImport.run(missing, ImportOptions.defaults(), ImportProgress.NONE))
        .isInstanceOf(UserError.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  // --- Tags, do-not-contact and erasure ---------------------------------------------------

  @Test
  void tagsFromTheOptionsGoOnEveryRow() {
    // given
    ImportOptions options =
        new ImportOptions(null, Map.of(), Set.of("q3-fintech", "salesnav"), false);

    // when
    prospectImport.run(fixture("salesnav-leads-tab.tsv"), options, ImportProgress.NONE);

    // then
    assertThat(everyone())
        .hasSize(5)
        .allSatisfy(p -> assertThat(p.tags()).containsExactlyInAnyOrder("q3-fintech", "salesnav"));
    assertThat(store.prospects().countProspects(new ProspectQuery(null, "q3-fintech", null, 10, 0)))
        .isEqualTo(5);
  }

  @Test
  void tagsFromTheOptionsAreMergedWithTheRowsOwnTags() throws IOException {
    // given
    Path file =
        write(
            "tagged.csv",
            "First Name,Last Name,LinkedIn URL,Tags\n"
                + "Ana,Silva,https://www.linkedin.com/in/ana-silva,\"SaaS; DACH, ABM Target\"\n"
                + "Bo,Lind,https://www.linkedin.com/in/bo-lind,\n",
            UTF_8);
    ImportOptions options = new ImportOptions(null, Map.of(), Set.of("q3-fintech"), false);

    // when
    prospectImport.run(file, options, ImportProgress.NONE);

    // then
    assertThat(person("https://www.linkedin.com/in/ana-silva").tags())
        .containsExactlyInAnyOrder("saas", "dach", "abm-target", "q3-fintech");
    assertThat(person("https://www.linkedin.com/in/bo-lind").tags()).containsExactly("q3-fintech");
  }

  @Test
  void tagsFromALaterImportAreAddedToThoseAlreadyStored() {
    // given
    prospectImport.run(
        fixture("salesnav-leads-tab.tsv"),
        new ImportOptions(null, Map.of(), Set.of("first-batch"), false),
        ImportProgress.NONE);

    // when
    ImportReport report =
        prospectImport.run(
            fixture("salesnav-leads-tab.tsv"),
            new ImportOptions(null, Map.of(), Set.of("second-batch"), false),
            ImportProgress.NONE);

    // then
    assertThat(report.write()).isEqualTo(new ProspectWrite(0, 5, 0, 0));
    assertThat(everyone())
        .allSatisfy(
            p -> assertThat(p.tags()).containsExactlyInAnyOrder("first-batch", "second-batch"));
  }

  @Test
  void keepsPeopleOnTheDoNotContactListOut() {
    // given one person listed by profile (written differently) and one by email
    store
        .doNotContact()
        .addDoNotContact(ProfileUrl.of("https://de.linkedin.com/in/MarcusBell/"), null, "asked");
    store
        .doNotContact()
        .addDoNotContact(null, email("Jonas.Weber@NorthbeamLogistics.com"), "unsubscribed");

    // when
    ImportReport report = importFixture("linkedin-connections.csv");

    // then
    assertThat(report.stored()).isTrue();
    assertThat(report.write()).isEqualTo(new ProspectWrite(10, 0, 0, 2));
    assertThat(storedCount()).isEqualTo(10);
    assertThat(store.prospects().prospectByUrl(ProfileUrl.of("linkedin.com/in/marcusbell")))
        .isEmpty();
    assertThat(store.prospects().prospectByUrl(ProfileUrl.of("linkedin.com/in/jonas-weber-81b4")))
        .isEmpty();
  }

  @Test
  void aForgottenPersonDoesNotComeBackThroughAReimport() {
    // given
    importFixture("linkedin-connections.csv");
    long marcusId = stored("https://www.linkedin.com/in/marcusbell").id();
    store.prospects().forgetProspect(marcusId);

    // when the same export, and a later one, are imported again
    ImportReport again = importFixture("linkedin-connections.csv");
    ImportReport later = importFixture("linkedin-connections-updated.csv");

    // then
    assertThat(again.write()).isEqualTo(new ProspectWrite(0, 0, 11, 1));
    assertThat(later.write().keptOut()).isEqualTo(1);
    assertThat(storedCount()).isEqualTo(13);
    assertThat(store.prospects().prospectByUrl(ProfileUrl.of("linkedin.com/in/marcusbell")))
        .isEmpty();
    assertThat(everyone()).extracting(ProspectProfile::fullName).doesNotContain("Marcus Bell");
  }

  @Test
  void aForgottenEmailOnlyPersonDoesNotComeBackEither() {
    // given
    importFixture("hubspot-contacts.csv");
    Prospect aoife =
        store.prospects().prospects(new ProspectQuery("Aoife", null, null, 10, 0)).stream()
            .findFirst()
            .orElseThrow();
    store.prospects().forgetProspect(aoife.id());

    // when
    ImportReport again = importFixture("hubspot-contacts.csv");

    // then
    assertThat(again.write().keptOut()).isEqualTo(1);
    assertThat(store.prospects().countProspects(new ProspectQuery("Aoife", null, null, 10, 0)))
        .isZero();
  }

  // --- Progress ---------------------------------------------------------------------------

  @Test
  void reportsProgressForReadingAndThenStoring() {
    // given
    List<String> phases = new ArrayList<>();
    ImportProgress progress = (phase, done, total) -> phases.add(phase + " " + done + "/" + total);

    // when
    prospectImport.run(fixture("salesnav-leads-tab.tsv"), ImportOptions.defaults(), progress);

    // then
    assertThat(phases).containsExactly("reading 7/7", "storing 0/5", "storing 5/5");
  }

  // --- helpers ----------------------------------------------------------------------------

  private ImportReport importFixture(String name) {
    return prospectImport.run(fixture(name), ImportOptions.defaults(), ImportProgress.NONE);
  }

  private static ImportOptions skippingInvalidRows() {
    return new ImportOptions(null, Map.of(), Set.of(), true);
  }

  private static Path fixture(String name) {
    try {
      return Path.of(ProspectImportTest.class.getResource("/import/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path write(String name, String text, Charset charset) throws IOException {
    Path file = folder.resolve(name);
    Files.write(file, text.getBytes(charset));
    return file;
  }

  private long storedCount() {
    return store.prospects().countProspects(ProspectQuery.all(1));
  }

  private List<ProspectProfile> everyone() {
    return store.prospects().prospects(ProspectQuery.all(ProspectQuery.MAX_LIMIT)).stream()
        .map(Prospect::profile)
        .toList();
  }

  private Prospect stored(String profileUrl) {
    return store
        .prospects()
        .prospectByUrl(ProfileUrl.of(profileUrl))
        .orElseThrow(() -> new AssertionError("nobody stored at " + profileUrl));
  }

  private ProspectProfile person(String profileUrl) {
    return stored(profileUrl).profile();
  }

  private static EmailAddress email(String address) {
    return EmailAddress.parse(address).orElseThrow();
  }

  private static ProspectProfile byFirstName(List<ProspectProfile> people, String firstName) {
    return people.stream()
        .filter(p -> p.firstName().equals(firstName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("nobody called " + firstName));
  }

  private static String reasonOnLine(ImportReport report, long line) {
    return report.problems().stream()
        .filter(p -> p.line() == line)
        .map(RowProblem::reason)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no problem reported on line " + line));
  }
}
