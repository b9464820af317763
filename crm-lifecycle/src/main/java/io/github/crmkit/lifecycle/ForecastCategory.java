package io.github.crmkit.lifecycle;

/**
 * The forecast category of a stage, in the manner of Salesforce's forecast categories. The categories nest:
 * the open pipeline includes best case, which includes commit, which includes closed; a cumulative roll-up of a
 * category adds up that category and every narrower one. {@link #OMITTED} (lost deals, anything the team does not
 * forecast) is never counted.
 *
 * <p>Immutable and thread-safe.
 */
public enum ForecastCategory {
  /** Open deals that may close; the widest category. */
  PIPELINE("pipeline"),
  /** Deals likely to close. */
  BEST_CASE("best_case"),
  /** Deals the owner commits to. */
  COMMIT("commit"),
  /** Won deals. */
  CLOSED("closed"),
  /** Not forecast: never counted in any roll-up. */
  OMITTED("omitted");

  private final String json;

  ForecastCategory(String json) {
    this.json = json;
  }

  /**
   * The name in JSON documents, for example {@code best_case}.
   *
   * @return the JSON name
   */
  public String jsonName() {
    return json;
  }

  /**
   * Whether a cumulative roll-up of this category counts an item of category {@code item}: pipeline counts
   * pipeline, best case, commit and closed; best case counts best case, commit and closed; commit counts commit and
   * closed; closed counts closed; omitted counts nothing and is counted by nothing.
   *
   * @param item the category of the item
   * @return whether it is included
   */
  public boolean includes(ForecastCategory item) {
    return this != OMITTED && item != OMITTED && item.ordinal() >= ordinal();
  }

  static ForecastCategory fromJson(String name) {
    for (ForecastCategory category : values()) {
      if (category.json.equals(name)) {
        return category;
      }
    }
    return null;
  }
}
