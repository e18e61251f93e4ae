package io.transferbench.data.text;

import io.transferbench.catalog.Plugin;
import io.transferbench.data.DatasetSource;

import java.util.List;

/** Text datasets: SpamAssassin emails, Brown corpus genres, and the user's own tables of texts. */
public final class TextPlugin implements Plugin {

    @Override
    public List<DatasetSource> datasets() {
        return List.of(new SpamAssassinDataset(), new BrownGenresDataset(), new TextTableDataset());
    }
}
