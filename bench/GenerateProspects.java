import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Writes a Sales Navigator-style lead list of N realistic rows to standard output, for the import
 * benchmark. Run with: java bench/GenerateProspects.java 100000 > leads.csv
 */
public final class GenerateProspects {

  private static final String[] FIRST = {
    "Ana", "Ben", "Chloé", "Dmitri", "Elif", "Farah", "Gustav", "Hana", "Iker", "Jana", "Kenji",
    "Léa", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tomás", "Uma", "Viktor",
    "Wen", "Ximena", "Yusuf", "Zoë", "Łukasz", "Ngọc", "Siobhán", "Jürgen"
  };
  private static final String[] LAST = {
    "Silva", "Okafor", "Müller", "Novak", "Kaya", "Haddad", "Berg", "Sato", "Etxeberria", "Dvořák",
    "Watanabe", "Moreau", "Álvarez", "Rahman", "Lindqvist", "Raman", "Fontaine", "Reyes", "Holm",
    "García", "Patel", "Ivanov", "Li", "Castro", "Demir", "Hayes", "Wójcik", "Nguyễn", "O'Brien"
  };
  private static final String[] TITLES = {
    "CEO", "Co-founder & CTO", "VP Sales", "SVP, Revenue", "Head of Growth", "Director of Marketing",
    "Sales Manager", "Engineering Manager", "Account Executive", "Software Engineer",
    "Geschäftsführer", "Directeur commercial", "Founder | Building the future of B2B sales",
    "Senior Product Designer", "Chief of Staff", "Sr. Manager, Demand Generation"
  };
  private static final String[] COMPANIES = {
    "Northwind", "Acme, Inc.", "Fjordline Robotics", "Pinecrest Data", "Blue Heron Talent",
    "Cartésia", "Quorra Pay", "Lumen Health", "Orbe Marketing Cloud", "Tessellate AI"
  };
  private static final String[] PLACES = {
    "Berlin, Germany", "Paris, Île-de-France, France", "London, England, United Kingdom",
    "Austin, Texas, United States", "São Paulo, Brazil", "Tokyo, Japan", "Kraków, Poland"
  };
  private static final String[] ACTIVITY = {"HIGH", "MEDIUM", "MEDIUM", "LOW", "LOW"};

  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Random random = new Random(42);
    try (BufferedWriter out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
      out.write("First Name,Last Name,Title,Company,LinkedIn URL,Location,Email,Activity,Tags\n");
      for (int i = 0; i < rows; i++) {
        String first = pick(random, FIRST);
        String last = pick(random, LAST);
        String company = pick(random, COMPANIES);
        String slug = (ascii(first) + "-" + ascii(last) + "-" + Integer.toHexString(i)).toLowerCase();
        String email =
            random.nextInt(10) < 6 ? ascii(first).toLowerCase() + "." + i + "@example.com" : "";
        out.write(
            String.join(
                ",",
                csv(first),
                csv(last),
                csv(pick(random, TITLES)),
                csv(company),
                "https://www.linkedin.com/in/" + slug,
                csv(pick(random, PLACES)),
                email,
                pick(random, ACTIVITY),
                random.nextBoolean() ? "bench" : "bench;saas"));
        out.write('\n');
      }
    }
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String ascii(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
        .replaceAll("[^A-Za-z]", "");
  }

  private static String csv(String value) {
    return value.contains(",") || value.contains("\"") || value.contains("'")
        ? "\"" + value.replace("\"", "\"\"") + "\""
        : value;
  }
}
