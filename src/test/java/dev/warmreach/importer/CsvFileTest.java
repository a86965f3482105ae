package dev.warmreach.importer;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warmreach.domain.UserError;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

  private static final Path NAME = Path.of("leads.csv");
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir Path folder;

  @Test
  void detectsACommaDelimiter() {
    CsvFile csv = csv("First Name,Last Name,Title\nAna,Silva,VP Sales\nBo,Lind,CTO\n");

    assertThat(csv.delimiter()).isEqualTo(',');
    assertThat(csv.delimiterName()).isEqualTo("comma");
  }

  @Test
  void detectsASemicolonDelimiterWhenCommasAreOnlyInsideQuotes() {
    // given European Excel output: semicolons between cells, commas inside quoted places
    String text =
        "First Name;Last Name;Location\n"
            + "Jürgen;Weißmüller;\"München, Bayern, Deutschland\"\n"
            + "Anja;Groß;\"Zürich, Zürich, Schweiz\"\n";

    // when
    CsvFile csv = csv(text);

    // then
    assertThat(csv.delimiter()).isEqualTo(';');
    assertThat(csv.delimiterName()).isEqualTo("semicolon");
  }

  @Test
  void detectsACommaDelimiterWhenSemicolonsAreOnlyInsideValues() {
    String text =
        "First Name,Last Name,Company\n"
            + "David,Smith,Smith; Jones & Partners\n"
            + "Ana,Silva,Northwind\n"
            + "Bo,Lind,\"Lind; Berg\"\n";

    assertThat(csv(text).delimiter()).isEqualTo(',');
  }

  @Test
  void detectsATabDelimiterEvenWhenValuesHoldUnquotedCommas() {
    String text =
        "First Name\tLast Name\tLocation\n"
            + "Olivia\tBennett\tAustin, Texas, United States\n"
            + "Rohan\tIyer\tBengaluru, Karnataka, India\n";

    CsvFile csv = csv(text);

    assertThat(csv.delimiter()).isEqualTo('\t');
    assertThat(csv.delimiterName()).isEqualTo("tab");
  }

  @Test
  void aQuotedLineBreakDoesNotConfuseDelimiterDetection() {
    String text =
        "First Name;Last Name;Position\n"
            + "Priya;Raman;\"Founder, CEO\nBuilding, shipping, selling\"\n"
            + "Ana;Silva;VP Sales\n";

    assertThat(csv(text).delimiter()).isEqualTo(';');
  }

  @Test
  void prefersACommaWhenNothingElseIsFound() {
    assertThat(CsvFile.detectDelimiter("")).isEqualTo(',');
    assertThat(CsvFile.detectDelimiter("just one column\nand another row\n")).isEqualTo(',');
  }

  @Test
  void readsPlainUtf8() {
    CsvFile csv = csv("First Name,Last Name\nJérôme,Noël\n娜,李\n");

    assertThat(csv.encoding()).isEqualTo("UTF-8");
    assertThat(csv.text()).isEqualTo("First Name,Last Name\nJérôme,Noël\n娜,李\n");
  }

  @Test
  void dropsAUtf8ByteOrderMarkAndSaysItWasThere() {
    // given
    byte[] bytes =
        concat(UTF8_BOM, "First Name;Last Name\r\nJürgen;Weißmüller\r\n".getBytes(UTF_8));

    // when
    CsvFile csv = CsvFile.of(NAME, bytes);

    // then
    assertThat(csv.encoding()).isEqualTo("UTF-8 with BOM");
    assertThat(csv.text()).startsWith("First Name").doesNotContain("\uFEFF");
    assertThat(csv.text()).contains("Jürgen;Weißmüller");
    assertThat(csv.delimiter()).isEqualTo(';');
  }

  @Test
  void refusesAUtf8ByteOrderMarkFollowedByOtherBytes() {
    byte[] bytes = concat(UTF8_BOM, "Name\nJos\u00e9\n".getBytes(Charset.forName("windows-1252")));

    assertThatThrownBy(() -> CsvFile.of(NAME, bytes))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("leads.csv")
        .hasMessageContaining("not valid UTF-8")
        .hasMessageContaining("save it again as CSV UTF-8");
  }

  @Test
  void readsUtf16LittleEndianWithAByteOrderMarkAsExcelsUnicodeText() {
    // given what Excel's "Unicode Text" writes: UTF-16LE, a BOM, tabs, CRLF
    String text = "First Name\tLast Name\tLocation\r\nFrançoise\tLefèvre\tLyon, France\r\n";
    byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(UTF_16LE));

    // when
    CsvFile csv = CsvFile.of(NAME, bytes);

    // then
    assertThat(csv.encoding()).isEqualTo("UTF-16LE");
    assertThat(csv.text()).isEqualTo(text);
    assertThat(csv.delimiter()).isEqualTo('\t');
  }

  @Test
  void readsUtf16BigEndianWithAByteOrderMark() {
    String text = "First Name,Last Name\nSøren,Kühn\n";
    byte[] bytes = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(UTF_16BE));

    CsvFile csv = CsvFile.of(NAME, bytes);

    assertThat(csv.encoding()).isEqualTo("UTF-16BE");
    assertThat(csv.text()).isEqualTo(text);
  }

  @Test
  void refusesTextThatIsNotUtf8NamingTheLineTheByteAndTheFix() {
    // given a UTF-8 file with one byte that is not UTF-8 on line 3
    byte[] good = "First Name,Last Name\nZoë,Müller\n".getBytes(UTF_8);
    byte[] bytes = concat(good, new byte[] {'A', 'n', (byte) 0xE9, ',', 'X', '\n'});

    assertThatThrownBy(() -> CsvFile.of(NAME, bytes))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("leads.csv is not valid UTF-8")
        .hasMessageContaining("line 3, byte " + (good.length + 2) + " (0xE9)")
        .hasMessageContaining("--encoding windows-1252");
  }

  @Test
  void readsWindows1252OnlyWhenNamed() {
    // given what Excel on a Western European Windows saves as "CSV"
    String text = "First Name;Last Name;Company\nJosé;Muñoz;Société Générale – Paris\n";
    byte[] bytes = text.getBytes(Charset.forName("windows-1252"));

    // when
    CsvFile csv = CsvFile.of(NAME, bytes, Charset.forName("windows-1252"));

    // then
    assertThat(csv.encoding()).isEqualTo("windows-1252");
    assertThat(csv.text()).isEqualTo(text);
    assertThatThrownBy(() -> CsvFile.of(NAME, bytes)).hasMessageContaining("line 2");
  }

  @Test
  void refusesShiftJisUnlessNamedThenReadsItIntact() {
    Charset shiftJis = Charset.forName("Shift_JIS");
    String text = "First Name,Last Name,Company\n太郎,山田,株式会社サンプル\n";
    byte[] bytes = text.getBytes(shiftJis);

    assertThatThrownBy(() -> CsvFile.of(NAME, bytes))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("not valid UTF-8")
        .hasMessageContaining("--encoding Shift_JIS");
    assertThat(CsvFile.of(NAME, bytes, CsvFile.encodingNamed("shift_jis")).text()).isEqualTo(text);
  }

  @Test
  void refusesUtf16WithAByteOrderMarkThatIsCutShort() {
    byte[] text = "Name\nSøren\n".getBytes(UTF_16LE);
    byte[] bytes =
        concat(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text), new byte[] {0x3D, (byte) 0xD8});

    assertThatThrownBy(() -> CsvFile.of(NAME, bytes))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("not valid UTF-16LE")
        .hasMessageContaining("line 3");
  }

  @Test
  void anUnknownEncodingNameSaysWhichToUse() {
    assertThatThrownBy(() -> CsvFile.encodingNamed("latin-9000"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("'latin-9000'")
        .hasMessageContaining("windows-1252");
  }

  @Test
  void refusesAnExcelWorkbookWithAdvice() throws Exception {
    assertThatThrownBy(() -> CsvFile.read(fixture("not-a-csv.xlsx")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("not-a-csv.xlsx is not a CSV file")
        .hasMessageContaining("Excel workbook")
        .hasMessageContaining("File > Save As > CSV UTF-8");
  }

  @Test
  void refusesAnImage() throws Exception {
    assertThatThrownBy(() -> CsvFile.read(fixture("not-a-csv.png")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("not-a-csv.png is not a CSV file (it looks like an image)");
  }

  @Test
  void refusesAPdfAndOtherBinaryContent() {
    assertThatThrownBy(() -> CsvFile.of(NAME, "%PDF-1.7\n...".getBytes(UTF_8)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("a PDF document");
    assertThatThrownBy(() -> CsvFile.of(NAME, new byte[] {'N', 'a', 'm', 'e', 0, 1, 2}))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("a binary file");
  }

  @Test
  void refusesAFileThatDoesNotExistNamingIt() {
    Path missing = folder.resolve("Connections.csv");

    assertThatThrownBy(() -> CsvFile.read(missing))
        .isInstanceOf(UserError.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void refusesAFolder() {
    assertThatThrownBy(() -> CsvFile.read(folder))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("is a folder");
  }

  @Test
  void readsAFileFromDisk() throws IOException {
    // given
    Path file = folder.resolve("leads.tsv");
    Files.writeString(file, "First Name\tLast Name\nAna\tSilva\n");

    // when
    CsvFile csv = CsvFile.read(file);

    // then
    assertThat(csv.path()).isEqualTo(file);
    assertThat(csv.delimiter()).isEqualTo('\t');
    assertThat(csv.lineCount()).isEqualTo(3);
  }

  @Test
  void countsLinesForProgress() {
    assertThat(csv("").lineCount()).isEqualTo(1);
    assertThat(csv("a,b").lineCount()).isEqualTo(1);
    assertThat(csv("a,b\r\nc,d\r\n").lineCount()).isEqualTo(3);
  }

  @Test
  void refusesAQuoteThatIsNeverClosedNamingItsLine() {
    String text =
        "First Name,Last Name,Title,LinkedIn URL\n"
            + "Ana,Silva,\"VP Sales,https://www.linkedin.com/in/ana\n"
            + "Ben,Okafor,CTO,https://www.linkedin.com/in/ben\n";

    assertThatThrownBy(() -> csv(text))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("line 2 is never closed");
  }

  @Test
  void acceptsQuotesInsideValuesAndEscapedQuotes() {
    String text =
        "Name,Title,Screen\n"
            + "\"Dwayne \"\"Rock\"\" J\",\"VP, Sales\",27\" monitor\n"
            + "\"Multi\nline\",x,y\n";

    assertThat(csv(text).lineCount()).isEqualTo(5);
    assertThat(CsvFile.unclosedQuoteLine(text, ',')).isZero();
  }

  private static CsvFile csv(String text) {
    return CsvFile.of(NAME, text.getBytes(UTF_8));
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(CsvFileTest.class.getResource("/import/" + name).toURI());
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
