package dev.matching.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

class BindingCheckTest {
  @Test
  void checksEveryPropertiesClassOfTheStarter() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    List<String> found = scanner.findCandidateComponents("dev.matching.spring").stream()
        .map(definition -> definition.getBeanClassName()).toList();
    assertThat(found).hasSize(13)
        .containsExactlyInAnyOrderElementsOf(BindingCheck.TYPES.stream().map(Class::getName).toList());
  }
}
