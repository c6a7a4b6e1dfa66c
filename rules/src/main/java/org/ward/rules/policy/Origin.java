package org.ward.rules.policy;

/**
 * Where a YAML node came from: the file as the user named it, the 1-based line, and the field path inside that
 * file ("rules[3].severity"). Nodes keep their origin through extension merging, so an error always names the
 * file that holds the wrong value.
 */
record Origin(String source, int line, String path) {

    Origin child(String key, int childLine) {
        return new Origin(source, childLine, path.isEmpty() ? key : path + "." + key);
    }

    Origin element(int index, int childLine) {
        return new Origin(source, childLine, path + "[" + index + "]");
    }

    /** The path of a field of this map that may be missing ("rules[3].title"). */
    Origin field(String key) {
        return new Origin(source, line, path.isEmpty() ? key : path + "." + key);
    }
}
