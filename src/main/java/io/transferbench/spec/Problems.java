package io.transferbench.spec;

import io.transferbench.BenchException;

import java.util.ArrayList;
import java.util.List;

/** Collects every validation problem of a suite, so that one run reports them all. */
public final class Problems {

    private final LocatedTree tree;
    private final List<String> messages = new ArrayList<>();

    public Problems(LocatedTree tree) {
        this.tree = tree;
    }

    /** Problems not tied to a file, for probing whether a value would pass a rule. */
    static Problems detached() {
        return new Problems(new LocatedTree(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                java.util.Map.of(), new SourceLocation("", 0, 0)));
    }

    public void add(String path, String message) {
        String where = tree.locate(path).toString();
        messages.add(where + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    /** Takes over another file's problems, each with a note on the circumstance (a profile). */
    public void addAll(Problems other, String note) {
        other.messages.forEach(m -> messages.add(m + " (" + note + ")"));
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** Throws with all problems, one per line, if there are any. */
    public void throwIfAny(String what) {
        if (!messages.isEmpty()) {
            String header = messages.size() == 1 ? what + " has 1 problem:" : what + " has " + messages.size() + " problems:";
            throw new BenchException(
                    BenchException.EXIT_BAD_INPUT, header + "\n  " + String.join("\n  ", messages));
        }
    }
}
