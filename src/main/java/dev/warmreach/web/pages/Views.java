package dev.warmreach.web.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the dashboard's jte templates (compiled to classes at build time, under {@code
 * src/main/jte}). Every page answer carries a Content-Security-Policy that allows only this
 * server's own scripts and styles, so text a prospect or a CSV put on a page cannot run.
 */
public final class Views {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none';"
          + " object-src 'none'";

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
  private final Assets assets;

  public Views(Assets assets) {
    this.assets = assets;
  }

  public Assets assets() {
    return assets;
  }

  /** The chrome of a page in {@code section} for the signed-in user of {@code ctx}. */
  public Chrome chrome(Context ctx, String title, Chrome.Section section) {
    return Chrome.of(ctx, title, section, assets);
  }

  /**
   * Renders {@code template} (a path under {@code src/main/jte}, e.g. {@code "today/today.jte"})
   * with the named parameters its {@code @param} lines declare.
   */
  public void render(Context ctx, String template, Map<String, Object> params) {
    ctx.html(html(template, params));
    secure(ctx);
  }

  /** Renders a whole page: {@code chrome} and {@code model} are its two parameters. */
  public void page(Context ctx, String template, Chrome chrome, Object model) {
    Map<String, Object> params = new HashMap<>();
    params.put("chrome", chrome);
    params.put("model", model);
    render(ctx, template, params);
  }

  /** The HTML of {@code template}, for fragments htmx swaps in and for tests. */
  public String html(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput(8192);
    engine.render(template, params, out);
    return out.toString();
  }

  /** The headers every dashboard answer carries. */
  public static void secure(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Cache-Control", "no-store");
  }

  /** True for a request htmx made (it swaps the answer into the page instead of loading it). */
  public static boolean fromHtmx(Context ctx) {
    return "true".equals(ctx.header("HX-Request"));
  }
}
