package dev.matching.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /v3/api-docs} of the reference app is a document a client generator can use: valid
 * OpenAPI (swagger-parser), every {@code /api} route of the application with its methods, the
 * service's title and version, the bearer scheme on every API operation, problem+json error
 * answers, and body examples the API accepts as they are.
 */
@SpringBootTest(classes = ReferenceApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"sample.jobs=200", "sample.workers=50", "matching.batch.schedule-enabled=false",
        "matching.retention.enabled=false"})
@Timeout(120)
class OpenApiDocumentTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Value("${local.server.port}")
  int port;

  @Autowired
  ApplicationContext context;

  private String raw;
  private JsonNode doc;

  @BeforeEach
  void fetch() throws Exception {
    HttpResponse<String> docs = call("GET", "/v3/api-docs", null, null);
    assertThat(docs.statusCode()).isEqualTo(200);
    raw = docs.body();
    doc = JSON.readTree(raw);
  }

  private HttpResponse<String> call(String method, String path, String body, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theDocumentIsValidOpenApi() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(raw, null, options);

    assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
  }

  @Test
  void everyApiRouteOfTheApplicationIsInTheDocumentWithItsMethods() {
    Set<String> routes = new TreeSet<>();
    for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
          if (pattern.startsWith("/api/")) {
            assertThat(methods).as("methods of %s", pattern).isNotEmpty();
            methods.forEach(m -> routes.add(m.name() + " " + pattern));
          }
        }
      }
    }
    assertThat(routes).as("the route table").contains("PUT /api/v1/jobs/{id}", "GET /api/v1/workers/{id}/matches",
        "POST /api/v1/batch/trigger", "GET /api/v1/admin/system-info", "POST /api/v1/admin/integrity-check");

    Set<String> documented = new TreeSet<>();
    doc.get("paths").properties().forEach(path -> path.getValue().properties()
        .forEach(op -> documented.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())));
    assertThat(documented).containsAll(routes);
    assertThat(doc.get("paths").has("/error")).as("the error page is no operation").isFalse();
  }

  @Test
  void titleVersionAndTheBearerSchemeArePresent() throws Exception {
    assertThat(doc.at("/info/title").asString()).isEqualTo("matching API");
    assertThat(doc.at("/info/description").asString()).contains("Authorization: Bearer");
    String version = JSON.readTree(call("GET", "/api/v1/admin/system-info", null, "dev-admin-key").body())
        .get("version").asString();
    assertThat(doc.at("/info/version").asString()).as("the version system-info reports").isEqualTo(version)
        .isNotEqualTo("v0");
    JsonNode bearer = doc.at("/components/securitySchemes/bearer");
    assertThat(bearer.get("type").asString()).isEqualTo("http");
    assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
    assertThat(bearer.get("bearerFormat").asString()).isEqualTo("API key");
  }

  @Test
  void everyApiOperationNeedsTheKeyAndAnswersErrorsAsProblems() {
    List<String> apiOperations = new ArrayList<>();
    doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
      String name = op.getKey() + " " + path.getKey();
      JsonNode operation = op.getValue();
      if (path.getKey().startsWith("/api/")) {
        apiOperations.add(name);
        assertThat(operation.at("/security/0").has("bearer")).as("security of %s", name).isTrue();
        assertThat(operation.at("/summary").asString()).as("summary of %s", name).isNotBlank();
        for (String status : List.of("400", "401", "403", "404", "406", "409", "412", "413", "415", "429", "503")) {
          assertThat(operation.at("/responses/" + status + "/content/application~1problem+json/schema/$ref").asString())
              .as("%s answer of %s", status, name).isEqualTo("#/components/schemas/Problem");
          assertThat(operation.at("/responses/" + status + "/description").asString()).isNotBlank();
        }
      } else {
        assertThat(operation.has("security")).as("no key for %s", name).isFalse();
      }
    }));
    assertThat(apiOperations).hasSizeGreaterThan(20);
    assertThat(doc.at("/paths/~1health/get").isObject()).isTrue();
    assertThat(doc.at("/security").isMissingNode()).as("no document-wide security: /health is public").isTrue();
  }

  @Test
  void theProblemSchemaDescribesTheErrorsTheApiSends() throws Exception {
    JsonNode problem = doc.at("/components/schemas/Problem");
    Set<String> properties = new TreeSet<>();
    problem.get("properties").propertyNames().forEach(properties::add);
    assertThat(properties).contains("type", "title", "status", "detail", "errors");
    assertThat(problem.at("/properties/errors/items/properties").has("field")).isTrue();
    assertThat(problem.at("/properties/errors/items/properties").has("message")).isTrue();

    HttpResponse<String> invalid = call("PUT", "/api/v1/jobs/openapi-bad", "{\"location\":{\"lat\":200}}", "dev-admin-key");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode body = JSON.readTree(invalid.body());
    assertThat(properties).containsAll(body.propertyNames());
    assertThat(body.get("errors").get(0).propertyNames()).containsExactlyInAnyOrder("field", "message");
    HttpResponse<String> unauthenticated = call("GET", "/api/v1/jobs", null, null);
    assertThat(unauthenticated.statusCode()).isEqualTo(401);
    assertThat(properties).containsAll(JSON.readTree(unauthenticated.body()).propertyNames());
  }

  @Test
  void theJobAndWorkerExamplesAreAcceptedByTheApi() throws Exception {
    JsonNode job = doc.at("/components/schemas/JobJson/example");
    JsonNode worker = doc.at("/components/schemas/WorkerJson/example");
    assertThat(job.isObject()).isTrue();
    assertThat(worker.isObject()).isTrue();

    assertThat(call("PUT", "/api/v1/jobs/openapi-example", job.toString(), "dev-admin-key").statusCode()).isEqualTo(201);
    assertThat(call("PUT", "/api/v1/workers/openapi-example", worker.toString(), "dev-admin-key").statusCode())
        .isEqualTo(201);
    JsonNode explained = JSON.readTree(
        call("GET", "/api/v1/workers/openapi-example/explain/openapi-example", null, "dev-admin-key").body());
    assertThat(explained.get("eligible").asBoolean()).as("the examples match each other: %s", explained).isTrue();
  }
}
