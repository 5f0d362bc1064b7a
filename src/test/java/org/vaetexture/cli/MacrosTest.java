package org.vaetexture.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaetexture.TestImages;

/** The shipped macros run by ImageJ's own interpreter, headless, through {@code macro}. */
class MacrosTest {

	@TempDir
	Path dir;

	private String out, err;

	private int run(final String... args) {
		final CliRun r = CliRun.of(args);
		out = r.out;
		err = r.err;
		return r.code;
	}

	private Path quickModel() {
		final Path model = dir.resolve("gravel.zip");
		assertEquals(0, run("train", "--input", TestImages.sample("gravel.tif").toString(), "--model",
			model.toString(), "--tile-size", "16", "--epochs", "1", "--steps-per-epoch", "3",
			"--batch-size", "16"), err);
		return model;
	}

	@Test
	void trainAndNoveltyOnTheOpenImage() {
		final Path model = dir.resolve("m.zip"), heat = dir.resolve("heat.tif");
		assertEquals(0, run("macro", "macros/train-and-novelty.ijm", TestImages.sample("gravel.tif") +
			"," + model + "," + heat + ",1"), err);
		assertTrue(Files.isRegularFile(model));
		final ImagePlus h = IJ.openImage(heat.toString());
		assertEquals(512, h.getWidth());
		assertEquals(32, h.getBitDepth());
		assertTrue(out.contains("novelty heatmap of gravel.tif saved"), out);
		assertTrue(!out.contains("Added differentiated op"), out);
	}

	@Test
	void imageJsOwnDialogFreeCommandsRunHeadless() throws IOException {
		// Copy, Paste, Crop, Smooth and Measure are added by ij.Menus in code, Select All carries a
		// shortcut in IJ_Props.txt: all must be in the headless command table
		final Path macro = Files.writeString(dir.resolve("builtins.ijm"), String.join("\n",
			"open(getArgument());", "run(\"Select All\");", "run(\"Copy\");",
			"newImage(\"copy\", \"8-bit black\", getWidth(), getHeight(), 1);", "run(\"Paste\");",
			"run(\"Smooth\");", "makeRectangle(0, 0, 100, 50);", "run(\"Crop\");", "run(\"Measure\");",
			"print(getTitle() + \" \" + getWidth() + \"x\" + getHeight() + \" \" + getResult(\"Area\", 0) + \" \" + (getResult(\"Mean\", 0) > 0));"));
		assertEquals(0, run("macro", macro.toString(), TestImages.sample("brick.tif").toString()), err);
		final String[] lines = out.trim().split("\n"); // headless, ImageJ prints its Results table too
		assertEquals("copy 100x50 5000 1", lines[lines.length - 1]);
	}

	@Test
	void commandsWithADialogRunHeadlessInAFreshJvm() throws IOException, InterruptedException {
		// ImageJ's dialogs are AWT windows; the macro command patches ImageJ before it loads (as
		// Fiji does), which only a JVM that has not loaded ImageJ yet allows: run one, as users do
		final Path macro = Files.writeString(dir.resolve("dialogs.ijm"), String.join("\n",
			"open(getArgument());", "run(\"Duplicate...\", \"title=copy\");",
			"run(\"Gaussian Blur...\", \"sigma=2\");",
			"run(\"Set Measurements...\", \"area mean redirect=None decimal=3\");", "run(\"Measure\");",
			"print(getTitle() + \" \" + getResult(\"Area\", 0));"));
		final String classpath = System.getProperty("surefire.test.class.path", System.getProperty(
			"java.class.path"));
		final Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
			"java").toString(), "--add-opens", "java.base/java.lang=ALL-UNNAMED",
			"-Djava.awt.headless=true", "-cp", classpath, Main.class.getName(), "macro", macro.toString(),
			TestImages.sample("brick.tif").toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
		final String output = new String(process.getInputStream().readAllBytes(),
			java.nio.charset.StandardCharsets.UTF_8).trim();
		assertEquals(0, process.waitFor(), output);
		final String[] lines = output.split("\n");
		assertEquals("copy 262144", lines[lines.length - 1]);
	}

	@Test
	void batchOverAFolder() throws IOException {
		final Path model = quickModel();
		final Path in = Files.createDirectory(dir.resolve("in")), outDir = dir.resolve("out");
		for (final String name : new String[] { "brick.tif", "grass.tif", "ihc.tif" })
			Files.copy(TestImages.sample(name), in.resolve(name));
		assertEquals(0, run("macro", "macros/batch-novelty.ijm", in + "," + model + "," + outDir), err);
		assertTrue(Files.isRegularFile(outDir.resolve("brick-novelty.tif")));
		assertTrue(Files.isRegularFile(outDir.resolve("grass-novelty.tif")));
		assertTrue(out.contains("2 heatmaps written"), out);
	}

	@Test
	void thresholdAndMeasureTheAnomalousArea() {
		final Path model = quickModel(), mask = dir.resolve("mask.tif");
		assertEquals(0, run("macro", "macros/novelty-area.ijm", TestImages.sample("brick.tif") + "," +
			model + "," + mask), err);
		assertTrue(out.contains("anomalous area: "), out);
		final float[] pixels = (float[]) IJ.openImage(mask.toString()).getProcessor().getPixels();
		for (final float v : pixels)
			assertTrue(v == 0 || v == 1);
	}

	@Test
	void textureAnalysisOfTheOpenImage() {
		final Path model = quickModel(), outDir = dir.resolve("analysis");
		assertEquals(0, run("macro", "macros/texture-analysis.ijm", TestImages.sample("gravel.tif") +
			"," + model + "," + outDir + ",3," + TestImages.sample("brick.tif")), err);
		assertTrue(out.contains("texture classes of gravel.tif: 1 to 3"), out);
		assertTrue(out.contains("labelled brick.tif with the same classes"), out);
		assertEquals(8, IJ.openImage(outDir.resolve("classes.tif").toString()).getBitDepth());
		assertEquals(8, IJ.openImage(outDir.resolve("classes-of-second.tif").toString()).getBitDepth());
		assertEquals(ImagePlus.COLOR_RGB, IJ.openImage(outDir.resolve("overview.tif").toString())
			.getType());
		assertEquals(16 * 7, IJ.openImage(outDir.resolve("traversal.tif").toString()).getWidth());
		assertEquals(16, IJ.openImage(outDir.resolve("generated.tif").toString()).getStackSize());
		assertEquals(8 * 16, IJ.openImage(outDir.resolve("tile-pairs.tif").toString()).getHeight());
	}

	@Test
	void aFailingCommandAbortsTheMacroWithItsMessage() {
		final Path model = quickModel();
		assertEquals(Main.USAGE, run("macro", "macros/novelty-area.ijm", TestImages.sample("ihc.tif") +
			"," + model + "," + dir.resolve("mask.tif")), err);
		assertTrue(err.startsWith("error: ") && err.contains("has 3 channel(s)"), err);
		assertTrue(!Files.exists(dir.resolve("mask.tif")));
	}

	@Test
	void unknownOptionsAreNamed() throws IOException {
		final Path model = quickModel();
		final Path macro = Files.writeString(dir.resolve("typo.ijm"), "open(\"" + TestImages.sample(
			"brick.tif").toAbsolutePath() + "\");\nrun(\"Novelty Heatmap\", \"model=[" + model +
			"] treshold=3\");\n");
		assertEquals(Main.USAGE, run("macro", macro.toString()));
		assertTrue(err.contains("unknown option 'treshold' for Novelty Heatmap; it takes explain, model"), err);
	}

	/** A ticked checkbox, as ImageJ's recorder writes it: its bare key. */
	@Test
	void aBareKeyTicksTheCheckbox() throws IOException {
		final Path model = quickModel();
		final String open = "open(\"" + TestImages.sample("brick.tif").toAbsolutePath() + "\");\n";
		for (final String explain : new String[] { "", " explain" }) {
			final Path macro = Files.writeString(dir.resolve("explain.ijm"), "before = nImages;\n" + open +
				"run(\"Novelty Heatmap\", \"model=[" + model + "]" + explain + "\");\n" +
				"print(\"new images: \" + (nImages - before));\n");
			assertEquals(0, run("macro", macro.toString()), err);
			// the image, the heatmap, its mask and, asked to explain, the terms
			assertTrue(out.contains("new images: " + (explain.isEmpty() ? 3 : 4)), explain + ": " + out);
		}
	}

	@Test
	void aBrokenMacroIsAnErrorNotADialog() throws IOException {
		final Path macro = Files.writeString(dir.resolve("bad.ijm"), "selectImage(\"nothing\");\n");
		assertEquals(Main.USAGE, run("macro", macro.toString()));
		assertTrue(err.startsWith("error: macro") && err.contains("nothing"), err);
		assertEquals(Main.USAGE, run("macro", dir.resolve("none.ijm").toString()));
		assertTrue(err.contains("does not exist"), err);
	}

	@Test
	void badOptionsAbortTheMacroWithOneLine() throws IOException {
		final String open = "open(\"" + TestImages.sample("brick.tif").toAbsolutePath() + "\");\n";
		final String[][] cases = {
			{ "run(\"Extract Texture Tiles\", \"tile_size=0\");", "tile size must be an even number" },
			{ "run(\"Train VAE\", \"model=[" + dir.resolve("m.zip") + "] tile_size=abc\");",
				"option tile_size=abc of Train VAE is not a valid int" },
			{ "run(\"Train VAE\", \"model=[" + dir.resolve("m.zip") + "] epochs=2.5\");",
				"option epochs=2.5 of Train VAE is not a valid int" },
			{ "run(\"Train VAE\", \"model=[" + dir.resolve("m.zip") + "] epochs=0\");",
				"epochs must be from 1" },
			{ "run(\"Novelty Heatmap\");", "'model' is required but unset" },
			{ "run(\"Novelty Heatmap\", \"model=[" + dir + "]\");", "is a folder, not a file" } };
		for (final String[] c : cases) {
			final Path macro = Files.writeString(dir.resolve("case.ijm"), open + c[0] + "\n");
			assertEquals(Main.USAGE, run("macro", macro.toString()), c[0]);
			assertTrue(err.startsWith("error: ") && err.contains(c[1]), c[0] + " -> " + err);
			assertEquals(1, err.strip().split("\n").length, err);
			assertTrue(!Files.exists(dir.resolve("m.zip")));
		}
	}

	@Test
	void builtInCommandsRunHeadless() throws IOException {
		final Path macro = Files.writeString(dir.resolve("blur.ijm"), "setBatchMode(true);\nopen(\"" +
			TestImages.sample("brick.tif").toAbsolutePath() + "\");\nrun(\"Gaussian Blur...\", \"sigma=2\");\nsaveAs(\"Tiff\", \"" +
			dir.resolve("blurred.tif") + "\");\n");
		assertEquals(0, run("macro", macro.toString()), err);
		assertTrue(Files.isRegularFile(dir.resolve("blurred.tif")));
	}
}
