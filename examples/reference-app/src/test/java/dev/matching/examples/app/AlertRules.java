package dev.matching.examples.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the metric names out of a Prometheus rules file, a Grafana dashboard and a Prometheus scrape. */
final class AlertRules {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> PROMQL_WORDS = Set.of("sum", "avg", "min", "max", "count", "rate", "irate",
      "increase", "delta", "histogram_quantile", "time", "by", "without", "on", "ignoring", "group_left",
      "group_right", "and", "or", "unless", "bool", "absent", "clamp_min", "clamp_max", "vector", "scalar");

  private AlertRules() {}

  /** The metric names used by the {@code expr} of every rule of {@code rulesFile}. */
  @SuppressWarnings("unchecked")
  static Set<String> metricNames(Path rulesFile) throws IOException {
    Map<String, Object> root;
    try (Reader in = Files.newBufferedReader(rulesFile)) {
      root = new Yaml().load(in);
    }
    Set<String> names = new TreeSet<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
      for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
        names.addAll(metricNamesOf(String.valueOf(rule.get("expr"))));
      }
    }
    return names;
  }

  /** The metric names used by the {@code expr} of every panel target of a Grafana dashboard JSON. */
  static Set<String> dashboardMetricNames(Path dashboardFile) throws IOException {
    Set<String> names = new TreeSet<>();
    collectExpressions(JsonMapper.builder().build().readTree(dashboardFile.toFile()), names);
    return names;
  }

  private static void collectExpressions(JsonNode node, Set<String> names) {
    if (node.isObject()) {
      JsonNode expr = node.get("expr");
      if (expr != null && expr.isString()) {
        names.addAll(metricNamesOf(expr.asString()));
      }
    }
    for (JsonNode child : node) {
      collectExpressions(child, names);
    }
  }

  /** The metric names of one PromQL expression: identifiers outside label matchers, groupings and ranges. */
  static Set<String> metricNamesOf(String expr) {
    String bare = expr.replaceAll("\\{[^}]*}", " ")
        .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
        .replaceAll("\\[[^]]*]", " ")
        .replaceAll("\"[^\"]*\"", " ")
        .replaceAll("\\b\\d+(\\.\\d+)?(e[+-]?\\d+)?\\b", " ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      if (!PROMQL_WORDS.contains(m.group())) {
        names.add(m.group());
      }
    }
    return names;
  }

  /** The metric names of a Prometheus text exposition. */
  static Set<String> exportedNames(String scrape) {
    Set<String> names = new TreeSet<>();
    for (String line : scrape.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        Matcher m = IDENTIFIER.matcher(line);
        if (m.lookingAt()) {
          names.add(m.group());
        }
      }
    }
    return names;
  }
}
