package dev.warmreach.message;

import dev.warmreach.domain.Plan;

/** Test data builder: {@code aContext().named("Ana", "Silva").onPlan(Plan.FREE).build()}. */
final class AContext {

  private long id = 42;
  private String firstName = "Ana";
  private String lastName = "Silva";
  private String company = "Northwind";
  private String title = "Head of Growth";
  private String location = "Lisbon";
  private String senderName = "Sam Carter";
  private String senderCompany = "Brightline";
  private String account = "sdr-1";
  private Plan plan = Plan.SALES_NAVIGATOR;
  private String postTopic = "";
  private String mutualConnection = "";
  private String signal = "";
  private String lastTouch = "";

  private AContext() {}

  static AContext aContext() {
    return new AContext();
  }

  AContext withId(long id) {
    this.id = id;
    return this;
  }

  AContext named(String first, String last) {
    this.firstName = first;
    this.lastName = last;
    return this;
  }

  AContext workingAt(String company) {
    this.company = company;
    return this;
  }

  AContext titled(String title) {
    this.title = title;
    return this;
  }

  AContext in(String location) {
    this.location = location;
    return this;
  }

  AContext from(String senderName, String senderCompany) {
    this.senderName = senderName;
    this.senderCompany = senderCompany;
    return this;
  }

  AContext onPlan(Plan plan) {
    this.plan = plan;
    return this;
  }

  AContext whoPostedAbout(String topic) {
    this.postTopic = topic;
    return this;
  }

  AContext knownThrough(String mutualConnection) {
    this.mutualConnection = mutualConnection;
    return this;
  }

  AContext afterSignal(String signal) {
    this.signal = signal;
    return this;
  }

  AContext afterTouch(String lastTouch) {
    this.lastTouch = lastTouch;
    return this;
  }

  MessageContext build() {
    return new MessageContext(
        new MessageContext.Recipient(id, firstName, lastName, company, title, location),
        new MessageContext.Sender(senderName, senderCompany, account, plan),
        new MessageContext.History(postTopic, mutualConnection, signal, lastTouch));
  }
}
