package io.transferbench.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups examples that share any key (a message id, a document, identical content), for
 * {@link SplitPlan}: an example joins the groups of all earlier examples with one of its keys, so
 * near and exact copies never sit in two splits. Union-find underneath.
 */
public final class ExampleGroups {

    private final List<Integer> parent = new ArrayList<>();
    private final Map<String, Integer> firstWithKey = new HashMap<>();

    /** Adds the next example with its keys. */
    public void add(String... keys) {
        int i = parent.size();
        parent.add(i);
        for (String key : keys) {
            Integer first = firstWithKey.putIfAbsent(key, i);
            if (first != null) {
                parent.set(root(i), root(first));
            }
        }
    }

    private int root(int i) {
        while (parent.get(i) != i) {
            parent.set(i, parent.get(parent.get(i)));
            i = parent.get(i);
        }
        return i;
    }

    /** Each example's group, named by its group's first example (stable for a fixed input order). */
    public List<String> names() {
        List<String> groups = new ArrayList<>(parent.size());
        for (int i = 0; i < parent.size(); i++) {
            groups.add(Integer.toString(root(i)));
        }
        return groups;
    }
}
