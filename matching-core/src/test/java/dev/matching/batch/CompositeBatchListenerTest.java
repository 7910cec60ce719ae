package dev.matching.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BatchListener#composite}: every method of the interface reaches every listener, each failure isolated. */
class CompositeBatchListenerTest {

  private static BatchListener proxy(List<String> heard, boolean throwing) {
    return (BatchListener) Proxy.newProxyInstance(BatchListener.class.getClassLoader(),
        new Class<?>[] {BatchListener.class}, (self, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.getName().equals("equals") ? self == args[0]
                : method.getName().equals("hashCode") ? System.identityHashCode(self) : "listener";
          }
          heard.add(method.getName());
          if (throwing) {
            throw new IllegalStateException("listener bug");
          }
          return null;
        });
  }

  @Test
  void everyEventReachesEveryListenerEvenAfterOneThrows() throws Exception {
    List<String> first = Collections.synchronizedList(new ArrayList<>());
    List<String> second = Collections.synchronizedList(new ArrayList<>());
    BatchListener composite = BatchListener.composite(List.of(proxy(first, true), proxy(second, false)));
    List<String> events = new ArrayList<>();

    for (Method method : BatchListener.class.getMethods()) {
      if (Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      Object[] args = Arrays.stream(method.getParameterTypes())
          .map(type -> type == long.class ? (Object) 0L : type == int.class ? (Object) 0 : null).toArray();
      method.invoke(composite, args);
      events.add(method.getName());
    }

    assertThat(events).as("the interface's events").contains("assignmentComputed", "runFinished", "leaseLost")
        .hasSize(5);
    assertThat(first).as("the throwing listener heard each").containsExactlyElementsOf(events);
    assertThat(second).as("the listener after it heard each too").containsExactlyElementsOf(events);
  }
}
