package io.transferbench.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.transferbench.data.SplitPlan;
import io.transferbench.data.Splits;
import io.transferbench.spec.DatasetSpec;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextTableTest {

    @TempDir
    Path dir;

    private static final TextTable.Columns PLAIN = new TextTable.Columns("text", "label", null);

    @Test
    void csvRowsWithoutTextOrLabelAreSkippedAndCountedAndQuotedCommasAndNewlinesSurvive() throws Exception {
        Path csv = Files.writeString(dir.resolve("t.csv"), "id,text,label\n1,\"hello, world\",ham\n2,,spam\n"
                + "3,\"two\nlines\",spam\n4,no label,\n5,win now,spam\n");
        TextTable table = TextTable.read(csv, PLAIN);
        assertEquals(List.of(), table.problems());
        assertEquals(List.of("ham", "spam"), table.classNames());
        assertEquals(List.of("hello, world", "two\nlines", "win now"), table.rows().stream().map(TextTable.Row::text).toList());
        assertEquals(2, table.skipped());
    }

    @Test
    void tsvAndJsonLinesWithASplitColumnAndNumericLabelsInNumericOrder() throws Exception {
        Path tsv = Files.writeString(dir.resolve("t.tsv"), "body\ty\tpart\na\t10\ttrain\nb\t2\tTest\nc\t10\tval\n");
        TextTable table = TextTable.read(tsv, new TextTable.Columns("body", "y", "part"));
        assertEquals(List.of(), table.problems());
        assertEquals(List.of("2", "10"), table.classNames());
        assertEquals(List.of(SplitPlan.Assigned.TRAIN, SplitPlan.Assigned.TEST, SplitPlan.Assigned.VAL),
                table.rows().stream().map(TextTable.Row::split).toList());

        Path jsonl = Files.writeString(dir.resolve("t.jsonl"), "{\"text\": \"a\", \"label\": 1}\nnot json\n\n"
                + "{\"text\": \"b\", \"label\": 0}\n[1]\n");
        TextTable lines = TextTable.read(jsonl, PLAIN);
        assertEquals(List.of("0", "1"), lines.classNames());
        assertEquals(2, lines.rows().size());
        assertEquals(2, lines.skipped(), "the line that does not parse and the one that is no object");
    }

    @Test
    void unusableTablesAreRefusedNamingTheFileAndWhatIsWrong() throws Exception {
        assertProblem(TextTable.read(dir.resolve("none.csv"), PLAIN), "none.csv: no such file");
        assertProblem(TextTable.read(Files.writeString(dir.resolve("t.xlsx"), "x"), PLAIN), "unknown table format");
        assertProblem(TextTable.read(Files.writeString(dir.resolve("c.csv"), "message,label\nhi,a\n"), PLAIN),
                "c.csv: no column 'text'; its header has [message, label]");
        assertProblem(TextTable.read(Files.writeString(dir.resolve("one.csv"), "text,label\na,x\nb,x\n"), PLAIN),
                "holds one label [x]");
        assertProblem(TextTable.read(Files.writeString(dir.resolve("s.csv"), "text,label,split\na,x,train\nb,y,dev\n"),
                new TextTable.Columns("text", "label", "split")), "s.csv: row 2: split 'dev' in column 'split' is none of");
        assertProblem(TextTable.read(Files.writeString(dir.resolve("q.csv"), "text,label\n\"open,x\n"), PLAIN),
                "q.csv: not valid CSV");
        assertProblem(TextTable.read(Files.writeString(dir.resolve("j.jsonl"), "{\"body\": \"a\", \"label\": 1}\n"),
                PLAIN), "no row has the field 'text'");
    }

    @Test
    void givenSplitsAreKeptAndValidationIsDrawnFromTrainingWhenNoneIsGiven() throws Exception {
        StringBuilder csv = new StringBuilder("text,label,split\n");
        for (int i = 0; i < 40; i++) {
            csv.append("text number ").append(i).append(',').append(i % 2 == 0 ? "a" : "b").append(',')
                    .append(i < 30 ? "train" : "test").append('\n');
        }
        Path file = Files.writeString(dir.resolve("given.csv"), csv);
        DatasetSpec spec = new DatasetSpec("text-table", null, 0.2, 0.15, 0,
                JsonNodeFactory.instance.objectNode().put("split-column", "split"), file.toString());
        Splits splits = new TextTableDataset().load(spec, new io.transferbench.assets.LocalFiles(
                new io.transferbench.assets.NoAssets(dir.resolve("no.lock"))));
        assertEquals(10, splits.test().size(), "the test rows as given");
        assertEquals(30, splits.train().size() + splits.val().size());
        assertEquals(6, splits.val().size(), "a fifth of each class's training rows");
    }

    private static void assertProblem(TextTable table, String expected) {
        assertTrue(table.problems().stream().anyMatch(p -> p.contains(expected)), table.problems().toString());
    }
}
