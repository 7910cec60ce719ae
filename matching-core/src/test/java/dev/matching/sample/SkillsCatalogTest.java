package dev.matching.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.model.PreferredSkill;
import org.junit.jupiter.api.Test;

class SkillsCatalogTest {

  private final SkillsCatalog catalog = SkillsCatalog.japanesePartTime();

  @Test
  void hasTheUsualPartTimeSkills() {
    assertThat(catalog.size()).isBetween(20, 40).isEqualTo(catalog.codes().size());
    assertThat(catalog.codes()).doesNotHaveDuplicates()
        .contains("接客", "レジ", "調理", "フォークリフト", "介護", "英語", "中国語");
    assertThat(catalog.englishName("接客")).isEqualTo("customer service");
    assertThat(catalog.codes()).isUnmodifiable();
  }

  @Test
  void everyCategoryUsesCatalogSkills() {
    for (JobCategory category : JobCategory.values()) {
      assertThat(category.requirements).hasSizeLessThanOrEqualTo(2);
      assertThat(category.preferred).hasSizeBetween(1, 4);
      assertThat(category.skillCodes).isNotEmpty().allMatch(catalog::contains).doesNotContain("英語", "中国語");
      assertThat(category.preferred).extracting(PreferredSkill::weight).allMatch(w -> w >= 0.5 && w <= 3);
    }
  }

  @Test
  void unknownCodeFailsNamingIt() {
    assertThatThrownBy(() -> catalog.englishName("魔法"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("code: must be a skill of the catalog, was \"魔法\"");
  }
}
