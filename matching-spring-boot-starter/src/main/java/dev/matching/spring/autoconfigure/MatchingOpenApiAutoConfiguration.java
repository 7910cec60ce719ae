package dev.matching.spring.autoconfigure;

import dev.matching.MatchingEngine;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI description of the matching API for client generators, when springdoc is on the
 * class path: title {@value #TITLE} with the service's version, the {@value #SECURITY_SCHEME}
 * HTTP security scheme on every {@code /api/**} operation (not on {@code /health}), and the
 * problem+json {@value #PROBLEM_SCHEMA} schema as the answer of every error status an API call
 * can get. Examples for the job and worker bodies; the error page {@code /error} is left out.
 * With {@code matching.web.enabled}.
 */
@AutoConfiguration(beforeName = "org.springdoc.core.configuration.SpringDocConfiguration")
@ConditionalOnClass(name = {"org.springdoc.core.customizers.GlobalOpenApiCustomizer",
    "io.swagger.v3.oas.models.OpenAPI"})
@ConditionalOnBooleanProperty(name = "matching.web.enabled", matchIfMissing = true)
public class MatchingOpenApiAutoConfiguration {
  /** The document's title. */
  public static final String TITLE = "matching API";
  /** Name of the bearer security scheme (API keys as {@code Authorization: Bearer <key>}). */
  public static final String SECURITY_SCHEME = "bearer";
  /** Name of the problem+json schema of every error answer. */
  public static final String PROBLEM_SCHEMA = "Problem";
  /** The error statuses every {@code /api} operation documents with the problem schema. */
  public static final List<String> PROBLEM_STATUSES =
      List.of("400", "401", "403", "404", "406", "409", "412", "413", "415", "429", "503");

  private static final Map<String, String> PROBLEM_DESCRIPTIONS = Map.ofEntries(
      Map.entry("400", "Invalid request: every bad field in errors[], under its JSON path"),
      Map.entry("401", "No key, a malformed key or an unknown key"),
      Map.entry("403", "The key's role or employer may not do this"),
      Map.entry("404", "No such job, worker, batch run or stored result"),
      Map.entry("406", "The Accept header rules out application/json; nothing was done"),
      Map.entry("409", "Conflict: the id exists (If-None-Match: *), the state does not allow it, or a batch run is active"),
      Map.entry("412", "If-Match does not hold: the stored version differs"),
      Map.entry("413", "The body is larger than the limit"),
      Map.entry("415", "The body is not application/json"),
      Map.entry("429", "Rate limit of the key or role; see Retry-After"),
      Map.entry("503", "Maintenance mode, or the store does not answer"));

  // Request bodies the API accepts as they are (ReferenceApp's OpenApiDocumentTest stores them).
  private static final String JOB_EXAMPLE = """
      {"employer_id":"acme","title":"Cashier","location":{"lat":35.6896,"lng":139.7006},
       "required_skills":[{"skill":"cashier","min_level":2}],
       "shifts":[{"start":"2030-01-05T10:00:00","end":"2030-01-05T16:00:00","zone":"Asia/Tokyo"}],
       "pay":{"min":1300},"headcount":1}""";
  private static final String WORKER_EXAMPLE = """
      {"home":{"lat":35.69,"lng":139.70},"max_travel_km":10,"skills":{"cashier":3},
       "availability":{"zone":"Asia/Tokyo","weekly":[{"day":"SATURDAY","start":"09:00","end":"18:00"}]},
       "desired_pay":{"min_hourly":1200}}""";

  /**
   * Title, version and description of the document; an application's own {@link OpenAPI} bean
   * replaces it (the customizer still adds security and problems).
   */
  @Bean
  @ConditionalOnMissingBean
  public OpenAPI matchingOpenApi() {
    return new OpenAPI().info(new Info().title(TITLE).version(version())
        .description("Matches part-time and shift workers to jobs and ranks both ways, with an explanation of every "
            + "score. Every /api call needs an API key as `Authorization: Bearer <key>` (roles admin, operator, "
            + "client); every error is application/problem+json (the Problem schema) with the bad fields in "
            + "`errors`. Request and response bodies are JSON in snake_case."));
  }

  /** Security scheme, problem responses and body examples of every {@code /api} operation. */
  @Bean
  @ConditionalOnMissingBean(name = "matchingOpenApiCustomizer")
  public GlobalOpenApiCustomizer matchingOpenApiCustomizer() {
    return MatchingOpenApiAutoConfiguration::customize;
  }

  /**
   * The service's version: the {@code Implementation-Version} of the engine's jar (the one
   * {@code GET /api/v1/admin/system-info} reports), {@code development} when run from classes.
   */
  static String version() {
    String version = MatchingEngine.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  static void customize(OpenAPI openApi) {
    Components components = openApi.getComponents();
    if (components == null) {
      components = new Components();
      openApi.setComponents(components);
    }
    if (components.getSecuritySchemes() == null || !components.getSecuritySchemes().containsKey(SECURITY_SCHEME)) {
      components.addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
          .scheme("bearer").bearerFormat("API key")
          .description("An API key of the service: `Authorization: Bearer <key>`."));
    }
    if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM_SCHEMA)) {
      components.addSchemas(PROBLEM_SCHEMA, problemSchema());
    }
    exampleOf(components, "JobJson", JOB_EXAMPLE);
    exampleOf(components, "WorkerJson", WORKER_EXAMPLE);
    if (openApi.getPaths() == null) {
      return;
    }
    // The error page (ProblemErrorController) answers failed requests; it is no operation to call.
    openApi.getPaths().remove("/error");
    openApi.getPaths().forEach((path, item) -> {
      if (path.startsWith("/api/")) {
        for (Operation operation : item.readOperations()) {
          apiOperation(operation);
        }
      }
    });
  }

  private static void apiOperation(Operation operation) {
    SecurityRequirement bearer = new SecurityRequirement().addList(SECURITY_SCHEME);
    if (operation.getSecurity() == null || !operation.getSecurity().contains(bearer)) {
      operation.addSecurityItem(bearer);
    }
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    for (String status : PROBLEM_STATUSES) {
      @Nullable ApiResponse existing = responses.get(status);
      String description = existing != null && existing.getDescription() != null && !existing.getDescription().isBlank()
          && !existing.getDescription().equals(defaultDescription(status))
          ? existing.getDescription() : PROBLEM_DESCRIPTIONS.get(status);
      responses.addApiResponse(status, new ApiResponse().description(description)
          .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)))));
    }
  }

  /** springdoc's generated description of a status (the reason phrase), which ours replaces. */
  private static @Nullable String defaultDescription(String status) {
    org.springframework.http.@Nullable HttpStatus known = org.springframework.http.HttpStatus.resolve(Integer.parseInt(status));
    return known == null ? null : known.getReasonPhrase();
  }

  @SuppressWarnings("rawtypes") // ObjectSchema#properties takes raw schemas
  private static Schema<?> problemSchema() {
    Map<String, Schema> fieldError = new LinkedHashMap<>();
    fieldError.put("field", new StringSchema().description("JSON path of the field, e.g. shifts[0].end"));
    fieldError.put("message", new StringSchema().description("What is wrong with it"));
    Map<String, Schema> properties = new LinkedHashMap<>();
    properties.put("type", new StringSchema().format("uri")
        .description("The problem's type, e.g. https://matching.dev/problems/invalid-request"));
    properties.put("title", new StringSchema().description("Short summary of the problem type"));
    properties.put("status", new IntegerSchema().format("int32").description("The HTTP status"));
    properties.put("detail", new StringSchema().description("What went wrong in this request"));
    properties.put("instance", new StringSchema().format("uri").description("The request path, when known"));
    properties.put("errors", new ArraySchema().items(new ObjectSchema().properties(fieldError)
            .required(List.of("field", "message")))
        .description("Every bad field of an invalid request (400)"));
    Schema<?> problem = new ObjectSchema().properties(properties).required(List.of("type", "title", "status"));
    problem.description("An error answer (RFC 9457 problem+json).");
    return problem;
  }

  private static void exampleOf(Components components, String schemaName, String json) {
    if (components.getSchemas() == null) {
      return;
    }
    Schema<?> schema = components.getSchemas().get(schemaName);
    if (schema != null && schema.getExample() == null) {
      try {
        schema.setExample(Json.mapper().readTree(json));
      } catch (IOException e) {
        throw new UncheckedIOException("example of " + schemaName, e);
      }
    }
  }
}
