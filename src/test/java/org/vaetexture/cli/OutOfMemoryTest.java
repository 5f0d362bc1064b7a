package org.vaetexture.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaetexture.TestImages;

/** Running out of memory is one line too: a novelty map of 4,000^2 pixels in a 40 MB heap. */
class OutOfMemoryTest {

	@TempDir
	Path dir;

	@Test
	void outOfMemoryIsOneLineAndExitOne() throws Exception {
		final Path model = dir.resolve("m.zip");
		final CliRun trained = CliRun.of("train", "--input", TestImages.sample("gravel.tif").toString(),
			"--model", model.toString(), "--tile-size", "8", "--latent-dim", "2", "--epochs", "1",
			"--steps-per-epoch", "2", "--batch-size", "8");
		assertEquals(0, trained.code, trained.err);
		final ByteProcessor pixels = new ByteProcessor(4000, 4000);
		new Random(1).nextBytes((byte[]) pixels.getPixels());
		final Path image = TestImages.save(new ImagePlus("large", pixels), dir.resolve("large.tif"));
		final Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Xmx40m", "-cp", System.getProperty("surefire.test.class.path", System
				.getProperty("java.class.path")), Main.class.getName(), "novelty", "--model", model
					.toString(), "--input", image.toString(), "--output", dir.resolve("n.tif").toString())
						.start();
		p.getOutputStream().close();
		final String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(1, p.waitFor(), err);
		assertTrue(err.startsWith("error: out of memory"), err);
		assertEquals(1, err.strip().split("\n").length, "one line: " + err);
	}
}
