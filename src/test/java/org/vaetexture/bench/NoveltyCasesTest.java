package org.vaetexture.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoveltyCasesTest {

	private static final Path SAMPLES = Path.of("sample-images");

	@TempDir
	Path dir;

	@Test
	void casesAreSeededAndBlobsKeepTheTestImagesMeanAndStd() throws IOException {
		NoveltyCases.writeHeldOut(SAMPLES, dir.resolve("a"));
		NoveltyCases.writeHeldOut(SAMPLES, dir.resolve("b"));
		NoveltyCases.writeDevelopment(SAMPLES, dir.resolve("dev"));
		final Set<String> heldOut = names(dir.resolve("a")), development = names(dir.resolve("dev"));
		assertEquals(Set.of("gravel-blur", "brick-noise", "grass-foreign-gravel", "ihc-fine",
			"brick-rotated", "gravel-coarse"), heldOut);
		assertEquals(10, development.size(), "" + development);
		for (final String name : heldOut)
			assertTrue(!development.contains(name), name + " is in both sets");
		for (final String name : heldOut) {
			final byte[] test = pixels(dir.resolve("a/" + name + "-test.tif"));
			assertArrayEquals(test, pixels(dir.resolve("b/" + name + "-test.tif")), name + " is seeded");
			assertEquals(256, IJ.openImage(dir.resolve("a/" + name + "-train.tif").toString())
				.getHeight());
			assertBlobKeepsStatistics(dir.resolve("a"), name, true);
		}
		for (final String name : development)
			if (!name.equals("cell-real")) // a smooth patch keeps the mean only
				assertBlobKeepsStatistics(dir.resolve("dev"), name, !name.equals("ihc-smooth"));
	}

	@Test
	void theRealCaseMasksTheCell() throws IOException {
		NoveltyCases.writeDevelopment(SAMPLES, dir);
		final byte[] test = pixels(dir.resolve("cell-real-test.tif")), mask = pixels(dir.resolve(
			"cell-real-mask.tif"));
		final ImagePlus train = IJ.openImage(dir.resolve("cell-real-train.tif").toString());
		assertEquals(660, train.getHeight() + IJ.openImage(dir.resolve("cell-real-test.tif").toString())
			.getHeight());
		int inside = 0, outside = 0, n = 0;
		for (int i = 0; i < test.length; i++)
			if (mask[i] != 0) {
				inside = Math.max(inside, test[i] & 0xff);
				n++;
			}
			else outside = Math.max(outside, test[i] & 0xff);
		assertTrue(n > 10000 && n < test.length / 5, "the cell covers " + n + " pixels");
		assertTrue(inside > outside + 20, "the bright cell is masked: " + inside + " vs " + outside);
	}

	@Test
	void theFirstExampleInSampleImagesIsTheOneWrittenHere() throws IOException {
		NoveltyCases.writeSample(SAMPLES, dir);
		for (final String name : new String[] { "gravel-normal.tif", "gravel-anomalies.tif",
			"gravel-anomalies-mask.tif" })
			assertArrayEquals(pixels(SAMPLES.resolve(name)), pixels(dir.resolve(name)), name);
	}

	private void assertBlobKeepsStatistics(final Path folder, final String name,
		final boolean keepsSpread)
	{
		final byte[] test = pixels(folder.resolve(name + "-test.tif"));
		final byte[] mask = pixels(folder.resolve(name + "-mask.tif"));
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
		if (keepsSpread) assertEquals(sd, blobSd, 0.1 * sd, name + ": blob standard deviation");
	}

	private static Set<String> names(final Path folder) throws IOException {
		try (var files = Files.list(folder)) {
			return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith("-train.tif")).map(
				f -> f.replace("-train.tif", "")).collect(Collectors.toSet());
		}
	}

	private static byte[] pixels(final Path file) {
		return (byte[]) IJ.openImage(file.toString()).getProcessor().getPixels();
	}
}
