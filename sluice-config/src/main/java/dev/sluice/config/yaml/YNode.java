package dev.sluice.config.yaml;

import dev.sluice.model.SourcePos;

/**
 * An immutable YAML value with the position it was written at. Nodes may be shared (YAML aliases
 * point at the same node), so a tree is really a DAG: never mutate, never assume uniqueness.
 */
public sealed interface YNode permits YMap, YSeq, YScalar, YReference {

    SourcePos pos();

    /** The YAML type name GitLab's messages use: hash, array, string, integer, boolean, null, float. */
    String typeName();

    default boolean isNull() {
        return this instanceof YScalar s && s.kind() == YScalar.Kind.NULL;
    }
}
