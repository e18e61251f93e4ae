package io.transferbench.catalog;

import io.transferbench.BenchException;
import io.transferbench.data.DatasetSource;
import io.transferbench.models.ModelFamily;
import io.transferbench.tasks.Task;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The tasks, model families and datasets this build knows. Domains plug in as {@link Plugin}s
 * through {@link ServiceLoader}, so the core never names a domain.
 */
public final class Catalog {

    private final Map<String, Task> tasks;
    private final Map<String, ModelFamily> models;
    private final Map<String, DatasetSource> datasets;

    public Catalog(Collection<Task> tasks, Collection<ModelFamily> models, Collection<DatasetSource> datasets) {
        this.tasks = index(tasks, Task::name);
        this.models = index(models, ModelFamily::name);
        this.datasets = index(datasets, DatasetSource::name);
    }

    /** Everything registered on the classpath. */
    public static Catalog discover() {
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get).toList();
        return new Catalog(
                plugins.stream().flatMap(p -> p.tasks().stream()).toList(),
                plugins.stream().flatMap(p -> p.models().stream()).toList(),
                plugins.stream().flatMap(p -> p.datasets().stream()).toList());
    }

    public Map<String, Task> tasks() {
        return tasks;
    }

    /** The tasks some dataset supports: the ones a suite can actually run. */
    public Map<String, Task> servedTasks() {
        Map<String, Task> served = new TreeMap<>(tasks);
        served.keySet().retainAll(datasets.values().stream().flatMap(d -> d.tasks().stream()).toList());
        return java.util.Collections.unmodifiableMap(served);
    }

    public Map<String, ModelFamily> models() {
        return models;
    }

    public Map<String, DatasetSource> datasets() {
        return datasets;
    }

    public Task task(String name) {
        return get(tasks, name, "task");
    }

    public ModelFamily model(String name) {
        return get(models, name, "model");
    }

    public DatasetSource dataset(String name) {
        return get(datasets, name, "dataset");
    }

    private static <T> T get(Map<String, T> map, String name, String what) {
        T t = map.get(name);
        if (t == null) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT,
                    "unknown " + what + " '" + name + "'; known: " + String.join(", ", map.keySet()));
        }
        return t;
    }

    private static <T> Map<String, T> index(Collection<T> items, Function<T, String> name) {
        Map<String, T> map = new TreeMap<>();
        for (T item : items) {
            if (map.put(name.apply(item), item) != null) {
                throw new IllegalStateException("two plug-ins are both named '" + name.apply(item) + "'");
            }
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
