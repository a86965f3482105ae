package dev.warmreach.cli;

/** The program's entry point: runs the command line and exits with its status. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(WarmreachCli.run(args, System.getenv()));
  }
}
