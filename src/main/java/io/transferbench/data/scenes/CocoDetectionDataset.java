package io.transferbench.data.scenes;

import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.IoReason;
import io.transferbench.Mappers;
import io.transferbench.assets.AssetAccess;
import io.transferbench.assets.LocalFiles;
import io.transferbench.data.LocalDataset;
import io.transferbench.data.Splits;
import io.transferbench.data.images.Augmentation;
import io.transferbench.data.images.RasterImage;
import io.transferbench.data.images.RgbaPixels;
import io.transferbench.spec.DatasetSpec;
import io.transferbench.spec.Rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Your own detection data in COCO's format: {@code dataset.path} names the annotation JSON
 * ({@code images}, {@code annotations} with {@code bbox: [x, y, width, height]},
 * {@code categories}); {@code options.images} the folder of the pictures, relative to the JSON's
 * folder. Classes are the categories in id order, after the background. Each picture is fitted
 * into the model's square ({@link Letterbox}) and its boxes with it; crowd annotations are left
 * out and counted, as are pictures that are missing or cannot be decoded. An annotation naming an
 * image or category the file does not have stops the suite before anything runs.
 */
public final class CocoDetectionDataset implements LocalDataset {

    @Override
    public String name() {
        return "coco-detection";
    }

    @Override
    public String description() {
        return "your detection data: a COCO annotation JSON at dataset.path and its images folder (options.images)";
    }

    @Override
    public String inputKind() {
        return "image";
    }

    @Override
    public Set<String> tasks() {
        return Set.of(StampScenesDataset.DETECTION);
    }

    @Override
    public Rule.ObjectRule optionsRule() {
        return Rule.object()
                .optional("images", Rule.text(".+", "the images folder, relative to the JSON's folder"), "images")
                .optional("image-size", Rule.integer(32, 1024), 128)
                .optional("augment", Rule.choice("augmentation", Augmentation.NAMES), Augmentation.NONE.name())
                .build();
    }

    /** The annotation file and the images folder, each digested. */
    @Override
    public List<String> assetIds(DatasetSpec spec) {
        return List.of(LocalFiles.id(LocalDataset.path(spec)), LocalFiles.id(imagesFolder(spec)));
    }

    @Override
    public String version() {
        return "coco-detection/1";
    }

    private static Path imagesFolder(DatasetSpec spec) {
        Path json = LocalDataset.path(spec).toAbsolutePath();
        return json.getParent().resolve(spec.options().path("images").asText("images")).normalize();
    }

    /** What the annotation file says, checked for references to what it does not have. */
    private record Annotations(List<JsonNode> images, Map<Long, List<JsonNode>> boxesOf, Map<Long, Integer> classOf,
                               List<String> classNames, long crowd) {}

    @Override
    public List<String> checkFiles(DatasetSpec spec) {
        List<String> problems = new ArrayList<>();
        read(LocalDataset.path(spec), problems);
        LocalFiles.notAFolder(imagesFolder(spec))
                .ifPresent(p -> problems.add(p + " (dataset.options.images, relative to the JSON's folder)"));
        return problems;
    }

    @Override
    public Splits load(DatasetSpec spec, AssetAccess assets) {
        List<String> problems = new ArrayList<>();
        Annotations coco = read(assets.directory(assetIds(spec).get(0)), problems);
        LocalFiles.refuseIfAny(problems);
        Path folder = assets.directory(assetIds(spec).get(1));
        int size = spec.intOption("image-size", 128);
        AnnotatedImages images = new AnnotatedImages();
        int maxObjects = 1;
        long boxes = 0;
        for (JsonNode entry : coco.images()) {
            String file = entry.path("file_name").asText();
            Optional<RgbaPixels> pixels = RgbaPixels.read(folder.resolve(file));
            if (pixels.isEmpty()) {
                images.skip();
                continue;
            }
            RasterImage image = pixels.get().over(Letterbox.GREY);
            Letterbox fit = Letterbox.of(image.width(), image.height(), size);
            List<SceneObject> objects = new ArrayList<>();
            for (JsonNode a : coco.boxesOf().getOrDefault(entry.path("id").asLong(), List.of())) {
                JsonNode b = a.path("bbox");
                double[] box = fit.box(b.get(0).asDouble(), b.get(1).asDouble(), b.get(0).asDouble()
                        + b.get(2).asDouble(), b.get(1).asDouble() + b.get(3).asDouble());
                if (box != null) {
                    int area = (int) Math.round((box[2] - box[0]) * (box[3] - box[1]));
                    objects.add(new SceneObject(coco.classOf().get(a.path("category_id").asLong()),
                            (int) Math.floor(box[0]), (int) Math.floor(box[1]), (int) Math.ceil(box[2]),
                            (int) Math.ceil(box[3]), area, area));
                }
            }
            maxObjects = Math.max(maxObjects, objects.size());
            boxes += objects.size();
            images.add(new Scene(fit.image(image), new byte[size * size], objects), file);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("boxes", boxes);
        counts.put("skipped-crowd-annotations", coco.crowd());
        return images.splits(spec, size, new SceneBoxes(maxObjects), coco.classNames(), counts);
    }

    private static Annotations read(Path json, List<String> problems) {
        JsonNode root;
        try {
            root = Mappers.RECORDS.readTree(json.toFile());
        } catch (IOException e) {
            problems.add(json + ": " + (Files.exists(json) ? "not COCO JSON: " + IoReason.of(e) : "no such file"));
            return null;
        }
        for (String field : List.of("images", "annotations", "categories")) {
            if (!root.path(field).isArray()) {
                problems.add(json + ": no '" + field + "' array; a COCO annotation file has images, annotations and"
                        + " categories");
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        Map<Long, String> categories = new TreeMap<>();
        root.get("categories").forEach(c -> categories.put(c.path("id").asLong(), c.path("name").asText()));
        if (categories.isEmpty()) {
            problems.add(json + ": 'categories' is empty");
        }
        List<String> classNames = new ArrayList<>(List.of("background"));
        Map<Long, Integer> classOf = new HashMap<>();
        categories.forEach((id, name) -> {
            classOf.put(id, classNames.size() - 1);
            classNames.add(name);
        });
        Map<Long, JsonNode> imageById = new HashMap<>();
        List<JsonNode> images = new ArrayList<>();
        root.get("images").forEach(i -> {
            imageById.put(i.path("id").asLong(), i);
            images.add(i);
        });
        Map<Long, List<JsonNode>> boxesOf = new HashMap<>();
        long crowd = 0;
        int index = 0;
        for (JsonNode a : root.get("annotations")) {
            String where = json + ": annotations[" + index++ + "]";
            if (!imageById.containsKey(a.path("image_id").asLong())) {
                problems.add(where + ": image_id " + a.path("image_id") + " is not among the images");
            } else if (!classOf.containsKey(a.path("category_id").asLong())) {
                problems.add(where + ": category_id " + a.path("category_id") + " is not among the categories");
            } else if (!a.path("bbox").isArray() || a.path("bbox").size() != 4) {
                problems.add(where + ": bbox must be [x, y, width, height]");
            } else if (a.path("iscrowd").asInt(0) == 1) {
                crowd++;
            } else {
                boxesOf.computeIfAbsent(a.path("image_id").asLong(), k -> new ArrayList<>()).add(a);
            }
            if (problems.size() > 10) {
                break;
            }
        }
        return new Annotations(images, boxesOf, classOf, classNames, crowd);
    }
}
