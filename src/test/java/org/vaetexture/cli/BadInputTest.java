package org.vaetexture.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Random;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vaetexture.TestImages;

/**
 * Bad input at the command line, one case per row: exit 2, one line {@code error: ...} with the
 * expected words, nothing on stdout, no file written. {@code {x}} in a row stands for fixture x.
 */
class BadInputTest {

	@TempDir
	static Path dir;

	private static final String TRAIN = "train --tile-size 8 --epochs 1 --steps-per-epoch 2 --batch-size 4";

	@BeforeAll
	static void fixtures() throws IOException {
		TestImages.save(TestImages.noise(40, 40, 1), dir.resolve("grey.tif"));
		TestImages.save(rgb(40, 40), dir.resolve("rgb.tif"));
		TestImages.save(TestImages.noise(1, 1, 2), dir.resolve("one.tif"));
		TestImages.save(hyperstack(), dir.resolve("hyper.tif"));
		final ImagePlus inf = TestImages.noise(40, 40, 3);
		inf.getProcessor().putPixelValue(7, 9, Float.POSITIVE_INFINITY);
		TestImages.save(inf, dir.resolve("inf.tif"));
		Files.write(dir.resolve("empty.tif"), new byte[0]);
		Files.writeString(dir.resolve("text.tif"), "not an image\n", StandardCharsets.UTF_8);
		final byte[] noise = new byte[3000];
		new Random(4).nextBytes(noise);
		Files.write(dir.resolve("bytes.zip"), noise);
		Files.createDirectory(dir.resolve("folder"));
		for (final String kind : new String[] { "grey", "rgb" }) {
			final CliRun r = CliRun.of(args(TRAIN + " --input {" + kind + ".tif} --model {" + kind +
				".zip}"));
			assertEquals(0, r.code, r.err);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
		"empty file as image          | " + TRAIN + " --input {empty.tif} --model {m.zip}   | /empty.tif' is not an image ImageJ can read",
		"text file as image           | " + TRAIN + " --input {text.tif} --model {m.zip}    | /text.tif' is not an image ImageJ can read",
		"folder as image              | " + TRAIN + " --input {folder} --model {m.zip}      | /folder' is a folder; give an image file",
		"1-pixel image                | " + TRAIN + " --input {one.tif} --model {m.zip}     | is 1 x 1 pixels, smaller than the tile size 8",
		"infinite pixel               | " + TRAIN + " --input {inf.tif} --model {m.zip}     | NaN or infinite pixel at x=7, y=9",
		"mask of another size         | " + TRAIN + " --input {grey.tif} --mask {one.tif} --model {m.zip} | mask",
		"option of the wrong type     | " + TRAIN + " --input {grey.tif} --model {m.zip} --beta abc | 'abc' is not a double",
		"seed that is not an integer  | " + TRAIN + " --input {grey.tif} --model {m.zip} --seed 1.5 | '1.5' is not a long",
		"batch size 0                 | train --tile-size 8 --input {grey.tif} --model {m.zip} --batch-size 0 | batch size must be from 1 to 4096, got 0",
		"no thread                    | " + TRAIN + " --input {grey.tif} --model {m.zip} --threads 0 | threads must be from 1 to 256",
		"false-positive rate 2        | " + TRAIN + " --input {grey.tif} --model {m.zip} --false-positive-rate 2 | false-positive rate must be between 0 and 1",
		"learning rate NaN            | " + TRAIN + " --input {grey.tif} --model {m.zip} --learning-rate NaN | learning rate must be above 0",
		"network too large for memory | train --input {grey.tif} --model {m.zip} --tile-size 512 --latent-dim 1024 | network parameters, more than the 67108864 allowed",
		"unknown option               | " + TRAIN + " --input {grey.tif} --model {m.zip} --colour red | Unknown options: '--colour'",
		"model path is a folder       | " + TRAIN + " --input {grey.tif} --model {folder}   | it is a folder; give a file name",
		"model folder is a file       | " + TRAIN + " --input {grey.tif} --model {grey.tif}/m.zip | is a file, not a folder",
		"grey model, RGB image        | novelty --model {grey.zip} --input {rgb.tif} --output {o.tif} | rgb.tif' has 3 channel(s) but the model was trained on 1",
		"RGB model, grey image        | novelty --model {rgb.zip} --input {grey.tif} --output {o.tif} | grey.tif' has 1 channel(s) but the model was trained on 3",
		"hyperstack of 2 channels     | features --model {grey.zip} --input {hyper.tif} --output {o.tif} | hyper.tif' has 2 channel(s) but the model was trained on 1",
		"image smaller than the tile  | kl --model {grey.zip} --input {one.tif} --output {o.tif} | smaller than the tile size 8",
		"empty model file             | kl --model {empty.tif} --input {grey.tif} --output {o.tif} | empty.tif' is not a VAE Texture model or is truncated",
		"random bytes as model        | info --model {bytes.zip}                            | bytes.zip' is not a VAE Texture model",
		"folder as model              | kl --model {folder} --input {grey.tif} --output {o.tif} | is a folder, not a file",
		"image as model               | kl --model {grey.tif} --input {grey.tif} --output {o.tif} | grey.tif' is not a VAE Texture model",
		"output is a folder           | features --model {grey.zip} --input {grey.tif} --output {folder} | it is a folder; give a file name",
		"second output in no folder   | reconstruct --model {grey.zip} --input {grey.tif} --output {o.tif} --error-output {none}/e.tif | does not exist",
		"mask output under a file     | novelty --model {grey.zip} --input {grey.tif} --output {o.tif} --mask-output {grey.tif}/m.tif | is a file, not a folder",
		"folder as macro              | macro {folder}                                      | is a folder; give an .ijm file",
		"benchmark of negative length | bench --seconds -1                                  | --seconds must be above 0",
		"large image of negative size | bench --skip-speed --skip-novelty --large -5        | --large must be from 0" })
	void failsWithOneLineAndWritesNothing(final String what, final String command, final String part) {
		assertFails(args(command), part);
	}

	@Test
	void aFolderThatEvenRootCannotWriteIsRefusedBeforeTraining() {
		assumeTrue(Files.isDirectory(Paths.get("/proc/self")), "needs Linux's /proc");
		assertFails(args(TRAIN + " --input {grey.tif} --model /proc/m.zip"),
			"folder '/proc' is not writable");
	}

	private static void assertFails(final String[] args, final String part) {
		final String[] before = dir.toFile().list();
		Arrays.sort(before);
		final CliRun r = CliRun.of(args);
		assertEquals(Main.USAGE, r.code, r.err);
		assertTrue(r.err.startsWith("error: ") && r.err.contains(part), r.err);
		assertEquals(1, r.err.strip().split("\n").length, "one line: " + r.err);
		assertEquals("", r.out);
		final String[] after = dir.toFile().list();
		Arrays.sort(after);
		assertArrayEquals(before, after, "nothing written, no temporary file left");
	}

	/** The words of a command line with {x} replaced by the path of x in the fixture folder. */
	private static String[] args(final String command) {
		final String[] words = command.trim().split("\\s+");
		for (int i = 0; i < words.length; i++)
			words[i] = words[i].replaceAll("\\{([^}]*)\\}", java.util.regex.Matcher.quoteReplacement(dir
				.toString()) + "/$1");
		return words;
	}

	private static ImagePlus rgb(final int w, final int h) {
		final Random random = new Random(5);
		final int[] pixels = new int[w * h];
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = random.nextInt(1 << 24);
		return new ImagePlus("rgb", new ColorProcessor(w, h, pixels));
	}

	/** Two channels, two Z slices. */
	private static ImagePlus hyperstack() {
		final ImageStack stack = new ImageStack(40, 40);
		for (int i = 0; i < 4; i++)
			stack.addSlice(TestImages.noise(40, 40, 10 + i).getProcessor());
		final ImagePlus imp = new ImagePlus("hyper", stack);
		imp.setDimensions(2, 2, 1);
		imp.setOpenAsHyperStack(true);
		return imp;
	}
}
