package org.vaetexture.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaetexture.TestImages;
import org.vaetexture.model.ModelFile;

/** The command line as a user meets it: exit codes, one-line errors, clean stdout, no stray files. */
class MainTest {

	@TempDir
	Path dir;

	private String out, err;

	private int run(final String... args) {
		final CliRun r = CliRun.of(args);
		out = r.out;
		err = r.err;
		return r.code;
	}

	private String[] train(final String input, final String... more) {
		final Map<String, String> options = new LinkedHashMap<>();
		options.put("--input", input);
		options.put("--model", dir.resolve("m.zip").toString());
		options.put("--tile-size", "16");
		options.put("--epochs", "1");
		options.put("--steps-per-epoch", "3");
		options.put("--batch-size", "16");
		for (int i = 0; i < more.length; i += 2)
			options.put(more[i], more[i + 1]);
		final List<String> args = new ArrayList<>(List.of("train"));
		options.forEach((k, v) -> args.addAll(List.of(k, v)));
		return args.toArray(new String[0]);
	}

	@Test
	void trainWritesAModelThatInfoShows() {
		assertEquals(0, run(train(TestImages.sample("brick.tif").toString())), err);
		assertEquals("", out, "stdout carries results only");
		assertTrue(err.contains("epoch 1/1"), err);
		assertTrue(Files.isRegularFile(dir.resolve("m.zip")));
		assertEquals(0, run("info", "--model", dir.resolve("m.zip").toString()), err);
		assertTrue(out.contains("(format " + ModelFile.FORMAT_VERSION + ")"), out);
		assertTrue(out.contains("tile size      16"), out);
		assertTrue(out.contains("brick.tif"), out);
		assertTrue(out.contains("grey-level shape: skewness over 19 x 19 pixels"), out);
		assertTrue(out.contains("detail orientation: steps of 1 and 2 pixels over 17 x 17 pixels"), out);
	}

	@Test
	void mapCommandsWriteTiffsOfTheImageSize() {
		assertEquals(0, run(train(TestImages.sample("gravel.tif").toString())), err);
		final String m = dir.resolve("m.zip").toString();
		final String brick = TestImages.sample("brick.tif").toString();
		assertEquals(0, run("features", "--model", m, "--input", brick, "--output", dir.resolve("f.tif")
			.toString()), err);
		final ImagePlus features = IJ.openImage(dir.resolve("f.tif").toString());
		assertEquals(512, features.getWidth());
		assertEquals(16, features.getStackSize(), "one slice per latent dimension");
		assertEquals(32, features.getBitDepth());
		assertEquals(0, run("novelty", "--model", m, "--input", brick, "--output", dir.resolve("n.tif")
			.toString(), "--mask-output", dir.resolve("mask.tif").toString(), "--explain", dir.resolve(
				"terms.tif").toString()), err);
		assertEquals(512, IJ.openImage(dir.resolve("n.tif").toString()).getHeight());
		final ImagePlus terms = IJ.openImage(dir.resolve("terms.tif").toString());
		assertEquals(5, terms.getStackSize(), "code, energy, roughness, shape, orientation");
		assertEquals("roughness (nats)", terms.getStack().getSliceLabel(3));
		assertEquals("shape (nats)", terms.getStack().getSliceLabel(4));
		assertEquals("orientation (nats)", terms.getStack().getSliceLabel(5));
		final ImagePlus calibrated = IJ.openImage(brick);
		calibrated.getCalibration().pixelWidth = 0.25;
		calibrated.getCalibration().pixelHeight = 0.25;
		calibrated.getCalibration().setUnit("um");
		final Path input = TestImages.save(calibrated, dir.resolve("calibrated.tif"));
		assertEquals(0, run("kl", "--model", m, "--input", input.toString(), "--output", dir.resolve(
			"klc.tif").toString()), err);
		final ImagePlus kl = IJ.openImage(dir.resolve("klc.tif").toString());
		assertEquals(0.25, kl.getCalibration().pixelWidth, 1e-9, "calibration carried to the output");
		assertEquals(IJ.openImage(input.toString()).getCalibration().getUnit(), kl.getCalibration()
			.getUnit());
		final float[] mask = (float[]) IJ.openImage(dir.resolve("mask.tif").toString()).getProcessor()
			.getPixels();
		final float[] heat = (float[]) IJ.openImage(dir.resolve("n.tif").toString()).getProcessor()
			.getPixels();
		final double threshold = ModelFile.load(Path.of(m)).novelty().threshold();
		final float[][] parts = new float[terms.getStackSize()][];
		for (int t = 0; t < parts.length; t++)
			parts[t] = (float[]) terms.getStack().getPixels(t + 1);
		int scores = 0;
		for (int i = 0; i < mask.length; i++) {
			assertEquals(heat[i] > threshold ? 1 : 0, mask[i], "mask = heatmap > threshold at " + i);
			double sum = 0;
			for (final float[] part : parts)
				sum += part[i];
			assertEquals(heat[i], sum, 1e-4 * Math.max(1, heat[i]), "the terms add up to the score at " +
				i);
			if (heat[i] != 0 && heat[i] != 1) scores++;
		}
		assertTrue(scores > mask.length / 2, "the heatmap holds scores, not the mask");
		assertEquals(0, run("kl", "--model", m, "--input", brick, "--output", dir.resolve("kl.tif")
			.toString()), err);
		assertEquals(0, run("reconstruct", "--model", m, "--input", brick, "--output", dir.resolve(
			"r.tif").toString(), "--error-output", dir.resolve("e.tif").toString()), err);
		assertEquals(512, IJ.openImage(dir.resolve("e.tif").toString()).getWidth());
		assertEquals("", out);
	}

	@Test
	void mapOfAnImageTheModelCannotRead() {
		assertEquals(0, run(train(TestImages.sample("gravel.tif").toString())), err);
		final String m = dir.resolve("m.zip").toString();
		assertError(new String[] { "novelty", "--model", m, "--input", TestImages.sample("ihc.tif")
			.toString(), "--output", dir.resolve("n.tif").toString() }, "has 3 channel(s)");
		assertError(new String[] { "novelty", "--model", m, "--input", TestImages.sample("brick.tif")
			.toString(), "--output", dir.resolve("none/n.tif").toString() }, "does not exist");
		assertError(new String[] { "features", "--model", dir.resolve("missing.zip").toString(),
			"--input", TestImages.sample("brick.tif").toString(), "--output", dir.resolve("f.tif")
				.toString() }, "does not exist");
	}

	@Test
	void missingInput() {
		assertError(train(dir.resolve("nothing.tif").toString()), "does not exist");
	}

	@Test
	void notAnImage() throws IOException {
		final Path text = Files.write(dir.resolve("notes.tif"), "hello".getBytes(StandardCharsets.UTF_8));
		assertError(train(text.toString()), "is not an image ImageJ can read");
	}

	@Test
	void folderAsInput() {
		assertError(train(dir.toString()), "is a folder");
	}

	@Test
	void imageSmallerThanTheTile() {
		final Path small = TestImages.save(TestImages.noise(10, 10, 1), dir.resolve("small.tif"));
		assertError(train(small.toString()), "smaller than the tile size 16");
	}

	@Test
	void constantImage() {
		final Path flat = TestImages.save(TestImages.constant(40, 40, 3), dir.resolve("flat.tif"));
		assertError(train(flat.toString()), "is constant");
	}

	@Test
	void nanPixels() {
		final ImagePlus imp = TestImages.noise(40, 40, 1);
		imp.getProcessor().putPixelValue(3, 4, Float.NaN);
		assertError(train(TestImages.save(imp, dir.resolve("nan.tif")).toString()), "NaN");
	}

	@Test
	void badOptions() {
		final String brick = TestImages.sample("brick.tif").toString();
		assertError(train(brick, "--tile-size", "15"), "tile size must be an even number");
		assertError(train(brick, "--tile-size", "0"), "tile size must be an even number");
		assertError(train(brick, "--latent-dim", "0"), "latent dim must be from 1");
		assertError(train(brick, "--epochs", "-2"), "epochs must be from 1");
		assertError(train(brick, "--epochs", "many"), "'many' is not an int");
		assertError(train(brick, "--colour", "red"), "Unknown option");
		assertError(new String[] { "train", "--input", brick }, "Missing required option");
		assertError(new String[] { "fly" }, "Unmatched argument");
	}

	@Test
	void corruptModel() throws IOException {
		final Path bad = Files.write(dir.resolve("bad.zip"), new byte[] { 80, 75, 3, 4, 0, 0 });
		assertError(new String[] { "info", "--model", bad.toString() }, "not a VAE Texture model");
	}

	@Test
	void modelInAMissingFolder() {
		final String[] args = train(TestImages.sample("brick.tif").toString());
		assertEquals("--model", args[3]);
		args[4] = dir.resolve("missing/m.zip").toString();
		assertError(args, "does not exist");
	}

	private void assertError(final String[] args, final String part) {
		final String[] before = dir.toFile().list();
		assertEquals(Main.USAGE, run(args), err);
		assertTrue(err.startsWith("error: ") && err.contains(part), err);
		assertEquals(1, err.strip().split("\n").length, "one line: " + err);
		assertEquals("", out);
		assertArrayEquals(before, dir.toFile().list(), "nothing written");
	}
}
