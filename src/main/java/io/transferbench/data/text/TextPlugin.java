package io.transferbench.data.text;

import io.transferbench.catalog.Plugin;
import io.transferbench.data.DatasetSource;

import java.util.List;

/** Text datasets: SpamAssassin emails and Brown corpus genres. */
public final class TextPlugin implements Plugin {

    @Override
    public List<DatasetSource> datasets() {
        return List.of(new SpamAssassinDataset(), new BrownGenresDataset());
    }
}
