package org.vaetexture.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaetexture.TestImages;

/**
 * The same seed and settings give the same model file, entry for entry and bit for bit (one thread:
 * every sum is done in the same order), apart from the measured training times; the same model
 * gives the same maps, bit for bit.
 */
class ReproducibilityTest {

	@TempDir
	Path dir;

	/** A 128 x 128 crop of a sample texture, as a TIFF file. */
	private Path crop(final String sample) {
		final ImagePlus imp = IJ.openImage(TestImages.sample(sample).toString());
		imp.setRoi(0, 0, 128, 128);
		return TestImages.save(imp.crop(), dir.resolve("crop-" + sample));
	}

	private Path train(final String name, final String seed) {
		final Path model = dir.resolve(name);
		final CliRun r = CliRun.of("train", "--input", crop("gravel.tif").toString(),
			"--model", model.toString(), "--tile-size", "8", "--latent-dim", "4", "--epochs", "2",
			"--steps-per-epoch", "4", "--batch-size", "16", "--seed", seed);
		assertEquals(0, r.code, r.err);
		return model;
	}

	@Test
	void sameSeedSameModelFileAndMaps() throws IOException {
		final Map<String, byte[]> a = entries(train("a.zip", "5")), b = entries(train("b.zip", "5"));
		final Map<String, byte[]> c = entries(train("c.zip", "6"));
		assertEquals(a.keySet(), b.keySet());
		for (final String name : a.keySet())
			if (!name.endsWith(".json")) assertArrayEquals(a.get(name), b.get(name), name);
		assertEquals(withoutTimes(a.get("vae-texture.json")), withoutTimes(b.get("vae-texture.json")));
		assertFalse(java.util.Arrays.equals(a.get("weights/mu_w.f32"), c.get("weights/mu_w.f32")),
			"another seed gives other weights");
		assertArrayEquals(novelty("a.zip"), novelty("b.zip"));
	}

	private float[] novelty(final String model) {
		final Path out = dir.resolve(model + ".tif");
		final CliRun r = CliRun.of("novelty", "--model", dir.resolve(model).toString(), "--input",
			crop("brick.tif").toString(), "--output", out.toString());
		assertEquals(0, r.code, r.err);
		final ImagePlus imp = IJ.openImage(out.toString());
		return (float[]) imp.getProcessor().getPixels();
	}

	private static String withoutTimes(final byte[] json) {
		return new String(json, StandardCharsets.UTF_8).replaceAll("\"seconds\": [0-9.eE+-]+", "");
	}

	private static Map<String, byte[]> entries(final Path zipFile) throws IOException {
		final Map<String, byte[]> entries = new TreeMap<>();
		try (ZipFile zip = new ZipFile(zipFile.toFile())) {
			for (final ZipEntry e : java.util.Collections.list(zip.entries()))
				entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
		}
		return entries;
	}
}
