package dev.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The compiled module descriptor exports every package of matching-core to everyone except the
 * {@code internal} ones, which go only to the project's own modules; and the descriptor knows every
 * package, so a new one cannot be forgotten.
 */
class ModuleDescriptorTest {
  private static final Set<String> PROJECT_MODULES = Set.of(
      "dev.matching.jdbc", "dev.matching.redis", "dev.matching.spring", "dev.matching.testkit", "dev.matching.benchmarks");

  private static Path classes() throws URISyntaxException {
    return Path.of(MatchingEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static ModuleDescriptor descriptor() throws IOException, URISyntaxException {
    try (InputStream in = Files.newInputStream(classes().resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }

  private static Set<String> packagesWithClasses() throws IOException, URISyntaxException {
    Path root = classes();
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().equals("module-info.class"))
          .map(p -> root.relativize(p.getParent()).toString().replace(root.getFileSystem().getSeparator(), "."))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  @Test
  void everyPackageIsExportedAndOnlyTheInternalOnesAreQualified() throws Exception {
    ModuleDescriptor module = descriptor();
    Map<String, Set<String>> exports = new TreeMap<>();
    module.exports().forEach(e -> exports.put(e.source(), e.targets()));

    assertThat(module.name()).isEqualTo("dev.matching.core");
    assertThat(exports.keySet()).isEqualTo(packagesWithClasses());
    exports.forEach((pkg, targets) -> {
      if (pkg.endsWith(".internal")) {
        assertThat(targets).as(pkg).isNotEmpty().isSubsetOf(PROJECT_MODULES);
      } else {
        assertThat(targets).as(pkg + " is exported to everyone").isEmpty();
      }
    });
    assertThat(exports).containsKeys("dev.matching.model.internal", "dev.matching.scoring.internal");
  }

  @Test
  void coreRequiresOnlyTheJdkAndJSpecify() throws Exception {
    assertThat(descriptor().requires()).allSatisfy(r ->
        assertThat(r.name()).satisfiesAnyOf(n -> assertThat(n).startsWith("java."), n -> assertThat(n).isEqualTo("org.jspecify")));
  }
}
