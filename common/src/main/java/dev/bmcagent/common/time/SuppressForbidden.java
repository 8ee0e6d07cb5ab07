package dev.bmcagent.common.time;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one clock adapter allowed to read the wall clock (checked by forbiddenapis in the build).
 * Do not use it anywhere else.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SuppressForbidden {
    /** Why this place may read the wall clock. */
    String reason();
}
