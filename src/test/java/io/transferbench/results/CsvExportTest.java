package io.transferbench.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.Mappers;
import io.transferbench.suite.ConfigSchema;
import io.transferbench.results.EpochPoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** results.csv and curves.csv of two hand-made records, cell by cell. */
class CsvExportTest {

    private static CellRecord record(String id, int index, String status, Map<String, Double> val,
                                     Map<String, Double> test, List<EpochPoint> curve, String reason) {
        ObjectNode config = Mappers.RECORDS.createObjectNode();
        config.put("strategy", "finetune").put("freeze", "all").put("schedule", "constant").put("lr", 0.003)
                .put("layer-decay", 1.0);
        config.putObject("training").put("weight-decay", 0.1);
        return new CellRecord(id, index, "label", status, reason, config, ConfigSchema.CURRENT, 7, Map.of(), null, val, test, null, null, 2, curve,
                12.5, 10.0, 2.5, null, null, 1234.5678, 9000, 3L * 1048576, 100, 40, null, 2_000_000L, 2.5e9, null, 0,
                "cpu", null, null, null, null);
    }

    private static final List<CellRecord> RECORDS = List.of(
            record("aa", 0, CellRecord.OK, Map.of("accuracy", 0.75, "loss", 0.5), Map.of("accuracy", 0.5, "loss", 0.625),
                    List.of(new EpochPoint("train", 1, 1.0, 0.9, Map.of("accuracy", 0.25), 0.003, 1.5, 512L << 20, 100.0),
                            new EpochPoint("train", 2, 0.5, 0.4, Map.of("accuracy", 0.75), 0.0015, 3.0, null, null)),
                    null),
            record("bb", 1, CellRecord.FAILED, null, null, List.of(), "out of memory, really"));

    @Test
    void resultsHaveOneRowPerCellWithMetricsAndExtraAxesAsColumns() {
        List<String> lines = CsvExport.results(RECORDS, List.of("training.weight-decay")).lines().toList();
        assertEquals("cell_id,index,status,strategy,freeze,schedule,lr,layer_decay,seed,training.weight-decay,"
                + "val_accuracy,val_loss,test_accuracy,test_loss,best_epoch,wall_seconds,train_seconds,"
                + "time_to_target_seconds,train_samples_per_second,eval_samples_per_second,peak_rss_mb,params_total,"
                + "params_trainable,train_flops_per_sample,achieved_train_gflops,device,reason", lines.get(0));
        assertEquals("aa,0,ok,finetune,all,constant,0.003,1.0,7,0.1,0.750000,0.500000,0.500000,0.625000,2,12.5000,"
                + "10.0000,,1234.57,9000.00,3.0,100,40,2000000,2.500,cpu,", lines.get(1));
        assertEquals("bb,1,failed,finetune,all,constant,0.003,1.0,7,0.1,,,,,2,12.5000,10.0000,,1234.57,9000.00,3.0,100,"
                + "40,2000000,2.500,cpu,\"out of memory, really\"", lines.get(2));
        assertEquals(3, lines.size());
    }

    @Test
    void curvesHaveOneRowPerEpochPerCell() {
        List<String> lines = CsvExport.curves(RECORDS).lines().toList();
        assertEquals(List.of("cell_id,phase,epoch,train_loss,lr,elapsed_seconds,rss_bytes,train_samples_per_second,"
                        + "val_accuracy",
                "aa,train,1,1.00000,0.00300000,1.50000,536870912,100.000,0.250000",
                "aa,train,2,0.500000,0.00150000,3.00000,,,0.750000"), lines);
    }

    @Test
    void extraAxesAreTheDottedGridKeysInNameOrder() {
        ObjectNode grid = Mappers.RECORDS.createObjectNode();
        grid.putArray("seeds");
        grid.putArray("training.weight-decay");
        grid.putArray("model.name");
        grid.putArray("lr");
        assertEquals(List.of("model.name", "training.weight-decay"), CsvExport.extraAxes(grid));
    }
}
