package dev.warmreach.domain;

import static dev.warmreach.domain.Seniority.C_SUITE;
import static dev.warmreach.domain.Seniority.DIRECTOR;
import static dev.warmreach.domain.Seniority.INDIVIDUAL;
import static dev.warmreach.domain.Seniority.MANAGER;
import static dev.warmreach.domain.Seniority.UNKNOWN;
import static dev.warmreach.domain.Seniority.VP;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a seniority from a free-text LinkedIn title or headline, in English and the languages
 * common on European profiles. Pure and thread-safe: the rule tables are immutable.
 *
 * <p>A title is cut into roles at separators ("VP Sales | Advisor"), and the most senior role wins.
 * Within one role the {@link #RULES} run in order and each match claims the words it read, so a
 * specific phrase ("Vice President", "Chief of Staff", "Product Manager") is read before the
 * broader word inside it ("President", "Chief", "Manager") can be.
 */
final class TitleSeniority {

  private static final Pattern SEPARATORS = Pattern.compile("[|/,;·•–—]| - ");

  /** Text after " at " or "@" names the employer ("Engineer at Chief"), never a role. */
  private static final Pattern EMPLOYER = Pattern.compile("(\\s(at|chez|bei)\\s|@).*");

  private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

  /**
   * Replaces claimed words; a word of its own, so "Partner Success Manager" leaves no "Partner".
   */
  private static final String CLAIMED = " _ ";

  private record Rule(Seniority level, Pattern pattern) {}

  private static final List<Rule> RULES =
      List.of(
          // Not a current role: past jobs, job hunting, headline fluff. Claimed, but adds nothing.
          rule(
              UNKNOWN,
              "(ex|former|formerly|previously|retired|looking for|seeking|open to)\\b.*",
              "(helping|i help|we help)\\b.*",
              "thought leader",
              // "CRO Specialist" optimises conversion rates; no chief revenue officer there.
              "cro(?= (specialist|consultant|analyst|manager|expert|strategist))"),
          // Working for or beside a senior person is not being one.
          rule(
              INDIVIDUAL,
              "assist\\w* (to|for|of|de|du|der|des)\\b.*",
              "ea to\\b.*",
              "office of\\b.*",
              "(ceo|cfo|coo|cto|founder|president) s \\w+"),
          // Runs the executive's agenda, owns no function: director level. Likewise the consulting
          // rank below partner.
          rule(DIRECTOR, "chief of staff( to\\b.*)?", "associate partner"),
          rule(MANAGER, "group product manager\\w*"),
          // Here "manager", "owner" and "lead" name what is looked after, not people managed: a
          // product or account manager has no reports, so these are individual contributors.
          rule(
              INDIVIDUAL,
              "(product|product marketing|project|program|programme|technical program|account"
                  + "|partner|partner success|partner marketing|customer success|client success"
                  + "|community|social media|content|office|case|relationship) manager\\w*",
              "(projekt|produkt)manager\\w*|chef de projet|jefe de proyecto|projektleiter\\w*",
              "(product|process) owner",
              "(business|hr|people|finance|talent|channel|strategic) partner",
              "tech(nical)? lead",
              "advisory board( member)?"),
          // A German -leiter heads what the prefix names: a team, group, department or branch is
          // line management; a division or function (Bereichsleiter, Leiter Vertrieb) is head-of.
          rule(MANAGER, "(team|gruppen|abteilungs|filial|schicht)leiter\\w*", "team ?lead(er)?"),
          // A general or country manager runs a business unit end to end, a VP's scope.
          rule(
              VP,
              "(vice|vize) ?(president|prasident|praesident)\\w*",
              "general manager|gm|country manager"),
          // Managing directors, partners and owners run the firm: in the UK and Germany "Managing
          // Director" is the chief executive's legal title, and a partner co-owns the business.
          // The Romance-language "general director" and Italy's "amministratore delegato" are CEOs.
          // A chief is C-suite only as "Chief ... Officer"; a Chief Engineer or Architect is
          // director level (below). An Executive Director stays a director.
          rule(
              C_SUITE,
              "managing (director|partner)|non executive director",
              "board (member|director|of directors|chair\\w*)|member of the board",
              "chief (\\w+ ){1,3}officer|chief exec\\w*",
              "(director|directora|directeur|directrice|diretor|diretora) (general|geral)\\w*",
              "algemeen directeur|gerente general|(amministratore|consejero) (delegato|delegado)"),
          rule(
              C_SUITE,
              "ceo|cto|cfo|coo|cro|cmo|cpo|cio|ciso|chro|cco|cso|cdo|cxo|pdg|dg",
              "(co)?founder|(co)?fondat(eur|rice)|fondatore|(co)?fundador(a)?",
              "(mit)?gr(u|ue)nder(in)?|oprichter",
              "owner|inhaber(in)?|eigenaar|proprietaire|propietari[oa]|gerant(e)?",
              "(managing|general|founding|senior|equity|venture|operating) partner|^partner$",
              "president\\w*|pr(a|ae)sident\\w*|chair(man|woman|person)?|vorsitzende\\w*",
              "gesch(a|ae)ftsf(u|ue)hr\\w*|gesellschafter\\w*|vorstand\\w*|aufsichtsrat\\w*"),
          rule(VP, "vp|svp|evp|avp|rvp"),
          rule(
              DIRECTOR,
              "director(a|s)?|directeur|directrice|diretor(a)?|direktor(in)?|direttore|direttrice",
              "dir|head|hoofd|chief|\\w*leiter(in)?"),
          // "Lead" closing a title ("Sales Lead") manages a team; "Lead Engineer" is a senior
          // individual-contributor grade and falls through to the engineer below.
          rule(
              MANAGER,
              "manager\\w*|mgr|supervisor|superviseur|responsab(le|ile)|gerente|jef[ea]",
              "chef (de|des|du|d)|encargad[oa]|teamleider|lead(er)?$"),
          rule(
              INDIVIDUAL,
              "engineer\\w*|ingenieur\\w*|ingeniero|ingegnere|developer|entwickler\\w*",
              "developpeur\\w*|desarrollador\\w*|programmer|analyst|analyste|analista|scientist",
              "researcher|designer|architect|consultant\\w*|berater\\w*|consultor\\w*",
              "specialist|specialiste|spezialist\\w*|especialista|representative|rep|sdr|bdr|ae",
              "associate|coordinator|intern|internship|stagiaire|praktikant\\w*|trainee",
              "apprentice|alternant\\w*|werkstudent\\w*|student|etudiant\\w*|estudiante",
              "candidate|freelancer?|self employed|contractor|recruiter|sourcer|accountant",
              "bookkeeper|administrator|assistant\\w*|advis[eo]r|officer|executive|strategist",
              "writer|copywriter|editor|marketer|technician|agent|teacher|professor|lecturer",
              "doctor|physician|nurse|lawyer|attorney|counsel|paralegal|buyer|planner|auditor",
              "partner|mitarbeiter\\w*|sachbearbeiter\\w*|referent\\w*|commercial|vendedor\\w*",
              "charge\\w* (d|de|du|des)|evangelist|advocate|tester|member of technical staff"));

  private TitleSeniority() {}

  static Seniority classify(String title) {
    if (title == null || title.isBlank()) {
      return UNKNOWN;
    }
    Seniority highest = UNKNOWN;
    for (String role : SEPARATORS.split(fold(title))) {
      highest = higher(highest, classifyRole(words(role)));
    }
    return highest;
  }

  /** Lower case without accents, so "Président" and "President" read alike. */
  private static String fold(String title) {
    String decomposed = Normalizer.normalize(title.replace("ß", "ss"), Normalizer.Form.NFD);
    return DIACRITICS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
  }

  /** One role's words, employer cut off and punctuation dropped: "sr. dir." becomes "sr dir". */
  private static String words(String role) {
    String withoutEmployer = EMPLOYER.matcher(role).replaceFirst("");
    return NON_WORD.matcher(withoutEmployer).replaceAll(" ").trim();
  }

  private static Seniority classifyRole(String words) {
    Seniority highest = UNKNOWN;
    String unclaimed = words;
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(unclaimed);
      if (matcher.find()) {
        highest = higher(highest, rule.level());
        unclaimed = matcher.replaceAll(CLAIMED);
      }
    }
    return highest;
  }

  /** Seniority lists the most senior first and UNKNOWN last, so the lower ordinal is higher. */
  private static Seniority higher(Seniority a, Seniority b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Whole words only, so "cto" never matches inside "director" nor "svp" inside "svpanel". */
  private static Rule rule(Seniority level, String... alternatives) {
    return new Rule(level, Pattern.compile("\\b(?:" + String.join("|", alternatives) + ")\\b"));
  }
}
