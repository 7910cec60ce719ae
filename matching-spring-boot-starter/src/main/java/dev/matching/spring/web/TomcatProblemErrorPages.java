package dev.matching.spring.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts {@link ProblemErrorReportValve} in place of Tomcat's HTML error report valves (its own and
 * the one Spring Boot adds), so the requests Tomcat refuses by itself are answered problem+json
 * too. Runs after Boot's customizers.
 */
public final class TomcatProblemErrorPages implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>,
    Ordered {

  @Override
  public void customize(ConfigurableTomcatWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        for (Valve valve : host.getPipeline().getValves()) {
          if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
            host.getPipeline().removeValve(valve);
          }
        }
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
      }
    });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
