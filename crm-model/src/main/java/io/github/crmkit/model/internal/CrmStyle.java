package io.github.crmkit.model.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style used by every crmkit value type: package-private generated classes, non-strict builders (for {@code toBuilder()}),
 * JDK collections only, and a mask for redacted (personal) attributes in {@code toString()}.
 *
 * <p>Internal: not exported, not part of the API.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    // not strict: a strict builder has no from(instance), the only way callers outside the package can derive a
    // changed copy of a value (generated With* interfaces and withX methods are package-private here)
    strictBuilder = false,
    jdkOnly = true,
    redactedMask = "***",
    defaults = @Value.Immutable(copy = false),
    get = {"is*", "get*"},
    depluralize = true,
    depluralizeDictionary = {"address:addresses", "prefix:prefixes"})
public @interface CrmStyle {}
