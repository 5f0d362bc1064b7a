package org.vaetexture.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imglib2.view.Views;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaetexture.TestImages;
import org.vaetexture.TinyModels;
import org.vaetexture.api.Monitor;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeModel;
import org.vaetexture.novelty.NoveltyCalibration;
import org.vaetexture.segment.SegmentationOptions;
import org.vaetexture.segment.TextureClasses;
import org.vaetexture.store.ChunkedArray;
import org.vaetexture.store.OmeZarr;

/**
 * The Spark job in local mode (two executor threads, a real Spark context): its map equals the
 * single-machine map bit for bit, a re-run fills exactly the chunks that are missing, and bad
 * input fails with one line.
 */
class SparkMapJobTest {

	@TempDir
	static Path dir;
	private static TextureImage cell;
	private static VaeModel model;
	private static Path modelFile, input;

	@BeforeAll
	static void setUp() {
		cell = TestImages.open("cell.tif");
		model = NoveltyCalibration.calibrate(TinyModels.train(cell, 4), List.of(cell), 0.05, f -> {},
			() -> false);
		modelFile = dir.resolve("cell-model.zip");
		VaeTexture.save(model, modelFile);
		input = dir.resolve("cell.zarr");
		VaeTexture.convert(TestImages.sample("cell.tif"), input, 100, "zlib", Monitor.NONE);
	}

	private static String[] run(final int expectedCode, final String... args) {
		final List<String> all = new ArrayList<>(Arrays.asList(args));
		all.addAll(List.of("--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf",
			"spark.driver.host=127.0.0.1"));
		final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		final int code = SparkMapJob.run(new PrintStream(out, true), new PrintStream(err, true), all
			.toArray(new String[0]));
		final String text = err.toString(StandardCharsets.UTF_8);
		assertEquals(expectedCode, code, text);
		return text.split("\n");
	}

	private static float[] read(final Path group) {
		final ChunkedArray a = OmeZarr.open(group).array();
		return a.read(new long[2], new int[] { (int) a.shape()[0], (int) a.shape()[1] });
	}

	private static float[] wholeImageNovelty() {
		final float[] v = new float[cell.width() * cell.height()];
		int i = 0;
		for (final var t : Views.flatIterable(VaeTexture.novelty(model, cell,
			Monitor.NONE)))
			v[i++] = t.get();
		return v;
	}

	@Test
	void theSparkMapEqualsTheSingleMachineMapAndResumes() throws IOException {
		final Path out = dir.resolve("novelty.zarr");
		final String[] first = run(0, "novelty", "--model", modelFile.toString(), "--input", input
			.toString(), "--output", out.toString(), "--chunk", "256");
		assertTrue(first[first.length - 1].startsWith("wrote 9 chunk(s)"), String.join("\n", first));
		final float[] expected = wholeImageNovelty();
		assertArrayEquals(expected, read(out));

		Files.delete(out.resolve("0/0.1"));
		Files.delete(out.resolve("0/2.2"));
		final String[] again = run(0, "novelty", "--model", modelFile.toString(), "--input", input
			.toString(), "--output", out.toString(), "--chunk", "256");
		assertTrue(again[again.length - 1].startsWith("wrote 2 chunk(s)") && again[again.length - 1]
			.contains("(7 of 9 were there already)"), String.join("\n", again));
		assertArrayEquals(expected, read(out));
	}

	/** The class fit runs once, on the driver, from a seeded sample; the executors label with it. */
	@Test
	void labelsUseClassesFittedOnTheDriver() {
		final Path out = dir.resolve("labels.zarr"), centres = dir.resolve("classes.json");
		run(0, "labels", "--model", modelFile.toString(), "--input", input.toString(), "--output", out
			.toString(), "--classes", "2", "--seed", "4", "--write-centres", centres.toString());
		final TextureClasses fitted = VaeTexture.fitClasses(model, input, SegmentationOptions.defaults()
			.withClasses(2).withSeed(4), Monitor.NONE);
		final float[] expected = new float[cell.width() * cell.height()];
		int i = 0;
		for (final var t : Views.flatIterable(VaeTexture.segment(model, cell, fitted, Monitor.NONE)))
			expected[i++] = t.get();
		assertArrayEquals(expected, read(out));
		assertEquals(2, VaeTexture.loadClasses(centres).count());
		final String[] refused = run(2, "labels", "--model", modelFile.toString(), "--input", input
			.toString(), "--output", dir.resolve("x.zarr").toString(), "--centres", centres.toString(),
			"--classes", "3");
		assertTrue(refused[refused.length - 1].startsWith("error: --centres '") && refused[refused.length -
			1].endsWith("holds 2 classes but --classes says 3"), String.join("\n", refused));
	}

	@Test
	void badInputFailsWithOneLine() throws IOException {
		final Path out = dir.resolve("kl.zarr");
		run(0, "kl", "--model", modelFile.toString(), "--input", input.toString(), "--output", out
			.toString());
		final Path other = dir.resolve("other-model.zip");
		VaeTexture.save(TinyModels.train(TestImages.open("gravel.tif"), 4), other);
		final String[] refused = run(2, "kl", "--model", other.toString(), "--input", input.toString(),
			"--output", out.toString());
		assertTrue(refused[refused.length - 1].startsWith("error: output '") && refused[refused.length -
			1].contains("was written with model"), String.join("\n", refused));
		final String[] unknown = run(2, "nov", "--model", modelFile.toString(), "--input", input
			.toString(), "--output", dir.resolve("x.zarr").toString());
		assertTrue(unknown[unknown.length - 1].startsWith("error: unknown map 'nov'"));
	}
}
