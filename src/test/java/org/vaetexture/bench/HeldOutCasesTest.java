package org.vaetexture.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeldOutCasesTest {

	@TempDir
	Path dir;

	@Test
	void casesAreSeededAndBlobsKeepTheTestImagesMeanAndStd() throws IOException {
		HeldOutCases.write(Path.of("sample-images"), dir.resolve("a"));
		HeldOutCases.write(Path.of("sample-images"), dir.resolve("b"));
		try (var files = Files.list(dir.resolve("a"))) {
			assertEquals(18, files.count(), "six cases of three files");
		}
		for (final String name : new String[] { "gravel-blur", "brick-noise", "grass-foreign-gravel",
			"ihc-fine", "brick-rotated", "gravel-coarse" })
		{
			final byte[] test = pixels(dir.resolve("a/" + name + "-test.tif"));
			assertArrayEquals(test, pixels(dir.resolve("b/" + name + "-test.tif")), name + " is seeded");
			final byte[] mask = pixels(dir.resolve("a/" + name + "-mask.tif"));
			final ImagePlus train = IJ.openImage(dir.resolve("a/" + name + "-train.tif").toString());
			assertEquals(256, train.getHeight());
			double s = 0, s2 = 0, bs = 0, bs2 = 0;
			int n = 0;
			for (int i = 0; i < test.length; i++) {
				final double v = test[i] & 0xff;
				s += v;
				s2 += v * v;
				if (mask[i] != 0) {
					bs += v;
					bs2 += v * v;
					n++;
				}
			}
			assertTrue(n > 1000 && n < test.length / 2, name + ": blobs cover " + n + " pixels");
			final double mean = s / test.length, blobMean = bs / n;
			final double sd = Math.sqrt(s2 / test.length - mean * mean), blobSd = Math.sqrt(bs2 / n -
				blobMean * blobMean);
			assertEquals(mean, blobMean, 0.1 * sd, name + ": blob mean");
			assertEquals(sd, blobSd, 0.1 * sd, name + ": blob standard deviation");
		}
	}

	private static byte[] pixels(final Path file) {
		return (byte[]) IJ.openImage(file.toString()).getProcessor().getPixels();
	}
}
