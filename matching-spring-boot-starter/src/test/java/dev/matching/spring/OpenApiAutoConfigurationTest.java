package dev.matching.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.spring.autoconfigure.MatchingOpenApiAutoConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI auto-configuration: on with springdoc, off without; what its customizer adds and leaves alone. */
class OpenApiAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MatchingOpenApiAutoConfiguration.class));

  @Test
  void withSpringdocTheDocumentHasTheServicesTitleAndTheCustomizer() {
    runner.run(context -> {
      assertThat(context.getBean(OpenAPI.class).getInfo().getTitle()).isEqualTo("matching API");
      assertThat(context.getBean(OpenAPI.class).getInfo().getVersion()).isNotBlank();
      assertThat(context).hasBean("matchingOpenApiCustomizer");
    });
  }

  @Test
  void withoutSpringdocNothingIsConfigured() {
    runner.withClassLoader(new FilteredClassLoader(GlobalOpenApiCustomizer.class))
        .run(context -> assertThat(context).doesNotHaveBean(OpenAPI.class).doesNotHaveBean("matchingOpenApiCustomizer"));
  }

  @Test
  void offWithTheWebApi() {
    runner.withPropertyValues("matching.web.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("matchingOpenApiCustomizer"));
  }

  @Test
  void anApplicationsOwnDocumentKeepsItsTitleAndGetsSecurityAndProblems() {
    runner.withUserConfiguration(OwnDocument.class).run(context -> {
      OpenAPI doc = context.getBean(OpenAPI.class);
      doc.paths(new Paths()
          .addPathItem("/api/v1/jobs/{id}", new PathItem().get(new Operation().responses(new ApiResponses()
              .addApiResponse("200", new ApiResponse().description("OK"))
              .addApiResponse("404", new ApiResponse().description("No such job here")))))
          .addPathItem("/health", new PathItem().get(new Operation().responses(new ApiResponses()
              .addApiResponse("200", new ApiResponse().description("OK")))))
          .addPathItem("/error", new PathItem().get(new Operation())));
      context.getBean("matchingOpenApiCustomizer", GlobalOpenApiCustomizer.class).customise(doc);

      assertThat(doc.getInfo().getTitle()).isEqualTo("own");
      assertThat(doc.getComponents().getSecuritySchemes()).containsKey("bearer");
      assertThat(doc.getComponents().getSchemas()).containsKey("Problem");
      Operation api = doc.getPaths().get("/api/v1/jobs/{id}").getGet();
      assertThat(api.getSecurity()).hasSize(1);
      assertThat(api.getSecurity().get(0)).containsKey("bearer");
      assertThat(api.getResponses()).containsKeys("200", "400", "401", "403", "404", "406", "409", "412", "413", "415",
          "429", "503");
      assertThat(api.getResponses().get("404").getDescription()).as("a documented description stays")
          .isEqualTo("No such job here");
      assertThat(api.getResponses().get("401").getContent().get("application/problem+json").getSchema().get$ref())
          .isEqualTo("#/components/schemas/Problem");
      Operation health = doc.getPaths().get("/health").getGet();
      assertThat(health.getSecurity()).isNull();
      assertThat(health.getResponses()).containsOnlyKeys("200");
      assertThat(doc.getPaths()).doesNotContainKey("/error");

      context.getBean("matchingOpenApiCustomizer", GlobalOpenApiCustomizer.class).customise(doc);
      assertThat(api.getSecurity()).as("customizing twice adds nothing").hasSize(1);
    });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnDocument {
    @Bean
    OpenAPI ownOpenApi() {
      return new OpenAPI().info(new Info().title("own").version("1"));
    }
  }
}
