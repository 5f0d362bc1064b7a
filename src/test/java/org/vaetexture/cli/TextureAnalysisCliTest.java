package org.vaetexture.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaetexture.TestImages;

/** traverse, generate, overview and segment on the command line, on grey and RGB images. */
class TextureAnalysisCliTest {

	@TempDir
	static Path dir;

	private static Path model;
	private String err;

	private int run(final String... args) {
		final CliRun r = CliRun.of(args);
		err = r.err;
		return r.code;
	}

	private static Path train(final String sample, final String name) {
		final Path file = dir.resolve(name);
		final CliRun r = CliRun.of("train", "--input", TestImages.sample(sample).toString(), "--model",
			file.toString(), "--tile-size", "8", "--latent-dim", "3", "--epochs", "1",
			"--steps-per-epoch", "5", "--batch-size", "16");
		assertEquals(0, r.code, r.err);
		return file;
	}

	@BeforeAll
	static void trainOnGravel() {
		model = train("gravel.tif", "gravel.zip");
	}

	@Test
	void traverseWritesOneRowPerLatentDimension() {
		final Path out = dir.resolve("traverse.tif");
		assertEquals(0, run("traverse", "--model", model.toString(), "--output", out.toString(),
			"--steps", "5"), err);
		final ImagePlus montage = IJ.openImage(out.toString());
		assertEquals(5 * 8, montage.getWidth());
		assertEquals(3 * 8, montage.getHeight());
		assertEquals(2, run("traverse", "--model", model.toString(), "--output", out.toString(),
			"--steps", "1"));
		assertTrue(err.startsWith("error: steps must be from 2 to 101"), err);
	}

	@Test
	void generateWritesASeededTileStack() {
		final Path a = dir.resolve("a.tif"), b = dir.resolve("b.tif");
		assertEquals(0, run("generate", "--model", model.toString(), "--output", a.toString(),
			"--count", "4", "--seed", "7"), err);
		assertEquals(0, run("generate", "--model", model.toString(), "--output", b.toString(),
			"--count", "4", "--seed", "7"), err);
		final ImagePlus tiles = IJ.openImage(a.toString());
		assertEquals(8, tiles.getWidth());
		assertEquals(4, tiles.getStackSize());
		tiles.setSlice(3);
		final ImagePlus again = IJ.openImage(b.toString());
		again.setSlice(3);
		assertArrayEquals((float[]) tiles.getProcessor().getPixels(), (float[]) again.getProcessor()
			.getPixels());
	}

	@Test
	void reconstructTilesPutsTilesBesideTheirReconstructions() {
		final Path out = dir.resolve("pairs.tif");
		assertEquals(0, run("reconstruct-tiles", "--model", model.toString(), "--input", TestImages
			.sample("gravel.tif").toString(), "--output", out.toString(), "--count", "4"), err);
		final ImagePlus pairs = IJ.openImage(out.toString());
		assertEquals(2 * 8, pairs.getWidth());
		assertEquals(4 * 8, pairs.getHeight());
	}

	@Test
	void overviewIsAnRgbImageOfTheInputSize() {
		final Path out = dir.resolve("overview.tif");
		assertEquals(0, run("overview", "--model", model.toString(), "--input", TestImages.sample(
			"brick.tif").toString(), "--output", out.toString()), err);
		final ImagePlus rgb = IJ.openImage(out.toString());
		assertEquals(ImagePlus.COLOR_RGB, rgb.getType());
		assertEquals(512, rgb.getWidth());
	}

	@Test
	void segmentLabelsAndReusesItsClasses() throws IOException {
		final Path labels = dir.resolve("labels.tif"), centres = dir.resolve("centres.json");
		assertEquals(0, run("segment", "--model", model.toString(), "--input", TestImages.sample(
			"gravel.tif").toString(), "--classes", "3", "--output", labels.toString(), "--write-centres",
			centres.toString()), err);
		final ImagePlus first = IJ.openImage(labels.toString());
		assertEquals(8, first.getBitDepth());
		final byte[] pixels = (byte[]) first.getProcessor().getPixels();
		final boolean[] seen = new boolean[256];
		for (final byte v : pixels)
			seen[v & 0xff] = true;
		assertTrue(seen[1] && seen[2] && seen[3] && !seen[0] && !seen[4], "labels 1 to 3");
		final Path again = dir.resolve("again.tif");
		assertEquals(0, run("segment", "--model", model.toString(), "--input", TestImages.sample(
			"gravel.tif").toString(), "--centres", centres.toString(), "--output", again.toString()),
			err);
		assertArrayEquals(pixels, (byte[]) IJ.openImage(again.toString()).getProcessor().getPixels(),
			"the same classes label the same image the same way");
		assertEquals(2, run("segment", "--model", model.toString(), "--input", TestImages.sample(
			"gravel.tif").toString(), "--classes", "256", "--output", again.toString()));
		assertTrue(err.startsWith("error: classes must be from 2 to 255"), err);
		final Path other = train("brick.tif", "brick.zip");
		assertEquals(2, run("segment", "--model", other.toString(), "--input", TestImages.sample(
			"brick.tif").toString(), "--centres", centres.toString(), "--output", dir.resolve("x.tif")
				.toString()));
		assertTrue(err.startsWith("error: the class centres were made with another model"), err);
		assertFalse(Files.exists(dir.resolve("x.tif")));
		Files.writeString(dir.resolve("bad.json"), "{\"format\": 3}");
		assertEquals(2, run("segment", "--model", model.toString(), "--input", TestImages.sample(
			"brick.tif").toString(), "--centres", dir.resolve("bad.json").toString(), "--output", dir
				.resolve("x.tif").toString()));
		assertTrue(err.contains("is not a centres file"), err);
		assertEquals(2, run("segment", "--model", model.toString(), "--input", TestImages.sample(
			"gravel.tif").toString(), "--centres", centres.toString(), "--seed", "7", "--output", dir
				.resolve("x.tif").toString()));
		assertTrue(err.startsWith("error: --seed is for fitting classes; --centres '"), err);
		assertFalse(Files.exists(dir.resolve("x.tif")));
	}

	@Test
	void rgbTissueWorksEndToEnd() {
		final Path rgbModel = train("ihc.tif", "ihc.zip");
		final String ihc = TestImages.sample("ihc.tif").toString();
		for (final String map : new String[] { "features", "novelty", "overview" })
			assertEquals(0, run(map, "--model", rgbModel.toString(), "--input", ihc, "--output", dir
				.resolve("ihc-" + map + ".tif").toString()), err);
		assertEquals(3, IJ.openImage(dir.resolve("ihc-features.tif").toString()).getStackSize());
		assertEquals(0, run("segment", "--model", rgbModel.toString(), "--input", ihc, "--classes", "2",
			"--output", dir.resolve("ihc-classes.tif").toString()), err);
		assertEquals(0, run("generate", "--model", rgbModel.toString(), "--output", dir.resolve(
			"ihc-generated.tif").toString(), "--count", "2"), err);
		final ImagePlus generated = IJ.openImage(dir.resolve("ihc-generated.tif").toString());
		assertEquals(3, generated.getNChannels());
		assertEquals(2, generated.getNSlices() * generated.getNFrames());
		assertEquals(0, run("traverse", "--model", rgbModel.toString(), "--output", dir.resolve(
			"ihc-traverse.tif").toString()), err);
		final ImagePlus traverse = IJ.openImage(dir.resolve("ihc-traverse.tif").toString());
		assertEquals(3, traverse.getNChannels());
		assertEquals(7 * 8, traverse.getWidth());
	}
}
