package dev.matching.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment files (compose.yaml, the Dockerfile, deploy/) agree with the app and with the
 * repository: images cannot be built or pulled in the build, so their configuration is checked
 * here. Every variable compose passes to the app is one the app's configuration reads, every file
 * it mounts exists, Prometheus scrapes job {@code matching} with the admin key and loads
 * docs/ops/alerts.yml, Grafana gets its data source and docs/ops/grafana-dashboard.json, and the
 * image runs the jar the build makes.
 */
class DeployFilesTest {
  private static final Path ROOT = Path.of("../..");
  private static final Path APP = Path.of(".");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file)) {
      Object root = new Yaml().load(in);
      assertThat(root).as("%s is a YAML mapping", file).isInstanceOf(Map.class);
      return (Map<String, Object>) root;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return (List<Object>) value;
  }

  private static Map<String, Object> service(String name) throws IOException {
    return map(map(yaml(ROOT.resolve("compose.yaml")).get("services")).get(name));
  }

  /** The environment variables of the app's configuration: every {@code ${NAME:...}} of application*.yml, with its default. */
  private static Map<String, String> placeholders() throws IOException {
    Map<String, String> names = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(APP.resolve("src/main/resources"))) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml")).toList()) {
        Matcher m = PLACEHOLDER.matcher(Files.readString(file));
        while (m.find()) {
          names.put(m.group(1), m.group(2) == null ? "" : m.group(2));
        }
      }
    }
    assertThat(names).containsKeys("MATCHING_DB_URL", "PORT");
    return names;
  }

  /** Container path -> repository file of the service's bind mounts ({@code ./x:/y[:ro]}). */
  private static Map<String, Path> bindMounts(Map<String, Object> service) {
    Map<String, Path> mounts = new LinkedHashMap<>();
    for (Object volume : list(service.getOrDefault("volumes", List.of()))) {
      String[] parts = String.valueOf(volume).split(":");
      if (parts[0].startsWith("./")) {
        mounts.put(parts[1], ROOT.resolve(parts[0]).normalize());
      }
    }
    return mounts;
  }

  /** The repository file mounted at {@code containerPath}, directly or inside a mounted directory. */
  private static Path mountedAt(Map<String, Object> service, String containerPath) {
    for (Map.Entry<String, Path> mount : bindMounts(service).entrySet()) {
      if (containerPath.equals(mount.getKey())) {
        return mount.getValue();
      }
      if (containerPath.startsWith(mount.getKey() + "/")) {
        return mount.getValue().resolve(containerPath.substring(mount.getKey().length() + 1));
      }
    }
    throw new AssertionError(containerPath + " is not mounted into the service");
  }

  private static String jarName() throws Exception {
    var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(APP.resolve("pom.xml").toFile());
    return pom.getElementsByTagName("finalName").item(0).getTextContent().trim() + ".jar";
  }

  @Test
  void composeNamesTheServicesWithHealthChecksTheAppWaitsFor() throws IOException {
    Map<String, Object> services = map(yaml(ROOT.resolve("compose.yaml")).get("services"));
    assertThat(services).containsOnlyKeys("app", "postgres", "redis", "prometheus", "grafana");
    assertThat(String.valueOf(service("postgres").get("image"))).startsWith("postgres:15");
    assertThat(String.valueOf(service("redis").get("image"))).startsWith("redis:7");
    Map<String, Object> dependsOn = map(service("app").get("depends_on"));
    assertThat(dependsOn).containsOnlyKeys("postgres", "redis");
    for (String dependency : dependsOn.keySet()) {
      assertThat(map(dependsOn.get(dependency)).get("condition")).isEqualTo("service_healthy");
      assertThat(map(service(dependency).get("healthcheck")).get("test")).as("health check of %s", dependency).isNotNull();
    }
    Map<String, Object> build = map(service("app").get("build"));
    assertThat(ROOT.resolve(String.valueOf(build.get("context"))).resolve(String.valueOf(build.get("dockerfile"))))
        .isRegularFile();
  }

  @Test
  void everyVariableComposePassesToTheAppIsOneTheAppReads() throws IOException {
    Map<String, String> read = placeholders();
    Map<String, Object> environment = map(service("app").get("environment"));
    assertThat(environment).containsKeys("MATCHING_DB_URL", "MATCHING_DB_USER", "MATCHING_DB_PASSWORD",
        "MATCHING_REDIS_URL", "MATCHING_ADMIN_KEY_HASH");
    for (String name : environment.keySet()) {
      if (name.equals("SPRING_PROFILES_ACTIVE")) {
        // Spring Boot's own variable: every profile it names has its configuration file.
        for (String profile : String.valueOf(environment.get(name)).split(",")) {
          assertThat(APP.resolve("src/main/resources/application-" + profile.trim() + ".yml")).isRegularFile();
        }
      } else {
        assertThat(read).as("variables of application*.yml").containsKey(name);
      }
    }
    assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres");

    // The app reaches the services of this file, as the database's own settings say.
    Map<String, Object> postgres = map(service("postgres").get("environment"));
    assertThat(environment.get("MATCHING_DB_URL"))
        .isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
    assertThat(environment.get("MATCHING_DB_USER")).isEqualTo(postgres.get("POSTGRES_USER"));
    assertThat(String.valueOf(environment.get("MATCHING_DB_PASSWORD"))).startsWith("${MATCHING_DB_PASSWORD:?")
        .isEqualTo(String.valueOf(postgres.get("POSTGRES_PASSWORD")));
    assertThat(String.valueOf(environment.get("MATCHING_REDIS_URL"))).startsWith("redis://redis:6379");
    assertThat(String.valueOf(environment.get("MATCHING_ADMIN_KEY_HASH"))).startsWith("${MATCHING_ADMIN_KEY_HASH:?");
  }

  @Test
  void portsVolumesAndFilesExist() throws Exception {
    Map<String, Object> compose = yaml(ROOT.resolve("compose.yaml"));
    Set<String> namedVolumes = map(compose.get("volumes")).keySet();
    Map<String, Object> secrets = map(compose.get("secrets"));
    for (Map.Entry<String, Object> entry : map(compose.get("services")).entrySet()) {
      Map<String, Object> service = map(entry.getValue());
      for (Object volume : list(service.getOrDefault("volumes", List.of()))) {
        String source = String.valueOf(volume).split(":")[0];
        if (source.startsWith("./")) {
          assertThat(ROOT.resolve(source)).as("mounted into %s", entry.getKey()).exists();
        } else {
          assertThat(namedVolumes).as("named volumes").contains(source);
        }
      }
      for (Object secret : list(service.getOrDefault("secrets", List.of()))) {
        assertThat(secrets).containsKey(String.valueOf(secret));
      }
    }
    // The app's container port is its server.port default and what the image exposes.
    String port = placeholders().get("PORT");
    assertThat(list(service("app").get("ports"))).containsExactly(port + ":" + port);
    assertThat(Files.readAllLines(APP.resolve("Dockerfile"))).contains("EXPOSE " + port);
    // Secrets are made by deploy/init-secrets.sh, kept out of git and out of the image's build context.
    String script = Files.readString(ROOT.resolve("deploy/init-secrets.sh"));
    List<String> gitignore = Files.readAllLines(ROOT.resolve(".gitignore"));
    List<String> dockerignore = Files.readAllLines(ROOT.resolve(".dockerignore"));
    for (Object secret : secrets.values()) {
      String file = String.valueOf(map(secret).get("file"));
      assertThat(file).startsWith("./deploy/secrets/");
      assertThat(script).contains("$secrets/" + Path.of(file).getFileName());
    }
    assertThat(gitignore).contains("/.env", "/deploy/secrets/");
    assertThat(dockerignore).contains(".env", "deploy/secrets/");
  }

  @Test
  void initSecretsWritesTheKeyWhoseHashTheAppGets(@TempDir Path dir) throws Exception {
    Process p = new ProcessBuilder("bash", ROOT.resolve("deploy/init-secrets.sh").toString(), dir.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    String key = Files.readString(dir.resolve("deploy/secrets/matching-admin-key"));
    assertThat(key).matches("[A-Za-z0-9_-]{40,}");
    assertThat(out).contains(key);
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve(".env"))) {
      String[] kv = line.split("=", 2);
      env.put(kv[0], kv[1]);
    }
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    assertThat(env).containsEntry("MATCHING_ADMIN_KEY_HASH", "sha256:" + sha).containsKey("MATCHING_DB_PASSWORD");
    assertThat(Files.readString(dir.resolve("deploy/secrets/grafana-admin-password"))).isNotBlank();

    // A second run keeps everything as it is.
    Process again = new ProcessBuilder("bash", ROOT.resolve("deploy/init-secrets.sh").toString(), dir.toString())
        .redirectErrorStream(true).start();
    String againOut = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(again.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(again.exitValue()).as(againOut).isZero();
    assertThat(Files.readString(dir.resolve("deploy/secrets/matching-admin-key"))).isEqualTo(key);
    assertThat(Files.readAllLines(dir.resolve(".env"))).hasSize(env.size()).contains("MATCHING_ADMIN_KEY_HASH=sha256:" + sha);
  }

  @Test
  @SuppressWarnings("unchecked")
  void prometheusScrapesJobMatchingWithTheAdminKeyAndLoadsTheAlertRules() throws IOException {
    Map<String, Object> prometheus = service("prometheus");
    Path config = mountedAt(prometheus, "/etc/prometheus/prometheus.yml");
    assertThat(list(prometheus.get("command"))).contains("--config.file=/etc/prometheus/prometheus.yml");
    Map<String, Object> root = yaml(config);

    List<Object> ruleFiles = list(root.get("rule_files"));
    assertThat(ruleFiles).isNotEmpty();
    List<Path> rules = new ArrayList<>();
    for (Object ruleFile : ruleFiles) {
      rules.add(mountedAt(prometheus, String.valueOf(ruleFile)));
    }
    assertThat(rules).containsExactly(ROOT.resolve("docs/ops/alerts.yml").normalize());
    assertThat(AlertRules.metricNames(rules.get(0))).contains("up");

    List<Object> jobs = list(root.get("scrape_configs"));
    assertThat(jobs).hasSize(1);
    Map<String, Object> job = map(jobs.get(0));
    assertThat(job.get("job_name")).isEqualTo("matching");
    assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
    Map<String, Object> authorization = map(job.get("authorization"));
    assertThat(authorization.get("type")).isEqualTo("Bearer");
    List<Object> secrets = list(prometheus.get("secrets"));
    assertThat(authorization.get("credentials_file")).isEqualTo("/run/secrets/" + secrets.get(0));
    List<Object> targets = list(map(list(job.get("static_configs")).get(0)).get("targets"));
    assertThat(targets).containsExactly("app:" + placeholders().get("PORT"));

    // The dashboard and the alert rules select that job name.
    Set<String> selected = new TreeSet<>();
    Matcher m = Pattern.compile("job=\\\\?\"([^\"\\\\]+)").matcher(Files.readString(ROOT.resolve("docs/ops/grafana-dashboard.json"))
        + Files.readString(ROOT.resolve("docs/ops/alerts.yml")));
    while (m.find()) {
      selected.add(m.group(1));
    }
    assertThat(selected).containsExactly("matching");
  }

  @Test
  void grafanaIsProvisionedWithPrometheusAndTheDashboard() throws IOException {
    Map<String, Object> grafana = service("grafana");
    Path provisioning = mountedAt(grafana, "/etc/grafana/provisioning");
    Map<String, Object> datasources = yaml(provisioning.resolve("datasources/prometheus.yml"));
    Map<String, Object> datasource = map(list(datasources.get("datasources")).get(0));
    assertThat(datasource.get("type")).isEqualTo("prometheus");
    assertThat(datasource.get("isDefault")).isEqualTo(true);
    assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");
    assertThat(list(service("prometheus").get("ports"))).contains("9090:9090");

    Map<String, Object> dashboards = yaml(provisioning.resolve("dashboards/matching.yml"));
    Map<String, Object> provider = map(list(dashboards.get("providers")).get(0));
    assertThat(provider.get("type")).isEqualTo("file");
    String folder = String.valueOf(map(provider.get("options")).get("path"));
    Path dashboard = mountedAt(grafana, folder + "/grafana-dashboard.json");
    assertThat(dashboard).isEqualTo(ROOT.resolve("docs/ops/grafana-dashboard.json").normalize()).isRegularFile();
    JsonNode json = JsonMapper.builder().build().readTree(dashboard.toFile());
    assertThat(json.get("uid").asString()).isEqualTo("matching-service");
    assertThat(json.at("/templating/list/0/query").asString()).isEqualTo(datasource.get("type"));
    assertThat(String.valueOf(map(grafana.get("environment")).get("GF_SECURITY_ADMIN_PASSWORD__FILE")))
        .isEqualTo("/run/secrets/" + list(grafana.get("secrets")).get(0));
  }

  @Test
  void theDockerfileCopiesFilesThatExistAndRunsTheBuiltJar() throws Exception {
    List<String> lines = Files.readAllLines(APP.resolve("Dockerfile"));
    List<String> stages = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
    assertThat(stages).containsExactly("FROM eclipse-temurin:17-jdk AS build", "FROM eclipse-temurin:17-jre");
    String jar = jarName();
    assertThat(jar).isEqualTo("matching-reference-app.jar");
    String builtJar = "/src/examples/reference-app/target/" + jar;
    int runtime = lines.indexOf(stages.get(1));
    List<String> runtimeLines = lines.subList(runtime, lines.size());
    boolean copiesJar = false;
    for (String line : lines) {
      if (line.startsWith("COPY ")) {
        String[] words = line.substring(5).trim().split("\\s+");
        if (words[0].equals("--from=build")) {
          assertThat(words[1]).isEqualTo(builtJar);
          copiesJar = true;
        } else {
          for (int i = 0; i < words.length - 1; i++) {
            assertThat(ROOT.resolve(words[i])).as("COPY source").exists();
          }
        }
      }
    }
    assertThat(copiesJar).isTrue();
    assertThat(String.join("\n", lines)).contains("./mvnw -B -ntp -q -pl examples/reference-app -am package -DskipTests");
    assertThat(runtimeLines).anyMatch(l -> l.startsWith("USER ") && !l.equals("USER root"));
    assertThat(runtimeLines).anyMatch(l -> l.startsWith("HEALTHCHECK ") && l.endsWith("CMD [\"bash\", \"/app/healthcheck.sh\"]"));
    assertThat(runtimeLines).contains("COPY examples/reference-app/docker/healthcheck.sh /app/healthcheck.sh");
    List<String> entrypoints = runtimeLines.stream().filter(l -> l.startsWith("ENTRYPOINT ")).toList();
    assertThat(entrypoints).hasSize(1);
    assertThat(lines.get(lines.size() - 1)).isEqualTo(entrypoints.get(0))
        .isEqualTo("ENTRYPOINT [\"java\", \"-jar\", \"/app/" + jar + "\"]");
    assertThat(runtimeLines).contains("COPY --from=build " + builtJar + " /app/" + jar);
  }
}
