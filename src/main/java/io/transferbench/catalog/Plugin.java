package io.transferbench.catalog;

import io.transferbench.data.DatasetSource;
import io.transferbench.models.ModelFamily;
import io.transferbench.tasks.Task;

import java.util.List;

/**
 * A domain's contribution to the catalog. Each domain registers one implementation in
 * {@code META-INF/services/io.transferbench.catalog.Plugin}; adding a domain touches nothing else.
 */
public interface Plugin {

    default List<Task> tasks() {
        return List.of();
    }

    default List<ModelFamily> models() {
        return List.of();
    }

    default List<DatasetSource> datasets() {
        return List.of();
    }
}
