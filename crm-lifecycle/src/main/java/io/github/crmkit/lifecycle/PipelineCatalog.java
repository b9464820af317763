package io.github.crmkit.lifecycle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The host's pipelines: several per object type (for example one per product line or team), looked up by name or
 * by object type. Read one from a document of several pipelines with {@link #fromJson(String)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class PipelineCatalog {
  private final Map<String, PipelineDefinition> byName;

  private PipelineCatalog(Map<String, PipelineDefinition> byName) {
    this.byName = byName;
  }

  /**
   * A catalog of definitions with distinct names.
   *
   * @param definitions the definitions
   * @return the catalog
   * @throws IllegalArgumentException if two definitions have the same name
   */
  public static PipelineCatalog of(List<PipelineDefinition> definitions) {
    Map<String, PipelineDefinition> byName = new LinkedHashMap<>();
    for (PipelineDefinition definition : definitions) {
      Objects.requireNonNull(definition, "definition");
      if (byName.putIfAbsent(definition.name(), definition) != null) {
        throw new IllegalArgumentException("pipeline names must be unique, '" + definition.name()
            + "' repeats");
      }
    }
    return new PipelineCatalog(Collections.unmodifiableMap(byName));
  }

  /**
   * Reads a document of several pipelines ({@link PipelineJson#readAll(String)}).
   *
   * @param json the document
   * @return the catalog
   * @throws PipelineDefinitionException listing every problem with its JSON path
   */
  public static PipelineCatalog fromJson(String json) {
    return of(PipelineJson.readAll(json));
  }

  /**
   * Writes the catalog as a document {@link #fromJson(String)} reads back.
   *
   * @return the JSON document
   */
  public String toJson() {
    return PipelineJson.writeAll(all());
  }

  /**
   * Every definition, in the order given.
   *
   * @return the definitions, unmodifiable
   */
  public List<PipelineDefinition> all() {
    return List.copyOf(byName.values());
  }

  /**
   * Returns a definition by name.
   *
   * @param name the pipeline name
   * @return the definition
   * @throws IllegalArgumentException if the catalog has no such pipeline
   */
  public PipelineDefinition get(String name) {
    PipelineDefinition definition = byName.get(Objects.requireNonNull(name, "name"));
    if (definition == null) {
      throw new IllegalArgumentException("no pipeline '" + name + "', the catalog has " + byName.keySet());
    }
    return definition;
  }

  /**
   * The pipelines of an object type, in the order given.
   *
   * @param objectType the object type, such as {@code opportunity}
   * @return the definitions, possibly empty, unmodifiable
   */
  public List<PipelineDefinition> forObjectType(String objectType) {
    List<PipelineDefinition> out = new ArrayList<>();
    for (PipelineDefinition definition : byName.values()) {
      if (definition.objectType().equals(objectType)) {
        out.add(definition);
      }
    }
    return List.copyOf(out);
  }

  /** Returns the pipeline names. */
  @Override
  public String toString() {
    return "PipelineCatalog" + byName.keySet();
  }
}
