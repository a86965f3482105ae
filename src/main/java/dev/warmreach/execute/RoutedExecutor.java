package dev.warmreach.execute;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Touch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several executors as one: each touch goes to the first of them that carries it out (so an SMTP
 * executor listed before a webhook takes the email, and the LinkedIn provider listed before a
 * webhook takes the LinkedIn steps of the accounts linked to it, the webhook the others'); when
 * none says it carries that touch, the first on its channel takes it (and says why it waits). A
 * channel none carries out waits in the task inbox. Thread-safe when its executors are.
 */
public final class RoutedExecutor implements Executor {

  private final List<Executor> executors;
  private final Map<Channel, Executor> byChannel = new EnumMap<>(Channel.class);
  private final Map<Channel, List<Executor>> allByChannel = new EnumMap<>(Channel.class);

  public RoutedExecutor(List<Executor> executors) {
    this.executors = List.copyOf(executors);
    for (Executor executor : this.executors) {
      for (Channel channel : executor.channels()) {
        byChannel.putIfAbsent(channel, executor);
        allByChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(executor);
      }
    }
  }

  @Override
  public Set<Channel> channels() {
    return Collections.unmodifiableSet(byChannel.keySet());
  }

  @Override
  public void execute(Touch touch) {
    Executor executor = byChannel.get(touch.channel());
    if (executor == null) {
      throw new IllegalArgumentException(
          "no executor carries out " + touch.channel() + " touches; it belongs in the task inbox");
    }
    List<Executor> candidates = allByChannel.get(touch.channel());
    if (candidates.size() > 1) {
      executor = candidates.stream().filter(e -> e.carries(touch)).findFirst().orElse(executor);
    }
    executor.execute(touch);
  }

  @Override
  public int runDue() {
    int work = 0;
    for (Executor executor : executors) {
      work += executor.runDue();
    }
    return work;
  }

  @Override
  public boolean storeOnly() {
    return executors.stream().allMatch(Executor::storeOnly);
  }

  /** Which executor takes each channel, for people: e.g. {EMAIL=SmtpExecutor}. */
  public Map<Channel, String> routes() {
    Map<Channel, String> routes = new EnumMap<>(Channel.class);
    byChannel.forEach(
        (channel, executor) -> routes.put(channel, executor.getClass().getSimpleName()));
    return routes;
  }
}
